-- drift-index-missing: indexes of the models that the database lacks.

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL,
  created TIMESTAMP,
  title TEXT
);
CREATE INDEX ix_post_user_id ON post (user_id); -- expect: drift-index-missing
CREATE INDEX ix_post_created_title ON post (created, title); -- expect: drift-index-missing
CREATE INDEX ix_post_title ON post (title); -- expect: drift-index-missing

-- the database:
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL,
  created TIMESTAMP,
  title TEXT
);
-- The first of the two columns only.
CREATE INDEX post_created ON post (created);
-- Not its leading column.
CREATE INDEX post_by_date_user ON post (created, user_id);
-- Partial: only some rows.
CREATE INDEX post_title ON post (title) WHERE title IS NOT NULL;
