/*
 * rel-target-unknown: a misspelt target, a model no input defines, and a
 * plain table where a model belongs.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Tag;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Pots, backref=author); // expect: rel-target-unknown
	struct Tag **tags       MG_RELATIONSHIP(Tag, secondary=user_tags); // expect: rel-target-unknown
	struct Post **links     MG_RELATIONSHIP(user_tags); // expect: rel-target-unknown
} MG_MODEL(tablename=users);

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();

struct UserTag {
	int user_id             MG_FOREIGN_KEY(users.id);
	int tag_id;
} MG_TABLE(user_tags) MG_PRIMARY_KEY(user_id, tag_id);
