/*
 * The graph JSON reader's refusals: each names where in the document the
 * problem is, as a path of members and indexes from the top
 * (tables[0].primary_key[1]).
 */
#include "tests/unit/test_support.h"

#include <stdio.h>
#include <string.h>

#include "analyzer/read/readers.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(problems_name_the_member_path),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
