/*
 * rel-dynamic-scalar on a backref: backref(author, lazy=dynamic) gives the
 * many-to-one Post.author a dynamic loader, which SQLAlchemy refuses as it
 * would on a declared one; the collection keeps dynamic.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Comment;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Post, backref=backref(author, lazy=dynamic)); // expect: rel-dynamic-scalar
	struct Comment **notes  MG_RELATIONSHIP(Comment, lazy=dynamic, backref=backref(user, lazy=joined));
} MG_MODEL(tablename=users);

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();

struct Comment {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();
