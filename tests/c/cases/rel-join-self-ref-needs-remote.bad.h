/*
 * rel-join-self-ref-needs-remote: a table joined to itself by a condition
 * that also compares with a constant, and no side marked remote.
 */
#include <modelgraph/annotations.h>

struct Node {
	int id                  MG_COLUMN(primary_key=true);
	int parent_id           MG_FOREIGN_KEY(node.id, index=true);
	_Bool active;
	struct Node **children  MG_RELATIONSHIP(Node, viewonly, // expect: rel-join-self-ref-needs-remote
	                            primaryjoin="and_(Node.id == Node.parent_id, Node.active == true())");
} MG_MODEL();
