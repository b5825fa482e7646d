-- fk-implied, fixed: the references are declared.

CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);
CREATE TABLE Category (CategoryId INTEGER PRIMARY KEY, title TEXT NOT NULL);
CREATE TABLE page (page_id INTEGER PRIMARY KEY, title TEXT NOT NULL);

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  CategoryId INTEGER REFERENCES Category (CategoryId),
  title TEXT NOT NULL,
  -- Near miss: ends with _id, but no table is named "external".
  external_id TEXT,
  -- Near miss: named after a table, but of another type than its key.
  page_id TEXT
);
CREATE INDEX ix_post_user ON post (user_id);
CREATE INDEX ix_post_category ON post (CategoryId);

CREATE TABLE revision (
  rev_id INTEGER PRIMARY KEY,
  rev_page INTEGER NOT NULL REFERENCES page (page_id),
  rev_comment TEXT
);
CREATE INDEX ix_revision_page ON revision (rev_page);

-- Near miss: a view's columns are never taken for references.
CREATE VIEW post_pages AS SELECT id AS post_id, title AS page_title FROM post;

-- Near misses: an integer setting named like a table is no reference when
-- the table's key is text, nor when no other column shares its prefix.
CREATE TABLE lang (code TEXT PRIMARY KEY, name TEXT NOT NULL); -- expect: table-isolated
CREATE TABLE site_settings ( -- expect: table-isolated
  id INTEGER PRIMARY KEY,
  max_lang INTEGER NOT NULL,
  per_page INTEGER NOT NULL,
  -- Nor is a column without a type.
  old_page
);
