-- column-type-inconsistent, fixed: each name has one type family.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username VARCHAR(80) NOT NULL UNIQUE,
  created_at TIMESTAMP NOT NULL,
  score INTEGER NOT NULL DEFAULT 0,
  code INTEGER
);
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  created_at TIMESTAMP NOT NULL,
  -- Near miss: spellings of one family (INT, BIGINT, INTEGER) agree.
  score BIGINT NOT NULL DEFAULT 0,
  -- Near miss: one against one is no majority.
  code TEXT,
  rating INTEGER
);
CREATE INDEX ix_post_user ON post (user_id);
CREATE TABLE comment (
  id INTEGER PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES post (id),
  created_at DATETIME NOT NULL,
  score INT NOT NULL DEFAULT 0,
  -- Near miss: VARCHAR and TEXT are both text.
  username TEXT NOT NULL,
  rating INTEGER
);
CREATE INDEX ix_comment_post ON comment (post_id);
CREATE TABLE vote (
  id INTEGER PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES post (id),
  created_at TIMESTAMP NOT NULL,
  score INTEGER NOT NULL DEFAULT 0,
  -- Near miss: two against two is a tie, not a majority.
  rating REAL
);
CREATE INDEX ix_vote_post ON vote (post_id);
CREATE TABLE flag (
  id INTEGER PRIMARY KEY,
  comment_id INTEGER NOT NULL REFERENCES comment (id),
  created_at TIMESTAMP NOT NULL,
  score INTEGER NOT NULL DEFAULT 0,
  rating REAL
);
CREATE INDEX ix_flag_comment ON flag (comment_id);
-- Near miss: a view's columns are not stored and are not compared.
CREATE VIEW user_scores AS SELECT id, username AS score FROM users;
