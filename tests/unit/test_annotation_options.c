/* The annotation option grammar (analyzer/annotation_options.h) and the
 * did-you-mean helper it uses (analyzer/suggest.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analyzer/c/annotation_options.h"
#include "analyzer/core/suggest.h"

/* ---- helpers ----------------------------------------------------------- */

static mg_annotation *parse_n(mg_annotation_kind kind, const char *text, size_t len)
{
	mg_annotation *a = NULL;

	assert_int_equal(mg_annotation_parse(&a, kind, text, len), 0);
	assert_non_null(a);
	return a;
}

static mg_annotation *parse(mg_annotation_kind kind, const char *text)
{
	return parse_n(kind, text, strlen(text));
}

/* Parses text that must be free of errors. */
static mg_annotation *parse_ok(mg_annotation_kind kind, const char *text)
{
	mg_annotation *a = parse(kind, text);

	if (mg_annotation_error_count(a) > 0)
		fail_msg("unexpected error in [%s]: %s", text, mg_annotation_error_at(a, 0)->message);
	return a;
}

static void check_error(const mg_annotation *a, size_t i, mg_annotation_error_code code,
                        size_t offset, size_t length, const char *message,
                        const char *suggestion)
{
	const mg_annotation_error *e = mg_annotation_error_at(a, i);

	assert_non_null(e);
	assert_string_equal(mg_annotation_error_code_name(e->code), mg_annotation_error_code_name(code));
	assert_string_equal(e->message, message);
	assert_int_equal(e->offset, offset);
	assert_int_equal(e->length, length);
	if (suggestion)
		assert_string_equal(e->suggestion, suggestion);
	else
		assert_null(e->suggestion);
}

/* Text with exactly one error. */
static void check_only_error(mg_annotation_kind kind, const char *text,
                             mg_annotation_error_code code, size_t offset, size_t length,
                             const char *message, const char *suggestion)
{
	mg_annotation *a = parse(kind, text);

	if (mg_annotation_error_count(a) != 1)
		fail_msg("[%s]: %zu errors, expected 1", text, mg_annotation_error_count(a));
	check_error(a, 0, code, offset, length, message, suggestion);
	mg_annotation_free(a);
}

static void check_bool(const mg_annotation *a, const char *key, bool expected)
{
	bool value = !expected;

	assert_int_equal(mg_annotation_get_bool(&value, a, key), 0);
	assert_int_equal(value, expected);
}

static const mg_annotation_value *check_type(const mg_annotation *a, const char *key,
                                             mg_annotation_value_type type, const char *str)
{
	const mg_annotation_value *v = mg_annotation_get(a, key);

	if (!v)
		fail_msg("option %s missing", key);
	assert_int_equal(v->type, type);
	assert_string_equal(v->str, str);
	return v;
}

/* ---- suggest ----------------------------------------------------------- */

static void test_suggest_distance(void **state)
{
	(void)state;
	assert_int_equal(mg_suggest_distance("kitten", 6, "sitting", 7), 3);
	assert_int_equal(mg_suggest_distance("backred", 7, "backref", 7), 1);
	assert_int_equal(mg_suggest_distance("bakcref", 7, "backref", 7), 1); /* transposition */
	assert_int_equal(mg_suggest_distance("Backref", 7, "backref", 7), 0); /* case */
	assert_int_equal(mg_suggest_distance("", 0, "abc", 3), 3);
	assert_int_equal(mg_suggest_distance("abc", 3, "", 0), 3);
	assert_int_equal(mg_suggest_distance("", 0, "", 0), 0);

	char long_word[MG_SUGGEST_MAX_LEN + 2];
	memset(long_word, 'a', sizeof long_word);
	assert_int_equal(mg_suggest_distance(long_word, MG_SUGGEST_MAX_LEN, "a", 1),
	                 MG_SUGGEST_MAX_LEN - 1);
	assert_true(mg_suggest_distance(long_word, MG_SUGGEST_MAX_LEN + 1, "a", 1) == SIZE_MAX);
}

static void test_suggest_nearest(void **state)
{
	static const char *const keys[] = { "backref", "back_populates", "uselist", "lazy", NULL, "name" };
	static const char *const lazy[] = { "select", "joined", "selectin" };
	(void)state;

	assert_string_equal(mg_suggest_nearest("backred", 7, keys, 6), "backref");
	assert_string_equal(mg_suggest_nearest("BACKREF", 7, keys, 6), "backref");
	assert_string_equal(mg_suggest_nearest("back_populate", 13, keys, 6), "back_populates");
	assert_string_equal(mg_suggest_nearest("lasy", 4, keys, 6), "lazy");
	assert_string_equal(mg_suggest_nearest("nmae", 4, keys, 6), "name");
	assert_string_equal(mg_suggest_nearest("selectt", 7, lazy, 3), "select");
	assert_string_equal(mg_suggest_nearest("selectn", 7, lazy, 3), "select"); /* tie: first */
	assert_null(mg_suggest_nearest("x", 1, keys, 6));
	assert_null(mg_suggest_nearest("completely", 10, keys, 6));
	assert_null(mg_suggest_nearest("backred", 7, keys, 0));
	assert_null(mg_suggest_nearest("", 0, keys, 6));
	/* An abbreviation finds the one word it begins. */
	static const char *const levels[] = { "error", "warning", "note", "never" };
	assert_string_equal(mg_suggest_nearest("warn", 4, levels, 4), "warning");
	assert_string_equal(mg_suggest_nearest("WARN", 4, levels, 4), "warning");
	assert_null(mg_suggest_nearest("sel", 3, lazy, 3)); /* select and selectin */
	assert_null(mg_suggest_nearest("no", 2, levels, 4)); /* too short to tell */
}

/* ---- split ------------------------------------------------------------- */

static void test_split(void **state)
{
	mg_annotation_kind kind = MG_ANNOTATION_MODEL;
	const char *options = NULL;
	(void)state;

	assert_true(mg_annotation_split(&kind, &options, "mg:column:primary_key=true"));
	assert_int_equal(kind, MG_ANNOTATION_COLUMN);
	assert_string_equal(options, "primary_key=true");

	assert_true(mg_annotation_split(&kind, &options, "mg:foreign_key:users.id"));
	assert_int_equal(kind, MG_ANNOTATION_FOREIGN_KEY);
	assert_string_equal(options, "users.id");

	assert_true(mg_annotation_split(&kind, &options, "mg:column:comment=\"a:b\""));
	assert_string_equal(options, "comment=\"a:b\"");

	assert_true(mg_annotation_split(&kind, &options, "mg:transient:"));
	assert_int_equal(kind, MG_ANNOTATION_TRANSIENT);
	assert_string_equal(options, "");

	assert_true(mg_annotation_split(&kind, &options, "mg:colum:x"));
	assert_int_equal(kind, MG_ANNOTATION_UNKNOWN);
	assert_string_equal(options, "x");

	kind = MG_ANNOTATION_MODEL;
	options = NULL;
	assert_false(mg_annotation_split(&kind, &options, "mg:column"));
	assert_false(mg_annotation_split(&kind, &options, "other:column:x"));
	assert_false(mg_annotation_split(&kind, &options, "MG:column:x"));
	assert_false(mg_annotation_split(&kind, &options, ""));
	assert_false(mg_annotation_split(&kind, &options, NULL));
	assert_int_equal(kind, MG_ANNOTATION_MODEL);
	assert_null(options);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(mg_annotation_kind_name(MG_ANNOTATION_FOREIGN_KEY), "foreign_key");
	assert_string_equal(mg_annotation_macro_name(MG_ANNOTATION_FOREIGN_KEY), "MG_FOREIGN_KEY");
	assert_string_equal(mg_annotation_macro_name(MG_ANNOTATION_ALLOW), "MG_ALLOW");
	assert_string_equal(mg_annotation_kind_name(MG_ANNOTATION_UNKNOWN), "?");
	assert_string_equal(mg_annotation_macro_name((mg_annotation_kind)999), "?");
	assert_string_equal(mg_annotation_error_code_name(MG_ANNOTATION_ERROR_UNKNOWN_KEY),
	                    "unknown-key");
	assert_string_equal(mg_annotation_error_code_name((mg_annotation_error_code)0), "?");
}

/* ---- every kind -------------------------------------------------------- */

