/*
 * Music: a song is in many playlists and a playlist holds many songs
 * (many-to-many).
 *
 * The association table playlist_songs is a plain table (MG_TABLE), not a
 * model: it only pairs a song with a playlist, and its primary key over both
 * foreign keys keeps each pair once. Song.playlists names it as `secondary`;
 * backref=songs gives every Playlist the inverse collection.
 */
#ifndef MODELGRAPH_EXAMPLE_MUSIC_H
#define MODELGRAPH_EXAMPLE_MUSIC_H

#include <modelgraph/annotations.h>

struct Playlist;

/** A song, which may be in any number of playlists. */
struct Song {
	int id                      MG_COLUMN(primary_key=true);
	char title[201]             MG_COLUMN(nullable=false);
	struct Playlist **playlists MG_RELATIONSHIP(Playlist, secondary=playlist_songs, backref=songs);
} MG_MODEL();

/** A named list of songs. */
struct Playlist {
	int id                      MG_COLUMN(primary_key=true);
	char name[101]              MG_COLUMN(nullable=false);
} MG_MODEL();

/** Which song is in which playlist. */
struct PlaylistSong {
	int song_id                 MG_FOREIGN_KEY(song.id, ondelete=CASCADE);
	int playlist_id             MG_FOREIGN_KEY(playlist.id, ondelete=CASCADE);
} MG_TABLE(playlist_songs)
  MG_PRIMARY_KEY(song_id, playlist_id)
  MG_INDEX(ix_playlist_songs_playlist_id, playlist_id);

#endif
