/*
 * rel-ambiguous-foreign-keys: a self-referential many-to-many that gives
 * primaryjoin but not secondaryjoin: the secondary's two foreign keys to
 * the target still leave its join to the target open.
 */
#include <modelgraph/annotations.h>

struct Follow {
	int follower_id         MG_FOREIGN_KEY(user.id);
	int followed_id         MG_FOREIGN_KEY(user.id, index=true);
} MG_TABLE(followers) MG_PRIMARY_KEY(follower_id, followed_id);

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct User **followed  MG_RELATIONSHIP(User, secondary=followers, backref=followers, // expect: rel-ambiguous-foreign-keys
	                            primaryjoin="followers.c.follower_id == User.id");
} MG_MODEL();
