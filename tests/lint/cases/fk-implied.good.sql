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
