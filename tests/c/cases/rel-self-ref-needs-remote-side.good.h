/*
 * rel-self-ref-needs-remote-side: the many-to-one with remote_side (bare,
 * or Model.column), the one-to-many without it, and remote_side naming the
 * foreign key column to say one-to-many explicitly.
 */
#include <modelgraph/annotations.h>

struct Tree {
	int id                       MG_COLUMN(primary_key=true);
} MG_MODEL();

struct Node {
	int id                       MG_COLUMN(primary_key=true);
	int tree_id                  MG_FOREIGN_KEY(tree.id, index=true);
	int parent_id                MG_FOREIGN_KEY(node.id, index=true);
	struct Node *parent          MG_RELATIONSHIP(Node, remote_side=[id], backref=children);
} MG_MODEL();

struct Employee {
	int id                       MG_COLUMN(primary_key=true);
	int tree_id                  MG_FOREIGN_KEY(tree.id, index=true);
	int manager_id               MG_FOREIGN_KEY(employee.id, index=true);
	struct Employee *manager     MG_RELATIONSHIP(Employee, remote_side=[Employee.id], viewonly);
	struct Employee **reports    MG_RELATIONSHIP(Employee, viewonly);
	struct Employee **team       MG_RELATIONSHIP(Employee, remote_side=[manager_id], viewonly);
} MG_MODEL();
