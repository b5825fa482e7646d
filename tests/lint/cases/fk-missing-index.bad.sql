-- fk-missing-index: foreign keys whose columns lead no index, so loading a
-- collection or deleting a parent scans the child table.

CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);
CREATE TABLE edition (
  book_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  PRIMARY KEY (book_id, number)
);

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  -- No index at all.
  user_id INTEGER NOT NULL REFERENCES users (id), -- expect: fk-missing-index
  created_at TIMESTAMP NOT NULL,
  -- In an index, but not as its leading column.
  editor_id INTEGER REFERENCES users (id) -- expect: fk-missing-index
);
CREATE INDEX ix_post_created_editor ON post (created_at, editor_id);

CREATE TABLE review (
  id INTEGER PRIMARY KEY,
  book_id INTEGER NOT NULL,
  edition_number INTEGER NOT NULL,
  -- An index on the first of its two columns only.
  FOREIGN KEY (book_id, edition_number) REFERENCES edition (book_id, number) -- expect: fk-missing-index
);
CREATE INDEX ix_review_book ON review (book_id);

-- The second column of a composite primary key.
CREATE TABLE post_readers (
  post_id INTEGER NOT NULL REFERENCES post (id),
  user_id INTEGER NOT NULL REFERENCES users (id), -- expect: fk-missing-index
  PRIMARY KEY (post_id, user_id)
);
