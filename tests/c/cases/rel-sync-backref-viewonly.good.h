/*
 * rel-sync-backref-viewonly, fixed: viewonly without sync_backref (false
 * then), and sync_backref=false on a writable relationship, which
 * SQLAlchemy accepts.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **recent    MG_RELATIONSHIP(Post, viewonly=true, backref=reader);
	struct Post **posts     MG_RELATIONSHIP(Post, sync_backref=false, backref=backref(author, viewonly, sync_backref=false),
	                                        overlaps=[reader, recent]);
} MG_MODEL(tablename=users);

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();
