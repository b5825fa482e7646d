/*
 * rel-overlapping-writes: the extra relationship is viewonly, or names every
 * relationship it overlaps; inverses write the same columns as a pair; two
 * relationships over different foreign keys write different columns.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Playlist;

struct User {
	int id                       MG_COLUMN(primary_key=true);
	struct Post **posts          MG_RELATIONSHIP(Post, backref=author, foreign_keys=[Post.user_id]);
	struct Post **drafts         MG_RELATIONSHIP(Post, order_by=Post.id, viewonly, foreign_keys=[Post.user_id]);
	struct Post **edited         MG_RELATIONSHIP(Post, backref=editor, foreign_keys=[Post.editor_id]);
} MG_MODEL(tablename=users);

struct Post {
	int id                       MG_COLUMN(primary_key=true);
	int user_id                  MG_FOREIGN_KEY(users.id, index=true);
	int editor_id                MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();

struct Song {
	int id                       MG_COLUMN(primary_key=true);
	struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=playlist_songs, back_populates=songs);
	struct Playlist **favorites  MG_RELATIONSHIP(Playlist, secondary=playlist_songs, back_populates=fans,
	                                             overlaps=[playlists, songs]);
} MG_MODEL();

struct Playlist {
	int id                       MG_COLUMN(primary_key=true);
	struct Song **songs          MG_RELATIONSHIP(Song, secondary=playlist_songs, back_populates=playlists);
	struct Song **fans           MG_RELATIONSHIP(Song, secondary=playlist_songs, back_populates=favorites,
	                                             overlaps=[playlists, songs]);
} MG_MODEL();

struct PlaylistSong {
	int song_id                  MG_FOREIGN_KEY(song.id);
	int playlist_id              MG_FOREIGN_KEY(playlist.id, index=true);
} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);
