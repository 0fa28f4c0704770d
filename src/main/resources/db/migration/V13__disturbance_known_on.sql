-- When a disturbance became known (issue 16): the bank may report a missed instalment late, with a
-- value date weeks back. The disturbance keeps its value date (started_on, intervention.disturbed_since:
-- the portfolio figures as of any date read them), and the day the report was booked (the engine
-- clock, never a date the sender chooses) is kept beside it: the default period counts from it.

-- NULL: recorded before V13, when the day was not kept.
ALTER TABLE loan_disturbance_period ADD COLUMN known_on DATE;

-- Interventions opened before V13 counted their default date from disturbed_since: that is the day
-- their deadline was counted from, so it is what they record.
ALTER TABLE intervention ADD COLUMN known_on DATE;
UPDATE intervention SET known_on = disturbed_since;
ALTER TABLE intervention ALTER COLUMN known_on SET NOT NULL;
ALTER TABLE intervention ADD CONSTRAINT intervention_known_after_disturbed CHECK (known_on >= disturbed_since);
