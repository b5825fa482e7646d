/*
 * name-reserved-attribute: a column attribute, a relationship and a backref
 * named like what the declarative base keeps.
 */
#include <modelgraph/annotations.h>

struct Tag;

struct Document {
	int id                   MG_COLUMN(primary_key=true);
	char metadata[201];      // expect: name-reserved-attribute
	struct Tag **registry    MG_RELATIONSHIP(Tag, backref=metadata); // expect: name-reserved-attribute, name-reserved-attribute
} MG_MODEL();

struct Tag {
	int id                   MG_COLUMN(primary_key=true);
	int document_id          MG_FOREIGN_KEY(document.id, index=true);
} MG_MODEL();
