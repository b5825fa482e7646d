-- Warnings and notes, no errors: an unindexed foreign key (warning)
-- and a table linked to nothing (note).
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE post (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id)
);

CREATE TABLE tag (id INTEGER PRIMARY KEY, name TEXT);
