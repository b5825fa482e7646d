/* The DDL scanner against SQLite itself: every CREATE INDEX of the lint
 * cases and of the corpus (scripts and databases) must read, through
 * mg_ddl_scan_index, as pragma_index_list and pragma_index_info say. */

#define _POSIX_C_SOURCE 200809L

#include "tests/unit/test_support.h"

#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/ddl_scan_oracle.h"
#include "util/buf.h"

#define LINT_CASES_DIR MG_TEST_SOURCE_DIR "/../lint/cases"
#define CORPUS_INPUTS MG_TEST_SOURCE_DIR "/../corpus/inputs.txt"

typedef struct tally {
	size_t agreed, declined, problems;
	mg_buf report; /* one line per problem */
} tally;

static char *read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s", path);
	mg_buf text = MG_BUF_INIT;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		mg_buf_put(&text, chunk, n);
	fclose(f);
	assert_false(text.failed);
	mg_buf_putc(&text, '\0');
	return text.data;
}

/* Every created index of `db`, through the oracle. */
static void check_indexes(sqlite3 *db, const char *label, tally *t)
{
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

/* The first line of `text` that starts another source, or NULL. */
static char *next_source(char *text, size_t *marker_len)
{
	/* Several sources, or the models and the database of a drift case. */
	static const char *const markers[] = {"\n-- another source:\n", "\n-- the database:\n"};
	char *first = NULL;
	for (size_t i = 0; i < sizeof(markers) / sizeof(markers[0]); i++) {
		char *at = strstr(text, markers[i]);
		if (at && (!first || at < first)) {
			first = at;
			*marker_len = strlen(markers[i]);
		}
	}
	return first;
}

/* A lint case may be several sources, each after a line "-- another
 * source:" or "-- the database:" (tests/lint/lint_cases.c): each is its own
 * database. */
static void check_script(const char *path, tally *t)
{
	char *text = read_text(path);
	for (char *part = text; part;) {
		size_t marker_len = 0;
		char *end = next_source(part, &marker_len);
		if (end)
			*end = '\0';
		sqlite3 *db = NULL;
		char *error = NULL;
		assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
		if (sqlite3_exec(db, part, NULL, NULL, &error) != SQLITE_OK)
			fail_msg("%s: %s", path, error);
		check_indexes(db, path, t);
		sqlite3_close(db);
		part = end ? end + marker_len : NULL;
	}
	free(text);
}

static void check_database(const char *path, tally *t)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		fail_msg("%s: %s", path, sqlite3_errmsg(db));
	check_indexes(db, path, t);
	sqlite3_close(db);
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
	DIR *dir = opendir(LINT_CASES_DIR);
	assert_non_null(dir);
	struct dirent *entry;
	while ((entry = readdir(dir))) {
		size_t len = strlen(entry->d_name);
		if (len < 4 || strcmp(entry->d_name + len - 4, ".sql") != 0)
			continue;
		mg_buf path = MG_BUF_INIT;
		mg_buf_printf(&path, "%s/%s", LINT_CASES_DIR, entry->d_name);
		check_script(path.data, &t);
		mg_buf_free(&path);
	}
	closedir(dir);
	finish(&t, "lint cases");
}

static void corpus_agrees_with_sqlite(void **state)
{
	(void)state;
	tally t = {0};
	char *inputs = read_text(CORPUS_INPUTS);
	for (char *line = strtok(inputs, "\n"); line; line = strtok(NULL, "\n")) {
		mg_buf path = MG_BUF_INIT;
		mg_buf_printf(&path, "%s/%s", MG_CORPUS_DIR, line);
		size_t len = strlen(line);
		if (len > 4 && strcmp(line + len - 4, ".sql") == 0)
			check_script(path.data, &t);
		else
			check_database(path.data, &t);
		mg_buf_free(&path);
	}
	free(inputs);
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
