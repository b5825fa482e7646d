#ifndef MG_DDL_SCAN_H
#define MG_DDL_SCAN_H

#include <stddef.h>

/*
 * A light scanner over one CREATE TABLE / CREATE VIEW statement that finds
 * where its table name, each column definition and each foreign key start,
 * so findings on DDL point at `file:line:col`. It does not validate: SQLite
 * has already accepted the statement when this runs.
 */

typedef enum mg_ddl_item_kind {
	MG_DDL_TABLE,       /* the name of the created table or view */
	MG_DDL_COLUMN,      /* a column definition */
	MG_DDL_FOREIGN_KEY, /* a REFERENCES clause or a FOREIGN KEY constraint */
	MG_DDL_INDEX,       /* the name of a created index */
} mg_ddl_item_kind;

typedef struct mg_ddl_item {
	mg_ddl_item_kind kind;
	const char *name;   /* unquoted: table, column, or the FK's first child column;
	                       NULL when there was no memory to copy it */
	size_t offset;      /* byte offset of the item within the statement */
} mg_ddl_item;

/*
 * Calls `visit` for each item of `sql` (len bytes), in order. `name` points
 * into scratch memory valid during the call, and holds the whole name,
 * however long. Statements that are not CREATE TABLE/VIEW/INDEX produce no
 * items.
 */
void mg_ddl_scan(const char *sql, size_t len,
		 void (*visit)(const mg_ddl_item *item, void *payload), void *payload);

/* What a CREATE INDEX statement says. */
#define MG_DDL_INDEX_MAX_COLUMNS 64

/* A name as written in the statement: the raw token, quotes included. */
typedef struct mg_ddl_name {
	size_t start;       /* byte offset within the statement */
	size_t len;         /* bytes of the token; 0: an expression, not a column */
} mg_ddl_name;

typedef struct mg_ddl_index {
	int unique;                                 /* CREATE UNIQUE INDEX */
	int partial;                                /* has a WHERE clause */
	mg_ddl_name table;                          /* the table after ON */
	size_t ncolumns;
	mg_ddl_name columns[MG_DDL_INDEX_MAX_COLUMNS]; /* mg_ddl_unquote gives the names */
} mg_ddl_index;

/*
 * Reads a CREATE INDEX statement as stored by SQLite (already accepted by
 * it). Returns 0, or -1 when the statement is not one this scanner can read
 * fully (the caller then asks SQLite).
 */
int mg_ddl_scan_index(const char *sql, size_t len, mg_ddl_index *out);

/*
 * Writes `name` of `sql` without its quotes (escaped quotes undoubled) into
 * `out`, which must hold name.len + 1 bytes (the unquoted name is never
 * longer than the token); returns out.
 */
char *mg_ddl_unquote(const char *sql, mg_ddl_name name, char *out);

#endif
