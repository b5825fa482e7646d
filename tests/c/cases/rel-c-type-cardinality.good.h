/*
 * rel-c-type-cardinality: pointers matching the cardinality: arrays and
 * `T **` for collections, `T *` for one object, uselist=true making a
 * many-to-one a collection.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Playlist;
struct UserProfile;

struct User {
	int id                          MG_COLUMN(primary_key=true);
	struct Post *posts[16]          MG_RELATIONSHIP(Post, backref=author, foreign_keys=[Post.user_id]);
	struct UserProfile *profile     MG_RELATIONSHIP(UserProfile, uselist=false, backref=user);
} MG_MODEL(tablename=users);

struct Post {
	int id                          MG_COLUMN(primary_key=true);
	int user_id                     MG_FOREIGN_KEY(users.id, index=true);
	int editor_id                   MG_FOREIGN_KEY(users.id, index=true);
	/* The C type agrees with uselist=true; rel-many-to-one-as-list has the rest to say. */
	struct User **editor            MG_RELATIONSHIP(User, foreign_keys=[Post.editor_id], uselist=true, // expect: rel-many-to-one-as-list
	                                                backref=edited);
} MG_MODEL();

struct UserProfile {
	int id                          MG_COLUMN(primary_key=true);
	int user_id                     MG_FOREIGN_KEY(users.id, unique=true);
} MG_MODEL();

struct Song {
	int id                          MG_COLUMN(primary_key=true);
	struct Playlist **playlists     MG_RELATIONSHIP(Playlist, secondary=playlist_songs, backref=songs);
} MG_MODEL();

struct Playlist {
	int id                          MG_COLUMN(primary_key=true);
} MG_MODEL();

struct PlaylistSong {
	int song_id                     MG_FOREIGN_KEY(song.id);
	int playlist_id                 MG_FOREIGN_KEY(playlist.id, index=true);
} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);
