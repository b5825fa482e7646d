/*
 * rel-backref-conflict: backrefs with names of their own; names that differ
 * from a column only in case (attribute names are case-sensitive); the
 * inverse declared once, with back_populates on both sides.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Comment;
struct Node;

struct User {
	int id                     MG_COLUMN(primary_key=true);
	struct Post **posts        MG_RELATIONSHIP(Post, back_populates=author);
	struct Comment **comments  MG_RELATIONSHIP(Comment, backref=Body);
} MG_MODEL(tablename=users);

struct Post {
	int id                     MG_COLUMN(primary_key=true);
	int user_id                MG_FOREIGN_KEY(users.id, index=true);
	struct User *author        MG_RELATIONSHIP(User, back_populates=posts);
} MG_MODEL();

struct Comment {
	int id                     MG_COLUMN(primary_key=true);
	char *body;
	int user_id                MG_FOREIGN_KEY(users.id, index=true);
	int node_id                MG_FOREIGN_KEY(node.id, index=true);
} MG_MODEL();

struct Node {
	int id                     MG_COLUMN(primary_key=true);
	int parent_id              MG_FOREIGN_KEY(node.id, index=true);
	struct Node *parent        MG_RELATIONSHIP(Node, remote_side=[id], backref=children);
	struct Comment **comments  MG_RELATIONSHIP(Comment, backref=node);
} MG_MODEL();
