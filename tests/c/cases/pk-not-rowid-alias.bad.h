/*
 * pk-not-rowid-alias: a generated integer key whose SQL type is not
 * INTEGER, so SQLite (where these models run by default) assigns no ids.
 */
#include <stdint.h>
#include <modelgraph/annotations.h>

struct Event {
	int64_t id                 MG_COLUMN(primary_key=true); // expect: pk-not-rowid-alias
	char *name;
} MG_MODEL();

struct Counter {
	short id                   MG_COLUMN(primary_key=true); // expect: pk-not-rowid-alias
} MG_MODEL(); // expect: table-isolated
