/*
 * Mistakes: the seed's models with the slips modelgraph is for. Each one
 * compiles, and SQLAlchemy would map most of them without a word; `make run`
 * lints this file so the findings can be seen. The fixed models are blog.h,
 * music.h and profile.h.
 */
#ifndef MODELGRAPH_EXAMPLE_MISTAKES_H
#define MODELGRAPH_EXAMPLE_MISTAKES_H

#include <modelgraph/annotations.h>

struct Post;
struct Profile;
struct Playlist;

struct Author {
	int id                   MG_COLUMN(primary_key=true);
	/* The inverse is spelt wrong: "backred" is no option. */
	struct Post **posts      MG_RELATIONSHIP(Post, backred=author);
	/* One-to-one, but nothing stops two profiles pointing at one author. */
	struct Profile *profile  MG_RELATIONSHIP(Profile, uselist=false, back_populates=author);
} MG_MODEL();

struct Post {
	int id                   MG_COLUMN(primary_key=true);
	int author_id            MG_FOREIGN_KEY(author.id, nullable=false);
} MG_MODEL();

struct Profile {
	int id                   MG_COLUMN(primary_key=true);
	int author_id            MG_FOREIGN_KEY(author.id);  /* not unique */
	struct Author *author    MG_RELATIONSHIP(Author, back_populates=profile);
} MG_MODEL();

/* The association table has no key over its two foreign keys, so one song
 * can be put on one playlist twice. */
struct PlaylistSong {
	int song_id              MG_FOREIGN_KEY(song.id);
	int playlist_id          MG_FOREIGN_KEY(playlist.id);
} MG_TABLE(playlist_songs);

struct Song {
	int id                   MG_COLUMN(primary_key=true);
	/* No backref: a playlist cannot list its songs. */
	struct Playlist **playlists MG_RELATIONSHIP(Playlist, secondary=playlist_songs);
} MG_MODEL();

struct Playlist {
	int id                   MG_COLUMN(primary_key=true);
	char name[65]            MG_COLUMN(nullable=false);
} MG_MODEL();

#endif
