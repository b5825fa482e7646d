-- name-needs-quoting: names that only quoted can be written, here on
-- PostgreSQL (name-needs-quoting.bad.yml).

-- A space, in every dialect.
CREATE TABLE "order line" ( -- expect: name-needs-quoting
  id INTEGER PRIMARY KEY,
  -- Capitals: PostgreSQL folds unquoted names to lowercase.
  "UnitPrice" REAL, -- expect: name-needs-quoting
  -- A leading digit.
  "2nd_price" REAL, -- expect: name-needs-quoting
  -- Punctuation.
  "price-eur" REAL, -- expect: name-needs-quoting
  -- Near miss: a reserved word is name-reserved-word's alone.
  "user" TEXT -- expect: name-reserved-word
);
