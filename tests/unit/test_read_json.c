/*
 * The graph JSON reader's refusals: each names where in the document the
 * problem is, as a path of members and indexes from the top
 * (tables[0].primary_key[1]); the nesting a document may have; a byte order
 * mark.
 */
#include "tests/unit/test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "analyzer/read/readers.h"
#include "util/buf.h"
#include "util/limits.h"

static int teardown(void **state)
{
	(void)state;
	mg_test_tmpdir_remove();
	return 0;
}

/* Reading `text` fails with "<path>: " followed by `expected`. */
static void read_fails(const char *text, const char *expected)
{
	const char *path = mg_test_write_file("graph.json", text);
	mg_graph *g = mg_graph_new();
	mg_error err = {{0}};
	if (mg_read_json(g, path, &err) != -1)
		fail_msg("read: %s", text);
	char want[2048];
	snprintf(want, sizeof(want), "%s%s%s", path, expected[0] == ':' ? "" : ": ", expected);
	assert_string_equal(err.message, want);
	mg_graph_free(g);
}

static mg_graph *read_ok(const char *text)
{
	const char *path = mg_test_write_file("graph.json", text);
	mg_graph *g = mg_graph_new();
	mg_error err = {{0}};
	if (mg_read_json(g, path, &err) < 0)
		fail_msg("%s", err.message);
	return g;
}

#define HEAD "{\"format\": \"modelgraph-graph\", \"version\": 1, "
#define TABLE(members) "\"tables\": [{\"name\": \"t\", \"columns\": [{\"name\": \"a\"}, {\"name\": \"b\"}], " members "}]}"

static void problems_name_the_member_path(void **state)
{
	(void)state;
	read_fails(HEAD TABLE("\"primary_key\": [\"a\", \"c\"]"),
		   "tables[0].primary_key[1]: names no column of the table");
	read_fails(HEAD TABLE("\"primary_key\": [5]"), "tables[0].primary_key[0]: expected a column name");
	read_fails(HEAD TABLE("\"unique\": [[\"a\"], [\"b\", \"c\"]]"),
		   "tables[0].unique[1][1]: names no column of the table");
	read_fails(HEAD TABLE("\"unique\": [[\"a\"], \"b\"]"),
		   "tables[0].unique[1]: expected an array of column names");
	read_fails(HEAD TABLE("\"indexes\": [{\"name\": \"i\", \"columns\": [\"a\", \"x\"]}]"),
		   "tables[0].indexes[0].columns[1]: names no column of the table");
	read_fails(HEAD TABLE("\"indexes\": [{\"name\": \"i\", \"columns\": [\"a\"], \"collations\": [null, \"nocase\"]}]"),
		   "tables[0].indexes[0].collations[1]: expected a collation name or null for each column");
	read_fails(HEAD TABLE("\"indexes\": [{\"name\": \"i\", \"columns\": [\"a\"], \"collations\": [5]}]"),
		   "tables[0].indexes[0].collations[0]: expected a collation name or null for each column");
	read_fails(HEAD TABLE("\"foreign_keys\": [{\"name\": \"f\", \"columns\": [\"x\"], \"ref_table\": \"t\"}]"),
		   "tables[0].foreign_keys[0].columns[0]: names no column of the table");
	read_fails(HEAD TABLE("\"foreign_keys\": [{\"name\": \"f\", \"columns\": [], \"ref_table\": \"t\"}]"),
		   "tables[0].foreign_keys[0].columns: a foreign key needs columns");
	read_fails(HEAD TABLE("\"foreign_keys\": [{\"name\": \"f\", \"columns\": [\"a\"], \"ref_table\": \"t\", "
			      "\"ref_columns\": [\"a\", \"b\"]}]"),
		   "tables[0].foreign_keys[0].ref_columns: must name one column for each of columns, or none");
	read_fails(HEAD TABLE("\"relationships\": [{\"name\": \"r\", \"target\": \"t\", \"remote_side\": [\"a\", 1]}]"),
		   "tables[0].relationships[0].remote_side[1]: expected a string");
	read_fails(HEAD TABLE("\"relationships\": [{\"name\": \"r\", \"target\": \"t\", \"overlaps\": \"a\"}]"),
		   "tables[0].relationships[0].overlaps: expected an array of strings");
	read_fails(HEAD TABLE("\"location\": {\"file\": 5}"), "tables[0].location.file: expected a string");
	read_fails(HEAD "\"tables\": [{\"name\": \"t\", \"columns\": [{\"name\": \"a\", \"location\": {\"file\": []}}]}]}",
		   "tables[0].columns[0].location.file: expected a string");
	read_fails(HEAD "\"tables\": [], \"duplicates\": [{\"name\": \"t\", \"kept\": {\"file\": true}}]}",
		   "duplicates[0].kept.file: expected a string");
	read_fails(HEAD "\"tables\": [{\"name\": \"t\"}, {\"name\": \"t\"}]}",
		   "tables[1].name: a table of this name is already defined");
	/* Members of the document itself are named as they are. */
	read_fails(HEAD "\"tables\": 5}", "tables: expected an array");
	read_fails(HEAD "\"tables\": [], \"declares_relationships\": 1}",
		   "declares_relationships: expected true or false");
	read_fails("{\"format\": 5, \"version\": 1}", "format: expected a string");
	read_fails("[]", "format: not a modelgraph graph (\"format\" must be \"modelgraph-graph\")");
}

