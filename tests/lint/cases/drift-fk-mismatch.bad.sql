-- drift-fk-mismatch: the database's foreign key acts otherwise.

CREATE TABLE users (id INTEGER PRIMARY KEY);
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE, -- expect: drift-fk-mismatch
  editor_id INTEGER REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE, -- expect: drift-fk-mismatch
  reviewer_id INTEGER REFERENCES users (id) -- expect: drift-fk-mismatch
);

-- the database:
CREATE TABLE users (id INTEGER PRIMARY KEY);
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  editor_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  reviewer_id INTEGER REFERENCES users (id) ON DELETE CASCADE
);
