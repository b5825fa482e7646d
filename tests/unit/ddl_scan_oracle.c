#include "tests/unit/ddl_scan_oracle.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/read/ddl_scan.h"
#include "util/text.h"

/* The column of `table` named `name` (ignoring ASCII case, as SQLite does),
 * as the table declares it, in `out`; false when there is none. */
static bool table_column(sqlite3 *db, const char *table, const char *name, mg_buf *out)
{
	sqlite3_stmt *stmt = NULL;
	bool found = false;
	if (sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_xinfo(?1) WHERE name = ?2 COLLATE NOCASE", -1,
			       &stmt, NULL) != SQLITE_OK)
		goto cleanup;
	sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, name, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		mg_buf_puts(out, (const char *)sqlite3_column_text(stmt, 0));
		found = true;
	}
cleanup:
	sqlite3_finalize(stmt);
	return found;
}

mg_oracle_verdict mg_ddl_scan_oracle(sqlite3 *db, const char *table, const char *index, const char *sql,
				     mg_buf *why)
{
	mg_ddl_index scanned;
	sqlite3_stmt *list = NULL, *info = NULL;
	char *name = NULL;
	mg_oracle_verdict verdict = MG_ORACLE_ERROR;

	if (mg_ddl_scan_index(sql, strlen(sql), &scanned) < 0)
		return MG_ORACLE_DECLINED;
	if (sqlite3_prepare_v2(db, "SELECT \"unique\", partial FROM pragma_index_list(?1) WHERE name = ?2", -1,
			       &list, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT cid, name FROM pragma_index_info(?1) ORDER BY seqno", -1, &info,
			       NULL) != SQLITE_OK) {
		mg_buf_printf(why, "%s", sqlite3_errmsg(db));
		goto cleanup;
	}
	sqlite3_bind_text(list, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(list, 2, index, -1, SQLITE_STATIC);
	if (sqlite3_step(list) != SQLITE_ROW) {
		mg_buf_printf(why, "SQLite lists no index \"%s\" on \"%s\"", index, table);
		goto cleanup;
	}
	verdict = MG_ORACLE_DIFFER;
	if ((sqlite3_column_int(list, 0) != 0) != (scanned.unique != 0))
		mg_buf_printf(why, "unique: SQLite %d, scanner %d; ", sqlite3_column_int(list, 0), scanned.unique);
	if ((sqlite3_column_int(list, 1) != 0) != (scanned.partial != 0))
		mg_buf_printf(why, "partial: SQLite %d, scanner %d; ", sqlite3_column_int(list, 1), scanned.partial);

	sqlite3_bind_text(info, 1, index, -1, SQLITE_STATIC);
	size_t n = 0;
	int rc;
	while ((rc = sqlite3_step(info)) == SQLITE_ROW) {
		/* cid -1: the rowid, -2: an expression; neither is a column. */
		const char *expected = sqlite3_column_int(info, 0) >= 0 ? (const char *)sqlite3_column_text(info, 1)
									: NULL;
		if (n >= scanned.ncolumns) {
			n++;
			continue;
		}
		mg_ddl_name span = scanned.columns[n++];
		free(name);
		if (!(name = malloc(span.len + 1))) {
			verdict = MG_ORACLE_ERROR;
			mg_buf_puts(why, "out of memory");
			goto cleanup;
		}
		mg_ddl_unquote(sql, span, name);
		mg_buf column = MG_BUF_INIT;
		const char *got = *name && table_column(db, table, name, &column) ? column.data : NULL;
		if ((expected == NULL) != (got == NULL) || (expected && strcmp(expected, got) != 0))
			mg_buf_printf(why, "column %zu: SQLite %s%s%s, scanner \"%s\" (%s); ", n, expected ? "\"" : "",
				      expected ? expected : "an expression or the rowid", expected ? "\"" : "", name,
				      got ? got : "no column");
		mg_buf_free(&column);
	}
	if (rc != SQLITE_DONE) {
		verdict = MG_ORACLE_ERROR;
		mg_buf_printf(why, "%s", sqlite3_errmsg(db));
		goto cleanup;
	}
	if (n != scanned.ncolumns)
		mg_buf_printf(why, "SQLite has %zu columns, the scanner %zu; ", n, scanned.ncolumns);
	if (!why->len)
		verdict = MG_ORACLE_AGREE;
cleanup:
	free(name);
	sqlite3_finalize(list);
	sqlite3_finalize(info);
	return verdict;
}
