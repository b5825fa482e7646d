-- fk-duplicate: two foreign keys of a table that reference the same columns
-- from the same columns.
--
-- The DDL reader locates a table's foreign keys by their first column, so
-- two foreign keys over the same columns share one location: the first
-- declaration's. Each pair is therefore declared on one line.

CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);
CREATE TABLE edition (
  book_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  PRIMARY KEY (book_id, number)
);

-- A column constraint repeated as a table constraint.
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id), FOREIGN KEY (user_id) REFERENCES users (id) -- expect: fk-duplicate
);
CREATE INDEX ix_post_user ON post (user_id);

-- Once naming the referenced column (in another case), once meaning the
-- primary key by naming none.
CREATE TABLE comment (
  id INTEGER PRIMARY KEY,
  author_id INTEGER NOT NULL,
  CONSTRAINT fk_author FOREIGN KEY (author_id) REFERENCES users (ID), CONSTRAINT fk_author_again FOREIGN KEY (author_id) REFERENCES users -- expect: fk-duplicate
);
CREATE INDEX ix_comment_author ON comment (author_id);

-- A composite foreign key, declared three times: two duplicates.
CREATE TABLE review (
  id INTEGER PRIMARY KEY,
  book_id INTEGER NOT NULL,
  edition_number INTEGER NOT NULL,
  FOREIGN KEY (book_id, edition_number) REFERENCES edition (book_id, number), FOREIGN KEY (book_id, edition_number) REFERENCES edition, FOREIGN KEY (book_id, edition_number) REFERENCES edition (book_id, number) -- expect: fk-duplicate, fk-duplicate
);
CREATE INDEX ix_review_edition ON review (book_id, edition_number);