static void test_model(void **state)
{
	mg_annotation *a;
	(void)state;

	a = parse_ok(MG_ANNOTATION_MODEL, "tablename=users, comment=\"people who sign in\", schema=auth");
	assert_int_equal(mg_annotation_get_kind(a), MG_ANNOTATION_MODEL);
	assert_int_equal(mg_annotation_option_count(a), 3);
	assert_int_equal(mg_annotation_positional_count(a), 0);
	check_type(a, "tablename", MG_VALUE_IDENT, "users");
	check_type(a, "comment", MG_VALUE_STRING, "people who sign in");
	check_type(a, "schema", MG_VALUE_IDENT, "auth");
	mg_annotation_free(a);

	a = parse_ok(MG_ANNOTATION_MODEL, "");
	assert_int_equal(mg_annotation_option_count(a), 0);
	assert_string_equal(mg_annotation_text(a), "");
	mg_annotation_free(a);

	/* Unquoted comment: taken as a string. */
	a = parse_ok(MG_ANNOTATION_MODEL, "comment=people");
	check_type(a, "comment", MG_VALUE_STRING, "people");
	mg_annotation_free(a);
}

static void test_table(void **state)
{
	mg_annotation *a;
	const mg_annotation_value *v;
	(void)state;

	a = parse_ok(MG_ANNOTATION_TABLE, "playlist_songs");
	assert_int_equal(mg_annotation_positional_count(a), 1);
	v = mg_annotation_positional(a, 0);
	assert_non_null(v);
	assert_int_equal(v->type, MG_VALUE_IDENT);
	assert_string_equal(v->str, "playlist_songs");
	assert_int_equal(v->offset, 0);
	assert_int_equal(v->length, 14);
	mg_annotation_free(a);

	a = parse_ok(MG_ANNOTATION_TABLE, "playlist_songs, comment=\"songs, in order\", schema=music");
	assert_string_equal(mg_annotation_positional(a, 0)->str, "playlist_songs");
	check_type(a, "comment", MG_VALUE_STRING, "songs, in order");
	check_type(a, "schema", MG_VALUE_IDENT, "music");
	mg_annotation_free(a);

	check_only_error(MG_ANNOTATION_TABLE, "", MG_ANNOTATION_ERROR_MISSING_POSITIONAL, 0, 0,
	                 "missing table name for MG_TABLE", NULL);
	check_only_error(MG_ANNOTATION_TABLE, "\"playlist songs\"", MG_ANNOTATION_ERROR_INVALID_VALUE,
	                 0, 16,
	                 "invalid value \"\\\"playlist songs\\\"\" for the table name of MG_TABLE; "
	                 "expected an identifier",
	                 NULL);
}

static void test_column(void **state)
{
	mg_annotation *a;
	const mg_annotation_value *v;
	(void)state;

	a = parse_ok(MG_ANNOTATION_COLUMN,
	             "primary_key=true, unique=false, nullable=0, index=1, autoincrement, "
	             "default=0, server_default=CURRENT_TIMESTAMP, name=user_name, "
	             "type=VARCHAR(80), comment=\"login, as typed\"");
	assert_int_equal(mg_annotation_option_count(a), 10);
	check_bool(a, "primary_key", true);
	check_bool(a, "unique", false);
	check_bool(a, "nullable", false);
	check_bool(a, "index", true);
	check_bool(a, "autoincrement", true);
	v = check_type(a, "default", MG_VALUE_INT, "0");
	assert_int_equal(v->integer, 0);
	check_type(a, "server_default", MG_VALUE_IDENT, "CURRENT_TIMESTAMP");
	check_type(a, "name", MG_VALUE_IDENT, "user_name");
	check_type(a, "type", MG_VALUE_TEXT, "VARCHAR(80)");
	check_type(a, "comment", MG_VALUE_STRING, "login, as typed");
	assert_string_equal(mg_annotation_get_string(a, "type"), "VARCHAR(80)");
	assert_string_equal(mg_annotation_get_string(a, "primary_key"), "true");

	/* Options in the order written, with their item ranges. */
	assert_string_equal(mg_annotation_option_at(a, 0)->key, "primary_key");
	assert_int_equal(mg_annotation_option_at(a, 0)->offset, 0);
	assert_int_equal(mg_annotation_option_at(a, 0)->length, 16);
	assert_string_equal(mg_annotation_option_at(a, 4)->key, "autoincrement");
	assert_string_equal(mg_annotation_option_at(a, 4)->value.raw, "");
	assert_null(mg_annotation_option_at(a, 10));
	mg_annotation_free(a);

	/* Commas inside parentheses; quoted and free-text types. */
	a = parse_ok(MG_ANNOTATION_COLUMN, "type=NUMERIC(10, 2), nullable=false");
	check_type(a, "type", MG_VALUE_TEXT, "NUMERIC(10, 2)");
	check_bool(a, "nullable", false);
	mg_annotation_free(a);
	a = parse_ok(MG_ANNOTATION_COLUMN, "type=\"DOUBLE PRECISION\"");
	check_type(a, "type", MG_VALUE_TEXT, "DOUBLE PRECISION");
	mg_annotation_free(a);
	a = parse_ok(MG_ANNOTATION_COLUMN, "type=TIMESTAMP   WITH\tTIME ZONE");
	check_type(a, "type", MG_VALUE_TEXT, "TIMESTAMP WITH TIME ZONE");
	mg_annotation_free(a);

	/* Literals keep what was written: a string "NULL" is not NULL. */
	a = parse_ok(MG_ANNOTATION_COLUMN, "default=\"NULL\", server_default=now()");
	check_type(a, "default", MG_VALUE_STRING, "NULL");
	check_type(a, "server_default", MG_VALUE_TEXT, "now()");
	mg_annotation_free(a);
	a = parse_ok(MG_ANNOTATION_COLUMN, "default=NULL, server_default=-1");
	check_type(a, "default", MG_VALUE_IDENT, "NULL");
	v = check_type(a, "server_default", MG_VALUE_INT, "-1");
	assert_int_equal(v->integer, -1);
	mg_annotation_free(a);
	a = parse_ok(MG_ANNOTATION_COLUMN, "default=3.5");
	check_type(a, "default", MG_VALUE_TEXT, "3.5");
	mg_annotation_free(a);

	check_only_error(MG_ANNOTATION_COLUMN, "default=[1, 2]", MG_ANNOTATION_ERROR_INVALID_VALUE,
	                 8, 6, "invalid value \"[1, 2]\" for option \"default\"; expected a single value",
	                 NULL);
	check_only_error(MG_ANNOTATION_COLUMN, "type=\"\"", MG_ANNOTATION_ERROR_INVALID_VALUE, 5, 2,
	                 "invalid value \"\\\"\\\"\" for option \"type\"; expected a SQL type", NULL);
	check_only_error(MG_ANNOTATION_COLUMN, "name=user.name", MG_ANNOTATION_ERROR_INVALID_VALUE,
	                 5, 9, "invalid value \"user.name\" for option \"name\"; expected an identifier",
	                 NULL);
}

static void test_foreign_key(void **state)
{
	mg_annotation *a;
	const mg_annotation_value *v;
	(void)state;

	a = parse_ok(MG_ANNOTATION_FOREIGN_KEY, "users.id, nullable=false, ondelete=CASCADE");
	v = mg_annotation_positional(a, 0);
	assert_non_null(v);
	assert_int_equal(v->type, MG_VALUE_REF);
	assert_string_equal(v->str, "users.id");
	assert_null(v->ref.schema);
	assert_string_equal(v->ref.table, "users");
	assert_string_equal(v->ref.column, "id");
	check_bool(a, "nullable", false);
	check_type(a, "ondelete", MG_VALUE_ENUM, "CASCADE");
	mg_annotation_free(a);

	a = parse_ok(MG_ANNOTATION_FOREIGN_KEY,
	             "auth.users.id, ondelete=SET NULL, onupdate=no  action, primary_key, "
	             "constraint_name=fk_owner, name=owner, type=BIGINT");
	v = mg_annotation_positional(a, 0);
	assert_string_equal(v->ref.schema, "auth");
	assert_string_equal(v->ref.table, "users");
	assert_string_equal(v->ref.column, "id");
	check_type(a, "ondelete", MG_VALUE_ENUM, "SET NULL");
	check_type(a, "onupdate", MG_VALUE_ENUM, "NO ACTION");
	check_bool(a, "primary_key", true);
	check_type(a, "constraint_name", MG_VALUE_IDENT, "fk_owner");
	check_type(a, "name", MG_VALUE_IDENT, "owner");
	check_type(a, "type", MG_VALUE_TEXT, "BIGINT");
	mg_annotation_free(a);

	a = parse_ok(MG_ANNOTATION_FOREIGN_KEY, "song.id, ondelete=\"set default\", onupdate=restrict");
	check_type(a, "ondelete", MG_VALUE_ENUM, "SET DEFAULT");
	check_type(a, "onupdate", MG_VALUE_ENUM, "RESTRICT");
	mg_annotation_free(a);

	check_only_error(MG_ANNOTATION_FOREIGN_KEY, "users", MG_ANNOTATION_ERROR_INVALID_VALUE, 0, 5,
	                 "invalid value \"users\" for the reference of MG_FOREIGN_KEY; "
	                 "expected table.column",
	                 NULL);
	check_only_error(MG_ANNOTATION_FOREIGN_KEY, "a.b.c.d", MG_ANNOTATION_ERROR_INVALID_VALUE, 0, 7,
	                 "invalid value \"a.b.c.d\" for the reference of MG_FOREIGN_KEY; "
	                 "expected table.column",
	                 NULL);
	check_only_error(MG_ANNOTATION_FOREIGN_KEY, "nullable=false",
	                 MG_ANNOTATION_ERROR_MISSING_POSITIONAL, 0, 0,
	                 "missing reference for MG_FOREIGN_KEY", NULL);
}

