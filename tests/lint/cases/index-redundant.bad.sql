-- index-redundant: indexes whose lookups another index, or the primary
-- key, already serves.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE
);
-- A copy of the rowid primary key.
CREATE UNIQUE INDEX ux_users_id ON users (id); -- expect: index-redundant
-- A plain index over a column a unique constraint already indexes.
CREATE INDEX ix_users_email ON users (email); -- expect: index-redundant
-- A unique index that repeats a unique constraint.
CREATE UNIQUE INDEX ux_users_email ON users (email); -- expect: index-redundant

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  created_at TIMESTAMP NOT NULL,
  title TEXT NOT NULL
);
-- An exact duplicate: the later by name is reported.
CREATE INDEX ix_post_user ON post (user_id);
CREATE INDEX ix_post_user_2 ON post (user_id); -- expect: index-redundant
-- A prefix of a longer index.
CREATE INDEX ix_post_created ON post (created_at); -- expect: index-redundant
CREATE INDEX ix_post_created_title ON post (created_at, title);

-- Leading columns of a composite primary key.
CREATE TABLE post_readers (
  post_id INTEGER NOT NULL REFERENCES post (id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  PRIMARY KEY (post_id, user_id)
);
CREATE INDEX ix_post_readers_post ON post_readers (post_id); -- expect: index-redundant
CREATE INDEX ix_post_readers_user ON post_readers (user_id);

-- The same collation on both: (email COLLATE NOCASE) leads the other.
CREATE TABLE subscriber (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT); -- expect: table-isolated
CREATE INDEX ix_subscriber_email_nocase ON subscriber (email COLLATE NOCASE); -- expect: index-redundant
CREATE INDEX ix_subscriber_email_name ON subscriber (email COLLATE NOCASE, name);
