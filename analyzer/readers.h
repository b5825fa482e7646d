#ifndef MG_READERS_H
#define MG_READERS_H

#include "error.h"
#include "graph.h"

/*
 * Readers: each adds the objects of one input to a graph and records the
 * input as a source. They never print; on failure they return -1 with `err`
 * naming the input, and the graph may hold part of the input (the caller
 * discards it).
 */

/* A SQLite database file, opened read-only; never written. */
int mg_read_sqlite(mg_graph *graph, const char *path, mg_error *err);

/* A SQL DDL script, executed into a private in-memory SQLite database. */
int mg_read_sql(mg_graph *graph, const char *path, mg_error *err);

/* A source named on the command line: chosen by prefix (`sqlite:`, `sql:`,
 * `c:`, `json:`), scheme (`postgresql://`, `mysql://`), extension, then
 * content. */
int mg_read_source(mg_graph *graph, const char *source, mg_error *err);

#endif
