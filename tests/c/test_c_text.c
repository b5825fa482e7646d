/* The C reader's text helpers: table names, doc comments, option positions. */

#include "tests/c/c_test.h"

#include <string.h>

#include "analyzer/c/read_c.h"

static void table_names_as_flask_sqlalchemy_makes_them(void **state)
{
	(void)state;
	/* Expected values are what Flask-SQLAlchemy's own conversion gives. */
	static const char *const cases[][2] = {
		{"UserProfile", "user_profile"},
		{"HTTPLog", "http_log"},
		{"User", "user"},
		{"ABC", "abc"},
		{"getHTTPResponseCode", "get_http_response_code"},
		{"Song2Playlist", "song2_playlist"},
		{"_Private", "private"},
		{"already_snake", "already_snake"},
		{"User_Profile", "user__profile"},
		{"v2Model", "v2_model"},
		{"XMLHttpRequest", "xml_http_request"},
		{"Base64Blob", "base64_blob"},
		{"A", "a"},
	};
	mg_arena *arena = mg_arena_new();
	assert_non_null(arena);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = mg_c_snake_case(arena, cases[i][0]);
		assert_non_null(got);
		if (strcmp(got, cases[i][1]) != 0)
			fail_msg("%s -> %s, expected %s", cases[i][0], got, cases[i][1]);
	}
	mg_arena_free(arena);
}

static void doc_comment_text(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{"/** A user. */", "A user."},
		{"/**< login name */", "login name"},
		{"///< login name", "login name"},
		{"/// first line\n/// second line", "first line second line"},
		{"/**\n * First paragraph,\n * still first.\n *\n * Second.\n */",
		 "First paragraph, still first.\n\nSecond."},
		{"/*! Qt style */", "Qt style"},
		{"//! Qt style", "Qt style"},
		{"/**   spaced    out   **/", "spaced out"},
		{"/** a * b */", "a * b"},
		{"/** */", NULL},
		{"///", NULL},
	};
	mg_arena *arena = mg_arena_new();
	assert_non_null(arena);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = mg_c_comment_text(arena, cases[i][0], strlen(cases[i][0]));
		if (!cases[i][1] ? got != NULL : !got || strcmp(got, cases[i][1]) != 0)
			fail_msg("comment %s gave \"%s\", expected \"%s\"", cases[i][0], got ? got : "(null)",
				 cases[i][1] ? cases[i][1] : "(null)");
	}
	mg_arena_free(arena);
}

static mg_location position(const char *source, const char *options, size_t offset)
{
	mg_c_annotation a = {
		.kind = MG_ANNOTATION_COLUMN,
		.kind_name = "column",
		.options = options,
		.location = {.file = "x.h", .line = 10, .column = 5},
		.source = source,
		.source_len = strlen(source),
	};
	return mg_c_annotation_position(&a, offset);
}

static void option_offsets_map_to_the_source(void **state)
{
	(void)state;
	/* What # makes of: MG_COLUMN( a ,\n\t b=c /+ x +/, d="p  q") */
	const char *source = "MG_COLUMN( a ,\n\t b=c /* x */, d=\"p  q\", e=f)\nnext line";
	const char *options = "a , b=c , d=\"p  q\", e=f";
	mg_location l = position(source, options, 0); /* a */
	assert_int_equal(l.line, 10);
	assert_int_equal(l.column, 16);
	l = position(source, options, 4); /* b */
	assert_int_equal(l.line, 11);
	assert_int_equal(l.column, 3);
	l = position(source, options, 10); /* d, past the comment */
	assert_int_equal(l.line, 11);
	assert_int_equal(l.column, 16);
	l = position(source, options, 20); /* e, past the string's two spaces */
	assert_int_equal(l.line, 11);
	assert_int_equal(l.column, 26);
	l = position(source, options, strlen(options)); /* the end */
	assert_int_equal(l.column, 29);

	/* Reached through another macro: the source does not hold the text. */
	l = position("MY_KEY(x)", "primary_key", 3);
	assert_int_equal(l.line, 10);
	assert_int_equal(l.column, 5);
	/* No source: the macro's position. */
	mg_c_annotation a = {.kind = MG_ANNOTATION_COLUMN, .options = "x", .location = {.line = 3, .column = 7}};
	l = mg_c_annotation_position(&a, 0);
	assert_int_equal(l.line, 3);
	assert_int_equal(l.column, 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(table_names_as_flask_sqlalchemy_makes_them),
		cmocka_unit_test(doc_comment_text),
		cmocka_unit_test(option_offsets_map_to_the_source),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
