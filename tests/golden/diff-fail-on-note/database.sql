-- The three models of the article modelgraph started from, as the tables
-- Flask-SQLAlchemy creates for them. The build turns this file into
-- examples/seed.db; the annotated C headers beside it declare the same models.

-- Blog: a user writes many posts; each post has one author (one-to-many).
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username VARCHAR(80) NOT NULL UNIQUE
);

CREATE TABLE post (
    id INTEGER PRIMARY KEY,
    title VARCHAR(120) NOT NULL,
    body TEXT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_post_user_id ON post (user_id);

-- Music: a song is in many playlists and a playlist holds many songs
-- (many-to-many through the association table playlist_songs).
CREATE TABLE song (
    id INTEGER PRIMARY KEY,
    title VARCHAR(200) NOT NULL
);

CREATE TABLE playlist (
    id INTEGER PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

CREATE TABLE playlist_songs (
    song_id INTEGER NOT NULL REFERENCES song (id) ON DELETE CASCADE,
    playlist_id INTEGER NOT NULL REFERENCES playlist (id) ON DELETE CASCADE,
    PRIMARY KEY (song_id, playlist_id)
);
CREATE INDEX ix_playlist_songs_playlist_id ON playlist_songs (playlist_id);

-- Profiles: each user has exactly one profile (one-to-one: the foreign key is unique).
CREATE TABLE user_profile (
    id INTEGER PRIMARY KEY,
    bio TEXT,
    user_id INTEGER NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE
);

-- Only notes: a table and a column no model maps.
CREATE TABLE audit_log (id INTEGER PRIMARY KEY, what TEXT);
ALTER TABLE users ADD COLUMN nickname TEXT;
