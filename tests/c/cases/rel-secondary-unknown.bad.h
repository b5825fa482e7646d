/*
 * rel-secondary-unknown: a misspelt association table, the struct tag in
 * place of the table name, a name nothing resembles, and the table's name
 * in another case (SQL ignores it, SQLAlchemy's lookup does not).
 */
#include <modelgraph/annotations.h>

struct Playlist;

struct Song {
	int id                       MG_COLUMN(primary_key=true);
	struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=playlist_song, backref=songs); // expect: rel-secondary-unknown
	struct Playlist **liked      MG_RELATIONSHIP(Playlist, secondary=PlaylistSong, backref=fans); // expect: rel-secondary-unknown
	struct Playlist **queued     MG_RELATIONSHIP(Playlist, secondary=queue, backref=queued_songs); // expect: rel-secondary-unknown
	struct Playlist **shouted    MG_RELATIONSHIP(Playlist, secondary=PLAYLIST_SONGS, viewonly); // expect: rel-secondary-unknown
} MG_MODEL();

struct Playlist {
	int id                       MG_COLUMN(primary_key=true);
} MG_MODEL();

struct PlaylistSong {
	int song_id                  MG_FOREIGN_KEY(song.id);
	int playlist_id              MG_FOREIGN_KEY(playlist.id, index=true);
} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);
