-- The same virtual tables as sqlite3's .dump writes them: each declared by a
-- row written into sqlite_schema, its shadow tables as plain tables with
-- their rows. The virtual tables are read as virtual tables, and their
-- shadow tables are no tables of the model: none is reported, neither as
-- alone (table-isolated) nor otherwise.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE book (
  id INTEGER PRIMARY KEY,
  author_id INTEGER NOT NULL REFERENCES author (id),
  title TEXT NOT NULL,
  summary TEXT
);
CREATE INDEX ix_book_author ON book (author_id);
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','book_search','book_search',0,'CREATE VIRTUAL TABLE book_search USING fts5(title, summary, content=''book'', content_rowid=''id'')');
CREATE TABLE IF NOT EXISTS 'book_search_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO book_search_data VALUES(1,X'');
INSERT INTO book_search_data VALUES(10,X'00000000000000');
CREATE TABLE IF NOT EXISTS 'book_search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS 'book_search_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE IF NOT EXISTS 'book_search_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO book_search_config VALUES('version',4);
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','shop_area','shop_area',0,'CREATE VIRTUAL TABLE shop_area USING rtree(id, min_x, max_x, min_y, max_y)');
CREATE TABLE IF NOT EXISTS "shop_area_rowid"(rowid INTEGER PRIMARY KEY,nodeno);
CREATE TABLE IF NOT EXISTS "shop_area_node"(nodeno INTEGER PRIMARY KEY,data);
CREATE TABLE IF NOT EXISTS "shop_area_parent"(nodeno INTEGER PRIMARY KEY,parentnode);
PRAGMA writable_schema=OFF;
COMMIT;
