/*
 * c-unmapped-pointer: pointers to models mapped or MG_TRANSIENT; pointers
 * to structs that are no models; a model's pointer to a plain table's
 * struct is not a relationship either.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Session;

struct Cache {
	int hits;
};

struct User {
	int id                   MG_COLUMN(primary_key=true);
	struct Post **posts      MG_RELATIONSHIP(Post, backref=author);
	struct Post *last_post   MG_TRANSIENT;
	struct Session *session;
	struct Cache *cache;
	struct Cache local;
} MG_MODEL(tablename=users);

struct Post {
	int id                   MG_COLUMN(primary_key=true);
	int user_id              MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();
