#include "tests/unit/schema_sources.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/test_support.h"
#include "util/buf.h"

#define LINT_CASES_DIR MG_TEST_SOURCE_DIR "/../lint/cases"
#define CORPUS_INPUTS MG_TEST_SOURCE_DIR "/../corpus/inputs.txt"

void mg_test_check_sql(const char *sql, const char *label, mg_schema_check check, void *context)
{
	sqlite3 *db = NULL;
	char *error = NULL;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &error) != SQLITE_OK)
		fail_msg("%s: %s", label, error);
	check(db, label, context);
	sqlite3_close(db);
}

/* Ends `part` at the first line that starts another source; returns the
 * text after that line, or NULL when none does. */
static char *next_source(char *part)
{
	static const char *const markers[] = {"\n-- another source:\n", "\n-- the database:\n"};
	char *first = NULL;
	size_t len = 0;
	for (size_t i = 0; i < sizeof(markers) / sizeof(markers[0]); i++) {
		char *at = strstr(part, markers[i]);
		if (at && (!first || at < first)) {
			first = at;
			len = strlen(markers[i]);
		}
	}
	if (!first)
		return NULL;
	*first = '\0';
	return first + len;
}

static void check_script(const char *path, mg_schema_check check, void *context)
{
	char *text = mg_test_read_file(path);
	for (char *part = text; part;) {
		char *next = next_source(part);
		mg_test_check_sql(part, path, check, context);
		part = next;
	}
	free(text);
}

static bool ends_with_sql(const char *name)
{
	size_t len = strlen(name);
	return len > 4 && strcmp(name + len - 4, ".sql") == 0;
}

void mg_test_check_lint_cases(mg_schema_check check, void *context)
{
	DIR *dir = opendir(LINT_CASES_DIR);
	assert_non_null(dir);
	struct dirent *entry;
	while ((entry = readdir(dir))) {
		if (!ends_with_sql(entry->d_name))
			continue;
		mg_buf path = MG_BUF_INIT;
		mg_buf_printf(&path, "%s/%s", LINT_CASES_DIR, entry->d_name);
		check_script(path.data, check, context);
		mg_buf_free(&path);
	}
	closedir(dir);
}

void mg_test_check_corpus(mg_schema_check check, void *context)
{
	char *inputs = mg_test_read_file(CORPUS_INPUTS);
	for (char *line = strtok(inputs, "\n"); line; line = strtok(NULL, "\n")) {
		mg_buf path = MG_BUF_INIT;
		mg_buf_printf(&path, "%s/%s", MG_CORPUS_DIR, line);
		if (ends_with_sql(line)) {
			check_script(path.data, check, context);
		} else {
			sqlite3 *db = NULL;
			if (sqlite3_open_v2(path.data, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
				fail_msg("%s: %s", path.data, sqlite3_errmsg(db));
			check(db, path.data, context);
			sqlite3_close(db);
		}
		mg_buf_free(&path);
	}
	free(inputs);
}
