-- drift-table-missing: tables of the models that the database lacks.

CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE post ( -- expect: drift-table-missing
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id)
);
-- The database has a view of that name, not a table.
CREATE TABLE tag (id INTEGER PRIMARY KEY, name TEXT NOT NULL); -- expect: drift-table-missing

-- the database:
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE tag_source (id INTEGER PRIMARY KEY, name TEXT NOT NULL); -- expect: drift-table-unmapped
CREATE VIEW tag AS SELECT id, name FROM tag_source;
