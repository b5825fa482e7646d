/*
 * annotation-invalid-value: a column of primaryjoin or secondaryjoin that
 * names nothing is reported where it is written, with the nearest name.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Post, backref=author,
	                            primaryjoin="User.id == Post.autor_id"); // expect: annotation-invalid-value
	struct Post **drafts    MG_RELATIONSHIP(Post, viewonly,
	                            primaryjoin="and_(User.id == Post.author_id, Draft.id == 1)"); // expect: annotation-invalid-value
} MG_MODEL(tablename=users);

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int author_id           MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();
