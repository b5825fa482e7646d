/*
 * rel-dynamic-scalar: dynamic on collections, one-to-many and many-to-many;
 * other loaders on the scalars.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Team;

struct User {
	int id                   MG_COLUMN(primary_key=true);
	struct Post **posts      MG_RELATIONSHIP(Post, back_populates=author, lazy=dynamic);
	struct Team **teams    MG_RELATIONSHIP(Team, secondary=memberships, backref=members, lazy=dynamic);
} MG_MODEL(tablename=users);

struct Post {
	int id                   MG_COLUMN(primary_key=true);
	int user_id              MG_FOREIGN_KEY(users.id, index=true);
	struct User *author      MG_RELATIONSHIP(User, back_populates=posts, lazy=joined);
} MG_MODEL();

struct Team {
	int id                   MG_COLUMN(primary_key=true);
} MG_MODEL();

struct Membership {
	int user_id              MG_FOREIGN_KEY(users.id, primary_key=true);
	int team_id             MG_FOREIGN_KEY(team.id, primary_key=true, index=true);
} MG_TABLE(memberships);
