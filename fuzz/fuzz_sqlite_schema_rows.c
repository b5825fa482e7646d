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
#include "tests/unit/schema_rows_oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts when SQLite's scan of sqlite_schema, run to its end, returns
 * other rows than `rows`. */
static void check_against_sqlite(sqlite3 *db, const mg_schema_rows *rows)
{
	mg_buf why = MG_BUF_INIT;
	sqlite3_exec(db, "PRAGMA writable_schema = ON", NULL, NULL, NULL);
	if (mg_schema_rows_oracle(db, rows, &why) == MG_ORACLE_DIFFER) {
		fprintf(stderr, "sqlite_schema: the pages and SQLite differ: %s\n", why.data);
		abort();
	}
	mg_buf_free(&why);
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
