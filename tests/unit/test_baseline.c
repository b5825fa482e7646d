/*
 * Baselines: the document written, read back, matched by rule and path
 * with counts, and every reason a file is refused, with its exact message.
 */
#define _POSIX_C_SOURCE 200809L

#include "tests/unit/test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "analyzer/lint/baseline.h"
#include "util/limits.h"

static int teardown_group(void **state)
{
	(void)state;
	mg_test_tmpdir_remove();
	return 0;
}

static void add(mg_findings *findings, const char *rule, const char *path, unsigned line,
		const char *message)
{
	mg_location at = {.file = "models.h", .line = line, .column = 1};
	assert_non_null(mg_findings_add(findings, rule, MG_SEVERITY_WARNING, MG_OBJECT_TABLE, path, at,
					message));
}

static char *write_text(const mg_findings *findings)
{
	static char text[8192];
	mg_buf out = MG_BUF_INIT;
	mg_baseline_write(findings, &out);
	assert_false(out.failed);
	assert_true(out.len < sizeof(text));
	memcpy(text, out.data, out.len + 1);
	mg_buf_free(&out);
	return text;
}

static mg_baseline *load_text(const char *text)
{
	mg_error err = {{0}};
	mg_baseline *baseline = NULL;
	const char *path = mg_test_write_file("baseline.json", text);
	if (mg_baseline_load(&baseline, path, &err) != 0)
		fail_msg("loading failed: %s", err.message);
	return baseline;
}

/* Loading `text` fails with "<path>" followed by `expected`. */
static void load_fails(const char *text, const char *expected)
{
	mg_error err = {{0}};
	mg_baseline *baseline = NULL;
	const char *path = mg_test_write_file("baseline.json", text);
	char want[1400];
	snprintf(want, sizeof(want), "%s%s", path, expected);
	assert_int_equal(mg_baseline_load(&baseline, path, &err), -1);
	assert_null(baseline);
	assert_string_equal(err.message, want);
}

/* ---- writing ---- */

static void writes_sorted_by_rule_path_message(void **state)
{
	(void)state;
	mg_findings *findings = mg_findings_new();
	add(findings, "table-isolated", "log", 9, "table \"log\" is alone");
	add(findings, "fk-missing-index", "post.fk_user", 3, "no index (b)");
	add(findings, "fk-missing-index", "post.fk_user", 30, "no index (a)");
	add(findings, "fk-missing-index", "comment.fk_post", 12, "no index");
	add(findings, "table-isolated", "log", 99, "table \"log\" is alone");
	assert_string_equal(write_text(findings),
			    "{\n"
			    "  \"format\": \"modelgraph-baseline\",\n"
			    "  \"version\": 1,\n"
			    "  \"findings\": [\n"
			    "    {\n"
			    "      \"rule\": \"fk-missing-index\",\n"
			    "      \"path\": \"comment.fk_post\",\n"
			    "      \"message\": \"no index\"\n"
			    "    },\n"
			    "    {\n"
			    "      \"rule\": \"fk-missing-index\",\n"
			    "      \"path\": \"post.fk_user\",\n"
			    "      \"message\": \"no index (a)\"\n"
			    "    },\n"
			    "    {\n"
			    "      \"rule\": \"fk-missing-index\",\n"
			    "      \"path\": \"post.fk_user\",\n"
			    "      \"message\": \"no index (b)\"\n"
			    "    },\n"
			    "    {\n"
			    "      \"rule\": \"table-isolated\",\n"
			    "      \"path\": \"log\",\n"
			    "      \"message\": \"table \\\"log\\\" is alone\"\n"
			    "    },\n"
			    "    {\n"
			    "      \"rule\": \"table-isolated\",\n"
			    "      \"path\": \"log\",\n"
			    "      \"message\": \"table \\\"log\\\" is alone\"\n"
			    "    }\n"
			    "  ]\n"
			    "}\n");
	mg_findings_free(findings);
}

