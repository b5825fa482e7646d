/*
 * rel-target-unknown: targets named by struct tag, models defined after
 * the relationship that names them, and one whose table is named otherwise.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Comment;

struct User {
	int id                     MG_COLUMN(primary_key=true);
	struct Post **posts        MG_RELATIONSHIP(Post, backref=author);
	struct Comment **comments  MG_RELATIONSHIP(Comment, backref=user);
} MG_MODEL(tablename=users);

struct Post {
	int id                     MG_COLUMN(primary_key=true);
	int user_id                MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();

struct Comment {
	int id                     MG_COLUMN(primary_key=true);
	int user_id                MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL(tablename=comments);
