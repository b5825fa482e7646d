#ifndef MG_POSTGRES_SCHEMA_H
#define MG_POSTGRES_SCHEMA_H

#include "analyzer/core/error.h"
#include "analyzer/core/graph.h"
#include "analyzer/read/libpq_api.h"
#include "analyzer/read/readers.h"

/* The oldest server whose catalog the queries read (conparentid and
 * relispartition): PostgreSQL 12, as PQserverVersion writes it. */
#define MG_POSTGRES_MIN_VERSION 120000

/*
 * Where a script declared its objects (read_sql_postgres.c): the location of
 * a table or view ('t', by its graph name: "t" or "schema.t"), a named
 * constraint ('c') or an index ('i'), or {0} when it is not known.
 */
typedef struct mg_pg_locator {
	mg_location (*locate)(void *payload, char kind, const char *name);
	void *payload;
} mg_pg_locator;

/*
 * Reads the tables, partitioned tables (the parent, not its partitions),
 * views, columns, primary keys, unique constraints, indexes, foreign keys
 * and comments of the chosen schemas of an open connection into `graph`,
 * in four set-based queries over pg_catalog inside one read-only,
 * repeatable-read transaction. `input` names the source in messages and
 * locations (never holding a password); objects the locator (NULL: none)
 * does not place are at {input, 0, 0}, columns at their table's place.
 * Returns 0, or -1 with `err` set.
 */
int mg_postgres_schema_load(mg_graph *graph, PGconn *conn, const char *input,
			    const mg_postgres_options *options, const mg_pg_locator *locator,
			    mg_error *err);

#endif
