/*
 * rel-sync-backref-viewonly: sync_backref=true on a viewonly relationship,
 * given directly or in backref(…).
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **recent    MG_RELATIONSHIP(Post, viewonly=true, sync_backref=true, backref=reader); // expect: rel-sync-backref-viewonly
	struct Post **posts     MG_RELATIONSHIP(Post, backref=backref(author, viewonly, sync_backref)); // expect: rel-sync-backref-viewonly
} MG_MODEL(tablename=users);

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();
