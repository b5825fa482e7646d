-- table-too-many-columns: tables wider than the policy allows
-- (table-too-many-columns.bad.yml: 4 columns, 1 large-object column).

CREATE TABLE users ( -- expect: table-too-many-columns
  id INTEGER PRIMARY KEY,
  name VARCHAR(80),
  email VARCHAR(120),
  theme VARCHAR(20),
  locale VARCHAR(10)
);

CREATE TABLE page ( -- expect: table-too-many-columns
  id INTEGER PRIMARY KEY,
  user_id INTEGER REFERENCES users (id),
  body TEXT,
  attachment BLOB
);
CREATE INDEX ix_page_user ON page (user_id);
