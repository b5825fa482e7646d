/*
 * rel-target-unknown: a misspelt target, a model no input defines, a plain
 * table where a model belongs, and a model named by its table (SQLAlchemy
 * receives the Table and refuses it).
 */
#include <modelgraph/annotations.h>

struct Post;
struct Tag;
struct Comment;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Pots, backref=author); // expect: rel-target-unknown
	struct Tag **tags       MG_RELATIONSHIP(Tag, secondary=user_tags); // expect: rel-target-unknown
	struct Post **links     MG_RELATIONSHIP(user_tags); // expect: rel-target-unknown
	struct Comment **notes  MG_RELATIONSHIP(comments, backref=user); // expect: rel-target-unknown
} MG_MODEL(tablename=users);

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();

struct Comment {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL(tablename=comments);

struct UserTag {
	int user_id             MG_FOREIGN_KEY(users.id);
	int tag_id;
} MG_TABLE(user_tags) MG_PRIMARY_KEY(user_id, tag_id);
