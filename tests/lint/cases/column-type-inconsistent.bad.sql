-- column-type-inconsistent: columns of one name whose types disagree with
-- the type most of them have.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  created_at TIMESTAMP NOT NULL,
  score INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  created_at TIMESTAMP NOT NULL,
  score INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_post_user ON post (user_id);
CREATE TABLE comment (
  id INTEGER PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES post (id),
  -- Three to one: the odd one is reported.
  created_at TEXT NOT NULL, -- expect: column-type-inconsistent
  score INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_comment_post ON comment (post_id);
CREATE TABLE vote (
  id INTEGER PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES post (id),
  -- Names compare ignoring case; three to two: both of the two are reported.
  Created_At TIMESTAMP NOT NULL,
  score REAL NOT NULL DEFAULT 0 -- expect: column-type-inconsistent
);
CREATE INDEX ix_vote_post ON vote (post_id);
CREATE TABLE flag (
  id INTEGER PRIMARY KEY,
  comment_id INTEGER NOT NULL REFERENCES comment (id),
  created_at TIMESTAMP NOT NULL,
  score DOUBLE NOT NULL DEFAULT 0 -- expect: column-type-inconsistent
);
CREATE INDEX ix_flag_comment ON flag (comment_id);
