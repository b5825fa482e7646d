-- assoc-no-key: nothing stops an association table from linking the same
-- two rows twice.

CREATE TABLE song (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
CREATE TABLE playlist (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);

-- No key at all, one index per foreign key.
CREATE TABLE playlist_songs ( -- expect: assoc-no-key
  song_id INTEGER NOT NULL REFERENCES song (id),
  playlist_id INTEGER NOT NULL REFERENCES playlist (id)
);
CREATE INDEX ix_playlist_songs_song ON playlist_songs (song_id);
CREATE INDEX ix_playlist_songs_playlist ON playlist_songs (playlist_id);

-- An index over both columns that is not unique.
CREATE TABLE song_likes ( -- expect: assoc-no-key
  song_id INTEGER NOT NULL REFERENCES song (id),
  user_id INTEGER NOT NULL REFERENCES users (id)
);
CREATE INDEX ix_song_likes ON song_likes (song_id, user_id);
CREATE INDEX ix_song_likes_user ON song_likes (user_id);

-- A unique index that covers only some rows (partial) is no key; and both
-- foreign keys point at the same table.
CREATE TABLE follows ( -- expect: assoc-no-key
  follower_id INTEGER NOT NULL REFERENCES users (id),
  followed_id INTEGER NOT NULL REFERENCES users (id)
);
CREATE UNIQUE INDEX ux_follows ON follows (follower_id, followed_id)
  WHERE follower_id <> followed_id;
CREATE INDEX ix_follows_follower ON follows (follower_id);
CREATE INDEX ix_follows_followed ON follows (followed_id);
