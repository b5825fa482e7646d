-- drift-fk-missing: the database has every foreign key, however written.

CREATE TABLE users (id INTEGER PRIMARY KEY);
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  -- No column list: the parent's primary key.
  user_id INTEGER NOT NULL REFERENCES users,
  -- Not declared: a foreign key resolve infers from the name is not compared.
  users_id INTEGER
);

-- the database:
CREATE TABLE Users (id INTEGER PRIMARY KEY);
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL,
  -- A key only the database has checks more than the models say.
  users_id INTEGER REFERENCES users (id),
  CONSTRAINT fk_post_user FOREIGN KEY (USER_ID) REFERENCES USERS (ID)
);
