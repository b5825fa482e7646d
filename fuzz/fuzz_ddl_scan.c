/* libFuzzer target: the DDL scanner that locates declarations and reads
 * CREATE INDEX statements, on arbitrary bytes (it must never read past
 * the length it is given). When it reads an index statement and SQLite
 * accepts it too, the two must agree on what the index holds: SQLite's own
 * pragma_index_list and pragma_index_info are the oracle
 * (tests/unit/ddl_scan_oracle.c). */

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/read/ddl_scan.h"
#include "tests/unit/ddl_scan_oracle.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Tables whose names and columns exercise quoting and case. */
static const char schema[] =
	"CREATE TABLE t (a INTEGER, b TEXT, \"c d\" TEXT, \"e\"\"f\" INT, [g h] INT, `i` INT, ID INT,"
	" x_y INT);"
	"CREATE TABLE \"odd \"\"name\"\"\" (\"Mixed Case\" INT, [br ack] INT, plain INT);";

static void visit(const mg_ddl_item *item, void *payload)
{
	size_t *count = payload;
	*count += item->name && item->name[0] != '\0';
}

/* Steps are few for an index on empty tables: anything longer is stopped. */
static int stop(void *payload)
{
	unsigned *calls = payload;
	return ++*calls > 1000;
}

/* Creates the index in a fresh database and asks the oracle about it. */
static void compare_with_sqlite(const char *text)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL, *indexes = NULL;
	unsigned calls = 0;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK || sqlite3_exec(db, schema, NULL, NULL, NULL) != SQLITE_OK)
		goto cleanup;
	sqlite3_progress_handler(db, 100, stop, &calls);
	if (sqlite3_prepare_v2(db, text, -1, &stmt, NULL) != SQLITE_OK || !stmt || sqlite3_step(stmt) != SQLITE_DONE)
		goto cleanup; /* SQLite does not accept it: nothing to compare */
	if (sqlite3_prepare_v2(db,
			       "SELECT tbl_name, name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL",
			       -1, &indexes, NULL) != SQLITE_OK)
		goto cleanup;
	while (sqlite3_step(indexes) == SQLITE_ROW) {
		const char *sql = (const char *)sqlite3_column_text(indexes, 2);
		mg_buf why = MG_BUF_INIT;
		if (mg_ddl_scan_oracle(db, (const char *)sqlite3_column_text(indexes, 0),
				       (const char *)sqlite3_column_text(indexes, 1), sql, &why) == MG_ORACLE_DIFFER) {
			fprintf(stderr, "the scanner and SQLite disagree on\n%s\n%s\n", sql, why.data);
			abort();
		}
		mg_buf_free(&why);
	}
cleanup:
	sqlite3_finalize(indexes);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The readers hand the scanner NUL-terminated text; so does this. */
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	size_t count = 0;
	mg_ddl_scan(text, size, visit, &count);
	mg_ddl_index index;
	/* Only statements the scanner takes for CREATE INDEX, and without NUL
	 * bytes (SQLite would see less than the scanner): they create an index
	 * on empty tables and run nothing else. */
	if (mg_ddl_scan_index(text, size, &index) == 0 && strlen(text) == size)
		compare_with_sqlite(text);
	free(text);
	return 0;
}
