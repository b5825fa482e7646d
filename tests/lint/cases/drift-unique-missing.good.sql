-- drift-unique-missing: the database enforces every key, however written.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL,
  tenant INTEGER NOT NULL,
  UNIQUE (tenant, email)
);
CREATE TABLE user_profile (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL UNIQUE REFERENCES users (id)
);
CREATE TABLE follows (
  follower_id INTEGER NOT NULL REFERENCES users (id),
  followed_id INTEGER NOT NULL REFERENCES users (id),
  PRIMARY KEY (follower_id, followed_id)
);

-- the database:
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL,
  -- Unique alone: (tenant, email) is unique too.
  email TEXT NOT NULL UNIQUE,
  tenant INTEGER NOT NULL
);
-- A unique index enforces what a constraint would.
CREATE UNIQUE INDEX users_by_name ON users (username);
CREATE TABLE user_profile (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL UNIQUE REFERENCES users (id)
);
-- The same columns in another order.
CREATE TABLE follows (
  follower_id INTEGER NOT NULL REFERENCES users (id),
  followed_id INTEGER NOT NULL REFERENCES users (id),
  UNIQUE (followed_id, follower_id)
);
