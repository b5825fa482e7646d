/*
 * fk-type-mismatch on C models: an int field referencing an int64_t key
 * cannot hold its ids above 2147483647, whatever the database.
 */
#include <stdint.h>
#include <modelgraph/annotations.h>

struct Author {
	int64_t id                 MG_COLUMN(primary_key=true);
} MG_MODEL(tablename=authors);

struct Book {
	int64_t id                 MG_COLUMN(primary_key=true);
	int author_id              MG_FOREIGN_KEY(authors.id, index=true); // expect: fk-type-mismatch
	int64_t editor_id          MG_FOREIGN_KEY(authors.id, index=true);
} MG_MODEL(tablename=books);
