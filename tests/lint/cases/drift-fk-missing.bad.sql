-- drift-fk-missing: foreign keys of the models that the database lacks.

CREATE TABLE users (id INTEGER PRIMARY KEY);
CREATE TABLE edition (
  book_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  PRIMARY KEY (book_id, number)
);
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id), -- expect: drift-fk-missing
  editor_id INTEGER REFERENCES users (id), -- expect: drift-fk-missing
  book_id INTEGER,
  edition INTEGER,
  FOREIGN KEY (book_id, edition) REFERENCES edition (book_id, number) -- expect: drift-fk-missing
);

-- the database:
CREATE TABLE users (id INTEGER PRIMARY KEY);
CREATE TABLE edition (
  book_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  PRIMARY KEY (book_id, number)
);
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  -- No key at all.
  user_id INTEGER NOT NULL,
  -- A key to another table.
  editor_id INTEGER REFERENCES edition (book_id),
  -- One column of the two.
  book_id INTEGER REFERENCES edition (book_id),
  edition INTEGER
);
