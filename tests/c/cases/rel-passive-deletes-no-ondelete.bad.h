/*
 * rel-passive-deletes-no-ondelete: passive_deletes=true leaves the unloaded
 * children to the database, whose foreign key does nothing with them: on a
 * one-to-many, on a many-to-many's association table, on a backref.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Tag;
struct Comment;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Post, backref=author, cascade="all, delete-orphan", // expect: rel-passive-deletes-no-ondelete
	                                        passive_deletes=true);
	struct Tag **tags       MG_RELATIONSHIP(Tag, secondary=user_tags, passive_deletes, // expect: rel-passive-deletes-no-ondelete
	                                        backref=users);
} MG_MODEL(tablename=users);

struct UserTags {
	int user_id             MG_FOREIGN_KEY(users.id, primary_key=true);
	int tag_id              MG_FOREIGN_KEY(tag.id, primary_key=true); // expect: fk-missing-index
} MG_TABLE(user_tags);

struct Tag {
	int id                  MG_COLUMN(primary_key=true);
} MG_MODEL();

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true, ondelete=RESTRICT);
} MG_MODEL();

struct Comment {
	int id                  MG_COLUMN(primary_key=true);
	int post_id             MG_FOREIGN_KEY(post.id, index=true);
	struct Post *post       MG_RELATIONSHIP(Post, backref=backref(comments, passive_deletes=true)); // expect: rel-passive-deletes-no-ondelete
} MG_MODEL();
