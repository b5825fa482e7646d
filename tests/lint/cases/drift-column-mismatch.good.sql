-- drift-column-mismatch: spellings of one type, of one default.

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  title VARCHAR(120) NOT NULL,
  views INTEGER NOT NULL DEFAULT 0,
  score DOUBLE PRECISION,
  flag BOOLEAN DEFAULT TRUE,
  created TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
  body TEXT,
  price NUMERIC(10, 2),
  kind TEXT DEFAULT 'it''s',
  extra TEXT,
  -- A type modelgraph does not know is not compared.
  shape GEOMETRY
);

-- the database:
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  -- SQLite enforces no length and no width.
  title VARCHAR(40) NOT NULL,
  views INT NOT NULL DEFAULT (0),
  score REAL,
  flag BOOL DEFAULT 1,
  created DATETIME DEFAULT (datetime('now')),
  body CLOB,
  price DECIMAL(8, 2),
  kind VARCHAR DEFAULT 'it''s',
  -- A default only the database has fills what the models leave out.
  extra TEXT DEFAULT 'x',
  shape BLOB
);
