/*
 * rel-dynamic-scalar: dynamic loaders on a many-to-one and on a one-to-one.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Profile;

struct User {
	int id                   MG_COLUMN(primary_key=true);
	struct Post **posts      MG_RELATIONSHIP(Post, back_populates=author, lazy=dynamic);
	struct Profile *profile  MG_RELATIONSHIP(Profile, uselist=false, backref=user, lazy=dynamic); // expect: rel-dynamic-scalar
} MG_MODEL(tablename=users);

struct Post {
	int id                   MG_COLUMN(primary_key=true);
	int user_id              MG_FOREIGN_KEY(users.id, index=true);
	struct User *author      MG_RELATIONSHIP(User, back_populates=posts, lazy=dynamic); // expect: rel-dynamic-scalar
} MG_MODEL();

struct Profile {
	int id                   MG_COLUMN(primary_key=true);
	int user_id              MG_FOREIGN_KEY(users.id, unique=true);
} MG_MODEL();
