/*
 * rel-post-update-no-cycle: post_update where the foreign key is on no
 * cycle, declared and in backref(…).
 */
#include <modelgraph/annotations.h>

struct Post;
struct Comment;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Post, backref=author, post_update=true); // expect: rel-post-update-no-cycle
} MG_MODEL(tablename=users);

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();

struct Comment {
	int id                  MG_COLUMN(primary_key=true);
	int post_id             MG_FOREIGN_KEY(post.id, index=true);
	struct Post *post       MG_RELATIONSHIP(Post, backref=backref(comments, post_update=true)); // expect: rel-post-update-no-cycle
} MG_MODEL();
