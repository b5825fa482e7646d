-- name-casing, fixed: snake_case, plural table names (name-casing.good.yml).

CREATE TABLE blog_posts (
  id INTEGER PRIMARY KEY,
  author_name TEXT,
  body TEXT,
  -- Near miss: digits belong to snake_case.
  rev2_note TEXT
);

CREATE TABLE comments (
  id INTEGER PRIMARY KEY,
  post_id INTEGER REFERENCES blog_posts (id)
);
CREATE INDEX ix_comments_post ON comments (post_id);

-- Near misses: irregular plurals, and words ending in -us, -ss, -is that
-- are no plurals of a last word "status" (judged by the last word).
CREATE TABLE people (id INTEGER PRIMARY KEY, comment_id INTEGER REFERENCES comments (id));
CREATE INDEX ix_people_comment ON people (comment_id);
CREATE TABLE order_statuses (id INTEGER PRIMARY KEY, person_id INTEGER REFERENCES people (id));
CREATE INDEX ix_order_statuses_person ON order_statuses (person_id);

-- Near miss: an association table is held to no number.
CREATE TABLE post_reader (
  post_id INTEGER NOT NULL REFERENCES blog_posts (id),
  person_id INTEGER NOT NULL REFERENCES people (id),
  PRIMARY KEY (post_id, person_id)
);
CREATE INDEX ix_post_reader_person ON post_reader (person_id);
