-- fk-references-itself, fixed: the reference is on the column meant to hold it.

CREATE TABLE category ( -- expect: table-isolated
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES category (id)
);
CREATE INDEX ix_category_parent ON category (parent_id);

-- Near miss: the same table, other columns (the previous edition of a book).
CREATE TABLE edition ( -- expect: table-isolated
  book_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  previous_number INTEGER,
  PRIMARY KEY (book_id, number),
  FOREIGN KEY (book_id, previous_number) REFERENCES edition (book_id, number)
);
CREATE INDEX ix_edition_previous ON edition (book_id, previous_number);
