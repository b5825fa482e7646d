/*
 * rel-collection-column-unknown: column_keyed_dict(Note.keyword)
 * names a column of Note.
 */
#include <modelgraph/annotations.h>

struct Note;

struct Item {
	int id                  MG_COLUMN(primary_key=true);
	struct Note **notes     MG_RELATIONSHIP(Note, backref=item, collection_class=column_keyed_dict(Note.keyword));
} MG_MODEL();

struct Note {
	int id                  MG_COLUMN(primary_key=true);
	int item_id             MG_FOREIGN_KEY(item.id, index=true);
	char keyword[41];
} MG_MODEL();
