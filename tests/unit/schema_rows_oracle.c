#include "tests/unit/schema_rows_oracle.h"

#include <stdbool.h>
#include <string.h>

static bool same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

mg_oracle_verdict mg_schema_rows_oracle(sqlite3 *db, const mg_schema_rows *rows, mg_buf *why)
{
	sqlite3_stmt *stmt = NULL;
	mg_oracle_verdict verdict = MG_ORACLE_AGREE;
	size_t i = 0;
	int rc;
	if (sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid", -1, &stmt,
			       NULL) != SQLITE_OK) {
		mg_buf_printf(why, "SQLite cannot scan sqlite_schema: %s", sqlite3_errmsg(db));
		verdict = MG_ORACLE_ERROR;
		goto cleanup;
	}
	for (; (rc = sqlite3_step(stmt)) == SQLITE_ROW; i++) {
		const mg_schema_row *row = i < rows->nrows ? &rows->rows[i] : NULL;
		const char *sql = (const char *)sqlite3_column_text(stmt, 3);
		size_t sql_len = (size_t)sqlite3_column_bytes(stmt, 3);
		if (!row) {
			mg_buf_printf(why, "%zu rows off the pages, SQLite has more", rows->nrows);
			verdict = MG_ORACLE_DIFFER;
			goto cleanup;
		}
		if (!same_text(row->type, (const char *)sqlite3_column_text(stmt, 0)) ||
		    !same_text(row->name, (const char *)sqlite3_column_text(stmt, 1)) ||
		    !same_text(row->tbl_name, (const char *)sqlite3_column_text(stmt, 2)) || !same_text(row->sql, sql) ||
		    (sql && (row->sql_len != sql_len || memcmp(row->sql, sql, sql_len) != 0))) {
			mg_buf_printf(why, "row %zu differs: pages (%s, %s, %s, %.60s), SQLite (%s, %s, %s, %.60s)", i,
				      row->type, row->name, row->tbl_name, row->sql ? row->sql : "NULL",
				      (const char *)sqlite3_column_text(stmt, 0), (const char *)sqlite3_column_text(stmt, 1),
				      (const char *)sqlite3_column_text(stmt, 2), sql ? sql : "NULL");
			verdict = MG_ORACLE_DIFFER;
			goto cleanup;
		}
	}
	if (rc != SQLITE_DONE) {
		mg_buf_printf(why, "SQLite's scan of sqlite_schema stopped: %s", sqlite3_errmsg(db));
		verdict = MG_ORACLE_ERROR;
	} else if (i != rows->nrows) {
		mg_buf_printf(why, "%zu rows off the pages, %zu in SQLite", rows->nrows, i);
		verdict = MG_ORACLE_DIFFER;
	}
cleanup:
	sqlite3_finalize(stmt);
	return verdict;
}
