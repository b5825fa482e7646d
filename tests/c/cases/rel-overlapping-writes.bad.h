/*
 * rel-overlapping-writes: a second relationship over the foreign key of a
 * backref pair, and a second many-to-many through one association table
 * whose overlaps= names only one of the two it conflicts with: the other,
 * a backref, cannot take overlaps=, so Song.playlists has to name it.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Playlist;

struct User {
	int id                       MG_COLUMN(primary_key=true);
	struct Post **posts          MG_RELATIONSHIP(Post, backref=author);
	struct Post **drafts         MG_RELATIONSHIP(Post, order_by=Post.id); // expect: rel-overlapping-writes, rel-missing-backref
} MG_MODEL(tablename=users);

struct Post {
	int id                       MG_COLUMN(primary_key=true);
	int user_id                  MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();

struct Song {
	int id                       MG_COLUMN(primary_key=true);
	struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=playlist_songs, backref=songs); // expect: rel-overlapping-writes
	struct Playlist **favorites  MG_RELATIONSHIP(Playlist, secondary=playlist_songs, backref=fans, // expect: rel-overlapping-writes
	                                             overlaps=[playlists]);
} MG_MODEL();

struct Playlist {
	int id                       MG_COLUMN(primary_key=true);
} MG_MODEL();

struct PlaylistSong {
	int song_id                  MG_FOREIGN_KEY(song.id);
	int playlist_id              MG_FOREIGN_KEY(playlist.id, index=true);
} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);
