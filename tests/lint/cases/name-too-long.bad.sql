-- name-too-long: names PostgreSQL cuts to 63 bytes (name-too-long.bad.yml).

-- 64 bytes.
CREATE TABLE customer_subscription_renewal_reminder_delivery_attempts_archive ( -- expect: name-too-long
  id INTEGER PRIMARY KEY,
  -- Two columns that are one name once cut.
  delivery_attempt_first_response_status_reported_by_the_gateway_a TEXT, -- expect: name-too-long
  delivery_attempt_first_response_status_reported_by_the_gateway_b TEXT -- expect: name-too-long
);
-- An index name as generated ones grow: it and the table become one name.
CREATE INDEX customer_subscription_renewal_reminder_delivery_attempts_archiv_x -- expect: name-too-long
  ON customer_subscription_renewal_reminder_delivery_attempts_archive (
    delivery_attempt_first_response_status_reported_by_the_gateway_a);
