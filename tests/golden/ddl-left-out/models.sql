-- What ddl cannot write says so in a comment: a key to a column or table
-- that is not there, an index over an expression or a part of the rows, a view.
CREATE TABLE a (id INTEGER PRIMARY KEY);
CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (nope), c_id INTEGER REFERENCES c (id));
CREATE VIEW v AS SELECT 1 AS x;
CREATE INDEX ix_b_expr ON b (a_id + 1);
CREATE INDEX ix_b_part ON b (a_id) WHERE a_id > 0;
