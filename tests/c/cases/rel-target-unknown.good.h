/*
 * rel-target-unknown: targets named by struct tag, or by table name, and
 * models defined after the relationship that names them.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Comment;

struct User {
	int id                     MG_COLUMN(primary_key=true);
	struct Post **posts        MG_RELATIONSHIP(Post, backref=author);
	struct Comment **comments  MG_RELATIONSHIP(comments, backref=user);
} MG_MODEL(tablename=users);

struct Post {
	int id                     MG_COLUMN(primary_key=true);
	int user_id                MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();

struct Comment {
	int id                     MG_COLUMN(primary_key=true);
	int user_id                MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL(tablename=comments);
