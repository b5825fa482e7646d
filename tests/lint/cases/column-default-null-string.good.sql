-- column-default-null-string, fixed: the defaults are NULL itself.

CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  subtitle TEXT DEFAULT NULL,
  summary TEXT,
  teaser TEXT DEFAULT (NULL),
  -- Near misses: strings that only contain or resemble NULL.
  status TEXT NOT NULL DEFAULT 'NULLIFIED',
  marker TEXT NOT NULL DEFAULT 'N/A',
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ix_post_user ON post (user_id);
