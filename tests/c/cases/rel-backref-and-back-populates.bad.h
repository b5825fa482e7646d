/*
 * rel-backref-and-back-populates: both options on one relationship, whether
 * or not the target declares the inverse.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Tag;

struct User {
	int id                 MG_COLUMN(primary_key=true);
	struct Post **posts    MG_RELATIONSHIP(Post, backref=author, back_populates=author); // expect: rel-backref-and-back-populates
	struct Tag **tags      MG_RELATIONSHIP(Tag, back_populates=owner, backref=owner); // expect: rel-backref-and-back-populates, rel-back-populates-missing
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
