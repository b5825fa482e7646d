-- fk-set-default-no-default: SET DEFAULT on a foreign key column that has
-- no default, so the action writes NULL instead.

CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);
CREATE TABLE edition (
  book_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  PRIMARY KEY (book_id, number)
);

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER REFERENCES users (id) ON DELETE SET DEFAULT, -- expect: fk-set-default-no-default
  editor_id INTEGER REFERENCES users (id) ON UPDATE SET DEFAULT -- expect: fk-set-default-no-default
);
CREATE INDEX ix_post_user ON post (user_id);
CREATE INDEX ix_post_editor ON post (editor_id);

-- A composite foreign key: reported once per column without a default.
CREATE TABLE review (
  id INTEGER PRIMARY KEY,
  book_id INTEGER NOT NULL DEFAULT 1,
  edition_number INTEGER,
  edition_book_id INTEGER,
  FOREIGN KEY (book_id, edition_number) REFERENCES edition (book_id, number) -- expect: fk-set-default-no-default
    ON DELETE SET DEFAULT,
  FOREIGN KEY (edition_book_id, edition_number) REFERENCES edition (book_id, number) -- expect: fk-set-default-no-default, fk-set-default-no-default
    ON DELETE SET DEFAULT
);
CREATE INDEX ix_review_edition ON review (book_id, edition_number);
CREATE INDEX ix_review_edition_book ON review (edition_book_id, edition_number);
