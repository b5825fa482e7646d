-- table-no-primary-key and table-isolated on SQLite's virtual tables: an
-- FTS5 or R*Tree table keeps its rows itself (in shadow tables, which are
-- not part of the model) and can declare neither a primary key nor a
-- foreign key, so neither rule applies to it; a column named like a
-- reference implies no foreign key either.

CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE book (
  id INTEGER PRIMARY KEY,
  author_id INTEGER NOT NULL REFERENCES author (id),
  title TEXT NOT NULL,
  summary TEXT
);
CREATE INDEX ix_book_author ON book (author_id);

-- Full-text search over book, its content read from book.
CREATE VIRTUAL TABLE book_search USING fts5(title, summary, content='book', content_rowid='id');
-- A full-text table of its own, with a column named like a reference.
CREATE VIRTUAL TABLE note USING fts5(body, author_id UNINDEXED);
-- Where each shop is.
CREATE VIRTUAL TABLE shop_area USING rtree(id, min_x, max_x, min_y, max_y);

-- Near miss: a plain table without a key is still reported, and so is a
-- plain table alone.
CREATE TABLE event_log (  -- expect: table-no-primary-key, table-isolated
  at TIMESTAMP NOT NULL,
  message TEXT NOT NULL
);
