/*
 * rel-back-populates-missing: both sides declared, the inverse declared
 * after the relationship naming it, and a self-referential pair on one
 * model.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Node;

struct User {
	int id                 MG_COLUMN(primary_key=true);
	struct Post **posts    MG_RELATIONSHIP(Post, back_populates=author);
} MG_MODEL(tablename=users);

struct Post {
	int id                 MG_COLUMN(primary_key=true);
	int user_id            MG_FOREIGN_KEY(users.id, index=true);
	struct User *author    MG_RELATIONSHIP(User, back_populates=posts);
} MG_MODEL();

struct Tree {
	int id                 MG_COLUMN(primary_key=true);
	struct Node **nodes    MG_RELATIONSHIP(Node, backref=tree);
} MG_MODEL();

struct Node {
	int id                 MG_COLUMN(primary_key=true);
	int tree_id            MG_FOREIGN_KEY(tree.id, index=true);
	int parent_id          MG_FOREIGN_KEY(node.id, index=true);
	struct Node **children MG_RELATIONSHIP(Node, back_populates=parent);
	struct Node *parent    MG_RELATIONSHIP(Node, back_populates=children, remote_side=[id]);
} MG_MODEL();
