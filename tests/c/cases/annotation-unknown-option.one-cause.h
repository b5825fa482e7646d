/*
 * One root cause, one finding: the misspelt backred= is left out, so the
 * relationship has no inverse; that is a note of the unknown option, not a
 * rel-missing-backref finding of its own.
 */
#include <modelgraph/annotations.h>

struct Book;

struct Author {
	int id                   MG_COLUMN(primary_key=true);
	struct Book **books      MG_RELATIONSHIP(Book, backred=author); // expect: annotation-unknown-option
} MG_MODEL(tablename=authors);

struct Book {
	int id                   MG_COLUMN(primary_key=true);
	int author_id            MG_FOREIGN_KEY(authors.id, index=true);
} MG_MODEL(tablename=books);
