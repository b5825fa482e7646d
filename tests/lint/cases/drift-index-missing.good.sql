-- drift-index-missing: an index of the database serves, whatever its name.

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL,
  created TIMESTAMP,
  title TEXT
);
CREATE INDEX ix_post_user_id ON post (user_id);
CREATE INDEX ix_post_created_title ON post (created, title);
CREATE INDEX ix_post_title ON post (title);

-- the database:
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL,
  created TIMESTAMP,
  -- A unique constraint is an index too.
  title TEXT UNIQUE
);
-- Leading with its column, and more after it.
CREATE INDEX post_user_date ON post (user_id, created);
-- The same columns in another order.
CREATE INDEX post_title_date ON post (title, created);
