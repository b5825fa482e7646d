-- fk-type-mismatch, fixed: each foreign key column has its target's type.

CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(120) NOT NULL UNIQUE);
CREATE TABLE edition (
  book_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  PRIMARY KEY (book_id, number)
);

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  -- Near miss: spellings of one family (TEXT, VARCHAR) agree.
  author_email TEXT REFERENCES users (email),
  -- Near miss: so do INT and BIGINT and INTEGER, and in SQLite (where this
  -- script runs) every integer is 64-bit, so an INT holds a BIGINT's ids.
  book_id BIGINT NOT NULL,
  edition_number INT NOT NULL,
  -- Near miss: a column without a type is not compared.
  editor_id REFERENCES users (id),
  FOREIGN KEY (book_id, edition_number) REFERENCES edition (book_id, number)
);
CREATE INDEX ix_post_user ON post (user_id);
CREATE INDEX ix_post_author_email ON post (author_email);
CREATE INDEX ix_post_edition ON post (book_id, edition_number);
CREATE INDEX ix_post_editor ON post (editor_id);
