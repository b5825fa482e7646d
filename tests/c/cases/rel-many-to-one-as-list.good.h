/*
 * rel-many-to-one-as-list: many-to-ones as scalars; uselist=true where the
 * relationship is a collection (one-to-many, many-to-many) is just explicit.
 */
#include <modelgraph/annotations.h>

struct Node {
	int id                   MG_COLUMN(primary_key=true);
	int parent_id            MG_FOREIGN_KEY(node.id, index=true);
	int owner_id             MG_FOREIGN_KEY(owner.id, index=true);
	struct Node *parent      MG_RELATIONSHIP(Node, remote_side=[id], uselist=false,
	                                         backref=children);
} MG_MODEL();

struct Owner {
	int id                   MG_COLUMN(primary_key=true);
	struct Pet **pets        MG_RELATIONSHIP(Pet, back_populates=owner, uselist=true);
	struct Tag **tags        MG_RELATIONSHIP(Tag, secondary=owner_tags, uselist=true, backref=owners);
} MG_MODEL();

struct Pet {
	int id                   MG_COLUMN(primary_key=true);
	int owner_id             MG_FOREIGN_KEY(owner.id, index=true);
	struct Owner *owner      MG_RELATIONSHIP(Owner, back_populates=pets);
} MG_MODEL();

struct Tag {
	int id                   MG_COLUMN(primary_key=true);
} MG_MODEL();

struct OwnerTag {
	int owner_id             MG_FOREIGN_KEY(owner.id, primary_key=true);
	int tag_id               MG_FOREIGN_KEY(tag.id, primary_key=true, index=true);
} MG_TABLE(owner_tags);
