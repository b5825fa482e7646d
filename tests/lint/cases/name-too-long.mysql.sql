-- name-too-long on MySQL (name-too-long.mysql.yml): 64 characters at most,
-- and MySQL names an unnamed foreign key <table>_ibfk_<n>.

CREATE TABLE users (id INTEGER PRIMARY KEY);

-- 60 characters: the table fits, the name of its foreign key does not.
CREATE TABLE subscription_renewal_reminder_delivery_attempt_notifications (
  id INTEGER PRIMARY KEY,
  user_id INTEGER REFERENCES users (id) -- expect: name-too-long
);
CREATE INDEX ix_reminder_user ON subscription_renewal_reminder_delivery_attempt_notifications (user_id);

-- 65 characters: refused itself (its foreign key is not reported again).
CREATE TABLE subscription_renewal_reminder_delivery_attempt_notification_logs2 ( -- expect: name-too-long
  id INTEGER PRIMARY KEY,
  user_id INTEGER REFERENCES users (id)
);
CREATE INDEX ix_reminder_log_user ON subscription_renewal_reminder_delivery_attempt_notification_logs2 (user_id);

-- Near miss: 55 characters leave room for _ibfk_1.
CREATE TABLE subscription_renewal_reminder_delivery_attempt_archives (
  id INTEGER PRIMARY KEY,
  user_id INTEGER REFERENCES users (id)
);
CREATE INDEX ix_reminder_archive_user ON subscription_renewal_reminder_delivery_attempt_archives (user_id);
