-- table-isolated: tables that neither reference nor are referenced by any
-- other table.

CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id)
);
CREATE INDEX ix_post_user ON post (user_id);

-- A forgotten foreign key: "author" does not name a table.
CREATE TABLE audit_log ( -- expect: table-isolated
  id INTEGER PRIMARY KEY,
  author INTEGER,
  message TEXT NOT NULL
);

-- Referencing only itself links it to no other table.
CREATE TABLE category ( -- expect: table-isolated
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES category (id)
);
CREATE INDEX ix_category_parent ON category (parent_id);
