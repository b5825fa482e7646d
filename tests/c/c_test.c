#include "tests/c/c_test.h"

#include <stdio.h>
#include <string.h>

#include "analyzer/resolve/resolve.h"

const char *mg_c_test_input(const char *name)
{
	static char path[1024];
	snprintf(path, sizeof(path), "%s/inputs/%s", MG_TEST_SOURCE_DIR, name);
	return path;
}

mg_graph *mg_c_test_read(const char *const *paths, size_t n, const mg_c_options *options)
{
	mg_error err = {{0}};
	mg_graph *graph = mg_graph_new();
	assert_non_null(graph);
	for (size_t i = 0; i < n; i++)
		if (mg_read_c(graph, paths[i], options, &err) < 0)
			fail_msg("reading %s failed: %s", paths[i], err.message);
	const char *problem = mg_graph_check(graph);
	if (problem)
		fail_msg("graph invariant broken after reading: %s", problem);
	if (mg_resolve(graph, &err) < 0)
		fail_msg("resolve failed: %s", err.message);
	return graph;
}

mg_graph *mg_c_test_read_text(const char *name, const char *text)
{
	const char *path = mg_test_write_file(name, text);
	return mg_c_test_read(&path, 1, NULL);
}

const char *mg_c_test_read_error(const char *path, const mg_c_options *options)
{
	static mg_error err;
	memset(&err, 0, sizeof(err));
	mg_graph *graph = mg_graph_new();
	assert_non_null(graph);
	int rc = mg_read_c(graph, path, options, &err);
	mg_graph_free(graph);
	if (rc == 0)
		fail_msg("reading %s succeeded; an error was expected", path);
	assert_int_equal(rc, -1);
	return err.message;
}

mg_table *mg_c_test_table(const mg_graph *graph, const char *name)
{
	mg_table *t = mg_graph_find_table(graph, name);
	if (!t)
		fail_msg("no table \"%s\"", name);
	return t;
}

mg_column *mg_c_test_column(const mg_table *table, const char *name)
{
	mg_column *c = mg_table_find_column(table, name);
	if (!c)
		fail_msg("no column \"%s\" in \"%s\"", name, table->name);
	return c;
}

size_t mg_c_test_count_problems(const mg_graph *graph, mg_annotation_problem_kind kind)
{
	size_t n = 0;
	for (size_t i = 0; i < graph->nannotation_problems; i++)
		n += graph->annotation_problems[i].kind == kind;
	return n;
}
