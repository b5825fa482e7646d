-- fk-references-itself: a foreign key whose columns reference themselves,
-- so every row satisfies it and it checks nothing.

-- The REFERENCES clause went on the key instead of parent_id.
CREATE TABLE category ( -- expect: table-isolated
  id INTEGER PRIMARY KEY REFERENCES category (id), -- expect: fk-references-itself
  parent_id INTEGER
);

-- A composite key referencing itself, column for column.
CREATE TABLE edition ( -- expect: table-isolated
  book_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  PRIMARY KEY (book_id, number),
  FOREIGN KEY (book_id, number) REFERENCES edition (book_id, number) -- expect: fk-references-itself
);
