-- table-no-primary-key, fixed: every table has a primary key.

CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);

CREATE TABLE tag (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  message TEXT NOT NULL
);
CREATE INDEX ix_audit_log_user ON audit_log (user_id);

-- A natural composite key.
CREATE TABLE tag_use (
  tag_id INTEGER NOT NULL REFERENCES tag (id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  used_at TIMESTAMP NOT NULL,
  PRIMARY KEY (tag_id, user_id, used_at)
);
CREATE INDEX ix_tag_use_user ON tag_use (user_id);

-- Near miss: an association table keyed by a unique constraint; whether it
-- has a key is assoc-no-key's question.
CREATE TABLE user_tags (
  user_id INTEGER NOT NULL REFERENCES users (id),
  tag_id INTEGER NOT NULL REFERENCES tag (id),
  UNIQUE (user_id, tag_id)
);
CREATE INDEX ix_user_tags_tag ON user_tags (tag_id);

-- Near miss: a view has no key to declare.
CREATE VIEW tag_names AS SELECT name FROM tag;
