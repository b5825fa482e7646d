/*
 * rel-backref-conflict: a backref named like a relationship the target
 * declares (the inverse written twice), like one of its columns, and a
 * self-referential backref named like the relationship itself.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Comment;
struct Node;

struct User {
	int id                     MG_COLUMN(primary_key=true);
	struct Post **posts        MG_RELATIONSHIP(Post, backref=author); // expect: rel-backref-conflict
	struct Comment **comments  MG_RELATIONSHIP(Comment, backref=body); // expect: rel-backref-conflict
} MG_MODEL(tablename=users);

struct Post {
	int id                     MG_COLUMN(primary_key=true);
	int user_id                MG_FOREIGN_KEY(users.id, index=true);
	struct User *author        MG_RELATIONSHIP(User);
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
	struct Node *parent        MG_RELATIONSHIP(Node, remote_side=[id], backref=parent); // expect: rel-backref-conflict
	struct Comment **comments  MG_RELATIONSHIP(Comment, backref=node);
} MG_MODEL();
