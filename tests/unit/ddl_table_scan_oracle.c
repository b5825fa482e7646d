#include "tests/unit/ddl_table_scan_oracle.h"

#include <stdbool.h>
#include <string.h>

#include "analyzer/read/ddl_table_scan.h"

static const char *text(sqlite3_stmt *stmt, int i)
{
	return (const char *)sqlite3_column_text(stmt, i);
}

/* Two texts, either NULL, compared exactly. */
static bool same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static void differ_text(mg_buf *why, const char *what, const char *sqlite, const char *scanner)
{
	mg_buf_printf(why, "%s: SQLite %s%s%s, scanner %s%s%s; ", what, sqlite ? "\"" : "", sqlite ? sqlite : "NULL",
		      sqlite ? "\"" : "", scanner ? "\"" : "", scanner ? scanner : "NULL", scanner ? "\"" : "");
}

static int prepare(sqlite3 *db, const char *sql, const char *arg, sqlite3_stmt **stmt, mg_buf *why)
{
	if (sqlite3_prepare_v2(db, sql, -1, stmt, NULL) != SQLITE_OK) {
		mg_buf_printf(why, "%s", sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_bind_text(*stmt, 1, arg, -1, SQLITE_STATIC);
	return 0;
}

static int finish(sqlite3 *db, int rc, mg_buf *why)
{
	if (rc == SQLITE_DONE)
		return 0;
	mg_buf_printf(why, "%s", sqlite3_errmsg(db));
	return -1;
}

static int compare_columns(sqlite3 *db, const char *table, const mg_ddl_table *t, mg_buf *why)
{
	sqlite3_stmt *stmt = NULL;
	int rc = -1;
	if (prepare(db, "SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?1)"
			" ORDER BY cid",
		    table, &stmt, why) < 0)
		return -1;
	size_t n = 0;
	int step;
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n >= t->ncolumns) {
			n++;
			continue;
		}
		const mg_ddl_table_column *c = &t->columns[n++];
		mg_buf what = MG_BUF_INIT;
		mg_buf_printf(&what, "column %zu", n);
		if (!same(text(stmt, 1), c->name))
			differ_text(why, what.data, text(stmt, 1), c->name);
		mg_buf_printf(&what, " (%s)", c->name);
		if (!same(text(stmt, 2), c->type))
			mg_buf_printf(why, "%s type: SQLite \"%s\", scanner \"%s\"; ", what.data, text(stmt, 2), c->type);
		if (sqlite3_column_int(stmt, 3) != c->not_null)
			mg_buf_printf(why, "%s notnull: SQLite %d, scanner %d; ", what.data, sqlite3_column_int(stmt, 3),
				      c->not_null);
		if (!same(text(stmt, 4), c->default_value)) {
			mg_buf_printf(&what, " default");
			differ_text(why, what.data, text(stmt, 4), c->default_value);
		}
		if (sqlite3_column_int(stmt, 5) != (int)c->pk)
			mg_buf_printf(why, "%s pk: SQLite %d, scanner %u; ", what.data, sqlite3_column_int(stmt, 5), c->pk);
		if (sqlite3_column_int(stmt, 6) != c->hidden)
			mg_buf_printf(why, "%s hidden: SQLite %d, scanner %d; ", what.data, sqlite3_column_int(stmt, 6),
				      c->hidden);
		mg_buf_free(&what);
	}
	if (finish(db, step, why) < 0)
		goto cleanup;
	if (n != t->ncolumns)
		mg_buf_printf(why, "SQLite has %zu columns, the scanner %zu; ", n, t->ncolumns);
	rc = 0;
cleanup:
	sqlite3_finalize(stmt);
	return rc;
}

