/*
 * rel-back-populates-asymmetric: the other side does not name this one back,
 * or names another relationship back.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                 MG_COLUMN(primary_key=true);
	struct Post **posts    MG_RELATIONSHIP(Post, back_populates=author, foreign_keys=[Post.user_id]);
	struct Post **drafts   MG_RELATIONSHIP(Post, back_populates=author, foreign_keys=[Post.user_id], // expect: rel-back-populates-asymmetric
	                                       viewonly);
	struct Post **edited   MG_RELATIONSHIP(Post, back_populates=editor, foreign_keys=[Post.editor_id]); // expect: rel-back-populates-asymmetric
} MG_MODEL(tablename=users);

struct Post {
	int id                 MG_COLUMN(primary_key=true);
	int user_id            MG_FOREIGN_KEY(users.id, index=true);
	int editor_id          MG_FOREIGN_KEY(users.id, index=true);
	struct User *author    MG_RELATIONSHIP(User, back_populates=posts, foreign_keys=[Post.user_id]);
	struct User *editor    MG_RELATIONSHIP(User, foreign_keys=[Post.editor_id]);
} MG_MODEL();
