-- The seed's tables (examples/seed.sql) after a few changes made to the
-- database and not to the models, for the golden cases of diff.

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username VARCHAR(80) NOT NULL UNIQUE,
    -- Added by a migration the models have not caught up with.
    email TEXT NOT NULL
);

-- body dropped, title made an integer, the foreign key lost.
CREATE TABLE post (
    id INTEGER PRIMARY KEY,
    title INTEGER NOT NULL,
    user_id INTEGER NOT NULL
);

CREATE TABLE song (
    id INTEGER PRIMARY KEY,
    title VARCHAR(200) NOT NULL
);

-- playlist never created: playlist_songs has no key to it.
CREATE TABLE playlist_songs (
    song_id INTEGER NOT NULL REFERENCES song (id),
    playlist_id INTEGER NOT NULL,
    PRIMARY KEY (song_id, playlist_id)
);
CREATE INDEX ix_playlist_songs_playlist_id ON playlist_songs (playlist_id);

-- The one-to-one's key not unique.
CREATE TABLE user_profile (
    id INTEGER PRIMARY KEY,
    bio TEXT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    happened TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    what TEXT NOT NULL
);
