/*
 * rel-reverse-name-clash: two relationships of one model, and of two
 * models, creating backrefs of one name on the same target. The first in
 * name order (Admin.posts: tables sort by name) gets the backref; the others
 * are reported.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                 MG_COLUMN(primary_key=true);
	struct Post **written  MG_RELATIONSHIP(Post, backref=user, foreign_keys=[Post.author_id]); // expect: rel-reverse-name-clash
	struct Post **edited   MG_RELATIONSHIP(Post, backref=user, foreign_keys=[Post.editor_id]); // expect: rel-reverse-name-clash
} MG_MODEL(tablename=users);

struct Admin {
	int id                 MG_COLUMN(primary_key=true);
	struct Post **posts    MG_RELATIONSHIP(Post, backref=user);
} MG_MODEL();

struct Post {
	int id                 MG_COLUMN(primary_key=true);
	int author_id          MG_FOREIGN_KEY(users.id, index=true);
	int editor_id          MG_FOREIGN_KEY(users.id, index=true);
	int admin_id           MG_FOREIGN_KEY(admin.id, index=true);
} MG_MODEL();
