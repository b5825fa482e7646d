#ifndef MG_SQLITE_SCHEMA_ROWS_H
#define MG_SQLITE_SCHEMA_ROWS_H

#include <sqlite3.h>
#include <stddef.h>

/* One row of sqlite_schema as SQLite stores it. Each text ends in a NUL;
 * `sql` is NULL for an index SQLite made for a constraint. */
typedef struct mg_schema_row {
	const char *type;     /* "table", "view", "index" or "trigger" */
	const char *name;
	const char *tbl_name; /* the table an index or trigger belongs to */
	const char *sql;
	size_t sql_len;       /* its bytes, a NUL inside included */
} mg_schema_row;

/* The rows of sqlite_schema in rowid order (the order of a scan). */
typedef struct mg_schema_rows {
	mg_schema_row *rows;
	size_t nrows;
	char *text; /* every string of every row */
} mg_schema_rows;

/*
 * Reads the rows of sqlite_schema from the b-tree pages of the main
 * database file of `db`, without SQLite parsing the schema: loading it
 * (one CREATE statement prepared after the other) costs as much as all
 * the rest of a lint. `db` must be in a read transaction on the file
 * itself, not a copy: a SHARED lock, or an immutable file, so no writer
 * changes the pages meanwhile (input_file.c). The read follows the file
 * format (sqlite.org/fileformat2.html) and declines whatever it does not
 * know for certain: a text encoding other than UTF-8, a database in WAL
 * mode whose -wal file has frames, a value of another type than text in a
 * text column, a page that is not what its parent says, a tree deeper or
 * larger than the file.
 *
 * Returns 1 with `out` filled (free it with mg_schema_rows_free), 0 when it
 * declines (then SQLite reads the schema itself), -1 out of memory.
 */
int mg_schema_rows_read(mg_schema_rows *out, sqlite3 *db);

void mg_schema_rows_free(mg_schema_rows *rows);

#endif
