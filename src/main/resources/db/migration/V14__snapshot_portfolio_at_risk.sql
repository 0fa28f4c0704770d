-- Issue 16: the 15th's snapshot also keeps PAR30 and PAR90 (principal of the loans at risk and its share
-- of the gross portfolio, as PortfolioIndicators defines them), so the trend reads stored reporting dates
-- instead of recomputing them. NULL in rows taken before V14: the trend computes those dates.
-- Portable SQL (H2, PostgreSQL).
ALTER TABLE portfolio_snapshot ADD COLUMN par30_principal NUMERIC(19,2);
ALTER TABLE portfolio_snapshot ADD COLUMN par30_ratio NUMERIC(7,4);
ALTER TABLE portfolio_snapshot ADD COLUMN par90_principal NUMERIC(19,2);
ALTER TABLE portfolio_snapshot ADD COLUMN par90_ratio NUMERIC(7,4);
