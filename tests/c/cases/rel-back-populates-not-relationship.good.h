/*
 * rel-back-populates-not-relationship: back_populates naming the
 * relationship, next to a column whose name differs only in case.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                 MG_COLUMN(primary_key=true);
	struct Post **posts    MG_RELATIONSHIP(Post, back_populates=author);
} MG_MODEL(tablename=users);

struct Post {
	int id                 MG_COLUMN(primary_key=true);
	int Author             MG_COLUMN(index=true);
	int user_id            MG_FOREIGN_KEY(users.id, index=true);
	struct User *author    MG_RELATIONSHIP(User, back_populates=posts);
} MG_MODEL();
