/*
 * rel-no-foreign-key: a column that only looks like a foreign key, and
 * foreign_keys= naming no column, or a column that is no foreign key.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Comment;

struct User {
	int id                     MG_COLUMN(primary_key=true);
	struct Post **posts        MG_RELATIONSHIP(Post); // expect: rel-no-foreign-key
	struct Comment **comments  MG_RELATIONSHIP(Comment, foreign_keys=[Comment.autor_id]); // expect: rel-no-foreign-key
	struct Comment **replies   MG_RELATIONSHIP(Comment, foreign_keys=[Comment.body]); // expect: rel-no-foreign-key
} MG_MODEL(tablename=users);

struct Post {
	int id                     MG_COLUMN(primary_key=true);
	int user_id                MG_COLUMN(index=true); // expect: fk-implied
} MG_MODEL();

struct Comment {
	int id                     MG_COLUMN(primary_key=true);
	char *body;
	int author_id              MG_FOREIGN_KEY(users.id, index=true);
	struct User *author        MG_RELATIONSHIP(User, backref=written);
} MG_MODEL();
