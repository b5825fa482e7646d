-- drift-column-missing: columns of the models that the database lacks.

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  title VARCHAR(120) NOT NULL,
  body TEXT, -- expect: drift-column-missing
  "published at" TIMESTAMP -- expect: drift-column-missing
);
-- A table the database lacks is drift-table-missing's, not one finding a column.
CREATE TABLE tag (id INTEGER PRIMARY KEY, name TEXT); -- expect: drift-table-missing

-- the database:
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  title VARCHAR(120) NOT NULL,
  -- Renamed on one side only: one column missing, one unmapped.
  published TIMESTAMP -- expect: drift-column-unmapped
);
