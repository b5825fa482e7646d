/*
 * rel-passive-deletes-no-ondelete, fixed: the foreign keys delete or unlink
 * the children; passive_deletes=all keeps them on purpose; a many-to-one
 * has no children to leave.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Tag;
struct Comment;
struct Event;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Post, backref=author, cascade="all, delete-orphan",
	                                        passive_deletes=true);
	struct Tag **tags       MG_RELATIONSHIP(Tag, secondary=user_tags, passive_deletes, backref=users);
	struct Event **events   MG_RELATIONSHIP(Event, backref=actor, passive_deletes=all);
} MG_MODEL(tablename=users);

struct UserTags {
	int user_id             MG_FOREIGN_KEY(users.id, primary_key=true, ondelete=CASCADE);
	int tag_id              MG_FOREIGN_KEY(tag.id, primary_key=true, ondelete=CASCADE); // expect: fk-missing-index
} MG_TABLE(user_tags);

struct Tag {
	int id                  MG_COLUMN(primary_key=true);
} MG_MODEL();

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true, ondelete=CASCADE);
} MG_MODEL();

struct Comment {
	int id                  MG_COLUMN(primary_key=true);
	int post_id             MG_FOREIGN_KEY(post.id, index=true, ondelete=SET NULL);
	struct Post *post       MG_RELATIONSHIP(Post, backref=backref(comments, passive_deletes=true));
} MG_MODEL();

/* An audit trail that keeps the id of a deleted user. */
struct Event {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true);
	struct User *user       MG_RELATIONSHIP(User, passive_deletes=true, overlaps=[actor, events]);
} MG_MODEL();
