-- table-no-primary-key: tables without a primary key, which an ORM cannot
-- map and whose rows cannot be addressed one by one.

CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);

-- A unique column is not a primary key.
CREATE TABLE tag ( -- expect: table-no-primary-key
  name TEXT NOT NULL UNIQUE
);

-- A log table with a foreign key.
CREATE TABLE audit_log ( -- expect: table-no-primary-key
  user_id INTEGER NOT NULL REFERENCES users (id),
  message TEXT NOT NULL
);
CREATE INDEX ix_audit_log_user ON audit_log (user_id);

-- Two foreign keys and data of its own: no association table, an entity
-- without a key.
CREATE TABLE tag_use ( -- expect: table-no-primary-key
  tag_name TEXT NOT NULL REFERENCES tag (name),
  user_id INTEGER NOT NULL REFERENCES users (id),
  used_at TIMESTAMP NOT NULL
);
CREATE INDEX ix_tag_use_tag ON tag_use (tag_name);
CREATE INDEX ix_tag_use_user ON tag_use (user_id);
