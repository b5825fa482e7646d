/*
 * rel-join-no-foreign-columns: a condition over a column with no foreign
 * key and no foreign(), also when viewonly; and foreign() on both sides,
 * or only on a table the relationship does not join, which leaves the
 * direction open.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Post, primaryjoin="User.id == Post.author_id"); // expect: rel-join-no-foreign-columns
	struct Post **seen      MG_RELATIONSHIP(Post, viewonly, primaryjoin="User.id == Post.author_id"); // expect: rel-join-no-foreign-columns
	struct Post **both      MG_RELATIONSHIP(Post, primaryjoin="foreign(User.post_id) == foreign(Post.author_id)"); // expect: rel-join-no-foreign-columns
	struct Post **tagged    MG_RELATIONSHIP(Post, viewonly, // expect: rel-join-no-foreign-columns
	                            primaryjoin="and_(User.id == Post.author_id, foreign(Tag.id) == Post.id)");
	int post_id             MG_COLUMN(index=true); // expect: fk-implied
} MG_MODEL();

struct Tag {
	int id                  MG_COLUMN(primary_key=true);
} MG_MODEL(); // expect: table-isolated

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int author_id           MG_COLUMN(index=true);
} MG_MODEL();
