-- drift-column-unmapped-required: unmapped columns that inserts fill.

CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE tally (name TEXT NOT NULL);

-- the database:
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  -- A default fills it.
  email TEXT NOT NULL DEFAULT '', -- expect: drift-column-unmapped
  -- NULL is allowed.
  nickname TEXT -- expect: drift-column-unmapped
);
CREATE TABLE tally (
  -- The rowid numbers itself.
  id INTEGER PRIMARY KEY, -- expect: drift-column-unmapped
  name TEXT NOT NULL
);
