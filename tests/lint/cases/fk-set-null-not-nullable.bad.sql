-- fk-set-null-not-nullable: SET NULL on a foreign key column that is NOT
-- NULL, so deleting (or re-keying) the parent fails.

CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);
CREATE TABLE edition (
  book_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  PRIMARY KEY (book_id, number)
);

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE SET NULL, -- expect: fk-set-null-not-nullable
  editor_id INTEGER NOT NULL REFERENCES users (id) ON UPDATE SET NULL -- expect: fk-set-null-not-nullable
);
CREATE INDEX ix_post_user ON post (user_id);
CREATE INDEX ix_post_editor ON post (editor_id);

-- A primary key column cannot be NULL either.
CREATE TABLE user_profile (
  id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE SET NULL, -- expect: fk-set-null-not-nullable
  bio TEXT
);

-- A composite foreign key: reported for its NOT NULL column only.
CREATE TABLE review (
  id INTEGER PRIMARY KEY,
  book_id INTEGER NOT NULL,
  edition_number INTEGER,
  FOREIGN KEY (book_id, edition_number) REFERENCES edition (book_id, number) -- expect: fk-set-null-not-nullable
    ON DELETE SET NULL
);
CREATE INDEX ix_review_edition ON review (book_id, edition_number);
