/*
 * rel-remote-side-outside-join: remote_side naming a column of the join,
 * alone or with others.
 */
#include <modelgraph/annotations.h>

struct Node {
	int id                       MG_COLUMN(primary_key=true);
	char name[81];
	int parent_id                MG_FOREIGN_KEY(node.id, index=true);
	struct Node *parent          MG_RELATIONSHIP(Node, remote_side=[id], backref=children);
} MG_MODEL();

struct Category {
	int id                       MG_COLUMN(primary_key=true);
	char name[81];
	int root_id                  MG_FOREIGN_KEY(node.id, index=true);
	int parent_id                MG_FOREIGN_KEY(category.id, index=true);
	struct Category *parent      MG_RELATIONSHIP(Category, remote_side=[id, name], backref=subcategories);
} MG_MODEL();
