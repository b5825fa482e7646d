-- schema-object-unreadable: views over what exists; a table dropped and
-- created again under the same name, as migrations do.
CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE pen_name (id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES author (id), name TEXT);
CREATE INDEX ix_pen_name_author ON pen_name (author_id);
CREATE VIEW names AS SELECT name FROM pen_name;
DROP VIEW names;
CREATE VIEW names AS SELECT a.name, p.name AS pen FROM author AS a JOIN pen_name AS p ON p.author_id = a.id;
DROP TABLE IF EXISTS pen_name;
CREATE TABLE pen_name (id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES author (id), name TEXT);
CREATE INDEX ix_pen_name_author ON pen_name (author_id);
