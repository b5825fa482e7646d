/*
 * c-unmapped-pointer: a pointer, an array of pointers, and a pointer to the
 * model itself, none of them mapped.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                   MG_COLUMN(primary_key=true);
	struct Post **posts      MG_RELATIONSHIP(Post, backref=author);
	struct Post *last_post; // expect: c-unmapped-pointer
	struct Post *pinned[3]; // expect: c-unmapped-pointer
	struct User *invited_by; // expect: c-unmapped-pointer
} MG_MODEL(tablename=users);

struct Post {
	int id                   MG_COLUMN(primary_key=true);
	int user_id              MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();
