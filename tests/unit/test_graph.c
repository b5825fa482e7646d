/* The graph: construction, lookups, keys, invariants, arena. */

#include "tests/unit/test_support.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "analyzer/core/arena.h"
#include "analyzer/core/error.h"
#include "analyzer/core/graph.h"
#include "analyzer/core/name_index.h"

static void free_null_is_a_no_op(void **state)
{
	(void)state;
	mg_graph_free(NULL);
	mg_arena_free(NULL);
	mg_name_index_free(NULL);
}

static void arena_grows_arrays_and_keeps_contents(void **state)
{
	(void)state;
	mg_arena *arena = mg_arena_new();
	int *items = NULL;
	size_t n = 0, cap = 0;
	for (int i = 0; i < 10000; i++)
		assert_int_equal(MG_ARENA_PUSH(arena, items, n, cap, i), 0);
	assert_int_equal(n, 10000);
	for (int i = 0; i < 10000; i++)
		assert_int_equal(items[i], i);
	char *big = mg_arena_alloc(arena, 1 << 20); /* larger than a chunk */
	assert_non_null(big);
	memset(big, 'x', 1 << 20);
	assert_string_equal(mg_arena_printf(arena, "%s.%d", "t", 7), "t.7");
	assert_null(mg_arena_strdup(arena, NULL));
	mg_arena_free(arena);
}

static void arena_push_out_of_memory_keeps_the_array(void **state)
{
	(void)state;
	mg_arena *arena = mg_arena_new();
	int *items = NULL;
	size_t n = 0, cap = 0;
	for (int next = 0; n < cap || n == 0; next++)
		assert_int_equal(MG_ARENA_PUSH(arena, items, n, cap, next), 0);
	/* Full: the next push must grow, and growing fails. */
	mg_arena_fail_after(arena, 0);
	size_t before = n;
	assert_int_equal(MG_ARENA_PUSH(arena, items, n, cap, -1), -1);
	assert_int_equal(n, before);
	assert_non_null(items);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(items[i], (int)i);
	mg_arena_fail_after(arena, SIZE_MAX);
	assert_int_equal(MG_ARENA_PUSH(arena, items, n, cap, 99), 0);
	assert_int_equal(items[before], 99);
	mg_arena_free(arena);
}

static void name_index_folds_case_when_asked(void **state)
{
	(void)state;
	mg_name_index *folded = mg_name_index_new(true);
	mg_name_index *exact = mg_name_index_new(false);
	int a = 1, b = 2;
	assert_int_equal(mg_name_index_put(folded, "User", &a), 0);
	assert_int_equal(mg_name_index_put(exact, "User", &a), 0);
	assert_ptr_equal(mg_name_index_get(folded, "USER"), &a);
	assert_null(mg_name_index_get(exact, "USER"));
	assert_int_equal(mg_name_index_put(folded, "user", &b), 0); /* replaces */
	assert_ptr_equal(mg_name_index_get(folded, "User"), &b);
	/* Many keys: growth keeps every entry. */
	static char names[2000][16];
	for (int i = 0; i < 2000; i++) {
		snprintf(names[i], sizeof(names[i]), "t%d", i);
		assert_int_equal(mg_name_index_put(exact, names[i], names[i]), 0);
	}
	for (int i = 0; i < 2000; i++)
		assert_ptr_equal(mg_name_index_get(exact, names[i]), names[i]);
	mg_name_index_free(folded);
	mg_name_index_free(exact);
}

/* The hash reads eight bytes at a time and folds by setting bit 5 of each:
 * case is ignored in every word and in the tail, and names that differ in
 * a byte bit 5 does not fold ('_' and DEL, '@' and '`') stay apart. */
static void name_index_folds_long_names_and_keeps_lookalikes_apart(void **state)
{
	(void)state;
	mg_name_index *folded = mg_name_index_new(true);
	int a = 1, b = 2, c = 3;
	assert_int_equal(mg_name_index_put(folded, "customer_shipping_address_line", &a), 0);
	assert_ptr_equal(mg_name_index_get(folded, "CUSTOMER_Shipping_addresS_LINE"), &a);
	assert_null(mg_name_index_get(folded, "customer_shipping_address_lin"));
	assert_null(mg_name_index_get(folded, "customer_shipping_address_linex"));
	assert_int_equal(mg_name_index_put(folded, "a_b", &b), 0);
	assert_int_equal(mg_name_index_put(folded, "a\x7f" "b", &c), 0);
	assert_ptr_equal(mg_name_index_get(folded, "A_B"), &b);
	assert_ptr_equal(mg_name_index_get(folded, "a\x7f" "B"), &c);
	assert_null(mg_name_index_get(folded, "a@b"));
	assert_int_equal(mg_name_index_put(folded, "x@", &b), 0);
	assert_null(mg_name_index_get(folded, "x`"));
	mg_name_index_free(folded);
}

static void tables_columns_and_paths(void **state)
{
	(void)state;
	mg_graph *g = mg_graph_new();
	mg_graph_add_source(g, "app.db", MG_SOURCE_SQLITE);
	mg_table *post = mg_graph_add_table(g, "post", MG_TABLE_PLAIN);
	mg_column *id = mg_table_add_column(post, "id", "integer");
	mg_column *user_id = mg_table_add_column(post, "user_id", "int");
	assert_int_equal(mg_table_add_primary_key_column(post, id), 0);
	assert_string_equal(user_id->path, "post.user_id");
	assert_string_equal(user_id->sql_type, "INTEGER");
	assert_int_equal(user_id->family, MG_TYPE_INTEGER);
	assert_int_equal(id->pk_position, 1);
	assert_false(id->nullable);
	assert_true(user_id->nullable);
	assert_ptr_equal(mg_graph_find_table(g, "POST"), post);
	assert_ptr_equal(mg_table_find_column(post, "User_Id"), user_id);
	assert_null(mg_graph_find_table(g, "posts"));

	g->case_insensitive = false;
	assert_null(mg_graph_find_table(g, "POST"));
	assert_ptr_equal(mg_graph_find_table(g, "post"), post);
	assert_null(mg_graph_check(g));
	mg_graph_free(g);
}

