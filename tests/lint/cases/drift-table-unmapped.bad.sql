-- drift-table-unmapped: tables of the database that no model maps.

CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);

-- the database:
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
-- Left over from a model that was removed.
CREATE TABLE users_old (id INTEGER PRIMARY KEY, name TEXT); -- expect: drift-table-unmapped
CREATE TABLE "audit log" ( -- expect: drift-table-unmapped
  id INTEGER PRIMARY KEY,
  what TEXT NOT NULL
);
