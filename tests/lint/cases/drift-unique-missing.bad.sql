-- drift-unique-missing: keys of the models that the database does not enforce.

-- A constraint over two columns is found where the table is.
CREATE TABLE users ( -- expect: drift-unique-missing
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE, -- expect: drift-unique-missing
  email TEXT NOT NULL,
  tenant INTEGER NOT NULL,
  UNIQUE (tenant, email)
);
-- A one-to-one: its foreign key is unique.
CREATE TABLE user_profile (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL UNIQUE REFERENCES users (id) -- expect: drift-unique-missing
);
-- An association table keeps each pair once through its primary key.
CREATE TABLE follows ( -- expect: drift-unique-missing
  follower_id INTEGER NOT NULL REFERENCES users (id),
  followed_id INTEGER NOT NULL REFERENCES users (id),
  PRIMARY KEY (follower_id, followed_id)
);
CREATE UNIQUE INDEX ix_users_email ON users (email); -- expect: drift-unique-missing

-- the database:
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL,
  email TEXT NOT NULL,
  tenant INTEGER NOT NULL
);
-- Not unique.
CREATE INDEX ix_users_username ON users (username);
-- Unique only where active.
CREATE UNIQUE INDEX ix_users_email ON users (email) WHERE tenant > 0;
CREATE TABLE user_profile (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id)
);
CREATE TABLE follows (
  follower_id INTEGER NOT NULL REFERENCES users (id),
  followed_id INTEGER NOT NULL REFERENCES users (id)
);
