-- unique-nullable-column: a unique key over several columns with a
-- nullable one lets rows that agree on everything but a NULL in.

CREATE TABLE post (id INTEGER PRIMARY KEY);
CREATE TABLE users (id INTEGER PRIMARY KEY);

-- An anonymous vote (user_id NULL) can be cast twice.
CREATE TABLE vote (
  id INTEGER PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES post (id),
  user_id INTEGER REFERENCES users (id), -- expect: unique-nullable-column
  UNIQUE (post_id, user_id)
);
CREATE INDEX ix_vote_user ON vote (user_id);

-- A unique index, nullable columns in second and third place: reported
-- once, on the first of them.
CREATE TABLE slot ( -- expect: table-isolated
  id INTEGER PRIMARY KEY,
  room TEXT NOT NULL,
  day TEXT, -- expect: unique-nullable-column
  hour INTEGER
);
CREATE UNIQUE INDEX ux_slot ON slot (room, day, hour);
