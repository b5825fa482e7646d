/*
 * rel-viewonly-passive-deletes, fixed: passive_deletes on the relationship
 * that writes; passive_deletes=false, the default, on a viewonly one.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Post, backref=author, passive_deletes=true);
	struct Post **recent    MG_RELATIONSHIP(Post, viewonly=true, passive_deletes=false);
} MG_MODEL(tablename=users);

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true, ondelete=CASCADE);
} MG_MODEL();
