/*
 * rel-no-foreign-key: the foreign key on the target (one-to-many), on the
 * source (many-to-one), named by foreign_keys= by struct tag or table name,
 * and on the table itself (self-referential).
 */
#include <modelgraph/annotations.h>

struct Post;
struct Comment;

struct User {
	int id                     MG_COLUMN(primary_key=true);
	struct Post **posts        MG_RELATIONSHIP(Post, backref=author);
	struct Comment **comments  MG_RELATIONSHIP(Comment, foreign_keys=[Comment.author_id], backref=author);
	struct Comment **replies   MG_RELATIONSHIP(Comment, foreign_keys=[comment.replier_id], backref=replier);
} MG_MODEL(tablename=users);

struct Post {
	int id                     MG_COLUMN(primary_key=true);
	int user_id                MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();

struct Comment {
	int id                     MG_COLUMN(primary_key=true);
	int author_id              MG_FOREIGN_KEY(users.id, index=true);
	int replier_id             MG_FOREIGN_KEY(users.id, index=true);
	int parent_id              MG_FOREIGN_KEY(comment.id, index=true);
	struct Comment *parent     MG_RELATIONSHIP(Comment, remote_side=[id], backref=children);
} MG_MODEL();
