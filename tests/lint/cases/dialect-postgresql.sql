-- A script whose configuration (dialect-postgresql.yml) says it runs on
-- PostgreSQL: the dialect-aware rules judge it by PostgreSQL's rules.

-- USER is reserved in PostgreSQL; RANK and KEY only in MySQL.
CREATE TABLE user ( -- expect: name-reserved-word
  id BIGINT PRIMARY KEY,
  rank INTEGER NOT NULL,
  key TEXT NOT NULL,
  token UUID NOT NULL UNIQUE
);

CREATE TABLE post (
  id BIGINT PRIMARY KEY,
  -- An INT referencing a BIGINT key overflows once ids pass 2147483647.
  user_id INTEGER NOT NULL REFERENCES user (id), -- expect: fk-type-mismatch
  -- PostgreSQL refuses text referencing uuid.
  user_token TEXT REFERENCES user (token), -- expect: fk-type-mismatch
  -- Near miss: a wider integer holds every id of a narrower one.
  parent_id BIGINT REFERENCES post (id),
  -- Near miss: uuid referencing uuid.
  editor_token UUID REFERENCES user (token)
);
CREATE INDEX ix_post_user ON post (user_id);
CREATE INDEX ix_post_user_token ON post (user_token);
CREATE INDEX ix_post_parent ON post (parent_id);
CREATE INDEX ix_post_editor_token ON post (editor_token);
