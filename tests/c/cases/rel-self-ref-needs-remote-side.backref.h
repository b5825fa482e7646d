/*
 * An adjacency list declared from the children's side, as many apps do it:
 * backref(parent, remote_side=[id]) makes the backref the many-to-one
 * parent, as SQLAlchemy does, so nothing is reported. Category puts the
 * remote_side in the wrong place: on the backref, which it makes the
 * many-to-one "down", so the declared scalar "up" is the one-to-many that
 * needs it.
 */
#include <modelgraph/annotations.h>

struct Node {
	int id                     MG_COLUMN(primary_key=true);
	int parent_id              MG_FOREIGN_KEY(node.id, index=true);
	struct Node **children     MG_RELATIONSHIP(Node, backref=backref(parent, remote_side=[id]));
} MG_MODEL(); // expect: table-isolated

struct Category {
	int id                     MG_COLUMN(primary_key=true);
	int parent_id              MG_FOREIGN_KEY(category.id, index=true);
	struct Category *up        MG_RELATIONSHIP(Category, backref=backref(down, remote_side=[id])); // expect: rel-self-ref-needs-remote-side
} MG_MODEL(); // expect: table-isolated
