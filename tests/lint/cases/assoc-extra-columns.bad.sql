-- assoc-extra-columns: a table keyed by its two foreign keys that also holds
-- data of its own is an association object, not a plain `secondary` table.

CREATE TABLE song (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
CREATE TABLE playlist (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);

-- Keyed by its primary key, with a position in the playlist.
CREATE TABLE playlist_songs ( -- expect: assoc-extra-columns
  song_id INTEGER NOT NULL REFERENCES song (id),
  playlist_id INTEGER NOT NULL REFERENCES playlist (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (song_id, playlist_id)
);
CREATE INDEX ix_playlist_songs_playlist ON playlist_songs (playlist_id);

-- Keyed by a unique constraint, beside a surrogate key, with a date.
CREATE TABLE follows ( -- expect: assoc-extra-columns
  id INTEGER PRIMARY KEY,
  follower_id INTEGER NOT NULL REFERENCES users (id),
  followed_id INTEGER NOT NULL REFERENCES users (id),
  since TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE (follower_id, followed_id)
);
CREATE INDEX ix_follows_followed ON follows (followed_id);
