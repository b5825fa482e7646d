/*
 * rel-collection-key-unknown, fixed: keyed by a column attribute, by a
 * column given as Model.column or by its name, by a relationship or an
 * unmapped attribute (a property) of the target.
 */
#include <modelgraph/annotations.h>

struct Note;

struct Item {
	int id                  MG_COLUMN(primary_key=true);
	struct Note **notes     MG_RELATIONSHIP(Note, back_populates=item,
	                                        collection_class=attribute_keyed_dict("keyword"));
	struct Note **by_column MG_RELATIONSHIP(Note, viewonly, collection_class=column_keyed_dict(Note.keyword));
	struct Note **by_name   MG_RELATIONSHIP(Note, viewonly, collection_class=column_mapped_collection(keyword));
	struct Note **by_slug   MG_RELATIONSHIP(Note, viewonly, collection_class=attribute_keyed_dict("slug"));
	struct Note **listed    MG_RELATIONSHIP(Note, viewonly, collection_class=set);
} MG_MODEL();

struct Note {
	int id                  MG_COLUMN(primary_key=true);
	int item_id             MG_FOREIGN_KEY(item.id, index=true);
	char keyword[41];
	const char *slug        MG_TRANSIENT; /* a property made from the keyword */
	struct Item *item       MG_RELATIONSHIP(Item, back_populates=notes);
} MG_MODEL();
