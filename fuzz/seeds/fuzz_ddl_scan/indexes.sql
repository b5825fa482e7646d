CREATE TABLE t (a INTEGER, b TEXT);
CREATE UNIQUE INDEX IF NOT EXISTS "ix ""q""" ON t (a COLLATE NOCASE DESC, [g h], "c d" ASC) WHERE b IS NOT NULL;
CREATE INDEX main.ix2 ON "odd ""name""" (lower(plain), `i`);
/* a comment ; with a semicolon */ CREATE INDEX ix3 ON t (x_y) -- trailing
;
