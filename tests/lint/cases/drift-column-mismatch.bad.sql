-- drift-column-mismatch: a column differs in type class, NULL, default or
-- numbering; each difference is a finding of its own.

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  title VARCHAR(120) NOT NULL, -- expect: drift-column-mismatch
  views INTEGER NOT NULL DEFAULT 0, -- expect: drift-column-mismatch, drift-column-mismatch
  score REAL, -- expect: drift-column-mismatch
  status TEXT DEFAULT 'draft', -- expect: drift-column-mismatch
  created TIMESTAMP DEFAULT CURRENT_TIMESTAMP, -- expect: drift-column-mismatch
  note TEXT NOT NULL, -- expect: drift-column-mismatch
  summary TEXT -- expect: drift-column-mismatch
);
-- INT PRIMARY KEY is no rowid in SQLite: the database does not number it.
CREATE TABLE tag (id INTEGER PRIMARY KEY, name TEXT); -- expect: drift-column-mismatch

-- the database:
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  title INTEGER NOT NULL,
  views INTEGER,
  score TEXT,
  status TEXT DEFAULT 'published',
  created DATE DEFAULT CURRENT_TIMESTAMP,
  note TEXT,
  summary TEXT NOT NULL DEFAULT ''
);
CREATE TABLE tag (id INT PRIMARY KEY, name TEXT);
