-- fk-implied: columns whose names say they reference another table, with
-- no foreign key declared.

CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);
CREATE TABLE Category (CategoryId INTEGER PRIMARY KEY, title TEXT NOT NULL);
CREATE TABLE page (page_id INTEGER PRIMARY KEY, title TEXT NOT NULL);

CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  -- "<table>_id", the table's name taken in the singular.
  user_id INTEGER NOT NULL, -- expect: fk-implied
  -- "<table>id", without the underscore.
  CategoryId INTEGER, -- expect: fk-implied
  title TEXT NOT NULL
);

-- "<prefix>_<table>", as MediaWiki names its columns.
CREATE TABLE revision (
  rev_id INTEGER PRIMARY KEY,
  rev_page INTEGER NOT NULL, -- expect: fk-implied
  rev_comment TEXT
);
