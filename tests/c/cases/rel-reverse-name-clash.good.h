/*
 * rel-reverse-name-clash: one name per backref; the same backref name on
 * two different targets.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Comment;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **written   MG_RELATIONSHIP(Post, backref=author, foreign_keys=[Post.author_id]);
	struct Post **edited    MG_RELATIONSHIP(Post, backref=editor, foreign_keys=[Post.editor_id]);
	struct Comment **notes  MG_RELATIONSHIP(Comment, backref=author);
} MG_MODEL(tablename=users);

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int author_id           MG_FOREIGN_KEY(users.id, index=true);
	int editor_id           MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();

struct Comment {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();
