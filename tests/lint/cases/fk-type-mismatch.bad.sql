-- fk-type-mismatch: foreign key columns whose type family differs from the
-- referenced column's, so equal-looking values fail to join.

CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(120) NOT NULL UNIQUE);
CREATE TABLE edition (
  book_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  PRIMARY KEY (book_id, number)
);

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  -- Text referencing an integer.
  user_id TEXT NOT NULL REFERENCES users (id), -- expect: fk-type-mismatch
  -- An integer referencing text.
  author_email BIGINT REFERENCES users (email), -- expect: fk-type-mismatch
  book_id INTEGER NOT NULL,
  -- The second column of a composite foreign key.
  edition_number REAL NOT NULL, -- expect: fk-type-mismatch
  FOREIGN KEY (book_id, edition_number) REFERENCES edition (book_id, number)
);
CREATE INDEX ix_post_user ON post (user_id);
CREATE INDEX ix_post_author_email ON post (author_email);
CREATE INDEX ix_post_edition ON post (book_id, edition_number);
