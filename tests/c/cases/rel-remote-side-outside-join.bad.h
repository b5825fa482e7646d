/*
 * rel-remote-side-outside-join: remote_side naming real columns that the
 * join does not compare.
 */
#include <modelgraph/annotations.h>

struct Node {
	int id                       MG_COLUMN(primary_key=true);
	char name[81];
	int parent_id                MG_FOREIGN_KEY(node.id, index=true);
	struct Node *parent          MG_RELATIONSHIP(Node, remote_side=[name], backref=children); // expect: rel-remote-side-outside-join
} MG_MODEL();
