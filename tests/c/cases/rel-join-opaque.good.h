/*
 * rel-join-opaque: the grammar's own forms are read: and_(), & between
 * parenthesised comparisons, constants of each kind.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **authored  MG_RELATIONSHIP(Post, viewonly,
	                            primaryjoin="and_(User.id == Post.author_id, Post.state == 'published')");
	struct Post **edited    MG_RELATIONSHIP(Post, viewonly,
	                            primaryjoin="(User.id == Post.editor_id) & (Post.rank == 1) & (Post.deleted == None)");
} MG_MODEL(tablename=users);

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int author_id           MG_FOREIGN_KEY(users.id, index=true);
	int editor_id           MG_FOREIGN_KEY(users.id, index=true);
	char state[21];
	int rank;
	int deleted;
} MG_MODEL();
