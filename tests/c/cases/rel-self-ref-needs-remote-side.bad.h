/*
 * rel-self-ref-needs-remote-side: parent pointers without remote_side,
 * which SQLAlchemy makes one-to-many (a child).
 */
#include <modelgraph/annotations.h>

struct Tree {
	int id                       MG_COLUMN(primary_key=true);
} MG_MODEL();

struct Node {
	int id                       MG_COLUMN(primary_key=true);
	int tree_id                  MG_FOREIGN_KEY(tree.id, index=true);
	int parent_id                MG_FOREIGN_KEY(node.id, index=true);
	struct Node *parent          MG_RELATIONSHIP(Node, viewonly); // expect: rel-self-ref-needs-remote-side
} MG_MODEL();

struct Employee {
	int id                       MG_COLUMN(primary_key=true);
	int tree_id                  MG_FOREIGN_KEY(tree.id, index=true);
	int manager_id               MG_FOREIGN_KEY(employee.id, index=true);
	struct Employee *manager     MG_RELATIONSHIP(Employee, uselist=false, viewonly); // expect: rel-self-ref-needs-remote-side
} MG_MODEL();
