-- fk-target-missing, fixed: every foreign key references existing columns.

CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);
CREATE TABLE edition (
  book_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  PRIMARY KEY (book_id, number)
);
CREATE TABLE tag (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  -- Near miss: names resolve ignoring case.
  author_id INTEGER NOT NULL REFERENCES USERS (ID),
  user_id INTEGER REFERENCES users (id),
  edition_book_id INTEGER,
  edition_number INTEGER,
  -- Near miss: no columns named, meaning a primary key of the same size.
  tag_id INTEGER REFERENCES tag,
  FOREIGN KEY (edition_book_id, edition_number) REFERENCES edition
);
CREATE INDEX ix_post_author ON post (author_id);
CREATE INDEX ix_post_user ON post (user_id);
CREATE INDEX ix_post_edition ON post (edition_book_id, edition_number);
CREATE INDEX ix_post_tag ON post (tag_id);