static void test_relationship(void **state)
{
	mg_annotation *a;
	const mg_annotation_value *v, *items;
	size_t count = 99;
	(void)state;

	/* The seed's three relationships. */
	a = parse_ok(MG_ANNOTATION_RELATIONSHIP, "Post, backref=author, lazy=select");
	assert_string_equal(mg_annotation_positional(a, 0)->str, "Post");
	check_type(a, "backref", MG_VALUE_IDENT, "author");
	check_type(a, "lazy", MG_VALUE_ENUM, "select");
	mg_annotation_free(a);
	a = parse_ok(MG_ANNOTATION_RELATIONSHIP, "UserProfile, uselist=False, backref=user");
	assert_string_equal(mg_annotation_positional(a, 0)->str, "UserProfile");
	check_bool(a, "uselist", false);
	mg_annotation_free(a);
	a = parse_ok(MG_ANNOTATION_RELATIONSHIP, "Playlist, secondary=playlist_songs, backref=songs");
	check_type(a, "secondary", MG_VALUE_IDENT, "playlist_songs");
	mg_annotation_free(a);

	a = parse_ok(MG_ANNOTATION_RELATIONSHIP,
	             "Post, back_populates=author, foreign_keys=[Post.author_id, blog.post.editor_id], "
	             "remote_side=[id, Node.parent_id], cascade=\"all, delete-orphan\", lazy=Joined, "
	             "order_by=Post.created desc, viewonly, overlaps=\"parent,children\"");
	assert_int_equal(mg_annotation_option_count(a), 8);
	check_type(a, "back_populates", MG_VALUE_IDENT, "author");
	items = mg_annotation_get_list(&count, a, "foreign_keys");
	assert_int_equal(count, 2);
	assert_int_equal(items[0].type, MG_VALUE_REF);
	assert_string_equal(items[0].ref.table, "Post");
	assert_string_equal(items[0].ref.column, "author_id");
	assert_string_equal(items[1].ref.schema, "blog");
	assert_int_equal(items[1].offset, 59);
	assert_int_equal(items[1].length, 19);
	items = mg_annotation_get_list(&count, a, "remote_side");
	assert_int_equal(count, 2);
	assert_int_equal(items[0].type, MG_VALUE_IDENT);
	assert_string_equal(items[0].str, "id");
	assert_int_equal(items[1].type, MG_VALUE_REF);
	check_type(a, "cascade", MG_VALUE_STRING, "all, delete-orphan");
	check_type(a, "lazy", MG_VALUE_ENUM, "joined");
	check_type(a, "order_by", MG_VALUE_TEXT, "Post.created desc");
	check_bool(a, "viewonly", true);
	items = mg_annotation_get_list(&count, a, "overlaps");
	assert_int_equal(count, 2);
	assert_string_equal(items[0].str, "parent");
	assert_string_equal(items[1].str, "children");
	assert_null(mg_annotation_get_string(a, "overlaps"));
	mg_annotation_free(a);

	/* One value without brackets makes a list of one. */
	a = parse_ok(MG_ANNOTATION_RELATIONSHIP,
	             "Node, foreign_keys=Node.parent_id, remote_side=id, overlaps=[parent], "
	             "cascade=[save-update, merge], order_by=[Node.name, Node.id]");
	items = mg_annotation_get_list(&count, a, "foreign_keys");
	assert_int_equal(count, 1);
	assert_string_equal(items[0].str, "Node.parent_id");
	items = mg_annotation_get_list(&count, a, "remote_side");
	assert_int_equal(count, 1);
	assert_string_equal(items[0].str, "id");
	items = mg_annotation_get_list(&count, a, "overlaps");
	assert_int_equal(count, 1);
	check_type(a, "cascade", MG_VALUE_STRING, "save-update, merge");
	v = mg_annotation_get(a, "order_by");
	assert_int_equal(v->type, MG_VALUE_LIST);
	assert_int_equal(v->count, 2);
	mg_annotation_free(a);

	a = parse_ok(MG_ANNOTATION_RELATIONSHIP, "Post, cascade=all, lazy=raise_on_sql, overlaps=\"\"");
	check_type(a, "cascade", MG_VALUE_STRING, "all");
	check_type(a, "lazy", MG_VALUE_ENUM, "raise_on_sql");
	assert_null(mg_annotation_get_list(&count, a, "overlaps"));
	assert_int_equal(count, 0);
	assert_int_equal(mg_annotation_get(a, "overlaps")->type, MG_VALUE_LIST);
	mg_annotation_free(a);

	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Post, foreign_keys=[Post.a, author_id]",
	                 MG_ANNOTATION_ERROR_INVALID_VALUE, 28, 9,
	                 "invalid value \"author_id\" for option \"foreign_keys\"; expected table.column",
	                 NULL);
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Post, cascade=\"all, delete-orphn\"",
	                 MG_ANNOTATION_ERROR_INVALID_VALUE, 14, 19,
	                 "invalid cascade rule \"delete-orphn\" in option \"cascade\"; "
	                 "did you mean \"delete-orphan\"?",
	                 "delete-orphan");
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Post, overlaps=\"a, 1x\"",
	                 MG_ANNOTATION_ERROR_INVALID_VALUE, 15, 7,
	                 "invalid name \"1x\" in option \"overlaps\"; "
	                 "expected an identifier or table.column",
	                 NULL);
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Post, secondary=\"x\"",
	                 MG_ANNOTATION_ERROR_INVALID_VALUE, 16, 3,
	                 "invalid value \"\\\"x\\\"\" for option \"secondary\"; expected an identifier",
	                 NULL);
}

/* backref=backref(name, …): the name is the value of "backref", the options
 * inside are "backref.<key>", checked as the relationship's own, each error
 * at its own offset. */
static void test_backref_options(void **state)
{
	(void)state;
	mg_annotation *a = parse_ok(MG_ANNOTATION_RELATIONSHIP,
	                            "Post, backref=backref(author, lazy=joined, uselist=false, "
	                            "remote_side=[id], viewonly), cascade=all");
	check_type(a, "backref", MG_VALUE_IDENT, "author");
	check_type(a, "backref.lazy", MG_VALUE_ENUM, "joined");
	check_bool(a, "backref.uselist", false);
	check_bool(a, "backref.viewonly", true);
	size_t n = 0;
	const mg_annotation_value *items = mg_annotation_get_list(&n, a, "backref.remote_side");
	assert_int_equal(n, 1);
	assert_string_equal(items[0].str, "id");
	check_type(a, "cascade", MG_VALUE_STRING, "all");
	assert_null(mg_annotation_get(a, "lazy"));
	mg_annotation_free(a);

	a = parse_ok(MG_ANNOTATION_RELATIONSHIP, "Post, backref = backref( author )");
	check_type(a, "backref", MG_VALUE_IDENT, "author");
	mg_annotation_free(a);

	/*                     0         1         2         3         4
	 *                     0123456789012345678901234567890123456789012345 */
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Post, backref=backref(author, lazzy=joined)",
	                 MG_ANNOTATION_ERROR_UNKNOWN_KEY, 30, 5,
	                 "unknown option \"lazzy\" for backref(); did you mean \"lazy\"?", "lazy");
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Post, backref=backref(author, secondary=t)",
	                 MG_ANNOTATION_ERROR_UNKNOWN_KEY, 30, 9,
	                 "backref() does not take option \"secondary\": the backref goes through its "
	                 "relationship's secondary; leave it out",
	                 NULL);
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Post, backref=backref(author, lazy=dynamc)",
	                 MG_ANNOTATION_ERROR_INVALID_VALUE, 35, 6,
	                 "invalid value \"dynamc\" for option \"lazy\"; did you mean \"dynamic\"?",
	                 "dynamic");
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Post, backref=backref(lazy=joined)",
	                 MG_ANNOTATION_ERROR_MISSING_POSITIONAL, 22, 0, "missing name for backref()",
	                 NULL);
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Post, backref=backref(a, b)",
	                 MG_ANNOTATION_ERROR_UNKNOWN_KEY, 25, 1, "unknown option \"b\" for backref()",
	                 NULL);
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Post, backref=backref(a) x",
	                 MG_ANNOTATION_ERROR_SYNTAX, 24, 2, "unexpected text after \")\"", NULL);
	/* Options inside count apart from the relationship's own, but not twice. */
	a = parse(MG_ANNOTATION_RELATIONSHIP, "Post, lazy=select, backref=backref(a, lazy=joined, lazy=select)");
	assert_int_equal(mg_annotation_error_count(a), 1);
	check_error(a, 0, MG_ANNOTATION_ERROR_DUPLICATE_KEY, 51, 11, "duplicate option \"lazy\"", NULL);
	check_type(a, "lazy", MG_VALUE_ENUM, "select");
	check_type(a, "backref.lazy", MG_VALUE_ENUM, "joined");
	mg_annotation_free(a);
}

