/* libFuzzer target: the CREATE TABLE scanner (analyzer/read/ddl_table_scan.c)
 * on arbitrary bytes: it must never read past the length it is given, nor
 * crash or loop. When SQLite accepts the bytes too, every table they create
 * must read, through the scanner, as SQLite's own pragmas describe it
 * (tests/unit/ddl_table_scan_oracle.c); the scanner may decline, never
 * differ. */

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/read/ddl_table_scan.h"
#include "tests/unit/ddl_table_scan_oracle.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Tables a statement may reference. */
static const char schema[] = "CREATE TABLE p (id INTEGER PRIMARY KEY, a INT, b TEXT, UNIQUE (a, b));";

/* Creating tables takes few steps: anything longer is stopped. */
static int stop(void *payload)
{
	unsigned *calls = payload;
	return ++*calls > 1000;
}

static void compare_with_sqlite(const char *text)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL, *tables = NULL;
	unsigned calls = 0;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK || sqlite3_exec(db, schema, NULL, NULL, NULL) != SQLITE_OK)
		goto cleanup;
	sqlite3_progress_handler(db, 100, stop, &calls);
	/* One statement, and a CREATE TABLE that runs nothing else. */
	if (sqlite3_prepare_v2(db, text, -1, &stmt, NULL) != SQLITE_OK || !stmt || sqlite3_step(stmt) != SQLITE_DONE)
		goto cleanup;
	sqlite3_progress_handler(db, 0, NULL, NULL);
	if (sqlite3_prepare_v2(db,
			       "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name <> 'p'"
			       " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
			       -1, &tables, NULL) != SQLITE_OK)
		goto cleanup;
	while (sqlite3_step(tables) == SQLITE_ROW) {
		const char *sql = (const char *)sqlite3_column_text(tables, 1);
		mg_buf why = MG_BUF_INIT;
		if (mg_ddl_table_scan_oracle(db, (const char *)sqlite3_column_text(tables, 0), sql, &why) ==
		    MG_ORACLE_DIFFER) {
			fprintf(stderr, "the scanner and SQLite disagree on\n%s\n%s\n", sql, why.data);
			abort();
		}
		mg_buf_free(&why);
	}
cleanup:
	sqlite3_finalize(tables);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Exactly `size` bytes, no terminator: a read past them is caught. */
	char *bytes = malloc(size ? size : 1);
	if (!bytes)
		return 0;
	memcpy(bytes, data, size);
	mg_ddl_table t = {0};
	int scanned = mg_ddl_scan_table(bytes, size, "t", &t);
	mg_ddl_table_free(&t);
	free(bytes);
	/* What SQLite accepts and stores is compared whether or not the
	 * scanner read the bytes as given: it reads the stored text. */
	(void)scanned;
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (strlen(text) == size && size >= 12 && memcmp(text, "CREATE TABLE", 12) == 0)
		compare_with_sqlite(text);
	free(text);
	return 0;
}
