/*
 * doc-missing, fixed: every model and field is described, by a doc comment
 * or by comment= (doc-missing.good.yml turns the rule on).
 */
#include <modelgraph/annotations.h>

/** Who writes the books. */
struct Author {
	/** The author's number. */
	int id                     MG_COLUMN(primary_key=true);
	char *name                 MG_COLUMN(comment="as printed on the cover");
} MG_MODEL(tablename=authors);

/** A book. */
struct Book {
	/** The book's number. */
	int id                     MG_COLUMN(primary_key=true);
	/** Who wrote it. */
	int author_id              MG_FOREIGN_KEY(authors.id, index=true);
} MG_MODEL(tablename=books);
