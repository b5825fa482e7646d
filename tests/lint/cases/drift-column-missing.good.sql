-- drift-column-missing: every column of the models is in the database.

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  title VARCHAR(120) NOT NULL,
  Body TEXT,
  "published at" TIMESTAMP
);

-- the database:
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  -- Columns compare ignoring case, and in any order.
  "PUBLISHED AT" TIMESTAMP,
  body TEXT,
  title VARCHAR(120) NOT NULL
);
