/*
 * rel-unlinked-inverse: both ends of one link declared and never linked:
 * over a foreign key, through an association table, and on a
 * self-referential model. Reported once per pair, on the first by name.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Playlist;

struct User {
	int id                       MG_COLUMN(primary_key=true);
	struct Post **posts          MG_RELATIONSHIP(Post);
} MG_MODEL(tablename=users);

struct Post {
	int id                       MG_COLUMN(primary_key=true);
	int user_id                  MG_FOREIGN_KEY(users.id, index=true);
	struct User *author          MG_RELATIONSHIP(User); // expect: rel-unlinked-inverse
} MG_MODEL();

struct Song {
	int id                       MG_COLUMN(primary_key=true);
	struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=playlist_songs);
} MG_MODEL();

struct Playlist {
	int id                       MG_COLUMN(primary_key=true);
	struct Song **songs          MG_RELATIONSHIP(Song, secondary=playlist_songs); // expect: rel-unlinked-inverse
} MG_MODEL();

struct PlaylistSong {
	int song_id                  MG_FOREIGN_KEY(song.id);
	int playlist_id              MG_FOREIGN_KEY(playlist.id, index=true);
} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);

struct Node {
	int id                       MG_COLUMN(primary_key=true);
	int user_id                  MG_FOREIGN_KEY(users.id, index=true);
	int parent_id                MG_FOREIGN_KEY(node.id, index=true);
	struct Node *parent          MG_RELATIONSHIP(Node, remote_side=[id]);
	struct Node **children       MG_RELATIONSHIP(Node); // expect: rel-unlinked-inverse
} MG_MODEL();
