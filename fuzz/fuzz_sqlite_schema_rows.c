/* libFuzzer target: a database image whose sqlite_schema is read off its
 * pages (sqlite_schema_rows.c), then into a graph through those rows. The
 * reader must decline or read, never read past a page or loop; and what
 * it reads must be the rows SQLite's own scan of sqlite_schema returns,
 * whenever SQLite scans the image to the end (writable_schema lets it,
 * whatever the statements say). */

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/read/sqlite_schema.h"
#include "analyzer/read/sqlite_schema_rows.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Aborts when SQLite's scan of sqlite_schema, run to its end, returns
 * other rows than `rows`. */
static void check_against_sqlite(sqlite3 *db, const mg_schema_rows *rows)
{
	sqlite3_stmt *stmt = NULL;
	sqlite3_exec(db, "PRAGMA writable_schema = ON", NULL, NULL, NULL);
	if (sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid", -1, &stmt,
			       NULL) != SQLITE_OK) {
		sqlite3_finalize(stmt);
		return;
	}
	size_t i = 0;
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const mg_schema_row *row = i < rows->nrows ? &rows->rows[i] : NULL;
		const char *sql = (const char *)sqlite3_column_text(stmt, 3);
		size_t sql_len = (size_t)sqlite3_column_bytes(stmt, 3);
		if (!row || !same_text(row->type, (const char *)sqlite3_column_text(stmt, 0)) ||
		    !same_text(row->name, (const char *)sqlite3_column_text(stmt, 1)) ||
		    !same_text(row->tbl_name, (const char *)sqlite3_column_text(stmt, 2)) || !same_text(row->sql, sql) ||
		    (sql && (row->sql_len != sql_len || memcmp(row->sql, sql, sql_len) != 0))) {
			fprintf(stderr, "row %zu of sqlite_schema: the pages and SQLite differ\n", i);
			abort();
		}
		i++;
	}
	if (rc == SQLITE_DONE && i != rows->nrows) {
		fprintf(stderr, "sqlite_schema: %zu rows off the pages, %zu in SQLite\n", rows->nrows, i);
		abort();
	}
	sqlite3_finalize(stmt);
}

/* The read as read_sqlite.c does it, on an in-memory copy of `image`. */
static void read_image(sqlite3 *db)
{
	sqlite3_stmt *stmt = NULL;
	mg_schema_rows rows = {0};
	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return;
	if (sqlite3_prepare_v2(db, "PRAGMA schema_version", -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW && mg_schema_rows_read(&rows, db) == 1) {
		mg_graph *graph = mg_graph_new();
		mg_error err;
		if (graph && mg_graph_add_source(graph, "fuzz.db", MG_SOURCE_SQLITE) != (size_t)-1)
			mg_sqlite_schema_load(graph, db, "fuzz.db", NULL, &rows, &err);
		mg_graph_free(graph);
		check_against_sqlite(db, &rows);
	}
	sqlite3_finalize(stmt);
	mg_schema_rows_free(&rows);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sqlite3 *db = NULL;
	unsigned char *image = size ? sqlite3_malloc64(size) : NULL;
	if (size && !image)
		return 0;
	if (size)
		memcpy(image, data, size);
	if (sqlite3_open(":memory:", &db) == SQLITE_OK &&
	    sqlite3_deserialize(db, "main", image, (sqlite3_int64)size, (sqlite3_int64)size,
				SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY) == SQLITE_OK)
		read_image(db);
	else
		sqlite3_free(image);
	sqlite3_close(db);
	return 0;
}
