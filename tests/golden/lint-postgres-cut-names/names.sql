-- Relations whose names PostgreSQL cuts to the same 63 bytes: each long
-- name is told the first other one in the schema, in the order read.
CREATE TABLE customer_subscription_renewal_reminder_delivery_attempts_archive (
  id INTEGER PRIMARY KEY,
  note TEXT
);
CREATE TABLE customer_subscription_renewal_reminder_delivery_attempts_archivex (
  id INTEGER PRIMARY KEY
);
CREATE INDEX customer_subscription_renewal_reminder_delivery_attempts_archiv_y
  ON customer_subscription_renewal_reminder_delivery_attempts_archive (note);
-- Long, but alone in its cut.
CREATE TABLE a_table_name_that_runs_past_the_sixty_three_bytes_postgresql_keeps (
  id INTEGER PRIMARY KEY
);
