/*
 * rel-secondary-is-model: plain association tables; and a model over a link
 * of its own (an association object) reached by relationships, not through
 * secondary.
 */
#include <modelgraph/annotations.h>

struct Playlist;
struct Rating;

struct Song {
	int id                       MG_COLUMN(primary_key=true);
	struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=entry, backref=songs);
	struct Rating **ratings      MG_RELATIONSHIP(Rating, backref=song);
} MG_MODEL();

struct Playlist {
	int id                       MG_COLUMN(primary_key=true);
	struct Rating **ratings      MG_RELATIONSHIP(Rating, backref=playlist);
} MG_MODEL();

struct Entry {
	int song_id                  MG_FOREIGN_KEY(song.id, primary_key=true);
	int playlist_id              MG_FOREIGN_KEY(playlist.id, primary_key=true, index=true);
} MG_TABLE(entry);

struct Rating {
	int song_id                  MG_FOREIGN_KEY(song.id, primary_key=true);
	int playlist_id              MG_FOREIGN_KEY(playlist.id, primary_key=true, index=true);
	int stars                    MG_COLUMN(nullable=false);
} MG_MODEL();