static void writes_an_empty_baseline(void **state)
{
	(void)state;
	mg_findings *findings = mg_findings_new();
	const char *text = write_text(findings);
	assert_string_equal(text, "{\n"
				  "  \"format\": \"modelgraph-baseline\",\n"
				  "  \"version\": 1,\n"
				  "  \"findings\": []\n"
				  "}\n");
	mg_baseline *baseline = load_text(text);
	size_t n = 9;
	assert_non_null(baseline);
	mg_baseline_entries(baseline, &n);
	assert_int_equal(n, 0);
	assert_int_equal(mg_baseline_lookup(baseline, "table-isolated", "log", &n), 0);
	assert_int_equal(n, 0);
	mg_baseline_free(baseline);
	mg_findings_free(findings);
}

/* Written, read back: the same entries, sorted, whatever the order of the file. */
static void round_trip(void **state)
{
	(void)state;
	mg_findings *findings = mg_findings_new();
	add(findings, "table-isolated", "log", 9, "alone");
	add(findings, "fk-missing-index", "post.fk_user", 3, "no index");
	add(findings, "table-isolated", "log", 10, "alone");
	mg_baseline *baseline = load_text(write_text(findings));
	size_t n = 0;
	const mg_baseline_entry *e = mg_baseline_entries(baseline, &n);
	assert_int_equal(n, 3);
	assert_string_equal(e[0].rule, "fk-missing-index");
	assert_string_equal(e[0].path, "post.fk_user");
	assert_string_equal(e[0].message, "no index");
	assert_string_equal(e[1].rule, "table-isolated");
	assert_string_equal(e[2].rule, "table-isolated");
	mg_baseline_free(baseline);
	mg_findings_free(findings);

	baseline = load_text("{\"findings\": [{\"path\": \"b\", \"rule\": \"r\"},\n"
			     "  {\"rule\": \"r\", \"path\": \"a\", \"message\": \"m\"}],\n"
			     " \"version\": 1, \"format\": \"modelgraph-baseline\"}");
	e = mg_baseline_entries(baseline, &n);
	assert_int_equal(n, 2);
	assert_string_equal(e[0].path, "a");
	assert_string_equal(e[1].path, "b");
	assert_string_equal(e[1].message, ""); /* the message is optional */
	mg_baseline_free(baseline);
}

/* Paths that are not valid UTF-8 are written with U+FFFD and still match. */
static void hostile_strings_round_trip(void **state)
{
	(void)state;
	mg_findings *findings = mg_findings_new();
	add(findings, "table-isolated", "bad\xff\xfe" "name", 1, "quote \" and\nnewline");
	add(findings, "table-isolated", "tab\there", 2, "control \x01 and <script>");
	const char *text = write_text(findings);
	assert_non_null(strstr(text, "\"path\": \"bad\\ufffd\\ufffdname\""));
	mg_baseline *baseline = load_text(text);
	size_t n = 0;
	size_t first = mg_baseline_lookup(baseline, "table-isolated", "bad\xff\xfe" "name", &n);
	assert_int_equal(n, 1);
	const mg_baseline_entry *e = mg_baseline_entries(baseline, &n);
	assert_string_equal(e[first].path, "bad\xef\xbf\xbd\xef\xbf\xbdname");
	assert_string_equal(e[first].message, "quote \" and\nnewline");
	mg_baseline_lookup(baseline, "table-isolated", "tab\there", &n);
	assert_int_equal(n, 1);
	/* A different bad byte writes the same: it matches too. */
	mg_baseline_lookup(baseline, "table-isolated", "bad\x80\x80" "name", &n);
	assert_int_equal(n, 1);
	mg_baseline_lookup(baseline, "table-isolated", "bad\xff" "name", &n);
	assert_int_equal(n, 0);
	mg_baseline_free(baseline);
	mg_findings_free(findings);
}

