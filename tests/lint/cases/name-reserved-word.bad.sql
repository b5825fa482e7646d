-- name-reserved-word: tables and columns named with words that SQLite,
-- PostgreSQL or MySQL reserve, so every query there must quote them.

-- Reserved in PostgreSQL only; SQLite takes it unquoted.
CREATE TABLE user ( -- expect: name-reserved-word
  id INTEGER PRIMARY KEY,
  -- Reserved in MySQL only.
  key TEXT NOT NULL UNIQUE, -- expect: name-reserved-word
  -- Reserved in PostgreSQL only.
  offset INTEGER NOT NULL DEFAULT 0 -- expect: name-reserved-word
);

-- Reserved everywhere, so quoted even in SQLite.
CREATE TABLE "order" ( -- expect: name-reserved-word
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES user (id),
  -- Reserved in MySQL only.
  rank INTEGER NOT NULL -- expect: name-reserved-word
);
CREATE INDEX ix_order_user ON "order" (user_id);

-- A view is named too.
CREATE VIEW "select" AS SELECT id, user_id FROM "order"; -- expect: name-reserved-word
