/*
 * rel-delete-orphan-without-delete: delete-orphan with delete, or with all;
 * delete alone.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Draft;
struct Note;

struct User {
	int id                   MG_COLUMN(primary_key=true);
	struct Post **posts      MG_RELATIONSHIP(Post, backref=author, cascade="all, delete-orphan");
	struct Draft **drafts    MG_RELATIONSHIP(Draft, backref=writer, cascade="save-update, delete, delete-orphan");
	struct Note **notes      MG_RELATIONSHIP(Note, backref=owner, cascade="save-update, delete");
} MG_MODEL(tablename=users);

struct Post {
	int id                   MG_COLUMN(primary_key=true);
	int user_id              MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();

struct Draft {
	int id                   MG_COLUMN(primary_key=true);
	int user_id              MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();

struct Note {
	int id                   MG_COLUMN(primary_key=true);
	int user_id              MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();
