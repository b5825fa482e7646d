-- fk-set-default-no-default, fixed: the columns have defaults.

CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);
CREATE TABLE edition (
  book_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  PRIMARY KEY (book_id, number)
);

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER DEFAULT 1 REFERENCES users (id) ON DELETE SET DEFAULT,
  editor_id INTEGER DEFAULT 1 REFERENCES users (id) ON UPDATE SET DEFAULT,
  -- Near misses: other actions need no default.
  reviewer_id INTEGER REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
  approver_id INTEGER REFERENCES users (id) ON DELETE RESTRICT ON UPDATE NO ACTION
);
CREATE INDEX ix_post_user ON post (user_id);
CREATE INDEX ix_post_editor ON post (editor_id);
CREATE INDEX ix_post_reviewer ON post (reviewer_id);
CREATE INDEX ix_post_approver ON post (approver_id);

CREATE TABLE review (
  id INTEGER PRIMARY KEY,
  book_id INTEGER NOT NULL DEFAULT 1,
  edition_number INTEGER DEFAULT 1,
  edition_book_id INTEGER DEFAULT 1,
  FOREIGN KEY (book_id, edition_number) REFERENCES edition (book_id, number)
    ON DELETE SET DEFAULT,
  FOREIGN KEY (edition_book_id, edition_number) REFERENCES edition (book_id, number)
    ON DELETE SET DEFAULT
);
CREATE INDEX ix_review_edition ON review (book_id, edition_number);
CREATE INDEX ix_review_edition_book ON review (edition_book_id, edition_number);
