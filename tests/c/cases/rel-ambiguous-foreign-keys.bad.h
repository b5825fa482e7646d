/*
 * rel-ambiguous-foreign-keys: two foreign keys one way, one each way, a
 * foreign_keys= list matching neither exactly, and an association table
 * with two foreign keys to one side.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Player;
struct Playlist;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Post, backref=author); // expect: rel-ambiguous-foreign-keys
	struct Post **touched   MG_RELATIONSHIP(Post, foreign_keys=[Post.author_id, Post.editor_id], // expect: rel-ambiguous-foreign-keys
	                                        viewonly);
} MG_MODEL(tablename=users);

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int author_id           MG_FOREIGN_KEY(users.id, index=true);
	int editor_id           MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();

struct Team {
	int id                  MG_COLUMN(primary_key=true);
	int captain_id          MG_FOREIGN_KEY(player.id, index=true);
	struct Player **players MG_RELATIONSHIP(Player, backref=team); // expect: rel-ambiguous-foreign-keys
} MG_MODEL();

struct Player {
	int id                  MG_COLUMN(primary_key=true);
	int team_id             MG_FOREIGN_KEY(team.id, index=true);
} MG_MODEL();

struct Song {
	int id                       MG_COLUMN(primary_key=true);
	struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=entries, backref=songs); // expect: rel-ambiguous-foreign-keys
} MG_MODEL();

struct Playlist {
	int id                       MG_COLUMN(primary_key=true);
} MG_MODEL();

struct PlaylistEntry {
	int playlist_id              MG_FOREIGN_KEY(playlist.id);
	int song_id                  MG_FOREIGN_KEY(song.id, index=true);
	int cover_of_id              MG_FOREIGN_KEY(song.id, index=true);
} MG_TABLE(entries) MG_PRIMARY_KEY(playlist_id, song_id);
