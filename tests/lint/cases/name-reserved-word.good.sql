-- name-reserved-word, fixed: the names are renamed.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  api_key TEXT NOT NULL UNIQUE,
  row_offset INTEGER NOT NULL DEFAULT 0,
  -- Near misses: keywords that no dialect reserves.
  name TEXT,
  status TEXT,
  type TEXT,
  date TEXT,
  comment TEXT
);

-- Near miss: names that only contain a reserved word.
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  users_id INTEGER NOT NULL REFERENCES users (id),
  sort_order INTEGER NOT NULL,
  user_rank INTEGER NOT NULL,
  group_name TEXT NOT NULL
);
CREATE INDEX ix_orders_user ON orders (users_id);

CREATE VIEW order_users AS SELECT id, users_id FROM orders;

-- Near misses: words reserved only in dialects this SQLite schema does not
-- run in (PostgreSQL: user, offset; MySQL: key, rank, range, interval).
-- Checking every dialect whatever the source made these the rule's noise.
CREATE TABLE user (
  id INTEGER PRIMARY KEY,
  offset INTEGER NOT NULL DEFAULT 0,
  key TEXT NOT NULL,
  rank INTEGER NOT NULL,
  range INTEGER NOT NULL,
  interval INTEGER NOT NULL,
  users_id INTEGER NOT NULL REFERENCES users (id)
);
CREATE INDEX ix_user_users ON user (users_id);
