/*
 * annotation-syntax: text the option grammar cannot read, a missing or extra
 * value, an option given twice, macros where they mean nothing.
 */
#include <modelgraph/annotations.h>

struct Playlist;

struct Song {
	int id                      MG_COLUMN(primary_key, primary_key); // expect: annotation-syntax
	char title[81]              MG_COLUMN(comment=[title); // expect: annotation-syntax
	struct Playlist **playlists MG_RELATIONSHIP(secondary=playlist_songs, backref=songs); // expect: annotation-syntax
	int plays                   MG_TRANSIENT MG_COLUMN(nullable=false); // expect: annotation-syntax
	int ranking                 MG_PRIMARY_KEY(ranking); // expect: annotation-syntax
} MG_MODEL() MG_COLUMN(unique); // expect: annotation-syntax

struct Playlist {
	int id                      MG_COLUMN(primary_key);
} MG_MODEL();

struct PlaylistSong {
	int song_id                 MG_FOREIGN_KEY(song.id);
	int playlist_id             MG_FOREIGN_KEY(playlist.id, index=true);
} MG_TABLE(playlist_songs, "songs") MG_PRIMARY_KEY(song_id, playlist_id); // expect: annotation-syntax

/* Annotated, but neither a model nor a table: not read. */
struct Draft {
	int id                      MG_COLUMN(primary_key); // expect: annotation-syntax
};
