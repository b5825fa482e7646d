/*
 * The diagram selection, the part every format shares: which tables are
 * drawn, the "+k more" stubs, edge ends, collapsed associations, clusters,
 * ids and pages. Graphs come from real SQL through the real readers.
 */
#include "tests/unit/test_support.h"

#include <string.h>

#include "render/diagram.h"
#include "render/diagram_pages.h"

/* a <- b <- c <- d, b <- e (unique, NOT NULL), and an association ab_links(a, e). */
static const char *const chain_sql =
	"CREATE TABLE a (id INTEGER PRIMARY KEY);"
	"CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id));"
	"CREATE TABLE c (id INTEGER PRIMARY KEY, b_id INTEGER NOT NULL REFERENCES b (id));"
	"CREATE TABLE d (id INTEGER PRIMARY KEY, c_id INTEGER REFERENCES c (id));"
	"CREATE TABLE e (id INTEGER PRIMARY KEY, b_id INTEGER NOT NULL UNIQUE REFERENCES b (id));"
	"CREATE TABLE ab_links (a_id INTEGER NOT NULL REFERENCES a (id), e_id INTEGER NOT NULL REFERENCES e (id),"
	"  PRIMARY KEY (a_id, e_id));";

static const mg_diagram_node *node(const mg_diagram *d, const char *name)
{
	for (size_t i = 0; i < d->nnodes; i++)
		if (strcmp(d->nodes[i].table->name, name) == 0)
			return &d->nodes[i];
	return NULL;
}

static const mg_diagram_edge *edge(const mg_diagram *d, const char *parent, const char *child)
{
	for (size_t i = 0; i < d->nedges; i++)
		if (strcmp(d->nodes[d->edges[i].parent].table->name, parent) == 0 &&
		    strcmp(d->nodes[d->edges[i].child].table->name, child) == 0)
			return &d->edges[i];
	return NULL;
}

static void test_neighbourhood_and_stubs(void **state)
{
	(void)state;
	mg_graph *g = mg_test_load_sql(chain_sql);
	mg_diagram_options options = MG_DIAGRAM_OPTIONS_INIT;
	const char *start[] = {"c"};
	mg_diagram_scope scope = {.kind = MG_SCOPE_TABLES, .tables = start, .ntables = 1, .depth = 1};
	mg_error err = {{0}};
	mg_diagram *d = mg_diagram_select(g, &scope, &options, &err);
	assert_non_null(d);
	assert_int_equal(d->nnodes, 3); /* b, c, d */
	assert_non_null(node(d, "b"));
	assert_non_null(node(d, "d"));
	assert_null(node(d, "a"));
	/* b's neighbours a and e are cut off: a stub of 2; c and d have none left. */
	assert_int_equal(node(d, "b")->more, 2);
	assert_int_equal(node(d, "c")->more, 0);
	assert_int_equal(node(d, "d")->more, 0);
	assert_int_equal(d->nedges, 2);
	mg_diagram_free(d);

	scope.depth = 0;
	d = mg_diagram_select(g, &scope, &options, &err);
	assert_non_null(d);
	assert_int_equal(d->nnodes, 1);
	assert_int_equal(d->nodes[0].more, 2);
	assert_int_equal(d->nedges, 0);
	mg_diagram_free(d);

	const char *missing[] = {"nosuch"};
	scope.tables = missing;
	assert_null(mg_diagram_select(g, &scope, &options, &err));
	assert_string_equal(err.message, "--table: no table named \"nosuch\"");
	mg_graph_free(g);
}

static void test_crows_foot_ends(void **state)
{
	(void)state;
	mg_graph *g = mg_test_load_sql(chain_sql);
	mg_diagram_options options = MG_DIAGRAM_OPTIONS_INIT;
	mg_diagram_scope scope = {.kind = MG_SCOPE_ALL};
	mg_error err = {{0}};
	mg_diagram *d = mg_diagram_select(g, &scope, &options, &err);
	assert_non_null(d);
	/* nullable FK: zero-or-one parent, zero-or-many children */
	assert_int_equal(edge(d, "a", "b")->parent_end, MG_END_ZERO_OR_ONE);
	assert_int_equal(edge(d, "a", "b")->child_end, MG_END_ZERO_OR_MANY);
	/* NOT NULL FK: exactly one parent */
	assert_int_equal(edge(d, "b", "c")->parent_end, MG_END_ONE);
	/* unique NOT NULL FK: one-to-one */
	assert_int_equal(edge(d, "b", "e")->parent_end, MG_END_ONE);
	assert_int_equal(edge(d, "b", "e")->child_end, MG_END_ZERO_OR_ONE);
	assert_non_null(node(d, "ab_links"));
	mg_diagram_free(d);

	options.collapse_association = true;
	d = mg_diagram_select(g, &scope, &options, &err);
	assert_non_null(d);
	assert_null(node(d, "ab_links"));
	const mg_diagram_edge *nm = edge(d, "a", "e");
	assert_non_null(nm);
	assert_non_null(nm->fk2);
	assert_int_equal(nm->parent_end, MG_END_ZERO_OR_MANY);
	assert_int_equal(nm->child_end, MG_END_ZERO_OR_MANY);
	mg_diagram_free(d);
	mg_graph_free(g);
}

/* The key that joins a subclass's table to its base's is labelled as the
 * inheritance it is; other keys keep their labels. */
