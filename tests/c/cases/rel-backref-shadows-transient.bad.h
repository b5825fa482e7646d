/*
 * rel-backref-shadows-transient: a backref named like a field the target
 * keeps unmapped, a plain attribute or an association proxy; SQLAlchemy
 * replaces it with the backref without a word.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Tag;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Post, backref=author); // expect: rel-backref-shadows-transient
} MG_MODEL(tablename=users);

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true);
	const char *author      MG_TRANSIENT; /* the author's display name */
	struct Tag **post_tags  MG_RELATIONSHIP(Tag, backref=backref(post, lazy=joined));
	char **labels           MG_ASSOCIATION_PROXY(post_tags, label);
} MG_MODEL();

struct Tag {
	int id                  MG_COLUMN(primary_key=true);
	int post_id             MG_FOREIGN_KEY(post.id, index=true);
	char label[41];
} MG_MODEL();

struct Label {
	int id                  MG_COLUMN(primary_key=true);
	int post_id             MG_FOREIGN_KEY(post.id, index=true);
	struct Post *post       MG_RELATIONSHIP(Post, backref=labels); // expect: rel-backref-shadows-transient
} MG_MODEL();
