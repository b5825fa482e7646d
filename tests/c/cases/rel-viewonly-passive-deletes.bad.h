/*
 * rel-viewonly-passive-deletes: passive_deletes on a relationship that
 * never writes; on a backref that inherits viewonly too.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **recent    MG_RELATIONSHIP(Post, viewonly=true, passive_deletes=true); // expect: rel-viewonly-passive-deletes
	struct Post **pinned    MG_RELATIONSHIP(Post, viewonly=true, backref=backref(pinner, passive_deletes=all)); // expect: rel-viewonly-passive-deletes
} MG_MODEL(tablename=users);

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true, ondelete=CASCADE);
} MG_MODEL();
