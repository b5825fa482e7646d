/* The mustache engine against the official spec suite (every file of
 * tests/data/mustache-spec but the optional "~" ones), plus what modelgraph
 * adds: strict escaping and errors that name the template's line. */

#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "test_support.h"
#include "render/template.h"
#include "util/escape.h"

#ifndef MG_TEST_DATA_DIR
#error "MG_TEST_DATA_DIR must name the test data in the build tree"
#endif

/* A JSON value of the spec as a view: numbers become their text. */
static mg_view *view_from_json(mg_arena *arena, json_t *json)
{
	char number[64];
	mg_view *view = NULL;
	switch (json_typeof(json)) {
	case JSON_OBJECT: {
		const char *key;
		json_t *value;
		view = mg_view_object(arena);
		json_object_foreach(json, key, value)
			mg_view_set(view, key, view_from_json(arena, value));
		break;
	}
	case JSON_ARRAY: {
		size_t i;
		json_t *value;
		view = mg_view_list(arena);
		json_array_foreach(json, i, value)
			mg_view_push(view, view_from_json(arena, value));
		break;
	}
	case JSON_STRING: view = mg_view_text(arena, json_string_value(json)); break;
	case JSON_INTEGER:
		snprintf(number, sizeof(number), "%lld", (long long)json_integer_value(json));
		view = mg_view_text(arena, number);
		break;
	case JSON_REAL:
		snprintf(number, sizeof(number), "%g", json_real_value(json));
		view = mg_view_text(arena, number);
		break;
	case JSON_TRUE: view = mg_view_bool(arena, true); break;
	case JSON_FALSE: view = mg_view_bool(arena, false); break;
	case JSON_NULL: view = mg_view_null(arena); break;
	}
	assert_non_null(view);
	return view;
}

/* Templates of one spec test: "" is the test's template, others partials. */
typedef struct spec_templates {
	const char *template_text;
	json_t *partials;
} spec_templates;

static const char *load_spec_template(const char *name, size_t *out_len, void *payload)
{
	const spec_templates *t = payload;
	const char *text = NULL;
	if (strcmp(name, "") == 0)
		text = t->template_text;
	else if (t->partials && json_is_string(json_object_get(t->partials, name)))
		text = json_string_value(json_object_get(t->partials, name));
	if (text)
		*out_len = strlen(text);
	return text;
}

/* Runs every test of one spec file; returns how many failed (and prints them). */
static int run_spec_file(const char *file)
{
	char path[4096];
	json_error_t json_err;
	snprintf(path, sizeof(path), "%s/mustache-spec/%s", MG_TEST_DATA_DIR, file);
	json_t *root = json_load_file(path, 0, &json_err);
	if (!root)
		fail_msg("%s: %s", path, json_err.text);
	json_t *tests = json_object_get(root, "tests");
	assert_true(json_array_size(tests) > 0);
	int failures = 0;
	size_t i;
	json_t *test;
	json_array_foreach(tests, i, test)
	{
		mg_arena *arena = mg_arena_new();
		spec_templates templates = {json_string_value(json_object_get(test, "template")),
					    json_object_get(test, "partials")};
		mg_template_set *set = mg_template_set_new(load_spec_template, &templates);
		mg_error err = {{0}};
		mg_buf out = MG_BUF_INIT;
		const char *expected = json_string_value(json_object_get(test, "expected"));
		const mg_template *tmpl = mg_template_set_get(set, "", &err);
		if (!tmpl || mg_template_render(set, tmpl, view_from_json(arena, json_object_get(test, "data")),
						NULL, &out, &err) < 0) {
			printf("FAIL %s: %s: %s\n", file, json_string_value(json_object_get(test, "name")), err.message);
			failures++;
		} else if (strcmp(out.data ? out.data : "", expected) != 0) {
			printf("FAIL %s: %s\n  expected: [%s]\n  actual:   [%s]\n", file,
			       json_string_value(json_object_get(test, "name")), expected, out.data ? out.data : "");
			failures++;
		}
		mg_buf_free(&out);
		mg_template_set_free(set);
		mg_arena_free(arena);
	}
	printf("%s: %zu tests, %d failed\n", file, json_array_size(tests), failures);
	json_decref(root);
	return failures;
}

static void test_spec_comments(void **state)
{
	(void)state;
	assert_int_equal(run_spec_file("comments.json"), 0);
}

static void test_spec_delimiters(void **state)
{
	(void)state;
	assert_int_equal(run_spec_file("delimiters.json"), 0);
}

static void test_spec_interpolation(void **state)
{
	(void)state;
	assert_int_equal(run_spec_file("interpolation.json"), 0);
}

static void test_spec_inverted(void **state)
{
	(void)state;
	assert_int_equal(run_spec_file("inverted.json"), 0);
}

static void test_spec_partials(void **state)
{
	(void)state;
	assert_int_equal(run_spec_file("partials.json"), 0);
}

static void test_spec_sections(void **state)
{
	(void)state;
	assert_int_equal(run_spec_file("sections.json"), 0);
}

