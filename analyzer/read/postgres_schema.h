#ifndef MG_POSTGRES_SCHEMA_H
#define MG_POSTGRES_SCHEMA_H

#include <libpq-fe.h>

#include "analyzer/core/error.h"
#include "analyzer/core/graph.h"
#include "analyzer/read/readers.h"

/* The oldest server whose catalog the queries read (conparentid and
 * relispartition): PostgreSQL 12, as PQserverVersion writes it. */
#define MG_POSTGRES_MIN_VERSION 120000

/*
 * Reads the tables, partitioned tables (the parent, not its partitions),
 * views, columns, primary keys, unique constraints, indexes, foreign keys
 * and comments of the chosen schemas of an open connection into `graph`,
 * in four set-based queries over pg_catalog inside one read-only,
 * repeatable-read transaction. `input` names the source in messages and
 * locations (never holding a password). Returns 0, or -1 with `err` set.
 */
int mg_postgres_schema_load(mg_graph *graph, PGconn *conn, const char *input,
			    const mg_postgres_options *options, mg_error *err);

#endif
