CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(80) NOT NULL);
CREATE TABLE book (
    id INTEGER PRIMARY KEY,
    author_id INTEGER REFERENCES author (id),
    editor_id INTEGER REFERENCES author (id),
    isbn TEXT,
    shelf TEXT
);
