-- fk-target-not-unique, fixed: every referenced column set is a key.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  handle TEXT NOT NULL,
  nickname TEXT
);
-- Near miss: a unique index makes a key as well as a constraint does.
CREATE UNIQUE INDEX ux_users_handle ON users (handle);
CREATE INDEX ix_users_nickname ON users (nickname);
CREATE TABLE edition (
  book_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  PRIMARY KEY (book_id, number)
);

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  author_email TEXT NOT NULL REFERENCES users (email),
  author_handle TEXT REFERENCES users (handle),
  author_id INTEGER REFERENCES users (id),
  book_id INTEGER,
  edition_number INTEGER,
  -- Near miss: the whole composite key, named in another order.
  FOREIGN KEY (edition_number, book_id) REFERENCES edition (number, book_id)
);
CREATE INDEX ix_post_author_email ON post (author_email);
CREATE INDEX ix_post_author_handle ON post (author_handle);
CREATE INDEX ix_post_author ON post (author_id);
CREATE INDEX ix_post_edition ON post (edition_number, book_id);
