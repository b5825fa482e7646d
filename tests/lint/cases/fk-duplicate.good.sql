-- fk-duplicate, fixed: each reference is declared once.

CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);
CREATE TABLE edition (
  book_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  PRIMARY KEY (book_id, number)
);

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  -- Near miss: two columns referencing one table are two relationships.
  editor_id INTEGER REFERENCES users (id)
);
CREATE INDEX ix_post_user ON post (user_id);
CREATE INDEX ix_post_editor ON post (editor_id);

CREATE TABLE comment (
  id INTEGER PRIMARY KEY,
  author_id INTEGER NOT NULL,
  author_name TEXT,
  CONSTRAINT fk_author FOREIGN KEY (author_id) REFERENCES users (id),
  -- Near miss: the same table, but another referenced column.
  CONSTRAINT fk_author_name FOREIGN KEY (author_name) REFERENCES users (username)
);
CREATE INDEX ix_comment_author ON comment (author_id);
CREATE INDEX ix_comment_author_name ON comment (author_name);

CREATE TABLE review (
  id INTEGER PRIMARY KEY,
  book_id INTEGER NOT NULL,
  edition_number INTEGER NOT NULL,
  FOREIGN KEY (book_id, edition_number) REFERENCES edition (book_id, number)
);
CREATE INDEX ix_review_edition ON review (book_id, edition_number);
