/*
 * rel-backref-shadows-transient, fixed: the backrefs take names the target
 * has not; a transient field of the declaring model may share the name.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Post, backref=writer);
	const char *author      MG_TRANSIENT;
} MG_MODEL(tablename=users);

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true);
	const char *author      MG_TRANSIENT; /* the writer's display name */
} MG_MODEL();
