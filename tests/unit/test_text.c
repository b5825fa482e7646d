/* Small text modules: SQL type normalisation, escaping, the JSON writer. */

#include "tests/unit/test_support.h"

#include <string.h>

#include "analyzer/core/arena.h"
#include "analyzer/lint/reserved_words.h"
#include "analyzer/core/sql_type.h"
#include "util/escape.h"
#include "util/json_writer.h"

static void sql_types_normalise(void **state)
{
	(void)state;
	mg_arena *arena = mg_arena_new();
	static const struct {
		const char *in, *out;
		mg_type_family family;
	} cases[] = {
		{"int", "INTEGER", MG_TYPE_INTEGER},
		{"  varchar ( 80 ) ", "VARCHAR(80)", MG_TYPE_TEXT},
		{"character varying(20)", "VARCHAR(20)", MG_TYPE_TEXT},
		{"NUMERIC(10, 2)", "NUMERIC(10,2)", MG_TYPE_NUMERIC},
		{"double", "DOUBLE PRECISION", MG_TYPE_REAL},
		{"bool", "BOOLEAN", MG_TYPE_BOOLEAN},
		{"timestamp", "TIMESTAMP", MG_TYPE_DATETIME},
		{"bigserial", "BIGINT", MG_TYPE_INTEGER},
		{"blob", "BLOB", MG_TYPE_BLOB},
		{"", "", MG_TYPE_UNKNOWN},
		{"unsigned big int", "UNSIGNED BIG INT", MG_TYPE_INTEGER},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *normal = mg_sql_type_normalize(arena, cases[i].in);
		assert_string_equal(normal, cases[i].out);
		assert_int_equal(mg_sql_type_family(normal), cases[i].family);
	}
	mg_arena_free(arena);
}

static char *json_of(const char *s, mg_buf *buf)
{
	*buf = (mg_buf)MG_BUF_INIT;
	mg_escape_json_string(buf, s);
	assert_false(buf->failed);
	return buf->data;
}

static void json_strings_are_escaped(void **state)
{
	(void)state;
	mg_buf buf;
	assert_string_equal(json_of("a\"b\\c", &buf), "\"a\\\"b\\\\c\"");
	mg_buf_free(&buf);
	assert_string_equal(json_of("line\nbreak\x01", &buf), "\"line\\nbreak\\u0001\"");
	mg_buf_free(&buf);
	assert_string_equal(json_of("<script>", &buf), "\"<script>\"");
	mg_buf_free(&buf);
	assert_string_equal(json_of("caf\xc3\xa9", &buf), "\"caf\xc3\xa9\""); /* valid UTF-8 kept */
	mg_buf_free(&buf);
	assert_string_equal(json_of("bad\xff\xc3(", &buf), "\"bad\\ufffd\\ufffd(\""); /* invalid replaced */
	mg_buf_free(&buf);
	assert_string_equal(json_of("\xed\xa0\x80", &buf), "\"\\ufffd\\ufffd\\ufffd\""); /* a surrogate */
	mg_buf_free(&buf);
	/* The edges of the plain bytes: space and '~' are, DEL and 0x1f are not. */
	assert_string_equal(json_of(" ~\x7f\x1f", &buf), "\" ~\\u007f\\u001f\"");
	mg_buf_free(&buf);
}

static void text_escapes_control_characters(void **state)
{
	(void)state;
	mg_buf buf = MG_BUF_INIT;
	mg_escape_text(&buf, "a\nb\033[31m");
	assert_string_equal(buf.data, "a\\x0ab\\x1b[31m");
	mg_buf_free(&buf);
}

/* XML 1.0 cannot carry C0 controls, U+FFFE or U+FFFF at all: they become
 * U+FFFD, and what XML can carry is escaped. */
static void xml_keeps_only_what_xml_allows(void **state)
{
	(void)state;
	mg_buf buf = MG_BUF_INIT;
	mg_escape_xml(&buf, "<a&\"'>\r\n\t\x01x\xef\xbf\xbe\xef\xbf\xbfy\xef\xbf\xbd\xff");
	mg_buf_putc(&buf, '\0');
	assert_string_equal(buf.data, "&lt;a&amp;&quot;&apos;&gt;&#13;&#10;&#9;\xef\xbf\xbdx"
				      "\xef\xbf\xbd\xef\xbf\xbdy\xef\xbf\xbd\xef\xbf\xbd");
	mg_buf_free(&buf);
	/* Runs of plain bytes between escapes, DEL and UTF-8 kept as written. */
	mg_escape_xml(&buf, "plain text \xc3\xa9 & more\x7f end<");
	assert_string_equal(buf.data, "plain text \xc3\xa9 &amp; more\x7f end&lt;");
	mg_buf_free(&buf);
}

/* Graphviz parses HTML-like labels as XML, and SVG and HTML pages are
 * parsed as XML or call them errors: no markup escape lets the
 * noncharacters U+FFFE and U+FFFF through. */
static void markup_escapes_drop_xml_noncharacters(void **state)
{
	(void)state;
	void (*const escapes[])(mg_buf *, const char *) = {mg_escape_dot_html, mg_escape_dot_string,
							   mg_escape_html, mg_escape_markdown};
	for (size_t i = 0; i < sizeof(escapes) / sizeof(escapes[0]); i++) {
		mg_buf buf = MG_BUF_INIT;
		escapes[i](&buf, "a\xef\xbf\xbe\xef\xbf\xbf" "b\xef\xbf\xbd\xef\xbf\xbc");
		mg_buf_putc(&buf, '\0');
		assert_string_equal(buf.data, "a\xef\xbf\xbd\xef\xbf\xbd" "b\xef\xbf\xbd\xef\xbf\xbc");
		mg_buf_free(&buf);
	}
	mg_buf buf = MG_BUF_INIT;
	mg_escape_diagram_text(&buf, "a\xef\xbf\xbe", 0);
	mg_buf_putc(&buf, '\0');
	assert_string_equal(buf.data, "a\xef\xbf\xbd");
	mg_buf_free(&buf);
}

