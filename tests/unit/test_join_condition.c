/* The join condition grammar (analyzer/core/join_condition.h): what each
 * form parses into, where each term is, and what is left opaque. */

#include "tests/unit/test_support.h"

#include <string.h>

#include "analyzer/core/arena.h"
#include "analyzer/core/join_condition.h"

static const mg_location here = {.file = "m.h", .line = 3, .column = 10};

static mg_join_condition *parse(mg_arena *arena, const char *text)
{
	mg_join_condition *cond = mg_join_parse(arena, text, here);
	assert_non_null(cond);
	return cond;
}

static void followers_parse_into_columns(void **state)
{
	(void)state;
	mg_arena *arena = mg_arena_new();
	mg_join_condition *c = parse(arena, "followers.c.follower_id == User.id");
	assert_false(c->opaque);
	assert_int_equal(c->ncomparisons, 1);
	const mg_join_term *l = &c->comparisons[0].left, *r = &c->comparisons[0].right;
	assert_int_equal(l->kind, MG_JOIN_TERM_COLUMN);
	assert_string_equal(l->owner, "followers");
	assert_string_equal(l->name, "follower_id");
	assert_true(l->table_form);
	assert_string_equal(r->owner, "User");
	assert_string_equal(r->name, "id");
	assert_false(r->table_form);
	assert_int_equal(r->offset, 27);
	assert_int_equal(r->location.line, 3);
	assert_int_equal(r->location.column, 10 + 27);
	mg_arena_free(arena);
}

static void foreign_remote_and_constants(void **state)
{
	(void)state;
	mg_arena *arena = mg_arena_new();
	mg_join_condition *c = parse(arena, "and_(remote(Node.id) == foreign(Node.parent_id), "
					    "Node.active == true(), (Node.kind == 'a, b') & (Node.rank == -1), "
					    "parent_id == None)");
	assert_false(c->opaque);
	assert_int_equal(c->ncomparisons, 5);
	assert_true(c->comparisons[0].left.remote);
	assert_false(c->comparisons[0].left.foreign);
	assert_true(c->comparisons[0].right.foreign);
	assert_string_equal(c->comparisons[0].right.text, "Node.parent_id");
	assert_int_equal(c->comparisons[1].right.kind, MG_JOIN_TERM_CONSTANT);
	assert_string_equal(c->comparisons[1].right.text, "true()");
	assert_string_equal(c->comparisons[2].right.text, "'a, b'");
	assert_string_equal(c->comparisons[3].right.text, "-1");
	assert_null(c->comparisons[4].left.owner); /* a bare column of the declaring model */
	assert_string_equal(c->comparisons[4].left.name, "parent_id");
	assert_int_equal(c->comparisons[4].right.kind, MG_JOIN_TERM_CONSTANT);
	mg_arena_free(arena);
}

static void beyond_the_grammar_is_opaque(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		size_t offset;
	} cases[] = {
		{"or_(A.id == B.a_id, A.id == B.b_id)", 0},
		{"A.id != B.a_id", 5},
		{"A.id == B.a_id & A.x == B.x", 15},  /* a chained comparison in Python */
		{"func.lower(A.name) == B.name", 0},
		{"sa.and_(A.id == B.a_id)", 0},       /* sa names nothing in the string */
		{"A.id == B.a_id)", 14},
		{"and_(A.id == B.a_id", 19},
		{"A.id.in_([1, 2])", 0},
		{"", 0},
		{"A.id == 'unterminated", 8},
	};
	mg_arena *arena = mg_arena_new();
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		mg_join_condition *c = parse(arena, cases[i].text);
		if (!c->opaque)
			fail_msg("\"%s\" is not opaque", cases[i].text);
		assert_non_null(c->opaque_reason);
		assert_int_equal(c->ncomparisons, 0);
		if (c->opaque_offset != cases[i].offset)
			fail_msg("\"%s\": opaque at %zu, not %zu", cases[i].text, c->opaque_offset, cases[i].offset);
		assert_string_equal(c->text, cases[i].text);
	}
	mg_arena_free(arena);
}

/* Nesting is bounded: deep text is opaque, not a deep recursion. */
static void deep_nesting_is_bounded(void **state)
{
	(void)state;
	enum { DEPTH = 100000 };
	static char text[4 * DEPTH + 64];
	size_t n = 0;
	for (size_t i = 0; i < DEPTH; i++)
		text[n++] = '(';
	memcpy(text + n, "A.id == B.a_id", 14);
	n += 14;
	for (size_t i = 0; i < DEPTH; i++)
		text[n++] = ')';
	text[n] = '\0';
	mg_arena *arena = mg_arena_new();
	mg_join_condition *c = parse(arena, text);
	assert_true(c->opaque);
	strcpy(text, "foreign(foreign(foreign(A.id))) == B.id");
	c = parse(arena, text);
	assert_false(c->opaque);
	assert_true(c->comparisons[0].left.foreign);
	mg_arena_free(arena);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(followers_parse_into_columns),
		cmocka_unit_test(foreign_remote_and_constants),
		cmocka_unit_test(beyond_the_grammar_is_opaque),
		cmocka_unit_test(deep_nesting_is_bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
