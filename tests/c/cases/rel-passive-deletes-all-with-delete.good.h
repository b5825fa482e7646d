/*
 * rel-passive-deletes-all-with-delete, fixed: passive_deletes=true with the
 * delete cascade; passive_deletes=all with a cascade that deletes nothing.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Event;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Post, backref=author, passive_deletes=true,
	                                        cascade="all, delete-orphan");
	struct Event **events   MG_RELATIONSHIP(Event, backref=actor, passive_deletes=all,
	                                        cascade="save-update, merge");
} MG_MODEL(tablename=users);

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true, ondelete=CASCADE);
} MG_MODEL();

/* An audit trail that keeps the id of a deleted user. */
struct Event {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true, ondelete=SET NULL);
} MG_MODEL();
