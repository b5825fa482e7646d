#ifndef MG_SQLITE_SCHEMA_H
#define MG_SQLITE_SCHEMA_H

#include <sqlite3.h>

#include "analyzer/core/error.h"
#include "analyzer/core/graph.h"
#include "analyzer/read/sqlite_schema_rows.h"

/*
 * Where the objects of a schema were declared. The SQLite reader has only the
 * file; the DDL reader knows the line and column of each statement, column
 * and constraint. Each callback returns {0} fields it does not know.
 */
typedef struct mg_schema_locator {
	mg_location (*table)(void *payload, const char *table);
	mg_location (*column)(void *payload, const char *table, const char *column);
	/* A foreign key, by its table, its first child column, and how many
	 * foreign keys starting with that column were declared before it. */
	mg_location (*foreign_key)(void *payload, const char *table, const char *first_column,
				   unsigned occurrence);
	mg_location (*index)(void *payload, const char *index);
	void *payload;
} mg_schema_locator;

/*
 * Reads the tables, views, columns, keys, unique constraints, indexes and
 * foreign keys of the `main` schema of an open database into `graph`: each
 * CREATE TABLE from its text in sqlite_schema (ddl_table_scan.h), the rest
 * (views, virtual tables, statements the scanner declines) through the
 * pragma table-valued functions, set-based. The rows of sqlite_schema are
 * `rows` when the caller read them off the pages (sqlite_schema_rows.h),
 * else (NULL) SQLite's; either way SQLite loads its copy of the schema
 * only when a pragma needs it. `input` names the source in error messages;
 * objects whose location the locator does not know get {input, 0, 0}.
 * Returns 0, or -1 with `err` set.
 */
int mg_sqlite_schema_load(mg_graph *graph, sqlite3 *db, const char *input,
			  const mg_schema_locator *locator, const mg_schema_rows *rows, mg_error *err);

/* The user's tables and views among `rows` (not SQLite's own). */
size_t mg_sqlite_schema_count_objects(const mg_schema_rows *rows);

/* The same read with every table through the pragmas, the scanner never
 * asked: what a read through the scanner must equal (the tests compare). */
int mg_sqlite_schema_load_by_pragmas(mg_graph *graph, sqlite3 *db, const char *input,
				     const mg_schema_locator *locator, mg_error *err);

#endif
