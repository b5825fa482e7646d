-- drift-table-missing: every table of the models is in the database.

CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id)
);
-- Names compare ignoring case, as SQL compares them.
CREATE TABLE Comment (id INTEGER PRIMARY KEY, body TEXT);
-- A view of the models is no table the database must have.
CREATE VIEW named_users AS SELECT id, name FROM users;

-- the database:
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id)
);
CREATE TABLE comment (id INTEGER PRIMARY KEY, body TEXT);
