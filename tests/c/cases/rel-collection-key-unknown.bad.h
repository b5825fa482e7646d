/*
 * rel-collection-key-unknown: dict collections keyed by an attribute the
 * target does not have; in backref(…) too.
 */
#include <modelgraph/annotations.h>

struct Note;

struct Item {
	int id                  MG_COLUMN(primary_key=true);
	struct Note **notes     MG_RELATIONSHIP(Note, back_populates=item, // expect: rel-collection-key-unknown
	                                        collection_class=attribute_keyed_dict("key_word"));
} MG_MODEL();

struct Note {
	int id                  MG_COLUMN(primary_key=true);
	int item_id             MG_FOREIGN_KEY(item.id, index=true);
	char keyword[41];
	struct Item *item       MG_RELATIONSHIP(Item, back_populates=notes);
} MG_MODEL();

struct Shelf {
	int id                  MG_COLUMN(primary_key=true);
	int item_id             MG_FOREIGN_KEY(item.id, index=true);
	struct Item *item       MG_RELATIONSHIP(Item, backref=backref(shelves, collection_class=attribute_mapped_collection("label"))); // expect: rel-collection-key-unknown
} MG_MODEL();
