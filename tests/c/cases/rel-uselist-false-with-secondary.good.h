/*
 * rel-uselist-false-with-secondary: collections through association tables;
 * a single related object through a foreign key on the source.
 */
#include <modelgraph/annotations.h>

struct Playlist;

struct Song {
	int id                       MG_COLUMN(primary_key=true);
	struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=playlist_songs, uselist=true,
	                                             backref=songs);
} MG_MODEL();

struct Playlist {
	int id                       MG_COLUMN(primary_key=true);
	int cover_id                 MG_FOREIGN_KEY(song.id, index=true);
	struct Song *cover           MG_RELATIONSHIP(Song, uselist=false, backref=covered);
} MG_MODEL();

struct PlaylistSong {
	int song_id                  MG_FOREIGN_KEY(song.id);
	int playlist_id              MG_FOREIGN_KEY(playlist.id, index=true);
} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);
