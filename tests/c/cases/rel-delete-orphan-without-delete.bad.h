/*
 * rel-delete-orphan-without-delete: delete-orphan alone, and with
 * save-update.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Draft;

struct User {
	int id                   MG_COLUMN(primary_key=true);
	struct Post **posts      MG_RELATIONSHIP(Post, backref=author, cascade="save-update, delete-orphan"); // expect: rel-delete-orphan-without-delete
	struct Draft **drafts    MG_RELATIONSHIP(Draft, backref=writer, cascade="delete-orphan"); // expect: rel-delete-orphan-without-delete
} MG_MODEL(tablename=users);

struct Post {
	int id                   MG_COLUMN(primary_key=true);
	int user_id              MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();

struct Draft {
	int id                   MG_COLUMN(primary_key=true);
	int user_id              MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();
