/*
 * rel-unlinked-inverse: the same pairs linked, and near misses: two
 * relationships between the same models over different foreign keys are
 * no inverses of each other.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Playlist;

struct User {
	int id                       MG_COLUMN(primary_key=true);
	struct Post **posts          MG_RELATIONSHIP(Post, back_populates=author, foreign_keys=[Post.user_id]);
	struct Post **edited         MG_RELATIONSHIP(Post, foreign_keys=[Post.editor_id], viewonly);
} MG_MODEL(tablename=users);

struct Post {
	int id                       MG_COLUMN(primary_key=true);
	int user_id                  MG_FOREIGN_KEY(users.id, index=true);
	int editor_id                MG_FOREIGN_KEY(users.id, index=true);
	struct User *author          MG_RELATIONSHIP(User, back_populates=posts, foreign_keys=[Post.user_id]);
	struct User *editor          MG_RELATIONSHIP(User, foreign_keys=[Post.editor_id], viewonly);
} MG_MODEL();

struct Song {
	int id                       MG_COLUMN(primary_key=true);
	struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=playlist_songs, back_populates=songs);
} MG_MODEL();

struct Playlist {
	int id                       MG_COLUMN(primary_key=true);
	struct Song **songs          MG_RELATIONSHIP(Song, secondary=playlist_songs, back_populates=playlists);
} MG_MODEL();

struct PlaylistSong {
	int song_id                  MG_FOREIGN_KEY(song.id);
	int playlist_id              MG_FOREIGN_KEY(playlist.id, index=true);
} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);

struct Node {
	int id                       MG_COLUMN(primary_key=true);
	int user_id                  MG_FOREIGN_KEY(users.id, index=true);
	int parent_id                MG_FOREIGN_KEY(node.id, index=true);
	struct Node *parent          MG_RELATIONSHIP(Node, remote_side=[id], back_populates=children);
	struct Node **children       MG_RELATIONSHIP(Node, back_populates=parent);
} MG_MODEL();

/* Kept apart on purpose: overlaps= names the other side. */
struct Forum {
	int id                       MG_COLUMN(primary_key=true);
	struct Thread **threads      MG_RELATIONSHIP(Thread, overlaps=[forum]);
} MG_MODEL();

struct Thread {
	int id                       MG_COLUMN(primary_key=true);
	int forum_id                 MG_FOREIGN_KEY(forum.id, index=true);
	struct Forum *forum          MG_RELATIONSHIP(Forum);
} MG_MODEL();
