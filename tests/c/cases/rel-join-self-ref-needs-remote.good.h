/*
 * rel-join-self-ref-needs-remote: remote() or remote_side= says which side
 * is remote; without a constant SQLAlchemy's guess is safe.
 */
#include <modelgraph/annotations.h>

struct Node {
	int id                  MG_COLUMN(primary_key=true);
	int parent_id           MG_FOREIGN_KEY(node.id, index=true);
	_Bool active;
	struct Node **children  MG_RELATIONSHIP(Node, viewonly,
	                            primaryjoin="and_(Node.id == remote(Node.parent_id), remote(Node.active) == true())");
	struct Node *parent     MG_RELATIONSHIP(Node, viewonly, remote_side=[id],
	                            primaryjoin="and_(Node.id == Node.parent_id, Node.active == true())");
	struct Node **kids      MG_RELATIONSHIP(Node, viewonly, primaryjoin="Node.id == Node.parent_id");
} MG_MODEL();
