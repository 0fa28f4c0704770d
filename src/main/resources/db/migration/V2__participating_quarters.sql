-- The quarters of the MIQUA network (DOMAIN.md). Their local funds are registered per installation
-- (the demo profile seeds them); a quarter without a fund has no capacity for quarter loans.
INSERT INTO quarter (code, name) VALUES ('offenbach', 'Offenbach');
INSERT INTO quarter (code, name) VALUES ('duisburg', 'Duisburg');
INSERT INTO quarter (code, name) VALUES ('gelsenkirchen', 'Gelsenkirchen');
INSERT INTO quarter (code, name) VALUES ('leipzig', 'Leipzig');
INSERT INTO quarter (code, name) VALUES ('nuernberg', 'Nürnberg');
INSERT INTO quarter (code, name) VALUES ('kiel', 'Kiel');
INSERT INTO quarter (code, name) VALUES ('pforzheim', 'Pforzheim');