/* One template and one partial from strings, for the tests below. */
typedef struct pair {
	const char *main_text, *partial_text;
} pair;

static const char *load_pair(const char *name, size_t *out_len, void *payload)
{
	const pair *p = payload;
	const char *text = strcmp(name, "main") == 0 ? p->main_text : strcmp(name, "p") == 0 ? p->partial_text : NULL;
	if (text)
		*out_len = strlen(text);
	return text;
}

/* Renders `text` against `view`; returns the output (static) or the error. */
static const char *render_text(const char *text, const char *partial, const mg_view *view,
			       const mg_template_options *options, int *out_status)
{
	static char result[4096];
	pair p = {text, partial};
	mg_template_set *set = mg_template_set_new(load_pair, &p);
	mg_error err = {{0}};
	mg_buf out = MG_BUF_INIT;
	const mg_template *tmpl = mg_template_set_get(set, "main", &err);
	*out_status = tmpl ? mg_template_render(set, tmpl, view, options, &out, &err) : -1;
	snprintf(result, sizeof(result), "%s", *out_status == 0 ? (out.data ? out.data : "") : err.message);
	mg_buf_free(&out);
	mg_template_set_free(set);
	return result;
}

/* Strict rendering: {{{name}}} escapes text from the input; only markup
 * built by modelgraph comes out raw. */
static void test_strict_raw(void **state)
{
	(void)state;
	mg_arena *arena = mg_arena_new();
	mg_view *view = mg_view_object(arena);
	mg_view_set_text(view, "name", "<script>alert(1)</script>");
	mg_view_set(view, "svg", mg_view_markup(arena, "<svg/>", 6));
	mg_template_options strict = {.strict = true};
	int status;
	assert_string_equal(render_text("{{{name}}}|{{&name}}|{{{svg}}}|{{svg}}", NULL, view, &strict, &status),
			    "&lt;script&gt;alert(1)&lt;/script&gt;|&lt;script&gt;alert(1)&lt;/script&gt;|"
			    "<svg/>|&lt;svg/&gt;");
	assert_int_equal(status, 0);
	assert_string_equal(render_text("{{{name}}}", NULL, view, NULL, &status), "<script>alert(1)</script>");
	mg_arena_free(arena);
}

/* Invalid UTF-8 and control characters never reach a page. */
static void test_escape_invalid_utf8(void **state)
{
	(void)state;
	mg_arena *arena = mg_arena_new();
	mg_view *view = mg_view_object(arena);
	mg_view_set_text(view, "name", "a\xff\x1b[31m'\"&b\xc3\xa9");
	int status;
	assert_string_equal(render_text("{{name}}", NULL, view, NULL, &status),
			    "a\xef\xbf\xbd\xef\xbf\xbd[31m&#39;&quot;&amp;b\xc3\xa9");
	mg_template_options markdown = {.escape = mg_escape_markdown};
	mg_view_set_text(view, "md", "a|b_c\n[x](javascript:y) <img>");
	assert_string_equal(render_text("{{md}}", NULL, view, &markdown, &status),
			    "a\\|b\\_c \\[x\\](javascript:y) &lt;img&gt;");
	mg_arena_free(arena);
}

/* Syntax errors name the template and the line; runaway partials stop. */
static void test_errors(void **state)
{
	(void)state;
	int status;
	assert_string_equal(render_text("a\n{{#x}}\nb", NULL, NULL, NULL, &status),
			    "main:2: a section that is never closed");
	assert_string_equal(render_text("a\n\n{{/x}}", NULL, NULL, NULL, &status),
			    "main:3: a closing tag without its section");
	assert_string_equal(render_text("{{#x}}{{/y}}", NULL, NULL, NULL, &status),
			    "main:1: a closing tag that does not match the open section");
	assert_string_equal(render_text("{{x", NULL, NULL, NULL, &status), "main:1: a tag that is never closed");
	assert_string_equal(render_text("{{=a=}}", NULL, NULL, NULL, &status),
			    "main:1: a set-delimiter tag needs two delimiters without spaces or '=': {{=<% %>=}}");
	assert_string_equal(render_text("{{>p}}", "{{>p}}", NULL, NULL, &status),
			    "partial p: partials nest too deep (does it include itself?)");
	assert_int_equal(status, -1);
	/* Twice per level: a million partials, not two to the 64th. */
	assert_string_equal(render_text("{{>p}}", "{{>p}}{{>p}}", NULL, NULL, &status),
			    "partial p: partials nest too deep (does it include itself?)");
	assert_int_equal(status, -1);
	assert_string_equal(render_text("x{{>p}}y", "{{#a}}", NULL, NULL, &status), "p:1: a section that is never closed");
	assert_int_equal(status, -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spec_comments),
		cmocka_unit_test(test_spec_delimiters),
		cmocka_unit_test(test_spec_interpolation),
		cmocka_unit_test(test_spec_inverted),
		cmocka_unit_test(test_spec_partials),
		cmocka_unit_test(test_spec_sections),
		cmocka_unit_test(test_strict_raw),
		cmocka_unit_test(test_escape_invalid_utf8),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