/* passive_deletes, collection_class and the other later options. */
static void test_later_relationship_options(void **state)
{
	(void)state;
	mg_annotation *a = parse_ok(MG_ANNOTATION_RELATIONSHIP,
	                            "Note, passive_deletes, post_update=1, sync_backref=false, "
	                            "collection_class=column_mapped_collection(Note.keyword), name=notes_");
	check_bool(a, "passive_deletes", true);
	check_bool(a, "post_update", true);
	check_bool(a, "sync_backref", false);
	const mg_annotation_value *v = check_type(a, "collection_class", MG_VALUE_ENUM, "column_keyed_dict");
	assert_int_equal(v->count, 1);
	assert_string_equal(v->items[0].str, "Note.keyword");
	check_type(a, "name", MG_VALUE_IDENT, "notes_");
	mg_annotation_free(a);

	a = parse_ok(MG_ANNOTATION_RELATIONSHIP,
	             "Note, passive_deletes=ALL, collection_class=attribute_keyed_dict( \"key word\" )");
	check_type(a, "passive_deletes", MG_VALUE_ENUM, "all");
	v = check_type(a, "collection_class", MG_VALUE_ENUM, "attribute_keyed_dict");
	assert_string_equal(v->items[0].str, "key word");
	mg_annotation_free(a);

	a = parse_ok(MG_ANNOTATION_RELATIONSHIP, "Note, collection_class=set");
	check_type(a, "collection_class", MG_VALUE_ENUM, "set");
	mg_annotation_free(a);

	/*                     0         1         2         3         4
	 *                     0123456789012345678901234567890123456789012345 */
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Note, collection_class=column_keyed_dict()",
	                 MG_ANNOTATION_ERROR_INVALID_VALUE, 23, 19,
	                 "column_keyed_dict in option \"collection_class\" needs what it keys by: "
	                 "a column, Model.column",
	                 NULL);
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Note, collection_class=lst",
	                 MG_ANNOTATION_ERROR_INVALID_VALUE, 23, 3,
	                 "invalid value \"lst\" for option \"collection_class\"; did you mean \"list\"?",
	                 "list");
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Note, passive_deletes=al",
	                 MG_ANNOTATION_ERROR_INVALID_VALUE, 22, 2,
	                 "invalid value \"al\" for option \"passive_deletes\"; did you mean \"all\"?",
	                 "all");
	check_only_error(MG_ANNOTATION_FOREIGN_KEY, "users.id, use_alter=yes",
	                 MG_ANNOTATION_ERROR_INVALID_VALUE, 20, 3,
	                 "invalid value \"yes\" for option \"use_alter\"; expected true or false", NULL);
}

static void test_column_lists(void **state)
{
	mg_annotation *a;
	(void)state;

	a = parse_ok(MG_ANNOTATION_PRIMARY_KEY, "song_id, playlist_id");
	assert_int_equal(mg_annotation_positional_count(a), 2);
	assert_string_equal(mg_annotation_positional(a, 0)->str, "song_id");
	assert_string_equal(mg_annotation_positional(a, 1)->str, "playlist_id");
	assert_null(mg_annotation_positional(a, 2));
	mg_annotation_free(a);

	/* `name` is a column here: MG_UNIQUE has no options. */
	a = parse_ok(MG_ANNOTATION_UNIQUE, "owner_id, name");
	assert_int_equal(mg_annotation_positional_count(a), 2);
	assert_string_equal(mg_annotation_positional(a, 1)->str, "name");
	mg_annotation_free(a);

	check_only_error(MG_ANNOTATION_PRIMARY_KEY, "", MG_ANNOTATION_ERROR_MISSING_POSITIONAL, 0, 0,
	                 "missing column for MG_PRIMARY_KEY", NULL);
	check_only_error(MG_ANNOTATION_UNIQUE, "a, b.c", MG_ANNOTATION_ERROR_INVALID_VALUE, 3, 3,
	                 "invalid value \"b.c\" for the column of MG_UNIQUE; expected an identifier",
	                 NULL);
	check_only_error(MG_ANNOTATION_UNIQUE, "a, x=1", MG_ANNOTATION_ERROR_UNKNOWN_KEY, 3, 1,
	                 "unknown option \"x\" for MG_UNIQUE", NULL);

	/* An invalid column leaves its slot empty; the others keep their index. */
	a = parse(MG_ANNOTATION_PRIMARY_KEY, "a, 1, c");
	assert_int_equal(mg_annotation_error_count(a), 1);
	assert_int_equal(mg_annotation_positional_count(a), 3);
	assert_null(mg_annotation_positional(a, 1));
	assert_string_equal(mg_annotation_positional(a, 2)->str, "c");
	mg_annotation_free(a);
}

static void test_index(void **state)
{
	mg_annotation *a;
	(void)state;

	a = parse_ok(MG_ANNOTATION_INDEX, "ix_post_user_created, user_id, created");
	assert_int_equal(mg_annotation_positional_count(a), 3);
	assert_string_equal(mg_annotation_positional(a, 0)->str, "ix_post_user_created");
	assert_string_equal(mg_annotation_positional(a, 2)->str, "created");
	assert_null(mg_annotation_get(a, "unique"));
	mg_annotation_free(a);

	/* Bare `unique` after the columns is the option. */
	a = parse_ok(MG_ANNOTATION_INDEX, "ix_slug, slug, unique");
	assert_int_equal(mg_annotation_positional_count(a), 2);
	check_bool(a, "unique", true);
	mg_annotation_free(a);
	a = parse_ok(MG_ANNOTATION_INDEX, "ix_slug, slug, unique=false");
	check_bool(a, "unique", false);
	mg_annotation_free(a);

	check_only_error(MG_ANNOTATION_INDEX, "ix_slug", MG_ANNOTATION_ERROR_MISSING_POSITIONAL, 7, 0,
	                 "missing column for MG_INDEX", NULL);
	check_only_error(MG_ANNOTATION_INDEX, "", MG_ANNOTATION_ERROR_MISSING_POSITIONAL, 0, 0,
	                 "missing index name for MG_INDEX", NULL);
}

static void test_allow(void **state)
{
	mg_annotation *a;
	const mg_annotation_value *v;
	(void)state;

	a = parse_ok(MG_ANNOTATION_ALLOW, "fk-missing-index, \"few rows, never searched\"");
	assert_int_equal(mg_annotation_positional_count(a), 2);
	v = mg_annotation_positional(a, 0);
	assert_int_equal(v->type, MG_VALUE_WORD);
	assert_string_equal(v->str, "fk-missing-index");
	v = mg_annotation_positional(a, 1);
	assert_int_equal(v->type, MG_VALUE_STRING);
	assert_string_equal(v->str, "few rows, never searched");
	mg_annotation_free(a);

	/* No reason: not a parse error; the linter reports it. */
	a = parse_ok(MG_ANNOTATION_ALLOW, "fk-missing-index");
	assert_int_equal(mg_annotation_positional_count(a), 1);
	assert_non_null(mg_annotation_positional(a, 0));
	assert_null(mg_annotation_positional(a, 1));
	mg_annotation_free(a);

	/* Quoted rule ids and one-word ids are accepted. */
	a = parse_ok(MG_ANNOTATION_ALLOW, "\"table-isolated\", \"\"");
	assert_string_equal(mg_annotation_positional(a, 0)->str, "table-isolated");
	assert_int_equal(mg_annotation_positional(a, 0)->type, MG_VALUE_WORD);
	assert_string_equal(mg_annotation_positional(a, 1)->str, "");
	mg_annotation_free(a);

	check_only_error(MG_ANNOTATION_ALLOW, "fk-missing-index, few rows",
	                 MG_ANNOTATION_ERROR_INVALID_VALUE, 18, 8,
	                 "invalid value \"few rows\" for the reason of MG_ALLOW; expected a quoted string",
	                 NULL);
	check_only_error(MG_ANNOTATION_ALLOW, "fk missing", MG_ANNOTATION_ERROR_INVALID_VALUE, 0, 10,
	                 "invalid value \"fk missing\" for the rule id of MG_ALLOW; "
	                 "expected a rule id such as fk-missing-index",
	                 NULL);
	check_only_error(MG_ANNOTATION_ALLOW, "", MG_ANNOTATION_ERROR_MISSING_POSITIONAL, 0, 0,
	                 "missing rule id for MG_ALLOW", NULL);
	check_only_error(MG_ANNOTATION_ALLOW, "a-b, \"r\", \"again\"",
	                 MG_ANNOTATION_ERROR_UNEXPECTED_POSITIONAL, 10, 7,
	                 "unexpected value \"\\\"again\\\"\" for MG_ALLOW", NULL);
	check_only_error(MG_ANNOTATION_ALLOW, "a-b, \"r\", more",
	                 MG_ANNOTATION_ERROR_UNEXPECTED_POSITIONAL, 10, 4,
	                 "unexpected value \"more\" for MG_ALLOW", NULL);
}

