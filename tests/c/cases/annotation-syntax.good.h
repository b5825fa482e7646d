/*
 * annotation-syntax: the same models written right, and near misses:
 * annotations over several lines with comments inside, strings holding
 * commas and brackets, lists, struct macros one after another.
 */
#include <modelgraph/annotations.h>

struct Playlist;

struct Song {
	int id                      MG_COLUMN(primary_key,
	                                      /* shown in the docs */ comment="the key, [unique]");
	char title[81]              MG_COLUMN(comment="title", nullable=false);
	struct Playlist **playlists MG_RELATIONSHIP(Playlist, secondary=playlist_songs, backref=songs,
	                                            order_by=Playlist.id desc);
	int plays                   MG_TRANSIENT;
	int ranking                 MG_COLUMN(type=NUMERIC(10, 2), nullable=false);
} MG_MODEL() MG_UNIQUE(title, ranking);

struct Playlist {
	int id                      MG_COLUMN(primary_key);
} MG_MODEL();

struct PlaylistSong {
	int song_id                 MG_FOREIGN_KEY(song.id);
	int playlist_id             MG_FOREIGN_KEY(playlist.id, index=true);
} MG_TABLE(playlist_songs, comment="which song is in which playlist")
  MG_PRIMARY_KEY(song_id, playlist_id);

/* A struct without annotations is no concern of modelgraph's. */
struct Draft {
	int id;
};
