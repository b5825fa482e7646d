-- name-reserved-word: tables and columns named with words the schema's
-- dialect reserves, so every query must quote them. A script runs in
-- SQLite unless lint.dialects says otherwise, so SQLite's words count.

-- Reserved in SQLite (and everywhere), so quoted here.
CREATE TABLE "order" ( -- expect: name-reserved-word
  id INTEGER PRIMARY KEY,
  "group" TEXT NOT NULL, -- expect: name-reserved-word
  -- Reserved in PostgreSQL and MySQL only: no concern of a SQLite schema.
  "user" INTEGER NOT NULL,
  -- Reserved in MySQL only.
  rank INTEGER NOT NULL
);

-- A view is named too.
CREATE VIEW "select" AS SELECT id FROM "order"; -- expect: name-reserved-word
