-- schema-object-unreadable: a view over a table dropped since, and one over
-- a column renamed away under the old ALTER rules; the tables are read.
CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE pen_name (id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES author (id), name TEXT);
CREATE INDEX ix_pen_name_author ON pen_name (author_id);
CREATE TABLE old_names (id INTEGER PRIMARY KEY, name TEXT);
CREATE VIEW names AS SELECT name FROM old_names; -- expect: schema-object-unreadable
DROP TABLE old_names;