static int compare_foreign_keys(sqlite3 *db, const char *table, const mg_ddl_table *t, mg_buf *why)
{
	sqlite3_stmt *stmt = NULL;
	int rc = -1;
	if (prepare(db, "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete"
			" FROM pragma_foreign_key_list(?1) ORDER BY id, seq",
		    table, &stmt, why) < 0)
		return -1;
	size_t fk = 0, col = 0, rows = 0, expected = 0;
	for (size_t i = 0; i < t->nforeign_keys; i++)
		expected += t->foreign_keys[i].ncolumns;
	int step;
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		rows++;
		if (fk >= t->nforeign_keys)
			continue;
		const mg_ddl_table_foreign_key *f = &t->foreign_keys[fk];
		mg_buf what = MG_BUF_INIT;
		mg_buf_printf(&what, "foreign key %zu column %zu", fk, col);
		if (sqlite3_column_int(stmt, 0) != (int)fk || sqlite3_column_int(stmt, 1) != (int)col)
			mg_buf_printf(why, "%s: SQLite has id %d seq %d; ", what.data, sqlite3_column_int(stmt, 0),
				      sqlite3_column_int(stmt, 1));
		if (!same(text(stmt, 2), f->parent))
			differ_text(why, "parent", text(stmt, 2), f->parent);
		const char *from = f->from[col] < t->ncolumns ? t->columns[f->from[col]].name : "?";
		if (!same(text(stmt, 3), from))
			differ_text(why, what.data, text(stmt, 3), from);
		const char *to = f->to ? f->to[col] : NULL;
		if (!same(text(stmt, 4), to)) {
			mg_buf_printf(&what, " parent column");
			differ_text(why, what.data, text(stmt, 4), to);
		}
		if (!same(text(stmt, 5), f->on_update))
			differ_text(why, "on_update", text(stmt, 5), f->on_update);
		if (!same(text(stmt, 6), f->on_delete))
			differ_text(why, "on_delete", text(stmt, 6), f->on_delete);
		mg_buf_free(&what);
		if (++col == f->ncolumns) {
			col = 0;
			fk++;
		}
	}
	if (finish(db, step, why) < 0)
		goto cleanup;
	if (rows != expected)
		mg_buf_printf(why, "SQLite has %zu foreign key rows, the scanner %zu; ", rows, expected);
	rc = 0;
cleanup:
	sqlite3_finalize(stmt);
	return rc;
}

static int compare_index(sqlite3 *db, const mg_ddl_table *t, const mg_ddl_table_index *index, mg_buf *why)
{
	sqlite3_stmt *stmt = NULL;
	int rc = -1;
	if (prepare(db, "SELECT name FROM pragma_index_info(?1) ORDER BY seqno", index->name, &stmt, why) < 0)
		return -1;
	size_t n = 0;
	int step;
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *scanned = n < index->ncolumns && index->columns[n] < t->ncolumns
					      ? t->columns[index->columns[n]].name
					      : NULL;
		n++;
		if (!same(text(stmt, 0), scanned)) {
			mg_buf what = MG_BUF_INIT;
			mg_buf_printf(&what, "index %s column %zu", index->name, n);
			differ_text(why, what.data, text(stmt, 0), scanned);
			mg_buf_free(&what);
		}
	}
	if (finish(db, step, why) < 0)
		goto cleanup;
	if (n != index->ncolumns)
		mg_buf_printf(why, "index %s: SQLite has %zu columns, the scanner %zu; ", index->name, n,
			      index->ncolumns);
	rc = 0;
cleanup:
	sqlite3_finalize(stmt);
	return rc;
}

static const mg_ddl_table_index *scanned_index(const mg_ddl_table *t, const char *name)
{
	for (size_t i = 0; i < t->nindexes; i++)
		if (strcmp(t->indexes[i].name, name) == 0)
			return &t->indexes[i];
	return NULL;
}

