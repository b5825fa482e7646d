-- fk-target-not-unique: foreign keys to columns that are neither the
-- primary key nor unique, so a reference may match several parent rows.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  handle TEXT NOT NULL,
  nickname TEXT
);
-- A plain index makes lookups fast, not values unique.
CREATE INDEX ix_users_email ON users (email);
-- A unique index over some rows only does not make the column a key.
CREATE UNIQUE INDEX ux_users_nickname ON users (nickname) WHERE nickname IS NOT NULL;
CREATE TABLE edition (
  book_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  PRIMARY KEY (book_id, number)
);

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  author_email TEXT NOT NULL REFERENCES users (email), -- expect: fk-target-not-unique
  author_handle TEXT REFERENCES users (handle), -- expect: fk-target-not-unique
  author_nickname TEXT REFERENCES users (nickname), -- expect: fk-target-not-unique
  -- Part of a composite primary key.
  book_id INTEGER REFERENCES edition (book_id) -- expect: fk-target-not-unique
);
CREATE INDEX ix_post_author_email ON post (author_email);
CREATE INDEX ix_post_author_handle ON post (author_handle);
CREATE INDEX ix_post_author_nickname ON post (author_nickname);
CREATE INDEX ix_post_book ON post (book_id);