static void test_transient_and_unknown_kind(void **state)
{
	mg_annotation *a;
	(void)state;

	a = parse_ok(MG_ANNOTATION_TRANSIENT, "");
	assert_int_equal(mg_annotation_get_kind(a), MG_ANNOTATION_TRANSIENT);
	assert_int_equal(mg_annotation_option_count(a), 0);
	assert_int_equal(mg_annotation_positional_count(a), 0);
	mg_annotation_free(a);

	check_only_error(MG_ANNOTATION_TRANSIENT, "x", MG_ANNOTATION_ERROR_UNEXPECTED_POSITIONAL, 0, 1,
	                 "unexpected value \"x\" for MG_TRANSIENT", NULL);
	check_only_error(MG_ANNOTATION_TRANSIENT, "x=1", MG_ANNOTATION_ERROR_UNKNOWN_KEY, 0, 1,
	                 "unknown option \"x\" for MG_TRANSIENT", NULL);
	check_only_error((mg_annotation_kind)42, "a=1", MG_ANNOTATION_ERROR_UNKNOWN_KEY, 0, 1,
	                 "unknown option \"a\" for annotation", NULL);

	a = parse(MG_ANNOTATION_UNKNOWN, "x");
	assert_int_equal(mg_annotation_get_kind(a), MG_ANNOTATION_UNKNOWN);
	assert_int_equal(mg_annotation_error_count(a), 1);
	mg_annotation_free(a);
}

/* What clang attaches for tests/header/annotated.c (see check-header.sh):
 * every one splits and parses without error. */
static void test_header_annotations(void **state)
{
	static const char *const annotations[] = {
		"mg:model:tablename=users, comment=\"people who sign in\"",
		"mg:column:primary_key=true",
		"mg:column:unique=true, nullable=false",
		"mg:column:unique, nullable=false, index=True, comment=\"address, \\\"as typed\\\"\"",
		"mg:column:server_default=CURRENT_TIMESTAMP",
		"mg:relationship:Post, backref=author, lazy=select, order_by=Post.created desc, "
		"cascade=\"all, delete-orphan\"",
		"mg:relationship:UserProfile, uselist=false, backref=user",
		"mg:transient:",
		"mg:model:",
		"mg:index:ix_post_user_created, user_id, created",
		"mg:column:primary_key=true, autoincrement",
		"mg:column:nullable=false, type=VARCHAR(200)",
		"mg:column:default=\"\", comment=\"markdown\"",
		"mg:foreign_key:users.id, nullable=false, ondelete=CASCADE",
		"mg:model:tablename=user_profiles",
		"mg:foreign_key:users.id, unique=true, nullable=false, ondelete=CASCADE, "
		"onupdate=NO ACTION",
		"mg:column:nullable=true",
		"mg:column:primary_key",
		"mg:relationship:Playlist, secondary=playlist_songs, backref=songs, lazy=selectin",
		"mg:unique:owner_id, name",
		"mg:foreign_key:users.id, ondelete=SET NULL",
		"mg:allow:fk-missing-index, \"few playlists per user\"",
		"mg:table:playlist_songs",
		"mg:primary_key:song_id, playlist_id",
		"mg:foreign_key:song.id",
		"mg:column:nullable=false, default=0",
	};
	(void)state;

	for (size_t i = 0; i < sizeof annotations / sizeof annotations[0]; i++) {
		mg_annotation_kind kind = MG_ANNOTATION_UNKNOWN;
		const char *options = NULL;
		mg_annotation *a;

		assert_true(mg_annotation_split(&kind, &options, annotations[i]));
		assert_int_not_equal(kind, MG_ANNOTATION_UNKNOWN);
		a = parse_ok(kind, options);
		mg_annotation_free(a);
	}
}

/* ---- value types ------------------------------------------------------- */

static void test_bool_values(void **state)
{
	static const struct {
		const char *text;
		bool value;
	} good[] = {
		{ "nullable=true", true },   { "nullable=false", false }, { "nullable=1", true },
		{ "nullable=0", false },     { "nullable=True", true },   { "nullable=False", false },
		{ "nullable=TRUE", true },   { "nullable", true },        { " nullable = false ", false },
	};
	(void)state;

	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		mg_annotation *a = parse_ok(MG_ANNOTATION_COLUMN, good[i].text);
		const mg_annotation_value *v = mg_annotation_get(a, "nullable");
		assert_non_null(v);
		assert_int_equal(v->type, MG_VALUE_BOOL);
		assert_int_equal(v->boolean, good[i].value);
		assert_string_equal(v->str, good[i].value ? "true" : "false");
		mg_annotation_free(a);
	}

	check_only_error(MG_ANNOTATION_COLUMN, "nullable=yes", MG_ANNOTATION_ERROR_INVALID_VALUE, 9, 3,
	                 "invalid value \"yes\" for option \"nullable\"; expected true or false", NULL);
	check_only_error(MG_ANNOTATION_COLUMN, "nullable=ture", MG_ANNOTATION_ERROR_INVALID_VALUE, 9, 4,
	                 "invalid value \"ture\" for option \"nullable\"; did you mean \"true\"?", "true");
	check_only_error(MG_ANNOTATION_COLUMN, "nullable=\"false\"", MG_ANNOTATION_ERROR_INVALID_VALUE,
	                 9, 7,
	                 "invalid value \"\\\"false\\\"\" for option \"nullable\"; "
	                 "did you mean \"false\"?",
	                 "false");
	check_only_error(MG_ANNOTATION_COLUMN, "unique=2", MG_ANNOTATION_ERROR_INVALID_VALUE, 7, 1,
	                 "invalid value \"2\" for option \"unique\"; expected true or false", NULL);
	check_only_error(MG_ANNOTATION_COLUMN, "unique=[true]", MG_ANNOTATION_ERROR_INVALID_VALUE, 7, 6,
	                 "invalid value \"[true]\" for option \"unique\"; expected true or false", NULL);
}

static void test_string_values(void **state)
{
	mg_annotation *a;
	const mg_annotation_value *v;
	(void)state;

	a = parse_ok(MG_ANNOTATION_COLUMN, "comment=\"a, \\\"quoted\\\" text\"");
	v = check_type(a, "comment", MG_VALUE_STRING, "a, \"quoted\" text");
	assert_string_equal(v->raw, "\"a, \\\"quoted\\\" text\"");
	assert_int_equal(v->offset, 8);
	assert_int_equal(v->length, 20);
	mg_annotation_free(a);

	a = parse_ok(MG_ANNOTATION_COLUMN, "comment=\"tab\\there\\nback\\\\slash \\'q\\' = [ ( \"");
	check_type(a, "comment", MG_VALUE_STRING, "tab\there\nback\\slash 'q' = [ ( ");
	mg_annotation_free(a);

	a = parse_ok(MG_ANNOTATION_COLUMN, "comment=\"\"");
	v = check_type(a, "comment", MG_VALUE_STRING, "");
	assert_int_equal(v->size, 0);
	mg_annotation_free(a);

	/* Values of other options may contain "=" inside strings. */
	a = parse_ok(MG_ANNOTATION_COLUMN, "server_default=\"a=b\", comment=\"x\"");
	check_type(a, "server_default", MG_VALUE_STRING, "a=b");
	mg_annotation_free(a);

	/* Adjacent literals join, as in C; the value spans them all. */
	a = parse_ok(MG_ANNOTATION_COLUMN, "comment=\"one, \" \"two\\n\"  \"three\", unique");
	v = check_type(a, "comment", MG_VALUE_STRING, "one, two\nthree");
	assert_int_equal(v->offset, 8);
	assert_int_equal(v->length, 24);
	check_type(a, "unique", MG_VALUE_BOOL, "true");
	mg_annotation_free(a);
	check_only_error(MG_ANNOTATION_COLUMN, "comment=\"a\" \"b\" c", MG_ANNOTATION_ERROR_SYNTAX, 15, 2,
	                 "unexpected text after the closing quote", NULL);
	check_only_error(MG_ANNOTATION_COLUMN, "comment=\"a\" \"b", MG_ANNOTATION_ERROR_SYNTAX, 12, 2,
	                 "unterminated string", NULL);
}

