-- table-missing-column, fixed: every table has created_at and created_by
-- (table-missing-column.good.yml).

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  -- Near miss: names compare as SQL compares them, ignoring case.
  Created_By INTEGER
);

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  created_by INTEGER
);
CREATE INDEX ix_post_user ON post (user_id);

-- Near miss: an association table links two rows and holds nothing else.
CREATE TABLE post_readers (
  post_id INTEGER NOT NULL REFERENCES post (id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  PRIMARY KEY (post_id, user_id)
);
CREATE INDEX ix_post_readers_user ON post_readers (user_id);

-- Near miss: a view stores no rows.
CREATE VIEW post_titles AS SELECT id FROM post;
