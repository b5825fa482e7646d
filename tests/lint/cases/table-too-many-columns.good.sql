-- table-too-many-columns, fixed: the settings and the attachment moved to
-- tables of their own (table-too-many-columns.good.yml).

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name VARCHAR(80),
  email VARCHAR(120)
);

CREATE TABLE user_settings (
  user_id INTEGER PRIMARY KEY REFERENCES users (id),
  theme VARCHAR(20),
  locale VARCHAR(10)
);

CREATE TABLE page (
  id INTEGER PRIMARY KEY,
  user_id INTEGER REFERENCES users (id),
  -- Near miss: a character type with a length is not a large object.
  title VARCHAR(200),
  body TEXT
);
CREATE INDEX ix_page_user ON page (user_id);

CREATE TABLE page_attachment (
  page_id INTEGER PRIMARY KEY REFERENCES page (id),
  attachment BLOB
);
