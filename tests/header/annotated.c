/*
 * Every annotation macro on the seed's three models: User/Post (one-to-many),
 * Song/Playlist through the plain table playlist_songs (many-to-many) and
 * User/UserProfile (one-to-one). check-header.sh compiles it with gcc and
 * clang in strict C11 and checks the strings clang attaches.
 */
#include <stdbool.h> /* defines `true` as 1: annotations must keep the word */
#include <time.h>

#include <modelgraph/annotations.h>

/* Macros named like a table and a backref: annotations must not expand them. */
#define playlist_songs playlist_tracks
#define author 42

struct Post;
struct UserProfile;
struct Playlist;

/** A registered user. */
struct User {
	int id                      MG_COLUMN(primary_key=true);
	char username[81]           MG_COLUMN(unique=true, nullable=false); /**< login name */
	char email[121]             MG_COLUMN(unique, nullable=false, index=True,
	                                      comment="address, \"as typed\"");
	time_t created              MG_COLUMN(server_default=CURRENT_TIMESTAMP);
	struct Post **posts         MG_RELATIONSHIP(Post, backref=author, lazy=select,
	                                            order_by=Post.created desc,
	                                            cascade="all, delete-orphan");
	struct UserProfile *profile MG_RELATIONSHIP(UserProfile, uselist=false,
	                                            backref=backref(user, lazy=joined));
	void *session               MG_TRANSIENT;
	char **titles               MG_ASSOCIATION_PROXY(posts, title);
} MG_MODEL(tablename=users, comment="people who sign in");

/** A blog post, written by one user. */
struct Post {
	int id                      MG_COLUMN(primary_key=true, autoincrement);
	char title[201]             MG_COLUMN(nullable=false, type=VARCHAR(200));
	char *body                  MG_COLUMN(default="", comment="markdown");
	time_t created              MG_COLUMN(server_default=CURRENT_TIMESTAMP);
	int user_id                 MG_FOREIGN_KEY(users.id, nullable=false, ondelete=CASCADE);
} MG_MODEL() MG_INDEX(ix_post_user_created, user_id, created);

/** One per user. */
struct UserProfile {
	int id                      MG_COLUMN(primary_key=true);
	int user_id                 MG_FOREIGN_KEY(users.id, unique=true, nullable=false,
	                                           ondelete=CASCADE, onupdate=NO ACTION);
	char *bio                   MG_COLUMN(nullable=true);
} MG_MODEL(tablename=user_profiles);

struct Song {
	int id                      MG_COLUMN(primary_key);
	char title[81]              MG_COLUMN(nullable=false);
	struct Playlist **playlists MG_RELATIONSHIP(Playlist, secondary=playlist_songs,
	                                            backref=songs, lazy=selectin);
} MG_MODEL();

struct Playlist {
	int id                      MG_COLUMN(primary_key=true);
	char name[65]               MG_COLUMN(nullable=false);
	int owner_id                MG_FOREIGN_KEY(users.id, ondelete=SET NULL)
	                            MG_ALLOW(fk-missing-index, "few playlists per user");
} MG_MODEL() MG_UNIQUE(owner_id, name);

/* A plain table: the association between songs and playlists. */
struct PlaylistSong {
	int song_id                 MG_FOREIGN_KEY(song.id);
	int playlist_id             MG_FOREIGN_KEY(playlist.id);
	int position                MG_COLUMN(nullable=false, default=0);
} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);