/* "[[[…]]]", `depth` deep, as a string to free. */
static char *nested(size_t depth, const char *prefix)
{
	size_t n = strlen(prefix);
	char *text = malloc(n + 2 * depth + 2);
	assert_non_null(text);
	memcpy(text, prefix, n);
	memset(text + n, '[', depth);
	memset(text + n + depth, ']', depth);
	memcpy(text + n + 2 * depth, "\n", 2);
	return text;
}

static void nesting_is_bounded(void **state)
{
	(void)state;
	char *text = nested(256, "");
	read_fails(text, "format: not a modelgraph graph (\"format\" must be \"modelgraph-graph\")");
	free(text);
	text = nested(100000, "");
	read_fails(text, ":1:257: arrays and objects nested deeper than graph JSON may be; the limit is "
			 "nesting-depth=256 levels; raise it with --limit nesting-depth=N");
	free(text);
	/* Brackets in strings are text; lines and columns count characters. */
	text = nested(300, HEAD "\"comment\": \"[[[[\\\"[[\",\n \"é\": ");
	read_fails(text, ":2:262: arrays and objects nested deeper than graph JSON may be; the limit is "
			 "nesting-depth=256 levels; raise it with --limit nesting-depth=N");
	free(text);
	char message[200];
	assert_int_equal(mg_limit_set("nesting-depth=300", message, sizeof(message)), 0);
	text = nested(300, "");
	read_fails(text, "format: not a modelgraph graph (\"format\" must be \"modelgraph-graph\")");
	free(text);
	mg_limits_reset();
}

static void a_byte_order_mark_is_skipped(void **state)
{
	(void)state;
	mg_graph *g = read_ok("\xEF\xBB\xBF" HEAD TABLE("\"primary_key\": [\"a\"]"));
	assert_int_equal(g->ntables, 1);
	mg_graph_free(g);
	/* Only at the start, and positions are as an editor shows them. */
	read_fails("\xEF\xBB\xBF\xEF\xBB\xBF{}", ":1:1: not valid JSON: '[' or '{' expected near '\xEF\xBB\xBF'");
}

/* A table of 40,000 columns, each named by its primary key and a unique
 * key: each name is found through an index of the table's columns, not by
 * a scan (1.6 billion comparisons). The test may use 20 seconds of
 * processor time; it needs well under one. */
static void wide_tables_are_read_in_linear_time(void **state)
{
	(void)state;
	enum { N = 40000 };
	mg_buf text = MG_BUF_INIT;
	mg_buf_puts(&text, HEAD "\"tables\": [{\"name\": \"t\", \"columns\": [");
	for (size_t i = 0; i < N; i++)
		mg_buf_printf(&text, "%s{\"name\": \"c%zu\"}", i ? ", " : "", i);
	for (int key = 0; key < 2; key++) {
		mg_buf_puts(&text, key ? "], \"unique\": [[" : "], \"primary_key\": [");
		for (size_t i = N; i-- > 0;)
			mg_buf_printf(&text, "%s\"C%zu\"", i + 1 < N ? ", " : "", i);
	}
	mg_buf_puts(&text, "]]}]}");
	assert_false(text.failed);
	struct rlimit limit = {20, 20};
	assert_int_equal(setrlimit(RLIMIT_CPU, &limit), 0);
	mg_graph *g = read_ok(text.data);
	assert_int_equal(g->tables[0]->npk, N);
	assert_string_equal(g->tables[0]->primary_key[0]->name, "c39999");
	mg_graph_free(g);
	mg_buf_free(&text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(problems_name_the_member_path),
		cmocka_unit_test(nesting_is_bounded),
		cmocka_unit_test(a_byte_order_mark_is_skipped),
		cmocka_unit_test(wide_tables_are_read_in_linear_time),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
