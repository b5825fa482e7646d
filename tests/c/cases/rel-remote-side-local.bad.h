/*
 * rel-remote-side-local: remote_side, copied from an adjacency list, on
 * relationships between two models, naming the declaring model's column.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Comment;

struct User {
	int id                       MG_COLUMN(primary_key=true);
	struct Post **posts          MG_RELATIONSHIP(Post, remote_side=[id], back_populates=author); // expect: rel-remote-side-local
} MG_MODEL(tablename=users);

struct Post {
	int id                       MG_COLUMN(primary_key=true);
	int user_id                  MG_FOREIGN_KEY(users.id, index=true);
	struct User *author          MG_RELATIONSHIP(User, back_populates=posts);
} MG_MODEL();

struct Comment {
	int id                       MG_COLUMN(primary_key=true);
	int post_id                  MG_FOREIGN_KEY(post.id, index=true);
	struct Post *post            MG_RELATIONSHIP(Post, remote_side=[Comment.post_id], backref=comments); // expect: rel-remote-side-local
} MG_MODEL();