static void lookup_counts_alike_entries(void **state)
{
	(void)state;
	mg_baseline *baseline = load_text(
	    "{\"format\": \"modelgraph-baseline\", \"version\": 1, \"findings\": [\n"
	    "  {\"rule\": \"b\", \"path\": \"x\"}, {\"rule\": \"a\", \"path\": \"x\"},\n"
	    "  {\"rule\": \"a\", \"path\": \"y\"}, {\"rule\": \"a\", \"path\": \"x\"},\n"
	    "  {\"rule\": \"a\", \"path\": \"x.y\"}, {\"rule\": \"a\", \"path\": \"\"}]}");
	size_t n = 0;
	assert_int_equal(mg_baseline_lookup(baseline, "a", "", &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(mg_baseline_lookup(baseline, "a", NULL, &n), 0); /* no path: "" */
	assert_int_equal(n, 1);
	assert_int_equal(mg_baseline_lookup(baseline, "a", "x", &n), 1);
	assert_int_equal(n, 2);
	assert_int_equal(mg_baseline_lookup(baseline, "a", "x.y", &n), 3);
	assert_int_equal(n, 1);
	assert_int_equal(mg_baseline_lookup(baseline, "a", "y", &n), 4);
	assert_int_equal(n, 1);
	assert_int_equal(mg_baseline_lookup(baseline, "b", "x", &n), 5);
	assert_int_equal(n, 1);
	mg_baseline_lookup(baseline, "b", "y", &n);
	assert_int_equal(n, 0);
	mg_baseline_lookup(baseline, "c", "x", &n);
	assert_int_equal(n, 0);
	mg_baseline_lookup(baseline, "", "x", &n);
	assert_int_equal(n, 0);
	mg_baseline_free(baseline);

	mg_baseline_free(NULL);
	mg_baseline_entries(NULL, &n);
	assert_int_equal(n, 0);
	mg_baseline_lookup(NULL, "a", "x", &n);
	assert_int_equal(n, 0);
}

static void compare_as_written(void **state)
{
	(void)state;
	assert_int_equal(mg_baseline_compare("abc", "abc"), 0);
	assert_true(mg_baseline_compare("abc", "abd") < 0);
	assert_true(mg_baseline_compare("abd", "abc") > 0);
	assert_true(mg_baseline_compare("ab", "abc") < 0);
	assert_true(mg_baseline_compare("abc", "ab") > 0);
	assert_int_equal(mg_baseline_compare("a\xff", "a\xef\xbf\xbd"), 0);
	assert_int_equal(mg_baseline_compare("\xc3\xa9", "\xc3\xa9"), 0); /* é */
	assert_int_equal(mg_baseline_compare("\xc0\xa9", "\xef\xbf\xbd\xef\xbf\xbd"), 0); /* overlong */
	assert_true(mg_baseline_compare("a\xff", "a\xff") < 0); /* written text is never bad */
}

/* ---- reading: errors ---- */

static void file_errors(void **state)
{
	(void)state;
	mg_error err = {{0}};
	mg_baseline *baseline = NULL;
	char path[1100], want[1400];

	snprintf(path, sizeof(path), "%s/none.json", mg_test_tmpdir());
	assert_int_equal(mg_baseline_load(&baseline, path, &err), -1);
	assert_null(baseline);
	snprintf(want, sizeof(want), "%s: no such file; write one with --write-baseline", path);
	assert_string_equal(err.message, want);

	snprintf(path, sizeof(path), "%s/adir", mg_test_tmpdir());
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(mg_baseline_load(&baseline, path, &err), -1);
	snprintf(want, sizeof(want), "%s: is a directory; name a baseline file", path);
	assert_string_equal(err.message, want);
}

/* Loading `text` fails with "<path>:<line>:<col>: " and the parser's own
 * explanation; its wording is the JSON library's, so only its presence is
 * checked, with the position that lets a user find the mistake. */
static void load_fails_at(const char *text, const char *position)
{
	mg_error err = {{0}};
	mg_baseline *baseline = NULL;
	const char *path = mg_test_write_file("baseline.json", text);
	char want[1400];
	snprintf(want, sizeof(want), "%s%s: ", path, position);
	assert_int_equal(mg_baseline_load(&baseline, path, &err), -1);
	assert_null(baseline);
	if (strncmp(err.message, want, strlen(want)) != 0 || strlen(err.message) <= strlen(want) + 3)
		fail_msg("\"%s\" does not start with \"%s\" and an explanation", err.message, want);
}

static void malformed_json(void **state)
{
	(void)state;
	load_fails_at("", ":1:0");
	load_fails_at("{\"format\": \"modelgraph-baseline\",\n \"version\": 1,\n \"findings\": [}\n",
		      ":3:15");
	load_fails_at("{\"format\": \"modelgraph-baseline\", \"format\": \"x\"}", ":1:42");
	load_fails_at("{\"a\": \"\xff\"}", ":1:7");
	load_fails_at("{} {}", ":1:4");
}

static void wrong_documents(void **state)
{
	(void)state;
	load_fails("[]", ": not a modelgraph baseline (the document is not a JSON object)");
	load_fails("{}", ": not a modelgraph baseline (no \"format\": \"modelgraph-baseline\")");
	load_fails("{\"format\": 1}",
		   ": not a modelgraph baseline (no \"format\": \"modelgraph-baseline\")");
	load_fails("{\"format\": \"modelgraph-graph\", \"version\": 1, \"tables\": []}",
		   ": not a modelgraph baseline (its format is \"modelgraph-graph\")");
	load_fails("{\"format\": \"modelgraph-findings\", \"version\": 1, \"findings\": []}",
		   ": not a modelgraph baseline (its format is \"modelgraph-findings\")");
	load_fails("{\"format\": \"sarif\", \"version\": 1}",
		   ": not a modelgraph baseline (its \"format\" is not \"modelgraph-baseline\")");
	load_fails("{\"format\": \"modelgraph-baseline\", \"findings\": []}",
		   ": \"version\" must be an integer");
	load_fails("{\"format\": \"modelgraph-baseline\", \"version\": \"1\", \"findings\": []}",
		   ": \"version\" must be an integer");
	load_fails("{\"format\": \"modelgraph-baseline\", \"version\": 2, \"findings\": []}",
		   ": baseline version 2 is not supported (this modelgraph reads version 1); write it "
		   "again with --write-baseline");
	load_fails("{\"format\": \"modelgraph-baseline\", \"version\": 1, \"finding\": []}",
		   ": unknown member \"finding\"; did you mean \"findings\"?");
	load_fails("{\"format\": \"modelgraph-baseline\", \"version\": 1, \"findings\": [], "
		   "\"generated\": \"today\"}",
		   ": unknown member \"generated\"; expected format, version or findings");
	load_fails("{\"format\": \"modelgraph-baseline\", \"version\": 1}",
		   ": \"findings\" must be an array");
	load_fails("{\"format\": \"modelgraph-baseline\", \"version\": 1, \"findings\": {}}",
		   ": \"findings\" must be an array");
}

/*
 * A file given as a baseline by mistake may hold anything, a secret among
 * it, and messages end up in CI logs: no message quotes the file's text
 * (jansson's "near '…'" is left out), only where the problem is.
 */
static void messages_never_quote_the_file(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"API_TOKEN=hunter2\n",
		"hunter2=API_TOKEN\n",
		"{\"format\": \"hunter2\"}",
		"{\"k\": \"hunter2\x01\"}",
		"{\"k\": hunter2}",
		"[\"hunter2\" \"x\"]",
		"{\"hunter2\": 1, \"hunter2\": 2}",
		"{\"format\": \"modelgraph-baseline\", \"version\": 1, \"findings\": [{\"rule\": \"hunter2\", \"path\": 5}]}",
	};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		mg_error err = {{0}};
		mg_baseline *baseline = NULL;
		const char *path = mg_test_write_file("secret.env", texts[i]);
		assert_int_equal(mg_baseline_load(&baseline, path, &err), -1);
		if (strstr(err.message, "hunter") || strstr(err.message, "API"))
			fail_msg("the message quotes the file: %s", err.message);
	}
	load_fails_at("API_TOKEN=hunter2\n", ":1:3");
	char want[1400];
	mg_error err = {{0}};
	mg_baseline *baseline = NULL;
	const char *path = mg_test_write_file("secret.env", "API_TOKEN=hunter2\n");
	assert_int_equal(mg_baseline_load(&baseline, path, &err), -1);
	snprintf(want, sizeof(want), "%s:1:3: not valid JSON: '[' or '{' expected", path);
	assert_string_equal(err.message, want);
}

