/*
 * rel-join-column-elsewhere: the foreign column of the condition is
 * compared only with a column of a table the relationship does not join.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Post, primaryjoin="Tag.id == Post.tag_id"); // expect: rel-join-column-elsewhere
} MG_MODEL(tablename=users);

struct Tag {
	int id                  MG_COLUMN(primary_key=true);
} MG_MODEL();

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int tag_id              MG_FOREIGN_KEY(tag.id, index=true);
	int author_id           MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();
