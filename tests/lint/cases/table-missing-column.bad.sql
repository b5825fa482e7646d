-- table-missing-column: tables without a column the policy requires
-- (table-missing-column.bad.yml: created_at and created_by).

CREATE TABLE users ( -- expect: table-missing-column
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL
);

-- Both missing: one finding each.
CREATE TABLE post ( -- expect: table-missing-column, table-missing-column
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id)
);
CREATE INDEX ix_post_user ON post (user_id);
