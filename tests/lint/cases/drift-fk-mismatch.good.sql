-- drift-fk-mismatch: the same actions, however spelt.

CREATE TABLE users (id INTEGER PRIMARY KEY);
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  -- RESTRICT, NO ACTION and nothing said act as one.
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  editor_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  reviewer_id INTEGER REFERENCES users (id)
);

-- the database:
CREATE TABLE users (id INTEGER PRIMARY KEY);
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  editor_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  reviewer_id INTEGER REFERENCES users (id) ON UPDATE NO ACTION
);
