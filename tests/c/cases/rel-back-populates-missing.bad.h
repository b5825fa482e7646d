/*
 * rel-back-populates-missing: back_populates naming a misspelt attribute,
 * and one the target never declares (back_populates creates nothing). The
 * other side of the misspelt pair names it right, and is not blamed.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Tag;

struct User {
	int id                 MG_COLUMN(primary_key=true);
	struct Post **posts    MG_RELATIONSHIP(Post, back_populates=autor); // expect: rel-back-populates-missing
	struct Tag **tags      MG_RELATIONSHIP(Tag, back_populates=owner); // expect: rel-back-populates-missing
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