static void test_scalar_values(void **state)
{
	mg_annotation *a;
	const mg_annotation_value *v;
	(void)state;

	a = parse_ok(MG_ANNOTATION_COLUMN,
	             "default=9223372036854775807, server_default=-9223372036854775808");
	v = check_type(a, "default", MG_VALUE_INT, "9223372036854775807");
	assert_true(v->integer == INT64_MAX);
	v = check_type(a, "server_default", MG_VALUE_INT, "-9223372036854775808");
	assert_true(v->integer == INT64_MIN);
	mg_annotation_free(a);

	/* Too big for an integer: kept as text. */
	a = parse_ok(MG_ANNOTATION_COLUMN, "default=99999999999999999999");
	check_type(a, "default", MG_VALUE_TEXT, "99999999999999999999");
	mg_annotation_free(a);

	a = parse_ok(MG_ANNOTATION_COLUMN, "default=some-word, server_default=a.b");
	check_type(a, "default", MG_VALUE_WORD, "some-word");
	v = check_type(a, "server_default", MG_VALUE_REF, "a.b");
	assert_string_equal(v->ref.table, "a");
	mg_annotation_free(a);

	a = parse_ok(MG_ANNOTATION_RELATIONSHIP, "Post, order_by=  Post.created   desc  ");
	v = check_type(a, "order_by", MG_VALUE_TEXT, "Post.created desc");
	assert_string_equal(v->raw, "Post.created   desc");
	assert_int_equal(v->offset, 17);
	mg_annotation_free(a);

	a = parse_ok(MG_ANNOTATION_RELATIONSHIP, "Post, order_by=\"Post.created DESC\"");
	check_type(a, "order_by", MG_VALUE_STRING, "Post.created DESC");
	mg_annotation_free(a);
}

static void test_accessors(void **state)
{
	mg_annotation *a;
	bool flag = true;
	size_t count = 7;
	(void)state;

	a = parse_ok(MG_ANNOTATION_RELATIONSHIP, "Post, backref=author, foreign_keys=[a.b]");
	assert_string_equal(mg_annotation_text(a), "Post, backref=author, foreign_keys=[a.b]");
	assert_int_equal(mg_annotation_get_bool(&flag, a, "uselist"), -1);
	assert_int_equal(mg_annotation_get_bool(&flag, a, "backref"), -1);
	assert_true(flag);
	assert_null(mg_annotation_get(a, "uselist"));
	assert_null(mg_annotation_get(a, NULL));
	assert_null(mg_annotation_get_string(a, "foreign_keys"));
	assert_null(mg_annotation_get_list(&count, a, "backref"));
	assert_int_equal(count, 0);
	assert_null(mg_annotation_positional(a, 1));
	assert_null(mg_annotation_error_at(a, 0));

	/* NULL annotation. */
	assert_int_equal(mg_annotation_error_count(NULL), 0);
	assert_int_equal(mg_annotation_option_count(NULL), 0);
	assert_int_equal(mg_annotation_positional_count(NULL), 0);
	assert_null(mg_annotation_positional(NULL, 0));
	assert_null(mg_annotation_option_at(NULL, 0));
	assert_null(mg_annotation_error_at(NULL, 0));
	assert_null(mg_annotation_get(NULL, "x"));
	assert_null(mg_annotation_text(NULL));
	assert_int_equal(mg_annotation_get_kind(NULL), MG_ANNOTATION_UNKNOWN);
	mg_annotation_free(a);
	mg_annotation_free(NULL);
}

/* ---- every error code -------------------------------------------------- */

static void test_error_unknown_key(void **state)
{
	(void)state;
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Post, backred=author",
	                 MG_ANNOTATION_ERROR_UNKNOWN_KEY, 6, 7,
	                 "unknown option \"backred\" for MG_RELATIONSHIP; did you mean \"backref\"?",
	                 "backref");
	check_only_error(MG_ANNOTATION_COLUMN, "Nullable=false", MG_ANNOTATION_ERROR_UNKNOWN_KEY, 0, 8,
	                 "unknown option \"Nullable\" for MG_COLUMN; did you mean \"nullable\"?",
	                 "nullable");
	check_only_error(MG_ANNOTATION_COLUMN, "primary_ky", MG_ANNOTATION_ERROR_UNKNOWN_KEY, 0, 10,
	                 "unknown option \"primary_ky\" for MG_COLUMN; did you mean \"primary_key\"?",
	                 "primary_key");
	check_only_error(MG_ANNOTATION_MODEL, "table=users", MG_ANNOTATION_ERROR_UNKNOWN_KEY, 0, 5,
	                 "unknown option \"table\" for MG_MODEL; did you mean \"tablename\"?",
	                 "tablename");
	check_only_error(MG_ANNOTATION_MODEL, "name=users", MG_ANNOTATION_ERROR_UNKNOWN_KEY, 0, 4,
	                 "unknown option \"name\" for MG_MODEL", NULL);
	/* After the target, a bare identifier is an option name. */
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Post, Comment", MG_ANNOTATION_ERROR_UNKNOWN_KEY,
	                 6, 7, "unknown option \"Comment\" for MG_RELATIONSHIP", NULL);
	/* ondelete is MG_FOREIGN_KEY's, not MG_COLUMN's. */
	check_only_error(MG_ANNOTATION_FOREIGN_KEY, "a.b, ondelet=CASCADE",
	                 MG_ANNOTATION_ERROR_UNKNOWN_KEY, 5, 7,
	                 "unknown option \"ondelet\" for MG_FOREIGN_KEY; did you mean \"ondelete\"?",
	                 "ondelete");
	check_only_error(MG_ANNOTATION_COLUMN, "ondelete=CASCADE", MG_ANNOTATION_ERROR_UNKNOWN_KEY, 0, 8,
	                 "unknown option \"ondelete\" for MG_COLUMN", NULL);
}

static void test_error_invalid_value(void **state)
{
	(void)state;
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Post, lazy=selectt",
	                 MG_ANNOTATION_ERROR_INVALID_VALUE, 11, 7,
	                 "invalid value \"selectt\" for option \"lazy\"; did you mean \"select\"?",
	                 "select");
	check_only_error(MG_ANNOTATION_FOREIGN_KEY, "a.b, ondelete=SET_NULL",
	                 MG_ANNOTATION_ERROR_INVALID_VALUE, 14, 8,
	                 "invalid value \"SET_NULL\" for option \"ondelete\"; did you mean \"SET NULL\"?",
	                 "SET NULL");
	check_only_error(MG_ANNOTATION_FOREIGN_KEY, "a.b, onupdate=explode",
	                 MG_ANNOTATION_ERROR_INVALID_VALUE, 14, 7,
	                 "invalid value \"explode\" for option \"onupdate\"; expected one of CASCADE, "
	                 "SET NULL, SET DEFAULT, RESTRICT, NO ACTION",
	                 NULL);
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Post, lazy=[select]",
	                 MG_ANNOTATION_ERROR_INVALID_VALUE, 11, 8,
	                 "invalid value \"[select]\" for option \"lazy\"; expected one of select, joined, "
	                 "subquery, selectin, raise, raise_on_sql, noload, dynamic, write_only, immediate",
	                 NULL);
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "1Post", MG_ANNOTATION_ERROR_INVALID_VALUE, 0, 5,
	                 "invalid value \"1Post\" for the target of MG_RELATIONSHIP; "
	                 "expected an identifier",
	                 NULL);
}

static void test_error_missing_value(void **state)
{
	mg_annotation *a;
	(void)state;

	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Post, backref=", MG_ANNOTATION_ERROR_MISSING_VALUE,
	                 6, 8, "option \"backref\" needs a value", NULL);
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Post, backref", MG_ANNOTATION_ERROR_MISSING_VALUE,
	                 6, 7, "option \"backref\" needs a value", NULL);
	check_only_error(MG_ANNOTATION_COLUMN, "nullable =  ", MG_ANNOTATION_ERROR_MISSING_VALUE, 0, 10,
	                 "option \"nullable\" needs a value", NULL);

	a = parse(MG_ANNOTATION_RELATIONSHIP, "Post, backref=");
	assert_null(mg_annotation_get(a, "backref"));
	mg_annotation_free(a);
}

