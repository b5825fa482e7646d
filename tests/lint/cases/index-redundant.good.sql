-- index-redundant, fixed: the redundant indexes are dropped.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  handle TEXT NOT NULL
);
-- Near miss: a unique index that is a prefix of a longer unique one still
-- enforces a uniqueness the longer one does not.
CREATE UNIQUE INDEX ux_users_handle ON users (handle);
CREATE UNIQUE INDEX ux_users_handle_email ON users (handle, email);

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  created_at TIMESTAMP NOT NULL,
  title TEXT NOT NULL
);
CREATE INDEX ix_post_user ON post (user_id);
CREATE INDEX ix_post_created_title ON post (created_at, title);
-- Near miss: the same columns in another order serve other lookups.
CREATE INDEX ix_post_title_created ON post (title, created_at);
-- Near miss: a partial index covers some rows only, and an expression index
-- is not a column index.
CREATE INDEX ix_post_user_recent ON post (user_id) WHERE created_at > '2020-01-01';
CREATE INDEX ix_post_title_lower ON post (lower(title));

CREATE TABLE post_readers (
  post_id INTEGER NOT NULL REFERENCES post (id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  PRIMARY KEY (post_id, user_id)
);
-- Near miss: the second column of the primary key does not lead it.
CREATE INDEX ix_post_readers_user ON post_readers (user_id);

-- Near miss: (email COLLATE NOCASE) and (email) sort differently, so each
-- serves lookups the other cannot.
CREATE TABLE subscriber (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT); -- expect: table-isolated
CREATE INDEX ix_subscriber_email ON subscriber (email);
CREATE INDEX ix_subscriber_email_nocase ON subscriber (email COLLATE NOCASE, name);
