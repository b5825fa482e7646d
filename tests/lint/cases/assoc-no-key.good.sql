-- assoc-no-key, fixed: every association table has a key over its links.

CREATE TABLE song (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
CREATE TABLE playlist (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);
CREATE TABLE album (id INTEGER PRIMARY KEY, title TEXT NOT NULL);

-- Keyed by the primary key.
CREATE TABLE playlist_songs (
  song_id INTEGER NOT NULL REFERENCES song (id),
  playlist_id INTEGER NOT NULL REFERENCES playlist (id),
  PRIMARY KEY (song_id, playlist_id)
);
CREATE INDEX ix_playlist_songs_playlist ON playlist_songs (playlist_id);

-- Keyed by a unique index, its columns in the other order.
CREATE TABLE song_likes (
  song_id INTEGER NOT NULL REFERENCES song (id),
  user_id INTEGER NOT NULL REFERENCES users (id)
);
CREATE UNIQUE INDEX ux_song_likes ON song_likes (user_id, song_id);
CREATE INDEX ix_song_likes_song ON song_likes (song_id);

-- Keyed by a unique constraint; both foreign keys point at the same table.
CREATE TABLE follows (
  follower_id INTEGER NOT NULL REFERENCES users (id),
  followed_id INTEGER NOT NULL REFERENCES users (id),
  UNIQUE (follower_id, followed_id)
);
CREATE INDEX ix_follows_followed ON follows (followed_id);

-- Near miss: a song is on at most one album, so a pair cannot repeat
-- either; a key over one of the two columns is enough.
CREATE TABLE album_songs (
  song_id INTEGER NOT NULL UNIQUE REFERENCES song (id),
  album_id INTEGER NOT NULL REFERENCES album (id)
);
CREATE INDEX ix_album_songs_album ON album_songs (album_id);
