/*
 * rel-secondaryjoin-without-secondary: a secondary join condition with no
 * association table for it to join.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Post, primaryjoin="User.id == Post.author_id", // expect: rel-secondaryjoin-without-secondary
	                            secondaryjoin="User.id == Post.author_id");
} MG_MODEL(tablename=users);

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int author_id           MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();
