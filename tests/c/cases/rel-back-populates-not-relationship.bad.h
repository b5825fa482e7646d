/*
 * rel-back-populates-not-relationship: back_populates naming the foreign
 * key column instead of the relationship built on it.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                 MG_COLUMN(primary_key=true);
	struct Post **posts    MG_RELATIONSHIP(Post, back_populates=user_id); // expect: rel-back-populates-not-relationship
} MG_MODEL(tablename=users);

struct Post {
	int id                 MG_COLUMN(primary_key=true);
	int user_id            MG_FOREIGN_KEY(users.id, index=true);
	struct User *author    MG_RELATIONSHIP(User, back_populates=posts);
} MG_MODEL();