static int compare_indexes(sqlite3 *db, const char *table, const mg_ddl_table *t, mg_buf *why)
{
	sqlite3_stmt *stmt = NULL;
	int rc = -1, step;
	size_t n = 0;
	/* Every constraint index, with its origin and columns. */
	if (prepare(db, "SELECT name, origin FROM pragma_index_list(?1) WHERE origin IN ('u', 'pk')", table, &stmt,
		    why) < 0)
		return -1;
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		n++;
		const mg_ddl_table_index *index = scanned_index(t, text(stmt, 0));
		if (!index) {
			mg_buf_printf(why, "the scanner has no index %s; ", text(stmt, 0));
			continue;
		}
		int pk = strcmp(text(stmt, 1), "pk") == 0;
		if (pk != index->primary_key)
			mg_buf_printf(why, "index %s origin: SQLite %s, scanner %s; ", index->name, text(stmt, 1),
				      index->primary_key ? "pk" : "u");
		if (compare_index(db, t, index, why) < 0)
			goto cleanup;
	}
	if (finish(db, step, why) < 0)
		goto cleanup;
	if (n != t->nindexes)
		mg_buf_printf(why, "SQLite has %zu constraint indexes, the scanner %zu; ", n, t->nindexes);
	sqlite3_finalize(stmt);
	stmt = NULL;

	/* Those sqlite_schema lists, in its order, which the reader follows. */
	if (prepare(db, "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1 AND sql IS NULL"
			" ORDER BY rowid",
		    table, &stmt, why) < 0)
		return -1;
	size_t i = 0;
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		while (i < t->nindexes && !t->indexes[i].stored)
			i++;
		const char *scanned = i < t->nindexes ? t->indexes[i++].name : NULL;
		if (!same(text(stmt, 0), scanned))
			differ_text(why, "constraint index in sqlite_schema", text(stmt, 0), scanned);
	}
	if (finish(db, step, why) < 0)
		goto cleanup;
	while (i < t->nindexes && !t->indexes[i].stored)
		i++;
	if (i < t->nindexes)
		mg_buf_printf(why, "sqlite_schema lacks index %s; ", t->indexes[i].name);
	rc = 0;
cleanup:
	sqlite3_finalize(stmt);
	return rc;
}

static int compare_options(sqlite3 *db, const char *table, const mg_ddl_table *t, mg_buf *why)
{
	sqlite3_stmt *stmt = NULL;
	int rc = -1;
	if (prepare(db, "SELECT wr, strict FROM pragma_table_list(?1) WHERE schema = 'main'", table, &stmt, why) < 0)
		return -1;
	int step = sqlite3_step(stmt);
	if (step != SQLITE_ROW) {
		mg_buf_printf(why, "SQLite lists no table \"%s\"", table);
		goto cleanup;
	}
	if (sqlite3_column_int(stmt, 0) != t->without_rowid)
		mg_buf_printf(why, "without rowid: SQLite %d, scanner %d; ", sqlite3_column_int(stmt, 0), t->without_rowid);
	if (sqlite3_column_int(stmt, 1) != t->strict)
		mg_buf_printf(why, "strict: SQLite %d, scanner %d; ", sqlite3_column_int(stmt, 1), t->strict);
	rc = 0;
cleanup:
	sqlite3_finalize(stmt);
	return rc;
}

mg_oracle_verdict mg_ddl_table_scan_oracle(sqlite3 *db, const char *table, const char *sql, mg_buf *why)
{
	mg_ddl_table t = {0};
	mg_oracle_verdict verdict = MG_ORACLE_DECLINED;
	if (mg_ddl_scan_table(sql, strlen(sql), table, &t) < 0)
		goto cleanup;
	mg_buf differences = MG_BUF_INIT;
	verdict = MG_ORACLE_ERROR;
	if (compare_columns(db, table, &t, &differences) < 0 || compare_foreign_keys(db, table, &t, &differences) < 0 ||
	    compare_indexes(db, table, &t, &differences) < 0 || compare_options(db, table, &t, &differences) < 0) {
		mg_buf_puts(why, differences.data ? differences.data : "");
		mg_buf_free(&differences);
		goto cleanup;
	}
	verdict = differences.len ? MG_ORACLE_DIFFER : MG_ORACLE_AGREE;
	if (differences.len)
		mg_buf_puts(why, differences.data);
	mg_buf_free(&differences);
cleanup:
	mg_ddl_table_free(&t);
	return verdict;
}
