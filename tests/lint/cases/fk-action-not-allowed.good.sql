-- fk-action-not-allowed, fixed: every ON DELETE is one the policy lists
-- (fk-action-not-allowed.good.yml).

CREATE TABLE users (id INTEGER PRIMARY KEY);
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  -- Near miss: ON UPDATE is not restricted by this policy.
  editor_id INTEGER REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX ix_post_user ON post (user_id);
CREATE INDEX ix_post_editor ON post (editor_id);