static void keys_are_recognised_in_any_order(void **state)
{
	(void)state;
	mg_graph *g = mg_graph_new();
	mg_table *t = mg_graph_add_table(g, "link", MG_TABLE_PLAIN);
	mg_column *a = mg_table_add_column(t, "a", "INTEGER");
	mg_column *b = mg_table_add_column(t, "b", "INTEGER");
	mg_column *c = mg_table_add_column(t, "c", "TEXT");
	mg_table_add_primary_key_column(t, a);
	mg_table_add_primary_key_column(t, b);
	mg_column *ba[] = {b, a}, *ab_[] = {a}, *cc[] = {c};
	assert_true(mg_table_is_key(t, ba, 2));
	assert_false(mg_table_is_key(t, ab_, 1));
	assert_false(mg_table_is_key(t, cc, 1));
	mg_index *partial = mg_table_add_index(t, "ix_c", true, MG_INDEX_CREATED);
	mg_index_add_column(partial, c);
	partial->partial = true;
	assert_false(mg_table_is_key(t, cc, 1)); /* a partial unique index is no key */
	partial->partial = false;
	assert_true(mg_table_is_key(t, cc, 1));
	mg_graph_free(g);
}

static void check_reports_broken_invariants(void **state)
{
	(void)state;
	mg_graph *g = mg_graph_new();
	mg_table *t = mg_graph_add_table(g, "t", MG_TABLE_PLAIN);
	mg_table_add_column(t, "x", "INTEGER");
	mg_table_add_column(t, "X", "INTEGER");
	const char *problem = mg_graph_check(g);
	assert_non_null(problem);
	assert_non_null(strstr(problem, "column"));
	mg_graph_free(g);

	g = mg_graph_new();
	t = mg_graph_add_table(g, "t", MG_TABLE_PLAIN);
	mg_column *x = mg_table_add_column(t, "x", "INTEGER");
	mg_foreign_key *fk = mg_table_add_foreign_key(t, "fk", "p");
	mg_foreign_key_add_column(fk, x, "a");
	mg_foreign_key_add_column(fk, x, NULL); /* two child columns, one parent column */
	assert_non_null(mg_graph_check(g));
	mg_graph_free(g);

	/* Two tables of one input whose names differ only in case. */
	g = mg_graph_new();
	mg_graph_add_source(g, "app.sql", MG_SOURCE_SQL);
	mg_graph_add_table(g, "User", MG_TABLE_PLAIN);
	mg_graph_add_table(g, "user", MG_TABLE_PLAIN);
	problem = mg_graph_check(g);
	assert_non_null(problem);
	assert_non_null(strstr(problem, "tables User and user"));
	mg_graph_free(g);
}

static void long_messages_say_they_are_cut(void **state)
{
	(void)state;
	char name[1500];
	memset(name, 'x', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	mg_error err = {{0}};
	mg_error_set(&err, "table \"%s\" is defined twice", name);
	size_t len = strlen(err.message);
	assert_int_equal(len, sizeof(err.message) - 1);
	assert_string_equal(err.message + len - 3, "...");
	mg_error_set(&err, "short: %s", "whole");
	assert_string_equal(err.message, "short: whole");

	/* The description of a broken invariant names the tables whole. */
	mg_graph *g = mg_graph_new();
	mg_graph_add_source(g, "app.sql", MG_SOURCE_SQL);
	mg_graph_add_table(g, name, MG_TABLE_PLAIN);
	name[0] = 'X';
	mg_graph_add_table(g, name, MG_TABLE_PLAIN);
	const char *problem = mg_graph_check(g);
	assert_non_null(problem);
	assert_non_null(strstr(problem, name));
	mg_graph_free(g);
}

static void enum_names_round_trip(void **state)
{
	(void)state;
	assert_int_equal(mg_fk_action_parse("set null"), MG_ACTION_SET_NULL);
	assert_int_equal(mg_fk_action_parse("CASCADE"), MG_ACTION_CASCADE);
	assert_int_equal(mg_fk_action_parse("explode"), MG_ACTION_NONE);
	assert_string_equal(mg_fk_action_name(MG_ACTION_SET_DEFAULT), "SET DEFAULT");
	assert_null(mg_fk_action_name(MG_ACTION_NONE));
	assert_string_equal(mg_cardinality_name(MG_CARD_MANY_TO_MANY), "many-to-many");
	assert_string_equal(mg_table_kind_name(MG_TABLE_ASSOCIATION), "association");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(free_null_is_a_no_op),
		cmocka_unit_test(arena_grows_arrays_and_keeps_contents),
		cmocka_unit_test(arena_push_out_of_memory_keeps_the_array),
		cmocka_unit_test(name_index_folds_case_when_asked),
		cmocka_unit_test(name_index_folds_long_names_and_keeps_lookalikes_apart),
		cmocka_unit_test(tables_columns_and_paths),
		cmocka_unit_test(keys_are_recognised_in_any_order),
		cmocka_unit_test(check_reports_broken_invariants),
		cmocka_unit_test(long_messages_say_they_are_cut),
		cmocka_unit_test(enum_names_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