static void test_error_duplicate_key(void **state)
{
	mg_annotation *a;
	(void)state;

	a = parse(MG_ANNOTATION_RELATIONSHIP, "Post, lazy=select, lazy=joined");
	assert_int_equal(mg_annotation_error_count(a), 1);
	check_error(a, 0, MG_ANNOTATION_ERROR_DUPLICATE_KEY, 19, 11, "duplicate option \"lazy\"", NULL);
	check_type(a, "lazy", MG_VALUE_ENUM, "select"); /* the first counts */
	assert_int_equal(mg_annotation_option_count(a), 1);
	mg_annotation_free(a);

	check_only_error(MG_ANNOTATION_COLUMN, "unique, unique=false", MG_ANNOTATION_ERROR_DUPLICATE_KEY,
	                 8, 12, "duplicate option \"unique\"", NULL);
	check_only_error(MG_ANNOTATION_COLUMN, "unique=false, unique", MG_ANNOTATION_ERROR_DUPLICATE_KEY,
	                 14, 6, "duplicate option \"unique\"", NULL);
}

static void test_error_positional(void **state)
{
	mg_annotation *a;
	(void)state;

	check_only_error(MG_ANNOTATION_RELATIONSHIP, "backref=author",
	                 MG_ANNOTATION_ERROR_MISSING_POSITIONAL, 0, 0,
	                 "missing target for MG_RELATIONSHIP", NULL);
	check_only_error(MG_ANNOTATION_COLUMN, "42", MG_ANNOTATION_ERROR_UNEXPECTED_POSITIONAL, 0, 2,
	                 "unexpected value \"42\" for MG_COLUMN", NULL);
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Post, users.id",
	                 MG_ANNOTATION_ERROR_UNEXPECTED_POSITIONAL, 6, 8,
	                 "unexpected value \"users.id\" for MG_RELATIONSHIP", NULL);

	/* Positional after a named option: a syntax error, but the value is kept. */
	a = parse(MG_ANNOTATION_RELATIONSHIP, "uselist=false, Post");
	assert_int_equal(mg_annotation_error_count(a), 1);
	check_error(a, 0, MG_ANNOTATION_ERROR_SYNTAX, 15, 4,
	            "positional value \"Post\" after named options", NULL);
	assert_string_equal(mg_annotation_positional(a, 0)->str, "Post");
	check_bool(a, "uselist", false);
	mg_annotation_free(a);
}

static void test_error_syntax(void **state)
{
	(void)state;
	check_only_error(MG_ANNOTATION_COLUMN, "comment=\"abc", MG_ANNOTATION_ERROR_SYNTAX, 8, 4,
	                 "unterminated string", NULL);
	check_only_error(MG_ANNOTATION_COLUMN, "comment=\"abc\\\"", MG_ANNOTATION_ERROR_SYNTAX, 8, 6,
	                 "unterminated string", NULL);
	check_only_error(MG_ANNOTATION_COLUMN, "type=VARCHAR(80", MG_ANNOTATION_ERROR_SYNTAX, 12, 1,
	                 "unclosed \"(\"", NULL);
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Post, foreign_keys=[a.b, c.d",
	                 MG_ANNOTATION_ERROR_SYNTAX, 19, 1, "unclosed \"[\"", NULL);
	check_only_error(MG_ANNOTATION_COLUMN, "type=VARCHAR80)", MG_ANNOTATION_ERROR_SYNTAX, 14, 1,
	                 "unmatched \")\"", NULL);
	check_only_error(MG_ANNOTATION_COLUMN, "type=A(1]", MG_ANNOTATION_ERROR_SYNTAX, 8, 1,
	                 "unmatched \"]\"", NULL);
	check_only_error(MG_ANNOTATION_COLUMN, "unique,,nullable", MG_ANNOTATION_ERROR_SYNTAX, 7, 0,
	                 "empty option", NULL);
	check_only_error(MG_ANNOTATION_COLUMN, "unique, ", MG_ANNOTATION_ERROR_SYNTAX, 8, 0,
	                 "empty option", NULL);
	check_only_error(MG_ANNOTATION_COLUMN, "unique, =true", MG_ANNOTATION_ERROR_SYNTAX, 8, 1,
	                 "expected an option name before \"=\"", NULL);
	check_only_error(MG_ANNOTATION_COLUMN, "primary-key=true", MG_ANNOTATION_ERROR_SYNTAX, 0, 11,
	                 "invalid option name \"primary-key\"", NULL);
	check_only_error(MG_ANNOTATION_COLUMN, "comment=\"a\" b", MG_ANNOTATION_ERROR_SYNTAX, 11, 2,
	                 "unexpected text after the closing quote", NULL);
	check_only_error(MG_ANNOTATION_COLUMN, "comment=\"a\\qb\"", MG_ANNOTATION_ERROR_SYNTAX, 10, 2,
	                 "invalid escape \"\\\\q\" in string", NULL);
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Post, remote_side=[[id]]",
	                 MG_ANNOTATION_ERROR_SYNTAX, 19, 4, "lists inside lists are not supported", NULL);
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Post, remote_side=[id] x",
	                 MG_ANNOTATION_ERROR_SYNTAX, 22, 2, "unexpected text after \"]\"", NULL);
	check_only_error(MG_ANNOTATION_RELATIONSHIP, "Post, remote_side=[id,]",
	                 MG_ANNOTATION_ERROR_SYNTAX, 22, 0, "empty list item", NULL);
}

/* All errors of an annotation are reported, in text order; the valid options survive. */
static void test_collects_all_errors(void **state)
{
	mg_annotation *a;
	(void)state;

	a = parse(MG_ANNOTATION_RELATIONSHIP,
	          "Post, backred=author, lazy=selectt, uselist=maybe, comment=\"x, cascade=all");
	assert_int_equal(mg_annotation_error_count(a), 4);
	check_error(a, 0, MG_ANNOTATION_ERROR_UNKNOWN_KEY, 6, 7,
	            "unknown option \"backred\" for MG_RELATIONSHIP; did you mean \"backref\"?",
	            "backref");
	check_error(a, 1, MG_ANNOTATION_ERROR_INVALID_VALUE, 27, 7,
	            "invalid value \"selectt\" for option \"lazy\"; did you mean \"select\"?", "select");
	check_error(a, 2, MG_ANNOTATION_ERROR_INVALID_VALUE, 44, 5,
	            "invalid value \"maybe\" for option \"uselist\"; expected true or false", NULL);
	check_error(a, 3, MG_ANNOTATION_ERROR_SYNTAX, 59, 15, "unterminated string", NULL);
	assert_string_equal(mg_annotation_positional(a, 0)->str, "Post");
	assert_int_equal(mg_annotation_option_count(a), 0);
	mg_annotation_free(a);

	/* Missing-positional errors sort among the others by offset. */
	a = parse(MG_ANNOTATION_INDEX, "ix, unique=maybe");
	assert_int_equal(mg_annotation_error_count(a), 2);
	check_error(a, 0, MG_ANNOTATION_ERROR_MISSING_POSITIONAL, 2, 0, "missing column for MG_INDEX",
	            NULL);
	check_error(a, 1, MG_ANNOTATION_ERROR_INVALID_VALUE, 11, 5,
	            "invalid value \"maybe\" for option \"unique\"; expected true or false", NULL);
	mg_annotation_free(a);
}

/* ---- hostile input ----------------------------------------------------- */

static void test_bad_arguments(void **state)
{
	mg_annotation *a = (mg_annotation *)state; /* not NULL: a failed call must reset it */

	assert_int_equal(mg_annotation_parse(NULL, MG_ANNOTATION_COLUMN, "x", 1), -1);
	assert_int_equal(mg_annotation_parse(&a, MG_ANNOTATION_COLUMN, NULL, 3), -1);
	assert_null(a);
	assert_int_equal(mg_annotation_parse(&a, MG_ANNOTATION_MODEL, NULL, 0), 0);
	assert_int_equal(mg_annotation_error_count(a), 0);
	assert_string_equal(mg_annotation_text(a), "");
	mg_annotation_free(a);
}

