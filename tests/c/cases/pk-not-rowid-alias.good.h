/*
 * pk-not-rowid-alias, fixed: INTEGER keys, which SQLite makes the rowid
 * (64 bits there, so int64_t loses nothing).
 */
#include <stdint.h>
#include <modelgraph/annotations.h>

struct Event {
	int64_t id                 MG_COLUMN(primary_key=true, type=INTEGER);
	char *name;
} MG_MODEL();

struct Counter {
	int id                     MG_COLUMN(primary_key=true);
} MG_MODEL(); // expect: table-isolated

/* Near miss: ids the application sets are not expected from the database. */
struct Shard {
	int64_t id                 MG_COLUMN(primary_key=true, autoincrement=false);
} MG_MODEL();
