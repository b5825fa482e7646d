/*
 * assoc-missing-fk: association tables without a foreign key to one side,
 * to both sides, and with the only one foreign_keys= leaves out.
 */
#include <modelgraph/annotations.h>

struct Playlist;
struct Tag;

struct Song {
	int id                       MG_COLUMN(primary_key=true);
	struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=playlist_songs, backref=songs); // expect: assoc-missing-fk
	struct Tag **tags            MG_RELATIONSHIP(Tag, secondary=song_tags, backref=songs); // expect: assoc-missing-fk
	struct Playlist **liked      MG_RELATIONSHIP(Playlist, secondary=likes, backref=fans, // expect: assoc-missing-fk
	                                             foreign_keys=[likes.playlist_id]);
} MG_MODEL();

struct Playlist {
	int id                       MG_COLUMN(primary_key=true);
} MG_MODEL();

struct Tag {
	int id                       MG_COLUMN(primary_key=true);
} MG_MODEL();

struct PlaylistSong {
	int song_id                  MG_FOREIGN_KEY(song.id);
	int playlist_id; // expect: fk-implied
} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);

struct SongTag {
	int a;
	int b;
} MG_TABLE(song_tags) MG_PRIMARY_KEY(a, b); // expect: table-isolated

struct Like {
	int song_id                  MG_FOREIGN_KEY(song.id);
	int playlist_id              MG_FOREIGN_KEY(playlist.id, index=true);
} MG_TABLE(likes) MG_PRIMARY_KEY(song_id, playlist_id);
