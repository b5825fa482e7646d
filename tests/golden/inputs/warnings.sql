-- Warnings and notes, no errors: a table without a primary key (warning),
-- an unindexed foreign key and a table linked to nothing (notes).
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE post (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id)
);

CREATE TABLE tag (name TEXT);
