-- A user with one profile note and nothing else wrong: only notes.
-- post.user_id declares no foreign key, so fk-implied notes it.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE post (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL
);
CREATE INDEX ix_post_user_id ON post (user_id);
