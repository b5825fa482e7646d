-- fk-target-missing: foreign keys to a table or column that does not
-- exist, or that name no columns of a parent whose primary key does not
-- match them.

CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);
CREATE TABLE edition (
  book_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  PRIMARY KEY (book_id, number)
);
CREATE TABLE tag ( -- expect: table-no-primary-key
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  -- The table does not exist.
  author_id INTEGER NOT NULL REFERENCES authors (id), -- expect: fk-target-missing
  -- The table does, the column does not.
  user_id INTEGER REFERENCES users (uid), -- expect: fk-target-missing
  -- No column named, one column given, and the primary key has two.
  edition_id INTEGER REFERENCES edition, -- expect: fk-target-missing
  -- No column named, and the table has no primary key at all.
  tag_name TEXT REFERENCES tag -- expect: fk-target-missing
);
CREATE INDEX ix_post_author ON post (author_id);
CREATE INDEX ix_post_user ON post (user_id);
CREATE INDEX ix_post_edition ON post (edition_id);
CREATE INDEX ix_post_tag ON post (tag_name);
