/*
 * rel-join-no-foreign-columns: a condition over a column with no foreign
 * key and no foreign(), also when viewonly; and foreign() on both sides,
 * which leaves the direction open.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Post, primaryjoin="User.id == Post.author_id"); // expect: rel-join-no-foreign-columns
	struct Post **seen      MG_RELATIONSHIP(Post, viewonly, primaryjoin="User.id == Post.author_id"); // expect: rel-join-no-foreign-columns
	struct Post **both      MG_RELATIONSHIP(Post, primaryjoin="foreign(User.post_id) == foreign(Post.author_id)"); // expect: rel-join-no-foreign-columns
	int post_id             MG_COLUMN(index=true); // expect: fk-implied
} MG_MODEL();

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int author_id           MG_COLUMN(index=true);
} MG_MODEL();
