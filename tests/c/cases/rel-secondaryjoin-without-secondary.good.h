/*
 * rel-secondaryjoin-without-secondary: secondaryjoin with its secondary,
 * and a secondary whose join to the target is derived from its one
 * foreign key there while primaryjoin gives the other side.
 */
#include <modelgraph/annotations.h>

struct Playlist;

struct Song {
	int id                       MG_COLUMN(primary_key=true);
	struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=playlist_songs, backref=songs,
	                                 primaryjoin="Song.id == playlist_songs.c.song_id",
	                                 secondaryjoin="playlist_songs.c.playlist_id == Playlist.id");
	struct Playlist **listed     MG_RELATIONSHIP(Playlist, secondary=playlist_songs, viewonly,
	                                 primaryjoin="Song.id == playlist_songs.song_id");
} MG_MODEL();

struct Playlist {
	int id                       MG_COLUMN(primary_key=true);
} MG_MODEL();

struct PlaylistSong {
	int song_id                  MG_FOREIGN_KEY(song.id);
	int playlist_id              MG_FOREIGN_KEY(playlist.id, index=true);
} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);
