/* Page names of the docs site: safe, distinct ignoring case, stable; and
 * the views the templates get. */

#include <stdio.h>
#include <string.h>

#include "test_support.h"
#include "render/site_internal.h"
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

/* The whole text of docs/templates.md (static). */
static const char *templates_doc(void)
{
	static char text[65536];
	FILE *f = fopen(MG_TEST_SOURCE_DIR "/../../docs/templates.md", "rb");
	assert_non_null(f);
	size_t n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

/* Whether `word` occurs in `text` between characters that cannot be part of a key. */
static bool has_word(const char *text, const char *word)
{
	size_t len = strlen(word);
	for (const char *p = text; (p = strstr(p, word)) != NULL; p++) {
		char before = p == text ? ' ' : p[-1], after = p[len];
		if (!mg_ascii_isalnum(before) && before != '_' && !mg_ascii_isalnum(after) && after != '_')
			return true;
	}
	return false;
}

/* Every key of a view (recursively) is documented in docs/templates.md. */
static void check_documented(const mg_view *view, const char *doc, const char *where)
{
	if (!view)
		return;
	if (view->kind == MG_VIEW_LIST)
		for (size_t i = 0; i < view->nitems; i++)
			check_documented(view->items[i], doc, where);
	if (view->kind != MG_VIEW_OBJECT)
		return;
	for (const mg_view_member *m = view->members; m; m = m->next) {
		if (!has_word(doc, m->key))
			fail_msg("the %s view has \"%s\", which docs/templates.md does not document", where, m->key);
		check_documented(m->value, doc, where);
	}
}

/* The views the templates get are the ones docs/templates.md describes:
 * a key added without its documentation fails here. */
static void test_views_documented(void **state)
{
	(void)state;
	mg_graph *graph = mg_test_load_sql(
		"CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE DEFAULT 'x');\n"
		"CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES author (id)\n"
		"  ON DELETE CASCADE, title TEXT, UNIQUE (author_id, title));\n"
		"CREATE TABLE tag (id INTEGER PRIMARY KEY);\n"
		"CREATE TABLE book_tag (book_id INTEGER REFERENCES book (id), tag_id INTEGER REFERENCES tag (id));\n"
		"CREATE INDEX ix_book_title ON book (title) WHERE title IS NOT NULL;\n"
		"CREATE TABLE lonely (x TEXT);\n");
	mg_findings *findings = mg_test_lint(graph);
	assert_true(findings->count > 0);
	const char *doc = templates_doc();
	mg_site_options options = {.format = "html", .source_url = "https://example.org/{path}#L{line}"};
	mg_site_context ctx = {.graph = graph, .findings = findings, .options = &options,
			       .format = mg_site_format_find("html")};
	assert_int_equal(mg_site_context_prepare(&ctx), 0);
	mg_arena *arena = mg_arena_new();
	check_documented(mg_site_view_index(&ctx, arena), doc, "index");
	check_documented(mg_site_view_findings(&ctx, arena), doc, "findings");
	check_documented(mg_site_view_orphans(&ctx, arena), doc, "orphans");
	check_documented(mg_site_view_relationships(&ctx, arena), doc, "relationships");
	for (size_t i = 0; i < ctx.nfired_rules; i++)
		check_documented(mg_site_view_rule(&ctx, arena, ctx.fired_rules[i]), doc, "rule");
	for (size_t i = 0; i < graph->ntables; i++)
		check_documented(mg_site_view_table(&ctx, arena, graph->tables[i]), doc, "table");
	/* And the test sees what it should: an association table, a finding on
	 * a table, a relationship with its inverse. */
	const mg_view *book_tag = mg_site_view_table(&ctx, arena, mg_graph_find_table(graph, "book_tag"));
	assert_true(mg_view_truthy(mg_view_get(mg_view_get(book_tag, "table"), "has_relationships_through")));
	const mg_view *book = mg_site_view_table(&ctx, arena, mg_graph_find_table(graph, "book"));
	const mg_view *out = mg_view_get(mg_view_get(book, "table"), "relationships_out");
	assert_true(out && out->nitems > 0 && mg_view_get(out->items[0], "inverse"));
	mg_arena_free(arena);
	mg_site_context_release(&ctx);
	mg_findings_free(findings);
	mg_graph_free(graph);
}

/* The member `key` of the first object of `list` whose "name" is `name`. */
static const mg_view *named(const mg_view *list, const char *name)
{
	for (size_t i = 0; list && i < list->nitems; i++) {
		const mg_view *name_view = mg_view_get(list->items[i], "name");
		if (name_view && name_view->kind == MG_VIEW_STRING && strcmp(name_view->string, name) == 0)
			return list->items[i];
	}
	fail_msg("no item named \"%s\"", name);
	return NULL;
}

static const char *text_of(const mg_view *object, const char *key)
{
	const mg_view *value = mg_view_get(object, key);
	return value && value->kind == MG_VIEW_STRING ? value->string : NULL;
}

/* The table page of `name` in the C models of the docs tests' classes.h. */
static const mg_view *class_page(mg_site_context *ctx, mg_arena *arena, const char *name)
{
	const mg_view *page = mg_site_view_table(ctx, arena, mg_graph_find_table(ctx->graph, name));
	check_documented(page, templates_doc(), "table");
	return mg_view_get(page, "table");
}

/* What C models say about classes reaches the table pages, documented:
 * inheritance both ways, a subclass's columns and relationships, the
 * options of relationships and backrefs, association proxies. */
static void test_class_views(void **state)
{
	(void)state;
	mg_graph *graph = mg_test_load(MG_TEST_SOURCE_DIR "/../docs/inputs/classes.h");
	mg_findings *findings = mg_test_lint(graph);
	mg_site_options options = {.format = "html"};
	mg_site_context ctx = {.graph = graph, .findings = findings, .options = &options,
			       .format = mg_site_format_find("html")};
	assert_int_equal(mg_site_context_prepare(&ctx), 0);
	mg_arena *arena = mg_arena_new();

	const mg_view *employee = class_page(&ctx, arena, "employee");
	const mg_view *inheritance = mg_view_get(employee, "inheritance");
	assert_string_equal(text_of(inheritance, "polymorphic_on"), "type");
	assert_string_equal(text_of(inheritance, "polymorphic_on_anchor"), "c1");
	const mg_view *subclasses = mg_view_get(inheritance, "subclasses");
	assert_true(subclasses && subclasses->nitems == 2);
	const mg_view *engineer_sub = named(subclasses, "Engineer");
	assert_string_equal(text_of(engineer_sub, "kind"), "joined");
	assert_string_equal(text_of(mg_view_get(engineer_sub, "table"), "href"), "../tables/engineer.html");
	assert_string_equal(text_of(named(subclasses, "Manager"), "identity"), "<manager> & co");
	assert_string_equal(text_of(named(mg_view_get(employee, "columns"), "budget"), "subclass"), "Manager");
	const mg_view *out = mg_view_get(employee, "relationships_out");
	assert_string_equal(text_of(named(out, "managed"), "subclass"), "Manager");
	assert_true(mg_view_truthy(mg_view_get(named(out, "managed"), "viewonly")));
	const mg_view *notes = named(out, "notes");
	assert_string_equal(text_of(notes, "collection_key"), "title");
	assert_string_equal(text_of(named(mg_view_get(notes, "options"), "collection_class"), "value"),
			    "attribute_keyed_dict(title)");
	assert_string_equal(text_of(named(mg_view_get(notes, "backref_options"), "lazy"), "value"), "joined");

	const mg_view *engineer = class_page(&ctx, arena, "engineer");
	const mg_view *base = mg_view_get(mg_view_get(engineer, "inheritance"), "base");
	assert_string_equal(text_of(base, "href"), "../tables/employee.html");
	assert_string_equal(text_of(base, "struct"), "Employee");

	const mg_view *note = class_page(&ctx, arena, "note");
	const mg_view *proxy = named(mg_view_get(note, "association_proxies"), "keywords");
	assert_string_equal(text_of(proxy, "relationship"), "note_keywords");
	assert_string_equal(text_of(proxy, "attribute"), "keyword");
	assert_string_equal(text_of(mg_view_get(proxy, "target"), "name"), "note_keyword");

	/* A table outside any hierarchy has no inheritance at all. */
	assert_null(mg_view_get(class_page(&ctx, arena, "keyword"), "inheritance"));
	mg_arena_free(arena);
	mg_site_context_release(&ctx);
	mg_findings_free(findings);
	mg_graph_free(graph);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_safe_and_distinct),
		cmocka_unit_test(test_names_stable),
		cmocka_unit_test(test_slug),
		cmocka_unit_test(test_views_documented),
		cmocka_unit_test(test_class_views),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
