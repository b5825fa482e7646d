-- fk-action-not-allowed: actions the policy does not list
-- (fk-action-not-allowed.bad.yml: ON DELETE RESTRICT or SET NULL only).

CREATE TABLE users (id INTEGER PRIMARY KEY);
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE, -- expect: fk-action-not-allowed
  -- Saying nothing is NO ACTION, which the policy does not list either.
  editor_id INTEGER REFERENCES users (id) -- expect: fk-action-not-allowed
);
CREATE INDEX ix_post_user ON post (user_id);
CREATE INDEX ix_post_editor ON post (editor_id);
