/*
 * rel-many-to-one-as-list: many-to-one relationships declared as lists, a
 * self-reference made many-to-one by remote_side and one to another model.
 */
#include <modelgraph/annotations.h>

struct Node {
	int id                   MG_COLUMN(primary_key=true);
	int parent_id            MG_FOREIGN_KEY(node.id, index=true);
	int owner_id             MG_FOREIGN_KEY(owner.id, index=true);
	struct Node **parent     MG_RELATIONSHIP(Node, remote_side=[id], uselist=true, // expect: rel-many-to-one-as-list
	                                         backref=children);
} MG_MODEL();

struct Owner {
	int id                   MG_COLUMN(primary_key=true);
	struct Pet **pets        MG_RELATIONSHIP(Pet, back_populates=owner);
} MG_MODEL();

struct Pet {
	int id                   MG_COLUMN(primary_key=true);
	int owner_id             MG_FOREIGN_KEY(owner.id, index=true);
	struct Owner *owner      MG_RELATIONSHIP(Owner, back_populates=pets, uselist=true); // expect: rel-many-to-one-as-list, rel-c-type-cardinality
} MG_MODEL();
