/*
 * rel-delete-orphan-on-many-side on a backref: the cascade given in
 * backref(…) is the backref's, a many-to-one here; with single_parent it
 * is allowed, as on a declared relationship.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Draft;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Post, backref=backref(author, cascade="all, delete-orphan")); // expect: rel-delete-orphan-on-many-side
	struct Draft **drafts   MG_RELATIONSHIP(Draft, backref=backref(owner, cascade="all, delete-orphan",
	                                                                single_parent=true));
} MG_MODEL(tablename=users);

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();

struct Draft {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();
