/*
 * rel-missing-backref: inverses by backref and by back_populates; a
 * viewonly relationship, which needs none; one whose only way back is
 * viewonly; one-way many-to-one and one-to-one relationships, which are
 * ordinary style.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Cover;
struct Playlist;
struct Label;

struct User {
	int id                       MG_COLUMN(primary_key=true);
	struct Post **posts          MG_RELATIONSHIP(Post, foreign_keys=[Post.author_id], backref=author);
	struct Post **recent         MG_RELATIONSHIP(Post, foreign_keys=[Post.author_id], viewonly,
	                                             order_by=Post.id desc);
	struct Post **edited         MG_RELATIONSHIP(Post, foreign_keys=[Post.editor_id], back_populates=editor);
} MG_MODEL(tablename=users);

struct Post {
	int id                       MG_COLUMN(primary_key=true);
	int author_id                MG_FOREIGN_KEY(users.id, index=true);
	int editor_id                MG_FOREIGN_KEY(users.id, index=true);
	int reviewer_id              MG_FOREIGN_KEY(users.id, index=true);
	struct User *editor          MG_RELATIONSHIP(User, foreign_keys=[Post.editor_id], back_populates=edited);
	struct User *reviewer        MG_RELATIONSHIP(User, foreign_keys=[Post.reviewer_id]);
	struct Cover *cover          MG_RELATIONSHIP(Cover, uselist=false);
} MG_MODEL();

struct Cover {
	int id                       MG_COLUMN(primary_key=true);
	int post_id                  MG_FOREIGN_KEY(post.id, unique=true);
} MG_MODEL();


struct Song {
	int id                       MG_COLUMN(primary_key=true);
	struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=playlist_songs, backref=songs);
	struct Label **labels        MG_RELATIONSHIP(Label, viewonly);
} MG_MODEL();

struct Playlist {
	int id                       MG_COLUMN(primary_key=true);
} MG_MODEL();

struct Label {
	int id                       MG_COLUMN(primary_key=true);
	int song_id                  MG_FOREIGN_KEY(song.id, index=true);
	struct Song *song            MG_RELATIONSHIP(Song);
} MG_MODEL();

struct PlaylistSong {
	int song_id                  MG_FOREIGN_KEY(song.id);
	int playlist_id              MG_FOREIGN_KEY(playlist.id, index=true);
} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);
