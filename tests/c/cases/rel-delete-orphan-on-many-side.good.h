/*
 * rel-delete-orphan-on-many-side: delete-orphan on the one-to-many side;
 * on a many-to-one with single_parent; other cascades on the many side.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Playlist;

struct User {
	int id                       MG_COLUMN(primary_key=true);
	struct Post **posts          MG_RELATIONSHIP(Post, backref=author, cascade="all, delete-orphan");
} MG_MODEL(tablename=users);

struct Post {
	int id                       MG_COLUMN(primary_key=true);
	int user_id                  MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();

struct Address {
	int id                       MG_COLUMN(primary_key=true);
	int user_id                  MG_FOREIGN_KEY(users.id, index=true);
	struct User *user            MG_RELATIONSHIP(User, backref=addresses, cascade="all, delete-orphan",
	                                             single_parent=true);
} MG_MODEL();

struct Song {
	int id                       MG_COLUMN(primary_key=true);
	struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=playlist_songs, backref=songs,
	                                             cascade="all");
} MG_MODEL();

struct Playlist {
	int id                       MG_COLUMN(primary_key=true);
} MG_MODEL();

struct PlaylistSong {
	int song_id                  MG_FOREIGN_KEY(song.id);
	int playlist_id              MG_FOREIGN_KEY(playlist.id, index=true);
} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);
