/*
 * rel-back-populates-asymmetric: pairs naming each other, two pairs between
 * the same models over different foreign keys, and a self-referential pair.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Node;

struct User {
	int id                 MG_COLUMN(primary_key=true);
	struct Post **posts    MG_RELATIONSHIP(Post, back_populates=author, foreign_keys=[Post.user_id]);
	struct Post **edited   MG_RELATIONSHIP(Post, back_populates=editor, foreign_keys=[Post.editor_id]);
} MG_MODEL(tablename=users);

struct Post {
	int id                 MG_COLUMN(primary_key=true);
	int user_id            MG_FOREIGN_KEY(users.id, index=true);
	int editor_id          MG_FOREIGN_KEY(users.id, index=true);
	struct User *author    MG_RELATIONSHIP(User, back_populates=posts, foreign_keys=[Post.user_id]);
	struct User *editor    MG_RELATIONSHIP(User, back_populates=edited, foreign_keys=[Post.editor_id]);
} MG_MODEL();

struct Tree {
	int id                 MG_COLUMN(primary_key=true);
	struct Node **nodes    MG_RELATIONSHIP(Node, backref=tree);
} MG_MODEL();

struct Node {
	int id                 MG_COLUMN(primary_key=true);
	int tree_id            MG_FOREIGN_KEY(tree.id, index=true);
	int parent_id          MG_FOREIGN_KEY(node.id, index=true);
	struct Node *parent    MG_RELATIONSHIP(Node, back_populates=children, remote_side=[id]);
	struct Node **children MG_RELATIONSHIP(Node, back_populates=parent);
} MG_MODEL();
