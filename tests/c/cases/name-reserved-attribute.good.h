/*
 * name-reserved-attribute: the column keeps the name "metadata" through
 * name=, attributes with other names; a plain table's column is no
 * attribute of a model.
 */
#include <modelgraph/annotations.h>

struct Tag;

struct Document {
	int id                   MG_COLUMN(primary_key=true);
	char meta[201]           MG_COLUMN(name=metadata);
	struct Tag **tags        MG_RELATIONSHIP(Tag, backref=document);
} MG_MODEL();

struct Tag {
	int id                   MG_COLUMN(primary_key=true);
	int document_id          MG_FOREIGN_KEY(document.id, index=true);
} MG_MODEL();

struct Setting {
	int id                   MG_COLUMN(primary_key=true);
	int document_id          MG_FOREIGN_KEY(document.id, index=true);
	char registry[81];
} MG_TABLE(setting);
