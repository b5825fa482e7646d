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

/* SQLAlchemy's association-object pattern: the link is a model, and a
 * shortcut through its table is viewonly, or names the model's
 * relationships in overlaps= as SQLAlchemy's warning recommends. */
struct Member;
struct Membership;

struct Club {
	int id                       MG_COLUMN(primary_key=true);
	struct Member **members      MG_RELATIONSHIP(Member, secondary=membership, viewonly);
	struct Member **writers      MG_RELATIONSHIP(Member, secondary=membership, back_populates=clubs,
	                                             overlaps=[memberships, club, member]);
	struct Membership **memberships MG_RELATIONSHIP(Membership, back_populates=club);
} MG_MODEL();

struct Member {
	int id                       MG_COLUMN(primary_key=true);
	struct Club **clubs          MG_RELATIONSHIP(Club, secondary=membership, back_populates=writers,
	                                             overlaps=[memberships, club, member]);
	struct Membership **memberships MG_RELATIONSHIP(Membership, back_populates=member);
} MG_MODEL();

struct Membership {
	int club_id                  MG_FOREIGN_KEY(club.id, primary_key=true);
	int member_id                MG_FOREIGN_KEY(member.id, primary_key=true, index=true);
	char role[21]                MG_COLUMN(nullable=false);
	struct Club *club            MG_RELATIONSHIP(Club, back_populates=memberships);
	struct Member *member        MG_RELATIONSHIP(Member, back_populates=memberships);
} MG_MODEL();
