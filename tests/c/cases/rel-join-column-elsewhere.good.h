/*
 * rel-join-column-elsewhere: a condition that also names a third table is
 * fine as long as a foreign column meets its own side by ==; and a
 * viewonly relationship needs no such pair.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Post, backref=author,
	                            primaryjoin="and_(User.id == Post.author_id, Tag.id == Post.tag_id)");
	struct Post **tagged    MG_RELATIONSHIP(Post, viewonly, primaryjoin="and_(Tag.id == Post.tag_id, User.id == Post.author_id)");
} MG_MODEL(tablename=users);

struct Tag {
	int id                  MG_COLUMN(primary_key=true);
} MG_MODEL();

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int tag_id              MG_FOREIGN_KEY(tag.id, index=true);
	int author_id           MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();
