/*
 * rel-c-type-cardinality: a one-to-many held in `T *`, a many-to-one in
 * `T **`, a many-to-many in one pointer, and uselist=false on an array.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Playlist;
struct UserProfile;

struct User {
	int id                          MG_COLUMN(primary_key=true);
	struct Post *posts              MG_RELATIONSHIP(Post, backref=author, foreign_keys=[Post.user_id]); // expect: rel-c-type-cardinality
	struct UserProfile *profiles[2] MG_RELATIONSHIP(UserProfile, uselist=false, backref=user); // expect: rel-c-type-cardinality
} MG_MODEL(tablename=users);

struct Post {
	int id                          MG_COLUMN(primary_key=true);
	int user_id                     MG_FOREIGN_KEY(users.id, index=true);
	int editor_id                   MG_FOREIGN_KEY(users.id, index=true);
	struct User **editor            MG_RELATIONSHIP(User, foreign_keys=[Post.editor_id], backref=edited); // expect: rel-c-type-cardinality
} MG_MODEL();

struct UserProfile {
	int id                          MG_COLUMN(primary_key=true);
	int user_id                     MG_FOREIGN_KEY(users.id, unique=true);
} MG_MODEL();

struct Song {
	int id                          MG_COLUMN(primary_key=true);
	struct Playlist *playlists      MG_RELATIONSHIP(Playlist, secondary=playlist_songs, backref=songs); // expect: rel-c-type-cardinality
} MG_MODEL();

struct Playlist {
	int id                          MG_COLUMN(primary_key=true);
} MG_MODEL();

struct PlaylistSong {
	int song_id                     MG_FOREIGN_KEY(song.id);
	int playlist_id                 MG_FOREIGN_KEY(playlist.id, index=true);
} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);