/* "[[[…]]]", `depth` deep, inside `before` and `after`, as a string to free. */
static char *nested(size_t depth, const char *before, const char *after)
{
	size_t n = strlen(before), m = strlen(after);
	char *text = malloc(n + 2 * depth + m + 1);
	assert_non_null(text);
	memcpy(text, before, n);
	memset(text + n, '[', depth);
	memset(text + n + depth, ']', depth);
	memcpy(text + n + 2 * depth, after, m + 1);
	return text;
}

static void nesting_is_bounded(void **state)
{
	(void)state;
	char *text = nested(100000, "", "");
	load_fails(text, ":1:257: arrays and objects nested deeper than a baseline may be; the limit is "
			 "nesting-depth=256 levels; raise it with --limit nesting-depth=N");
	free(text);
	/* The document and "findings" are two levels: 254 more are within. */
	text = nested(254, "{\"format\": \"modelgraph-baseline\", \"version\": 1, \"findings\": [", "]}");
	load_fails(text, ": findings[0] must be an object");
	free(text);
	char message[200];
	assert_int_equal(mg_limit_set("nesting-depth=2", message, sizeof(message)), 0);
	load_fails("\n {\"format\": \"modelgraph-baseline\", \"version\": 1, \"findings\": [{}]}",
		   ":2:63: arrays and objects nested deeper than a baseline may be; the limit is "
		   "nesting-depth=2 levels; raise it with --limit nesting-depth=N");
	mg_limits_reset();
}

