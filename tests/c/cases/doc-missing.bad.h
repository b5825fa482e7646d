/*
 * doc-missing: models and fields without a description, turned on by
 * doc-missing.bad.yml. One finding per model.
 */
#include <modelgraph/annotations.h>

struct Author {
	int id                     MG_COLUMN(primary_key=true);
	char *name;
} MG_MODEL(tablename=authors); // expect: doc-missing

/** A book. */
struct Book {
	/** The book's number. */
	int id                     MG_COLUMN(primary_key=true);
	int author_id              MG_FOREIGN_KEY(authors.id, index=true);
} MG_MODEL(tablename=books); // expect: doc-missing
