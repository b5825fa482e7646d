-- fk-set-null-not-nullable, fixed: SET NULL only where NULL is allowed,
-- another action where it is not.

CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);
CREATE TABLE edition (
  book_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  PRIMARY KEY (book_id, number)
);

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  editor_id INTEGER REFERENCES users (id) ON UPDATE SET NULL,
  -- Near miss: NOT NULL with an action that writes no NULL.
  author_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX ix_post_user ON post (user_id);
CREATE INDEX ix_post_editor ON post (editor_id);
CREATE INDEX ix_post_author ON post (author_id);

CREATE TABLE user_profile (
  id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  bio TEXT
);

CREATE TABLE review (
  id INTEGER PRIMARY KEY,
  book_id INTEGER,
  edition_number INTEGER,
  FOREIGN KEY (book_id, edition_number) REFERENCES edition (book_id, number)
    ON DELETE SET NULL
);
CREATE INDEX ix_review_edition ON review (book_id, edition_number);
