#define _POSIX_C_SOURCE 200809L

#include "tests/unit/test_support.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyzer/lint/lint.h"
#include "lib/load.h"
#include "util/buf.h"

static char tmpdir[512];

const char *mg_test_tmpdir(void)
{
	if (!tmpdir[0]) {
		const char *base = getenv("TMPDIR");
		snprintf(tmpdir, sizeof(tmpdir), "%s/mgtest.XXXXXX", base && *base ? base : "/tmp");
		if (!mkdtemp(tmpdir))
			fail_msg("cannot create a temporary directory");
	}
	return tmpdir;
}

void mg_test_tmpdir_remove(void)
{
	if (!tmpdir[0])
		return;
	char command[600];
	snprintf(command, sizeof(command), "rm -rf '%s'", tmpdir);
	if (system(command) != 0)
		fprintf(stderr, "warning: could not remove %s\n", tmpdir);
	tmpdir[0] = '\0';
}

const char *mg_test_write_file(const char *name, const char *text)
{
	static char path[1024];
	snprintf(path, sizeof(path), "%s/%s", mg_test_tmpdir(), name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	assert_int_equal(fclose(f), 0);
	return path;
}

char *mg_test_read_file(const char *path)
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

const char *mg_test_make_db(const char *name, const char *sql)
{
	static char path[1024];
	snprintf(path, sizeof(path), "%s/%s", mg_test_tmpdir(), name);
	unlink(path);
	sqlite3 *db = NULL;
	char *message = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &message) != SQLITE_OK)
		fail_msg("SQL of the test database failed: %s", message);
	sqlite3_close(db);
	return path;
}

mg_graph *mg_test_load(const char *source)
{
	mg_error err = {{0}};
	const char *sources[] = {source};
	mg_graph *graph = mg_load(sources, 1, NULL, &err);
	if (!graph)
		fail_msg("loading %s failed: %s", source, err.message);
	return graph;
}

mg_graph *mg_test_load_sql(const char *sql)
{
	return mg_test_load(mg_test_write_file("schema.sql", sql));
}

mg_findings *mg_test_lint(const mg_graph *graph)
{
	mg_findings *findings = mg_findings_new();
	assert_non_null(findings);
	mg_lint_options options = {0};
	assert_int_equal(mg_lint(graph, &options, findings), 0);
	return findings;
}

size_t mg_test_count_rule(const mg_findings *findings, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < findings->count; i++)
		n += strcmp(findings->items[i].rule, rule) == 0;
	return n;
}

const mg_finding *mg_test_find_rule(const mg_findings *findings, const char *rule)
{
	for (size_t i = 0; i < findings->count; i++)
		if (strcmp(findings->items[i].rule, rule) == 0)
			return &findings->items[i];
	return NULL;
}