static void a_byte_order_mark_is_skipped(void **state)
{
	(void)state;
	mg_baseline *baseline = load_text("\xEF\xBB\xBF{\"format\": \"modelgraph-baseline\", \"version\": 1, "
					  "\"findings\": [{\"rule\": \"a\", \"path\": \"x\"}]}\n");
	size_t n = 0;
	mg_baseline_entries(baseline, &n);
	assert_int_equal(n, 1);
	mg_baseline_free(baseline);
}

static void wrong_entries(void **state)
{
	(void)state;
#define DOC(entries) "{\"format\": \"modelgraph-baseline\", \"version\": 1, \"findings\": [" entries "]}"
	load_fails(DOC("{\"rule\": \"a\", \"path\": \"x\"}, \"b\""), ": findings[1] must be an object");
	load_fails(DOC("{\"rule\": \"a\", \"paht\": \"x\"}"),
		   ": findings[0]: unknown member \"paht\"; did you mean \"path\"?");
	load_fails(DOC("{\"rule\": \"a\", \"path\": \"x\", \"line\": 3}"),
		   ": findings[0]: unknown member \"line\"; expected rule, path or message");
	load_fails(DOC("{\"path\": \"x\"}"), ": findings[0]: \"rule\" must be a string");
	load_fails(DOC("{\"rule\": null, \"path\": \"x\"}"), ": findings[0]: \"rule\" must be a string");
	load_fails(DOC("{\"rule\": \"a\"}"), ": findings[0]: \"path\" must be a string");
	load_fails(DOC("{\"rule\": \"a\", \"path\": [\"x\"]}"), ": findings[0]: \"path\" must be a string");
	load_fails(DOC("{\"rule\": \"a\", \"path\": \"x\", \"message\": 3}"),
		   ": findings[0]: \"message\" must be a string");
#undef DOC
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(writes_sorted_by_rule_path_message),
		cmocka_unit_test(writes_an_empty_baseline),
		cmocka_unit_test(round_trip),
		cmocka_unit_test(hostile_strings_round_trip),
		cmocka_unit_test(lookup_counts_alike_entries),
		cmocka_unit_test(compare_as_written),
		cmocka_unit_test(file_errors),
		cmocka_unit_test(malformed_json),
		cmocka_unit_test(wrong_documents),
		cmocka_unit_test(messages_never_quote_the_file),
		cmocka_unit_test(nesting_is_bounded),
		cmocka_unit_test(a_byte_order_mark_is_skipped),
		cmocka_unit_test(wrong_entries),
	};
	return cmocka_run_group_tests(tests, NULL, teardown_group);
}