static void test_hostile_short(void **state)
{
	mg_annotation *a;
	(void)state;

	/* Spaces only: no item, no error. */
	a = parse_ok(MG_ANNOTATION_COLUMN, " \t\n ");
	mg_annotation_free(a);

	/* Commas only: one error per empty item. */
	a = parse(MG_ANNOTATION_COLUMN, ",,,");
	assert_int_equal(mg_annotation_error_count(a), 4);
	for (size_t i = 0; i < 4; i++)
		check_error(a, i, MG_ANNOTATION_ERROR_SYNTAX, i, 0, "empty option", NULL);
	mg_annotation_free(a);

	check_only_error(MG_ANNOTATION_COLUMN, "\"", MG_ANNOTATION_ERROR_SYNTAX, 0, 1,
	                 "unterminated string", NULL);
	check_only_error(MG_ANNOTATION_COLUMN, "=", MG_ANNOTATION_ERROR_SYNTAX, 0, 1,
	                 "expected an option name before \"=\"", NULL);
	check_only_error(MG_ANNOTATION_COLUMN, "]", MG_ANNOTATION_ERROR_SYNTAX, 0, 1,
	                 "unmatched \"]\"", NULL);
	check_only_error(MG_ANNOTATION_COLUMN, "comment=\"\\", MG_ANNOTATION_ERROR_SYNTAX, 8, 2,
	                 "unterminated string", NULL);

	/* Newlines never reach a message. */
	check_only_error(MG_ANNOTATION_COLUMN, "bad\nkey=1", MG_ANNOTATION_ERROR_SYNTAX, 0, 7,
	                 "invalid option name \"bad\\x0akey\"", NULL);
}

static void test_hostile_non_ascii(void **state)
{
	mg_annotation *a;
	const char text[] = "comment=\"caf\xc3\xa9 \xff\", tablename=caf\xc3\xa9";
	(void)state;

	a = parse(MG_ANNOTATION_MODEL, text);
	check_type(a, "comment", MG_VALUE_STRING, "caf\xc3\xa9 \xff");
	assert_int_equal(mg_annotation_error_count(a), 1);
	check_error(a, 0, MG_ANNOTATION_ERROR_INVALID_VALUE, 29, 5,
	            "invalid value \"caf\\xc3\\xa9\" for option \"tablename\"; expected an identifier",
	            NULL);
	mg_annotation_free(a);

	/* A NUL byte inside the text is an ordinary byte. */
	a = parse_n(MG_ANNOTATION_COLUMN, "comment=\"a\0b\", x\0y", 18);
	assert_int_equal(mg_annotation_get(a, "comment")->size, 3);
	assert_int_equal(mg_annotation_error_count(a), 1);
	check_error(a, 0, MG_ANNOTATION_ERROR_UNEXPECTED_POSITIONAL, 15, 3,
	            "unexpected value \"x\\x00y\" for MG_COLUMN", NULL);
	mg_annotation_free(a);
}

static void test_hostile_long(void **state)
{
	const size_t n = 1 << 20;
	char *text = malloc(n + 16);
	mg_annotation *a;
	const mg_annotation_error *e;
	(void)state;

	assert_non_null(text);

	/* One huge unknown key: quoted short, no suggestion. */
	memset(text, 'k', n);
	a = parse_n(MG_ANNOTATION_COLUMN, text, n);
	assert_int_equal(mg_annotation_error_count(a), 1);
	e = mg_annotation_error_at(a, 0);
	assert_int_equal(e->code, MG_ANNOTATION_ERROR_UNKNOWN_KEY);
	assert_int_equal(e->length, n);
	assert_null(e->suggestion);
	assert_true(strlen(e->message) < 200);
	mg_annotation_free(a);

	/* A huge string value. */
	memcpy(text, "comment=\"", 9);
	memset(text + 9, 'x', n - 10);
	text[n - 1] = '"';
	a = parse_n(MG_ANNOTATION_COLUMN, text, n);
	assert_int_equal(mg_annotation_error_count(a), 0);
	assert_int_equal(mg_annotation_get(a, "comment")->size, n - 10);
	mg_annotation_free(a);

	/* A million commas: errors stop at the cap. */
	memset(text, ',', n);
	a = parse_n(MG_ANNOTATION_COLUMN, text, n);
	assert_int_equal(mg_annotation_error_count(a), MG_ANNOTATION_MAX_ERRORS);
	mg_annotation_free(a);

	/* Deep brackets. */
	memset(text, '[', n);
	a = parse_n(MG_ANNOTATION_COLUMN, text, n);
	assert_int_equal(mg_annotation_error_count(a), 1);
	check_error(a, 0, MG_ANNOTATION_ERROR_SYNTAX, 32, 1, "brackets nested too deep", NULL);
	mg_annotation_free(a);
	memset(text, '(', n / 2);
	memset(text + n / 2, ')', n / 2);
	a = parse_n(MG_ANNOTATION_COLUMN, text, n);
	assert_int_equal(mg_annotation_error_count(a), 1);
	mg_annotation_free(a);

	/* Many valid items. */
	for (size_t i = 0; i + 8 <= n; i += 8)
		memcpy(text + i, "a=b.c.d,", 8);
	a = parse_n(MG_ANNOTATION_MODEL, text, n - 1);
	assert_int_equal(mg_annotation_error_count(a), MG_ANNOTATION_MAX_ERRORS);
	mg_annotation_free(a);
	a = parse_n(MG_ANNOTATION_INDEX, text, n - 1); /* index has slots: a=… are named */
	assert_int_equal(mg_annotation_error_count(a), MG_ANNOTATION_MAX_ERRORS);
	mg_annotation_free(a);
	free(text);
}

/* Random text from the grammar's alphabet: no crash, ranges inside the text,
 * messages on one printable line. */
static void test_hostile_random(void **state)
{
	static const char alphabet[] = "ab_.=,\"\\[]() -1\xc3\n";
	static const mg_annotation_kind kinds[] = {
		MG_ANNOTATION_MODEL, MG_ANNOTATION_TABLE, MG_ANNOTATION_COLUMN,
		MG_ANNOTATION_FOREIGN_KEY, MG_ANNOTATION_RELATIONSHIP, MG_ANNOTATION_PRIMARY_KEY,
		MG_ANNOTATION_INDEX, MG_ANNOTATION_ALLOW, MG_ANNOTATION_TRANSIENT,
	};
	unsigned long long seed = 42;
	char text[48];
	(void)state;

	for (size_t round = 0; round < 20000; round++) {
		size_t len;
		mg_annotation *a;

		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		len = (size_t)(seed >> 59) + (size_t)(seed >> 61);
		for (size_t i = 0; i < len; i++) {
			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			text[i] = alphabet[(seed >> 33) % (sizeof alphabet - 1)];
		}
		a = parse_n(kinds[round % (sizeof kinds / sizeof kinds[0])], text, len);
		for (size_t i = 0; i < mg_annotation_error_count(a); i++) {
			const mg_annotation_error *e = mg_annotation_error_at(a, i);
			assert_true(e->offset + e->length <= len);
			assert_non_null(e->message);
			for (const char *c = e->message; *c; c++)
				assert_true(*c >= 0x20 && *c < 0x7f);
		}
		for (size_t i = 0; i < mg_annotation_option_count(a); i++) {
			const mg_annotation_option *o = mg_annotation_option_at(a, i);
			assert_true(o->offset + o->length <= len);
			assert_true(o->value.offset + o->value.length <= len);
			assert_non_null(o->value.str);
		}
		mg_annotation_free(a);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_suggest_distance),
		cmocka_unit_test(test_suggest_nearest),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_model),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_column),
		cmocka_unit_test(test_foreign_key),
		cmocka_unit_test(test_relationship),
		cmocka_unit_test(test_backref_options),
		cmocka_unit_test(test_later_relationship_options),
		cmocka_unit_test(test_column_lists),
		cmocka_unit_test(test_index),
		cmocka_unit_test(test_allow),
		cmocka_unit_test(test_transient_and_unknown_kind),
		cmocka_unit_test(test_header_annotations),
		cmocka_unit_test(test_bool_values),
		cmocka_unit_test(test_string_values),
		cmocka_unit_test(test_scalar_values),
		cmocka_unit_test(test_accessors),
		cmocka_unit_test(test_error_unknown_key),
		cmocka_unit_test(test_error_invalid_value),
		cmocka_unit_test(test_error_missing_value),
		cmocka_unit_test(test_error_duplicate_key),
		cmocka_unit_test(test_error_positional),
		cmocka_unit_test(test_error_syntax),
		cmocka_unit_test(test_collects_all_errors),
		cmocka_unit_test(test_bad_arguments),
		cmocka_unit_test(test_hostile_short),
		cmocka_unit_test(test_hostile_non_ascii),
		cmocka_unit_test(test_hostile_long),
		cmocka_unit_test(test_hostile_random),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
