/*
 * rel-secondary-is-model: secondary names the table of a model, once by its
 * default name and once by tablename=.
 */
#include <modelgraph/annotations.h>

struct Playlist;

struct Song {
	int id                       MG_COLUMN(primary_key=true);
	struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=entry, backref=songs); // expect: rel-secondary-is-model
	struct Playlist **liked      MG_RELATIONSHIP(Playlist, secondary=likes, backref=fans); // expect: rel-secondary-is-model
} MG_MODEL();

struct Playlist {
	int id                       MG_COLUMN(primary_key=true);
} MG_MODEL();

struct Entry {
	int song_id                  MG_FOREIGN_KEY(song.id, primary_key=true);
	int playlist_id              MG_FOREIGN_KEY(playlist.id, primary_key=true, index=true);
} MG_MODEL();

struct Like {
	int song_id                  MG_FOREIGN_KEY(song.id, primary_key=true);
	int playlist_id              MG_FOREIGN_KEY(playlist.id, primary_key=true, index=true);
} MG_MODEL(tablename=likes);
