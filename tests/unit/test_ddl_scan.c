/* The DDL scanner against SQLite itself: every CREATE INDEX of the lint
 * cases and of the corpus (scripts and databases) must read, through
 * mg_ddl_scan_index, as pragma_index_list and pragma_index_info say. */

#define _POSIX_C_SOURCE 200809L

#include "tests/unit/test_support.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/ddl_scan_oracle.h"
#include "tests/unit/schema_sources.h"
#include "util/buf.h"

typedef struct tally {
	size_t agreed, declined, problems;
	mg_buf report; /* one line per problem */
} tally;

/* Every created index of `db`, through the oracle. */
static void check_indexes(sqlite3 *db, const char *label, void *context)
{
	tally *t = context;
	sqlite3_stmt *stmt = NULL;
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT tbl_name, name, sql FROM sqlite_schema"
					    " WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
					    -1, &stmt, NULL),
			 SQLITE_OK);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		const char *table = (const char *)sqlite3_column_text(stmt, 0);
		const char *index = (const char *)sqlite3_column_text(stmt, 1);
		const char *sql = (const char *)sqlite3_column_text(stmt, 2);
		mg_buf why = MG_BUF_INIT;
		switch (mg_ddl_scan_oracle(db, table, index, sql, &why)) {
		case MG_ORACLE_AGREE:
			t->agreed++;
			break;
		case MG_ORACLE_DECLINED:
			t->declined++;
			break;
		case MG_ORACLE_DIFFER:
		case MG_ORACLE_ERROR:
			t->problems++;
			mg_buf_printf(&t->report, "%s: index \"%s\": %s\n", label, index, why.data ? why.data : "");
			break;
		}
		mg_buf_free(&why);
	}
	sqlite3_finalize(stmt);
}

static void finish(tally *t, const char *what)
{
	printf("%s: %zu indexes read as SQLite reads them, %zu left to SQLite, %zu problems\n", what, t->agreed,
	       t->declined, t->problems);
	if (t->problems)
		fail_msg("the scanner and SQLite disagree:\n%s", t->report.data);
	assert_true(t->agreed > 0);
	mg_buf_free(&t->report);
}

static void lint_cases_agree_with_sqlite(void **state)
{
	(void)state;
	tally t = {0};
	mg_test_check_lint_cases(check_indexes, &t);
	finish(&t, "lint cases");
}

static void corpus_agrees_with_sqlite(void **state)
{
	(void)state;
	tally t = {0};
	mg_test_check_corpus(check_indexes, &t);
	finish(&t, "corpus");
}

/* The oracle itself: it must see a scanner that reads a statement wrong. */
static void oracle_reports_a_difference(void **state)
{
	(void)state;
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
				      "CREATE TABLE t (a INT, b INT);"
				      "CREATE UNIQUE INDEX i ON t (a, b);",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	mg_buf why = MG_BUF_INIT;
	assert_int_equal(mg_ddl_scan_oracle(db, "t", "i", "CREATE UNIQUE INDEX i ON t (a, b)", &why), MG_ORACLE_AGREE);
	/* Statements other than the one SQLite holds, as a wrong scanner would read it. */
	assert_int_equal(mg_ddl_scan_oracle(db, "t", "i", "CREATE INDEX i ON t (a, b)", &why), MG_ORACLE_DIFFER);
	assert_non_null(strstr(why.data, "unique: SQLite 1, scanner 0"));
	mg_buf_free(&why);
	assert_int_equal(mg_ddl_scan_oracle(db, "t", "i", "CREATE UNIQUE INDEX i ON t (b, lower(a))", &why),
			 MG_ORACLE_DIFFER);
	assert_non_null(strstr(why.data, "column 1: SQLite \"a\", scanner \"b\""));
	assert_non_null(strstr(why.data, "column 2: SQLite \"b\", scanner \"\" (no column)"));
	mg_buf_free(&why);
	sqlite3_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(oracle_reports_a_difference),
		cmocka_unit_test(lint_cases_agree_with_sqlite),
		cmocka_unit_test(corpus_agrees_with_sqlite),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
