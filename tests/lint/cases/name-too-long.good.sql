-- name-too-long, fixed: short names. This script runs in SQLite, which
-- keeps names of any length.

CREATE TABLE reminder_delivery_attempts_archive (
  id INTEGER PRIMARY KEY,
  first_status_a TEXT,
  first_status_b TEXT
);

-- Near miss: SQLite has no limit, so a long name is no finding here.
CREATE TABLE customer_subscription_renewal_reminder_delivery_attempts_history ( -- expect: table-isolated
  id INTEGER PRIMARY KEY,
  code TEXT UNIQUE
);
