/*
 * rel-remote-side-local: remote_side where it belongs, on a
 * self-referential relationship; and naming the far side's column between
 * two models, which SQLAlchemy accepts.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                       MG_COLUMN(primary_key=true);
	int mentor_id                MG_FOREIGN_KEY(users.id, index=true);
	struct User *mentor          MG_RELATIONSHIP(User, remote_side=[id], backref=mentees);
	struct Post **posts          MG_RELATIONSHIP(Post, remote_side=[Post.user_id], back_populates=author);
} MG_MODEL(tablename=users);

struct Post {
	int id                       MG_COLUMN(primary_key=true);
	int user_id                  MG_FOREIGN_KEY(users.id, index=true);
	struct User *author          MG_RELATIONSHIP(User, back_populates=posts);
} MG_MODEL();
