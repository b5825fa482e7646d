-- table-isolated, fixed: the foreign keys are declared.

CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  category_id INTEGER REFERENCES category (id)
);
CREATE INDEX ix_post_user ON post (user_id);
CREATE INDEX ix_post_category ON post (category_id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  author INTEGER REFERENCES users (id),
  message TEXT NOT NULL
);
CREATE INDEX ix_audit_log_author ON audit_log (author);

-- Near miss: a tree that other tables reference is linked.
CREATE TABLE category (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES category (id)
);
CREATE INDEX ix_category_parent ON category (parent_id);

-- Near miss: a view stores nothing to link.
CREATE VIEW post_titles AS SELECT id FROM post;
