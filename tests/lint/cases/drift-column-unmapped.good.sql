-- drift-column-unmapped: the models map every column.

CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, nickname TEXT);
CREATE TABLE post (id INTEGER PRIMARY KEY);

-- the database:
CREATE TABLE users (id INTEGER PRIMARY KEY, NAME TEXT NOT NULL, nickname TEXT);
-- The columns of a table no model maps are drift-table-unmapped's.
CREATE TABLE audit (id INTEGER PRIMARY KEY, what TEXT); -- expect: drift-table-unmapped
CREATE TABLE post (id INTEGER PRIMARY KEY);