static void test_inheritance_edge(void **state)
{
	(void)state;
	mg_graph *g = mg_test_load(mg_test_write_file("hierarchy.h",
		"#include <modelgraph/annotations.h>\n"
		"struct Employee { int id MG_COLUMN(primary_key); char type[21]; }\n"
		"  MG_MODEL(polymorphic_on=type, polymorphic_identity=employee);\n"
		"struct Engineer { struct Employee base; int id MG_FOREIGN_KEY(employee.id, primary_key);\n"
		"  int mentor_id MG_FOREIGN_KEY(engineer.id, constraint_name=mentor_fkey); }\n"
		"  MG_MODEL(polymorphic_identity=engineer);\n"));
	mg_diagram_options options = MG_DIAGRAM_OPTIONS_INIT;
	mg_diagram_scope scope = {.kind = MG_SCOPE_ALL};
	mg_error err = {{0}};
	mg_diagram *d = mg_diagram_select(g, &scope, &options, &err);
	assert_non_null(d);
	mg_buf label = MG_BUF_INIT;
	mg_diagram_edge_label(d, edge(d, "employee", "engineer"), mg_buf_puts, " ", &label);
	assert_string_equal(label.data, "inherits");
	mg_buf_free(&label);
	mg_diagram_edge_label(d, edge(d, "engineer", "engineer"), mg_buf_puts, " ", &label);
	assert_string_equal(label.data, "mentor_fkey");
	mg_buf_free(&label);
	mg_diagram_free(d);
	mg_graph_free(g);
}

static void test_ids_are_safe_and_distinct(void **state)
{
	(void)state;
	static const char *const names[] = {"users", "a-b", "a_b", "a b", "", "-", "1st", "_1st", "<x>", "caf\xc3\xa9"};
	static const char *const ids[] = {"users", "a-2db", "a_b", "a-20b", "-", "-2d", "1st", "_1st", "-3cx-3e",
					  "caf-c3-a9"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		mg_buf id = MG_BUF_INIT;
		mg_diagram_id(&id, names[i]);
		assert_string_equal(id.data, ids[i]);
		mg_buf_free(&id);
	}
}

static void test_clusters_by_prefix(void **state)
{
	(void)state;
	mg_graph *g = mg_test_load_sql("CREATE TABLE shop_order (id INTEGER PRIMARY KEY);"
				       "CREATE TABLE shop_item (id INTEGER PRIMARY KEY,"
				       "  order_id INTEGER REFERENCES shop_order (id));"
				       "CREATE TABLE auth_user (id INTEGER PRIMARY KEY);"
				       "CREATE TABLE auth_group (id INTEGER PRIMARY KEY);"
				       "CREATE TABLE misc (id INTEGER PRIMARY KEY);");
	char **names = NULL;
	assert_int_equal(mg_diagram_clusters(g, MG_GROUP_PREFIX, &names), 2);
	assert_string_equal(names[0], "auth");
	assert_string_equal(names[1], "shop");
	mg_diagram_free_names(names, 2);

	mg_diagram_options options = MG_DIAGRAM_OPTIONS_INIT;
	options.group_by = MG_GROUP_PREFIX;
	mg_diagram_scope scope = {.kind = MG_SCOPE_CLUSTER, .cluster = "shop"};
	mg_error err = {{0}};
	mg_diagram *d = mg_diagram_select(g, &scope, &options, &err);
	assert_non_null(d);
	assert_int_equal(d->nnodes, 2);
	assert_string_equal(d->nodes[0].cluster, "shop");
	assert_int_equal(d->nedges, 1);
	mg_diagram_free(d);
	mg_graph_free(g);
}

static void test_pages_hold_every_table_once(void **state)
{
	(void)state;
	mg_buf sql = MG_BUF_INIT;
	for (int i = 0; i < 50; i++)
		mg_buf_printf(&sql, "CREATE TABLE t%02d (id INTEGER PRIMARY KEY%s);", i,
			      i ? ", parent INTEGER REFERENCES t00 (id)" : "");
	for (int i = 0; i < 7; i++)
		mg_buf_printf(&sql, "CREATE TABLE lone%d (id INTEGER PRIMARY KEY);", i);
	mg_graph *g = mg_test_load_sql(sql.data);
	mg_buf_free(&sql);
	mg_diagram_options options = MG_DIAGRAM_OPTIONS_INIT;
	mg_diagram_pages pages;
	mg_error err = {{0}};
	assert_int_equal(mg_diagram_paginate(g, &options, 20, &pages, &err), 0);
	size_t total = 0;
	for (size_t i = 0; i < pages.npages; i++) {
		assert_true(pages.pages[i].ntables <= 20);
		total += pages.pages[i].ntables;
	}
	assert_int_equal(total, 57);
	/* 50 connected tables in 3 pages, the 7 lone ones packed in one */
	assert_int_equal(pages.npages, 4);
	assert_string_equal(pages.pages[0].name, "tables 1"); /* pages in the order of their first table */
	assert_int_equal(pages.pages[0].ntables, 7);
	assert_string_equal(pages.pages[1].name, "t00 (1)");
	assert_string_equal(pages.pages[1].stem, "t00-1");
	assert_true(pages.nlinks >= 1);
	mg_diagram_pages_free(&pages);
	mg_graph_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_neighbourhood_and_stubs),
		cmocka_unit_test(test_crows_foot_ends),
		cmocka_unit_test(test_ids_are_safe_and_distinct),
		cmocka_unit_test(test_inheritance_edge),
		cmocka_unit_test(test_clusters_by_prefix),
		cmocka_unit_test(test_pages_hold_every_table_once),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	mg_test_tmpdir_remove();
	return failed;
}
