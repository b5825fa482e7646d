-- drift-column-unmapped: columns of the database that no model maps, which
-- inserts through the models still fill.

CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);

-- the database:
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  nickname TEXT, -- expect: drift-column-unmapped
  created TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, -- expect: drift-column-unmapped
  -- NOT NULL without a default: inserts fail, a rule of its own.
  email TEXT NOT NULL -- expect: drift-column-unmapped-required
);
