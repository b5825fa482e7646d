/*
 * rel-delete-orphan-on-many-side: delete-orphan on a many-to-one, and on a
 * many-to-many, without single_parent.
 */
#include <modelgraph/annotations.h>

struct Playlist;

struct User {
	int id                       MG_COLUMN(primary_key=true);
} MG_MODEL(tablename=users);

struct Post {
	int id                       MG_COLUMN(primary_key=true);
	int user_id                  MG_FOREIGN_KEY(users.id, index=true);
	struct User *author          MG_RELATIONSHIP(User, backref=posts, cascade="all, delete-orphan"); // expect: rel-delete-orphan-on-many-side
} MG_MODEL();

struct Song {
	int id                       MG_COLUMN(primary_key=true);
	struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=playlist_songs, backref=songs, // expect: rel-delete-orphan-on-many-side, rel-delete-orphan-without-delete
	                                             cascade=[save-update, delete-orphan]);
} MG_MODEL();

struct Playlist {
	int id                       MG_COLUMN(primary_key=true);
} MG_MODEL();

struct PlaylistSong {
	int song_id                  MG_FOREIGN_KEY(song.id);
	int playlist_id              MG_FOREIGN_KEY(playlist.id, index=true);
} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);
