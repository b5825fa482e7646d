-- column-default-null-string: a default that is the string 'NULL', which
-- IS NULL never finds, rather than the NULL value.

CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  subtitle TEXT DEFAULT 'NULL', -- expect: column-default-null-string
  summary TEXT DEFAULT 'null', -- expect: column-default-null-string
  headline TEXT DEFAULT ('NULL'), -- expect: column-default-null-string
  -- SQLite takes a double-quoted default as a string too.
  teaser TEXT DEFAULT "Null" -- expect: column-default-null-string
);
CREATE INDEX ix_post_user ON post (user_id);
