/* Page names of the docs site: safe, distinct ignoring case, stable; and
 * the views the templates get. */

#include <stdio.h>
#include <string.h>

#include "test_support.h"
#include "render/site.h"
#include "util/text.h"

static bool safe_name(const char *id)
{
	if (!*id || strlen(id) > 64)
		return false;
	for (const char *p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			return false;
	return true;
}

static const char *id_of(const mg_graph *graph, const mg_site_names *names, const char *table)
{
	const mg_table *t = mg_graph_find_table(graph, table);
	assert_non_null(t);
	return mg_site_names_table(names, t);
}

static void test_names_safe_and_distinct(void **state)
{
	(void)state;
	mg_graph *graph = mg_test_load_sql(
		"CREATE TABLE album (id INTEGER PRIMARY KEY);\n"
		"CREATE TABLE \"Artist\" (id INTEGER PRIMARY KEY);\n"
		"CREATE TABLE \"a b\" (id INTEGER);\n"
		"CREATE TABLE \"a-b\" (id INTEGER);\n"
		"CREATE TABLE \"A_B\" (id INTEGER);\n"
		"CREATE TABLE \"a--b\" (id INTEGER);\n"
		"CREATE TABLE \"../../etc/passwd\" (id INTEGER);\n"
		"CREATE TABLE \"/abs\" (id INTEGER);\n"
		"CREATE TABLE \"con\" (id INTEGER);\n"
		"CREATE TABLE \"nul\" (id INTEGER);\n"
		"CREATE TABLE \"...\" (id INTEGER);\n"
		"CREATE TABLE \"\xc3\xa9t\xc3\xa9\" (id INTEGER);\n"
		/* Named like the slug and hash of "a b": one of the two gets a number. */
		"CREATE TABLE \"a-b-10a3f9f2\" (id INTEGER);\n"
		"CREATE TABLE \"" "x123456789x123456789x123456789x123456789x123456789x123456789x123456789" "\" (id INTEGER);\n");
	mg_site_names *names = mg_site_names_new(graph);
	assert_non_null(names);
	for (size_t i = 0; i < graph->ntables; i++) {
		const char *id = mg_site_names_table(names, graph->tables[i]);
		if (!safe_name(id))
			fail_msg("unsafe page name \"%s\" for \"%s\"", id, graph->tables[i]->name);
		for (size_t j = 0; j < i; j++)
			if (mg_ascii_casecmp(id, mg_site_names_table(names, graph->tables[j])) == 0)
				fail_msg("\"%s\" and \"%s\" share the page name \"%s\"", graph->tables[i]->name,
					 graph->tables[j]->name, id);
	}
	/* A plain name is its own page name, in lower case. */
	assert_string_equal(id_of(graph, names, "album"), "album");
	assert_string_equal(id_of(graph, names, "Artist"), "artist");
	assert_string_equal(id_of(graph, names, "a-b"), "a-b");
	assert_string_equal(id_of(graph, names, "A_B"), "a_b");
	/* Others are a slug and a hash of the exact name. */
	assert_string_equal(id_of(graph, names, "../../etc/passwd"), "etc-passwd-6fadc99a");
	assert_true(strncmp(id_of(graph, names, "a b"), "a-b-", 4) == 0);
	assert_true(strncmp(id_of(graph, names, "con"), "con-", 4) == 0);
	assert_true(strncmp(id_of(graph, names, "..."), "t-", 2) == 0);
	assert_string_equal(id_of(graph, names, "a b"), "a-b-10a3f9f2");
	assert_string_equal(id_of(graph, names, "a-b-10a3f9f2"), "a-b-10a3f9f2-2");
	mg_site_names_free(names);
	mg_graph_free(graph);
}

/* A table's page name depends on its own name only: other tables coming
 * and going do not move it. */
static void test_names_stable(void **state)
{
	(void)state;
	mg_graph *one = mg_test_load_sql("CREATE TABLE \"a b\" (id INTEGER);\nCREATE TABLE \"c/d\" (id INTEGER);\n");
	mg_graph *two = mg_test_load_sql("CREATE TABLE \"c/d\" (id INTEGER);\nCREATE TABLE zzz (id INTEGER);\n"
					 "CREATE TABLE \"0\" (id INTEGER);\n");
	mg_site_names *n1 = mg_site_names_new(one), *n2 = mg_site_names_new(two);
	char first[128];
	snprintf(first, sizeof(first), "%s", id_of(one, n1, "c/d"));
	assert_string_equal(first, id_of(two, n2, "c/d"));
	mg_site_names_free(n1);
	mg_site_names_free(n2);
	mg_graph_free(one);
	mg_graph_free(two);
}

static void test_slug(void **state)
{
	(void)state;
	mg_buf out = MG_BUF_INIT;
	mg_site_slug(&out, "  Hello, World!! fk-missing-index ");
	assert_string_equal(out.data, "hello-world-fk-missing-index");
	mg_buf_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_safe_and_distinct),
		cmocka_unit_test(test_names_stable),
		cmocka_unit_test(test_slug),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
