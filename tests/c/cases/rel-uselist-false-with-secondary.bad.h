/*
 * rel-uselist-false-with-secondary: scalar relationships through an
 * association table.
 */
#include <modelgraph/annotations.h>

struct Playlist;

struct Song {
	int id                       MG_COLUMN(primary_key=true);
	struct Playlist *playlist    MG_RELATIONSHIP(Playlist, secondary=playlist_songs, uselist=false, // expect: rel-uselist-false-with-secondary
	                                             backref=songs);
} MG_MODEL();

struct Playlist {
	int id                       MG_COLUMN(primary_key=true);
	struct Song *cover           MG_RELATIONSHIP(Song, secondary=covers, uselist=false, backref=covered); // expect: rel-uselist-false-with-secondary
} MG_MODEL();

struct PlaylistSong {
	int song_id                  MG_FOREIGN_KEY(song.id);
	int playlist_id              MG_FOREIGN_KEY(playlist.id, index=true);
} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);

struct Cover {
	int song_id                  MG_FOREIGN_KEY(song.id, index=true);
	int playlist_id              MG_FOREIGN_KEY(playlist.id);
} MG_TABLE(covers) MG_PRIMARY_KEY(playlist_id, song_id);
