-- assoc-extra-columns, fixed: the link tables hold nothing but their keys.

CREATE TABLE song (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
CREATE TABLE playlist (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  body TEXT NOT NULL
);
CREATE INDEX ix_post_user ON post (user_id);

-- A pure association table.
CREATE TABLE playlist_songs (
  song_id INTEGER NOT NULL REFERENCES song (id),
  playlist_id INTEGER NOT NULL REFERENCES playlist (id),
  PRIMARY KEY (song_id, playlist_id)
);
CREATE INDEX ix_playlist_songs_playlist ON playlist_songs (playlist_id);

-- Near miss: a surrogate key the database assigns is no data of the link's
-- own; SQLAlchemy writes the two foreign keys and the row gets its id.
CREATE TABLE follows (
  id INTEGER PRIMARY KEY,
  follower_id INTEGER NOT NULL REFERENCES users (id),
  followed_id INTEGER NOT NULL REFERENCES users (id),
  UNIQUE (follower_id, followed_id)
);
CREATE INDEX ix_follows_followed ON follows (followed_id);

-- Near miss: two foreign keys and data, but the pair is no key: an entity
-- of its own (a user may comment on a post many times).
CREATE TABLE comment (
  id INTEGER PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES post (id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  body TEXT NOT NULL
);
CREATE INDEX ix_comment_post ON comment (post_id);
CREATE INDEX ix_comment_user ON comment (user_id);

-- Near miss: three foreign keys, keyed by all three.
CREATE TABLE playlist_share (
  playlist_id INTEGER NOT NULL REFERENCES playlist (id),
  owner_id INTEGER NOT NULL REFERENCES users (id),
  guest_id INTEGER NOT NULL REFERENCES users (id),
  shared_at TIMESTAMP,
  PRIMARY KEY (playlist_id, owner_id, guest_id)
);
CREATE INDEX ix_playlist_share_owner ON playlist_share (owner_id);
CREATE INDEX ix_playlist_share_guest ON playlist_share (guest_id);
