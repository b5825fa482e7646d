/*
 * rel-backref-and-back-populates: one option each; a backref and a
 * back_populates pair side by side between the same models.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Tag;

struct User {
	int id                 MG_COLUMN(primary_key=true);
	struct Post **posts    MG_RELATIONSHIP(Post, back_populates=author);
	struct Tag **tags      MG_RELATIONSHIP(Tag, backref=owner);
} MG_MODEL(tablename=users);

struct Post {
	int id                 MG_COLUMN(primary_key=true);
	int user_id            MG_FOREIGN_KEY(users.id, index=true);
	struct User *author    MG_RELATIONSHIP(User, back_populates=posts);
} MG_MODEL();

struct Tag {
	int id                 MG_COLUMN(primary_key=true);
	int user_id            MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();
