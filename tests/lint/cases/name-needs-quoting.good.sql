-- name-needs-quoting, fixed: plain names. This script runs in SQLite.

CREATE TABLE order_line (
  id INTEGER PRIMARY KEY,
  unit_price REAL,
  second_price REAL,
  price_eur REAL,
  -- Near miss: SQLite ignores case, so capitals need no quotes there.
  UnitPrice2 REAL,
  -- Near miss: $ after the first character is part of a plain name.
  price$eur REAL,
  -- Near miss: letters beyond ASCII are letters.
  "prix_unité" REAL
);