/* GitHub decodes %25, %0D, %0A (and %3A, %2C in properties) only; other
 * controls are shown, never passed raw into the log. */
static void github_commands_carry_no_raw_controls(void **state)
{
	(void)state;
	mg_buf buf = MG_BUF_INIT;
	mg_escape_github_data(&buf, "50%,a:b\r\n\033[31m\x7f");
	mg_buf_putc(&buf, '\0');
	assert_string_equal(buf.data, "50%25,a:b%0D%0A\\x1b[31m\\x7f");
	mg_buf_free(&buf);
	mg_escape_github_property(&buf, "a:b,c\x01");
	mg_buf_putc(&buf, '\0');
	assert_string_equal(buf.data, "a%3Ab%2Cc\\x01");
	mg_buf_free(&buf);
}

static void json_writer_nests_and_separates(void **state)
{
	(void)state;
	mg_buf buf = MG_BUF_INIT;
	mg_json json;
	mg_json_init(&json, &buf);
	mg_json_begin_object(&json);
	mg_json_member_string(&json, "a", "x");
	mg_json_key(&json, "list");
	mg_json_begin_array(&json);
	mg_json_uint(&json, 1);
	mg_json_bool(&json, false);
	mg_json_null(&json);
	mg_json_end_array(&json);
	mg_json_key(&json, "empty");
	mg_json_begin_array(&json);
	mg_json_end_array(&json);
	mg_json_member_string(&json, "n", NULL);
	mg_json_key(&json, "Key \"2\""); /* not a plain name: escaped */
	mg_json_uint(&json, 2);
	mg_json_end_object(&json);
	assert_string_equal(buf.data, "{\n  \"a\": \"x\",\n  \"list\": [\n    1,\n    false,\n    null\n  ],\n"
				      "  \"empty\": [],\n  \"n\": null,\n  \"Key \\\"2\\\"\": 2\n}\n");
	mg_buf_free(&buf);
}

/* Keys the writer learns by address: more than it has slots, so they
 * collide; plain ones up to and past 28 bytes; at every depth of indent
 * up to past the 32 spaces copied in one move; written the same each time. */
static void json_writer_writes_learnt_keys_as_new_ones(void **state)
{
	(void)state;
	enum { NKEYS = 600 };
	static char keys[NKEYS][40];
	for (size_t i = 0; i < NKEYS; i++) {
		size_t len = 1 + i % 31, j = 0;
		for (; j < len; j++)
			keys[i][j] = (char)('a' + (i + j) % 26);
		if (i % 7 == 0)
			keys[i][len / 2] = i % 14 ? '_' : 'Q'; /* not plain: escaped each time */
		keys[i][j] = '\0';
	}
	mg_buf buf = MG_BUF_INIT, expected = MG_BUF_INIT;
	mg_json json;
	mg_json_init(&json, &buf);
	mg_buf_putc(&expected, '{');
	mg_json_begin_object(&json);
	for (int round = 0; round < 3; round++)
		for (size_t i = 0; i < NKEYS; i++) {
			int depth = 1 + (int)(i % 20);
			for (int d = 1; d < depth; d++) {
				mg_json_key(&json, "o");
				mg_json_begin_object(&json);
			}
			mg_json_member_uint(&json, keys[i], i);
			for (int d = depth - 1; d >= 1; d--)
				mg_json_end_object(&json);
			mg_buf_puts(&expected, round || i ? ",\n" : "\n");
			for (int d = 1; d < depth; d++)
				mg_buf_printf(&expected, "%*s\"o\": {\n", 2 * d, "");
			mg_buf_printf(&expected, "%*s\"%s\": %zu", 2 * depth, "", keys[i], i);
			for (int d = depth - 1; d >= 1; d--)
				mg_buf_printf(&expected, "\n%*s}", 2 * d, "");
		}
	mg_json_end_object(&json);
	mg_buf_puts(&expected, "\n}\n");
	assert_false(buf.failed);
	assert_string_equal(buf.data, expected.data);
	mg_buf_free(&buf);
	mg_buf_free(&expected);
}

static void reserved_words_per_dialect(void **state)
{
	(void)state;
	assert_int_equal(mg_reserved_word_dialects("user"), MG_DIALECT_POSTGRESQL);
	assert_int_equal(mg_reserved_word_dialects("Order"),
			 MG_DIALECT_SQLITE | MG_DIALECT_POSTGRESQL | MG_DIALECT_MYSQL);
	assert_int_equal(mg_reserved_word_dialects("system"), MG_DIALECT_MYSQL);
	assert_int_equal(mg_reserved_word_dialects("users"), 0);
	assert_int_equal(mg_reserved_word_dialects("zerofill"), MG_DIALECT_MYSQL); /* last of a list */
	assert_int_equal(mg_reserved_word_dialects("accessible"), MG_DIALECT_MYSQL); /* first */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sql_types_normalise),
		cmocka_unit_test(json_strings_are_escaped),
		cmocka_unit_test(text_escapes_control_characters),
		cmocka_unit_test(xml_keeps_only_what_xml_allows),
		cmocka_unit_test(markup_escapes_drop_xml_noncharacters),
		cmocka_unit_test(github_commands_carry_no_raw_controls),
		cmocka_unit_test(json_writer_nests_and_separates),
		cmocka_unit_test(json_writer_writes_learnt_keys_as_new_ones),
		cmocka_unit_test(reserved_words_per_dialect),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
