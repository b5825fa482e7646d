-- fk-missing-index, fixed: every foreign key leads an index.

CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);
CREATE TABLE edition (
  book_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  PRIMARY KEY (book_id, number)
);

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  created_at TIMESTAMP NOT NULL,
  editor_id INTEGER REFERENCES users (id)
);
CREATE INDEX ix_post_user ON post (user_id);
-- Near miss: the leading column of a longer index serves the lookups.
CREATE INDEX ix_post_editor_created ON post (editor_id, created_at);

CREATE TABLE review (
  id INTEGER PRIMARY KEY,
  book_id INTEGER NOT NULL,
  edition_number INTEGER NOT NULL,
  FOREIGN KEY (book_id, edition_number) REFERENCES edition (book_id, number)
);
-- Near miss: the two columns lead the index in the other order.
CREATE INDEX ix_review_edition ON review (edition_number, book_id);

-- Near miss: covered by the leading column of a composite primary key.
CREATE TABLE post_readers (
  post_id INTEGER NOT NULL REFERENCES post (id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  PRIMARY KEY (post_id, user_id)
);
CREATE INDEX ix_post_readers_user ON post_readers (user_id);

-- Near miss: a unique constraint's index, and the rowid primary key itself.
CREATE TABLE user_profile (
  id INTEGER PRIMARY KEY REFERENCES users (id),
  avatar_post_id INTEGER UNIQUE REFERENCES post (id),
  bio TEXT
);

-- Near miss: an indexed column whose name (200 bytes) is longer than any
-- fixed buffer; a cut name would name no column and pass for an expression.
CREATE TABLE attachment (
  id INTEGER PRIMARY KEY,
  posted_in_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx INTEGER REFERENCES post (id)
);
CREATE INDEX ix_attachment_post ON attachment (posted_in_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx);

-- Near miss: a column in parentheses is still the column (SQLite drops
-- them), and the columns after it still count.
CREATE TABLE comment (
  id INTEGER PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES post (id),
  user_id INTEGER NOT NULL REFERENCES users (id)
);
CREATE INDEX ix_comment_post ON comment (((post_id) COLLATE BINARY) DESC, id);
CREATE INDEX ix_comment_user ON comment ((user_id));
