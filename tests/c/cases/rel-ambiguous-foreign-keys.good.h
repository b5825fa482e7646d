/*
 * rel-ambiguous-foreign-keys: foreign_keys= picks one of several, in either
 * direction and through an association table; one foreign key each way is
 * told apart the same way.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Player;
struct Playlist;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Post, backref=author, foreign_keys=[Post.author_id]);
	struct Post **edited    MG_RELATIONSHIP(Post, backref=editor, foreign_keys=[Post.editor_id]);
} MG_MODEL(tablename=users);

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int author_id           MG_FOREIGN_KEY(users.id, index=true);
	int editor_id           MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();

struct Team {
	int id                  MG_COLUMN(primary_key=true);
	int captain_id          MG_FOREIGN_KEY(player.id, index=true);
	struct Player **players MG_RELATIONSHIP(Player, backref=team, foreign_keys=[Player.team_id]);
	struct Player *captain  MG_RELATIONSHIP(Player, foreign_keys=[Team.captain_id], backref=captained);
} MG_MODEL();

struct Player {
	int id                  MG_COLUMN(primary_key=true);
	int team_id             MG_FOREIGN_KEY(team.id, index=true);
} MG_MODEL();

struct Song {
	int id                       MG_COLUMN(primary_key=true);
	struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=entries, backref=songs,
	                                             foreign_keys=[entries.playlist_id, entries.song_id]);
} MG_MODEL();

struct Playlist {
	int id                       MG_COLUMN(primary_key=true);
} MG_MODEL();

struct PlaylistEntry {
	int playlist_id              MG_FOREIGN_KEY(playlist.id);
	int song_id                  MG_FOREIGN_KEY(song.id, index=true);
	int cover_of_id              MG_FOREIGN_KEY(song.id, index=true);
} MG_TABLE(entries) MG_PRIMARY_KEY(playlist_id, song_id);
