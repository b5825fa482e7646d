/* The annotation-* rules, and the problems the reader records for them. */

#include "tests/c/c_test.h"

#include <stdio.h>
#include <string.h>

#include "analyzer/lint/lint.h"

static int teardown(void **state)
{
	(void)state;
	mg_test_tmpdir_remove();
	return 0;
}

/* The finding of `rule` at line:column, which must exist. */
static const mg_finding *finding_at(const mg_findings *findings, const char *rule, unsigned line,
				    unsigned column)
{
	for (size_t i = 0; i < findings->count; i++) {
		const mg_finding *f = &findings->items[i];
		if (strcmp(f->rule, rule) == 0 && f->location.line == line && f->location.column == column)
			return f;
	}
	for (size_t i = 0; i < findings->count; i++) {
		const mg_finding *f = &findings->items[i];
		fprintf(stderr, "  %u:%u: %s [%s]\n", f->location.line, f->location.column, f->message,
			f->rule);
	}
	fail_msg("no %s finding at %u:%u", rule, line, column);
	return NULL;
}

static void unknown_option_suggests_the_nearest(void **state)
{
	(void)state;
	mg_graph *g = mg_c_test_read_text("profile.h",
		"#include <modelgraph/annotations.h>\n"
		"struct UserProfile;\n"
		"struct User {\n"
		"    int id MG_COLUMN(primary_key=true);\n"
		"    struct UserProfile *profile MG_RELATIONSHIP(UserProfile, uselist=false, backred=user);\n"
		"} MG_MODEL(tablename=users, comment=\"people\", tabelname=x);\n");
	mg_findings *findings = mg_test_lint(g);
	assert_int_equal(mg_test_count_rule(findings, "annotation-unknown-option"), 2);
	const mg_finding *f = finding_at(findings, "annotation-unknown-option", 5, 77);
	assert_string_equal(f->message,
			    "unknown option \"backred\" for MG_RELATIONSHIP; did you mean \"backref\"?");
	assert_int_equal(f->severity, MG_SEVERITY_ERROR);
	assert_int_equal(f->object, MG_OBJECT_RELATIONSHIP);
	assert_string_equal(f->path, "users.profile");
	assert_string_equal(f->fix, "Write \"backref\" instead of \"backred\".");
	assert_non_null(strstr(f->location.file, "profile.h"));
	f = finding_at(findings, "annotation-unknown-option", 6, 47);
	assert_string_equal(f->path, "users");
	assert_int_equal(f->object, MG_OBJECT_TABLE);
	assert_string_equal(f->fix, "Write \"tablename\" instead of \"tabelname\".");

	/* The misspelt option is left out; the rest of the annotation counts. */
	mg_relationship *r = mg_table_find_relationship(mg_c_test_table(g, "users"), "profile");
	assert_null(r->backref);
	assert_int_equal(r->uselist, MG_FALSE);
	mg_findings_free(findings);
	mg_graph_free(g);
}

static void invalid_values_point_at_the_value(void **state)
{
	(void)state;
	mg_graph *g = mg_c_test_read_text("values.h",
		"#include <modelgraph/annotations.h>\n"
		"struct Post {\n"
		"    int id       MG_COLUMN(primary_key=yes);\n"
		"    int user_id  MG_FOREIGN_KEY(users.id,\n"
		"                                /* how */ ondelete=CASCDE,\n"
		"                                nullable=);\n"
		"} MG_MODEL() MG_INDEX(ix_post_user, usr_id);\n"
		"struct User { int id MG_COLUMN(primary_key); } MG_MODEL(tablename=users);\n");
	mg_findings *findings = mg_test_lint(g);
	assert_int_equal(mg_test_count_rule(findings, "annotation-invalid-value"), 4);
	const mg_finding *f = finding_at(findings, "annotation-invalid-value", 3, 40);
	assert_non_null(strstr(f->message, "invalid value \"yes\" for option \"primary_key\""));
	assert_string_equal(f->path, "post.id");
	assert_int_equal(f->object, MG_OBJECT_COLUMN);
	f = finding_at(findings, "annotation-invalid-value", 5, 52);
	assert_string_equal(f->message,
			    "invalid value \"CASCDE\" for option \"ondelete\"; did you mean \"CASCADE\"?");
	assert_string_equal(f->fix, "Write \"CASCADE\" instead of \"CASCDE\".");
	f = finding_at(findings, "annotation-invalid-value", 6, 33);
	assert_string_equal(f->message, "option \"nullable\" needs a value");
	f = finding_at(findings, "annotation-invalid-value", 7, 37);
	assert_string_equal(f->message, "no column \"usr_id\" in table \"post\"; did you mean \"user_id\"?");

	/* Invalid values leave the defaults: no key, no action. */
	mg_table *post = mg_c_test_table(g, "post");
	assert_int_equal(post->npk, 0);
	assert_int_equal(post->foreign_keys[0]->on_delete, MG_ACTION_NONE);
	assert_int_equal(post->nindexes, 0); /* ix_post_user, over no column: not made */
	mg_findings_free(findings);
	mg_graph_free(g);
}

static void syntax_and_misplaced_annotations(void **state)
{
	(void)state;
	mg_graph *g = mg_c_test_read_text("syntax.h",
		"#include <modelgraph/annotations.h>\n"
		"struct Playlist;\n"
		"struct Song {\n"
		"    int id MG_COLUMN(primary_key, primary_key, comment=[a, b);\n"
		"    struct Playlist **playlists MG_RELATIONSHIP(secondary=playlist_songs);\n"
		"    int n MG_PRIMARY_KEY(n) MG_TRANSIENT;\n"
		"    int m MG_TRANSIENT MG_COLUMN(unique);\n"
		"    int k MG_RELATIONSHIP(Song);\n"
		"    int z __attribute__((annotate(\"mg:colum:unique\")));\n"
		"} MG_MODEL() MG_COLUMN(unique) MG_TABLE(songs);\n"
		"struct Loose {\n"
		"    int a MG_COLUMN(unique);\n"
		"};\n");
	mg_findings *findings = mg_test_lint(g);
	assert_int_equal(mg_test_count_rule(findings, "annotation-syntax"), 10);
	const mg_finding *f = finding_at(findings, "annotation-syntax", 4, 35);
	assert_string_equal(f->message, "duplicate option \"primary_key\"");
	f = finding_at(findings, "annotation-syntax", 4, 56);
	assert_string_equal(f->message, "unclosed \"[\"");
	f = finding_at(findings, "annotation-syntax", 5, 49);
	assert_string_equal(f->message, "missing target for MG_RELATIONSHIP");
	f = finding_at(findings, "annotation-syntax", 6, 11);
	assert_string_equal(f->message, "MG_PRIMARY_KEY goes after a struct's closing brace, not after a field");
	f = finding_at(findings, "annotation-syntax", 7, 24);
	assert_string_equal(f->message, "MG_COLUMN on field \"m\", which MG_TRANSIENT leaves unmapped");
	f = finding_at(findings, "annotation-syntax", 8, 11);
	assert_non_null(strstr(f->message, "MG_RELATIONSHIP on field \"k\" of C type \"int\""));
	f = finding_at(findings, "annotation-syntax", 9, 26);
	assert_string_equal(f->message, "unknown annotation \"mg:colum\"; did you mean \"mg:column\"?");
	assert_string_equal(f->fix, "Write \"mg:column\" instead of \"mg:colum\".");
	f = finding_at(findings, "annotation-syntax", 10, 14);
	assert_string_equal(f->message, "MG_COLUMN goes after a field, not after a struct");
	f = finding_at(findings, "annotation-syntax", 10, 32);
	assert_string_equal(f->message, "a second MG_TABLE on struct Song; the first one, MG_MODEL at 10:3, counts");
	f = finding_at(findings, "annotation-syntax", 12, 11);
	assert_string_equal(f->message,
			    "struct Loose has modelgraph annotations but neither MG_MODEL nor MG_TABLE; it is not read");
	assert_string_equal(f->path, "Loose");

	/* What could be read was: the model, its key, the relationship's field
	 * recorded as a relationship with its target from the C type. */
	mg_table *song = mg_c_test_table(g, "song");
	assert_null(mg_graph_find_table(g, "loose"));
	assert_null(mg_graph_find_table(g, "songs"));
	assert_int_equal(song->npk, 1);
	mg_relationship *r = mg_table_find_relationship(song, "playlists");
	assert_non_null(r);
	assert_string_equal(r->target_name, "Playlist");
	assert_string_equal(r->secondary_name, "playlist_songs");
	assert_null(mg_table_find_column(song, "n"));
	assert_null(mg_table_find_column(song, "m"));
	mg_relationship *k = mg_table_find_relationship(song, "k");
	assert_non_null(k);
	assert_int_equal(k->c_collection, MG_UNSET);
	assert_non_null(mg_table_find_column(song, "z"));
	mg_findings_free(findings);
	mg_graph_free(g);
}

static void problems_in_a_header_read_twice_count_once(void **state)
{
	(void)state;
	mg_test_write_file("shared.h",
		"#ifndef SHARED_H\n"
		"#define SHARED_H\n"
		"#include <modelgraph/annotations.h>\n"
		"struct Shared { int id MG_COLUMN(primary_key, uniq); } MG_MODEL();\n"
		"struct Loose { int a MG_COLUMN(unique); };\n"
		"struct { int id MG_COLUMN(primary_key); } MG_MODEL() nameless;\n"
		"#endif\n");
	char a[1024];
	snprintf(a, sizeof(a), "%s", mg_test_write_file("a.h", "#include \"shared.h\"\n"));
	const char *paths[] = {a, mg_test_write_file("b.h", "#include \"shared.h\"\n")};
	mg_graph *g = mg_c_test_read(paths, 2, NULL);
	assert_int_equal(g->nannotation_problems, 3);
	assert_int_equal(mg_c_test_count_problems(g, MG_ANNOTATION_PROBLEM_UNKNOWN_OPTION), 1);
	assert_int_equal(mg_c_test_count_problems(g, MG_ANNOTATION_PROBLEM_SYNTAX), 2);
	mg_graph_free(g);
}

static void column_clashes_and_missing_types(void **state)
{
	(void)state;
	mg_graph *g = mg_c_test_read_text("clash.h",
		"#include <modelgraph/annotations.h>\n"
		"struct Thing {\n"
		"    int id MG_COLUMN(primary_key);\n"
		"    int other MG_COLUMN(name=ID);\n"
		"    void *blob MG_COLUMN(nullable=false);\n"
		"    void *typed MG_COLUMN(type=BYTEA);\n"
		"    int code MG_COLUMN(unique) MG_FOREIGN_KEY(codes.code, unique=false, nullable=false);\n"
		"} MG_MODEL() MG_ALLOW(table-isolated, \"a leaf\");\n");
	mg_table *t = mg_c_test_table(g, "thing");
	assert_int_equal(t->ncolumns, 4); /* id, blob, typed, code: "other" clashes with "id" */
	assert_string_equal(mg_c_test_column(t, "blob")->sql_type, "");
	assert_string_equal(mg_c_test_column(t, "typed")->sql_type, "BYTEA");
	mg_column *code = mg_c_test_column(t, "code");
	assert_true(code->unique);    /* MG_COLUMN's, the first */
	assert_false(code->nullable); /* MG_FOREIGN_KEY's, the only one */
	assert_int_equal(g->nannotation_problems, 3);
	const mg_annotation_problem *p = &g->annotation_problems[0];
	assert_int_equal(p->kind, MG_ANNOTATION_PROBLEM_INVALID_VALUE);
	assert_string_equal(p->message,
			    "column \"ID\" of field \"other\" is already defined in table \"thing\"; the field is skipped");
	assert_int_equal(p->location.line, 4);
	assert_int_equal(p->location.column, 30);
	assert_string_equal(p->text, "ID");
	p = &g->annotation_problems[1];
	assert_string_equal(p->message,
			    "field \"blob\" has C type \"void *\", which has no SQL type; give one with type=");
	p = &g->annotation_problems[2];
	assert_int_equal(p->kind, MG_ANNOTATION_PROBLEM_SYNTAX);
	assert_string_equal(p->message,
			    "option \"unique\" is already given by MG_COLUMN on this field; the first one counts");
	assert_int_equal(g->nallows, 1);
	assert_string_equal(g->allows[0].rule, "table-isolated");
	assert_string_equal(g->allows[0].reason, "a leaf");
	assert_string_equal(g->allows[0].path, "thing");
	mg_graph_free(g);
}

static void clean_examples_have_no_findings(void **state)
{
	(void)state;
	static const char *const names[] = {"blog.h", "music.h", "profile.h"};
	char paths[3][1024];
	const char *all[3];
	for (size_t i = 0; i < 3; i++) {
		snprintf(paths[i], sizeof(paths[i]), "%s/../../examples/%s", MG_TEST_SOURCE_DIR, names[i]);
		all[i] = paths[i];
		mg_graph *g = mg_c_test_read(&all[i], 1, NULL);
		mg_findings *findings = mg_test_lint(g);
		for (size_t k = 0; k < findings->count; k++)
			fprintf(stderr, "%s:%u:%u: %s [%s]\n", findings->items[k].location.file,
				findings->items[k].location.line, findings->items[k].location.column,
				findings->items[k].message, findings->items[k].rule);
		assert_int_equal(findings->count, 0);
		assert_int_equal(g->nannotation_problems, 0);
		mg_findings_free(findings);
		mg_graph_free(g);
	}
	mg_graph *g = mg_c_test_read(all, 3, NULL);
	assert_int_equal(g->ntables, 6); /* users, post, user_profile, song, playlist, playlist_songs */
	assert_int_equal(mg_c_test_table(g, "playlist_songs")->kind, MG_TABLE_ASSOCIATION);
	mg_findings *findings = mg_test_lint(g);
	assert_int_equal(findings->count, 0);
	mg_findings_free(findings);
	mg_graph_free(g);
}

/* One root cause, one finding: what a misspelt option leaves undone, and
 * what a foreign key to no table breaks, are notes of that finding. */
static void consequences_are_notes_of_their_cause(void **state)
{
	(void)state;
	mg_graph *g = mg_c_test_read_text("members.h",
		"#include <modelgraph/annotations.h>\n"
		"struct Post;\n"
		"struct Member {\n"
		"    int id MG_COLUMN(primary_key=true);\n"
		"    struct Post **posts MG_RELATIONSHIP(Post, backred=author);\n"
		"    struct Post **drafts MG_RELATIONSHIP(Post, back_populates=member);\n"
		"} MG_MODEL(tablename=members);\n"
		"struct Post {\n"
		"    int id MG_COLUMN(primary_key=true);\n"
		"    int member_id MG_FOREIGN_KEY(Member.id, index=true);\n"
		"    struct Member *member MG_RELATIONSHIP(Member, back_populates=drafts);\n"
		"} MG_MODEL(tablename=posts);\n");
	mg_findings *findings = mg_test_lint(g);
	/* The foreign key names the struct: one finding, with did-you-mean, the
	 * fix in annotation terms, and each relationship it breaks as a note. */
	assert_int_equal(mg_test_count_rule(findings, "rel-no-foreign-key"), 0);
	assert_int_equal(mg_test_count_rule(findings, "rel-missing-backref"), 0);
	const mg_finding *f = finding_at(findings, "fk-target-missing", 10, 19);
	assert_string_equal(f->message,
			    "foreign key \"posts_member_id_fkey\" references \"Member\", a struct tag; "
			    "MG_FOREIGN_KEY takes the table name: did you mean \"members\"?");
	assert_string_equal(f->fix, "Write MG_FOREIGN_KEY(members.id).");
	assert_int_equal(f->nrelated, 4);
	assert_string_equal(f->related[0].message, "the table it seems to mean");
	assert_string_equal(f->related[0].path, "members");
	for (size_t i = 1; i < f->nrelated; i++)
		assert_non_null(strstr(f->related[i].message, "has no foreign key to join by"));
	mg_findings_free(findings);
	mg_graph_free(g);

	/* The misspelt backref: the missing inverse is its note, not a finding. */
	g = mg_c_test_read_text("authors.h",
		"#include <modelgraph/annotations.h>\n"
		"struct Book;\n"
		"struct Author {\n"
		"    int id MG_COLUMN(primary_key=true);\n"
		"    struct Book **books MG_RELATIONSHIP(Book, backred=author);\n"
		"} MG_MODEL(tablename=authors);\n"
		"struct Book {\n"
		"    int id MG_COLUMN(primary_key=true);\n"
		"    int author_id MG_FOREIGN_KEY(authors.id, index=true);\n"
		"} MG_MODEL(tablename=books);\n");
	findings = mg_test_lint(g);
	assert_int_equal(findings->count, 1);
	f = finding_at(findings, "annotation-unknown-option", 5, 47);
	assert_int_equal(f->nrelated, 1);
	assert_string_equal(f->related[0].path, "authors.books");
	assert_non_null(strstr(f->related[0].message, "so: relationship \"Author.books\" has no inverse"));
	assert_non_null(strstr(f->related[0].message, "[rel-missing-backref]"));
	mg_findings_free(findings);
	mg_graph_free(g);

	/* A misspelt tablename= leaves the model its default name, so foreign
	 * keys naming the intended one miss it: notes of the misspelling. */
	g = mg_c_test_read_text("users.h",
		"#include <modelgraph/annotations.h>\n"
		"struct User {\n"
		"    int id MG_COLUMN(primary_key=true);\n"
		"} MG_MODEL(tablenme=users);\n"
		"struct Post {\n"
		"    int id MG_COLUMN(primary_key=true);\n"
		"    int user_id MG_FOREIGN_KEY(users.id, index=true);\n"
		"} MG_MODEL();\n");
	findings = mg_test_lint(g);
	assert_int_equal(mg_test_count_rule(findings, "fk-target-missing"), 0);
	/* And "user", which the foreign key would have linked, is no longer
	 * reported alone either. */
	assert_int_equal(mg_test_count_rule(findings, "table-isolated"), 0);
	f = finding_at(findings, "annotation-unknown-option", 4, 12);
	assert_int_equal(f->nrelated, 2);
	bool fk_note = false, isolated_note = false;
	for (size_t i = 0; i < f->nrelated; i++) {
		fk_note |= strcmp(f->related[i].message,
				  "so: foreign key \"post_user_id_fkey\" references table \"users\", which "
				  "does not exist [fk-target-missing]") == 0;
		isolated_note |= strstr(f->related[i].message, "[table-isolated]") != NULL;
	}
	assert_true(fk_note);
	assert_true(isolated_note);
	mg_findings_free(findings);
	mg_graph_free(g);
}

/* A column of a join condition naming nothing is reported at the column
 * itself: inside a quoted string after escapes, on a later line of the
 * annotation than its macro, unquoted with runs of blanks, and in the
 * second of two adjacent literals. */
static void join_columns_point_at_the_term(void **state)
{
	(void)state;
	mg_graph *g = mg_c_test_read_text("joins.h",
		"#include <modelgraph/annotations.h>\n"
		"struct Post;\n"
		"struct User {\n"
		"    int id MG_COLUMN(primary_key=true);\n"
		"    char name[81];\n"
		"    struct Post **a MG_RELATIONSHIP(Post, viewonly, primaryjoin=\"and_(Post.x == '\\\"', User.id == Post.autor_id)\");\n"
		"    struct Post **b MG_RELATIONSHIP(Post, viewonly,\n"
		"                        primaryjoin=\n"
		"                            \"User.id == foreign(Post.nme)\");\n"
		"    struct Post **c MG_RELATIONSHIP(Post, viewonly, primaryjoin=User.id  ==   Posts.author_id);\n"
		"    struct Post **d MG_RELATIONSHIP(Post, viewonly,\n"
		"                        primaryjoin=\"and_(User.id == Post.author_id, \"\n"
		"                                    \"Post.nam == User.name)\");\n"
		"} MG_MODEL();\n"
		"struct Post { int id MG_COLUMN(primary_key); int author_id MG_FOREIGN_KEY(user.id);\n"
		"              char name[81]; } MG_MODEL();\n");
	mg_findings *findings = mg_test_lint(g);
	assert_int_equal(mg_test_count_rule(findings, "annotation-invalid-value"), 5);
	const mg_finding *f = finding_at(findings, "annotation-invalid-value", 6, 71);
	assert_string_equal(f->message, "invalid value \"Post.x\" for option \"primaryjoin\": \"Post\" has no column \"x\"");
	f = finding_at(findings, "annotation-invalid-value", 6, 98);
	assert_string_equal(f->message, "invalid value \"Post.autor_id\" for option \"primaryjoin\": \"Post\" "
					"has no column \"autor_id\"; did you mean \"author_id\"?");
	assert_string_equal(f->fix, "Write \"Post.author_id\" instead of \"Post.autor_id\".");
	assert_string_equal(f->path, "user.a");
	f = finding_at(findings, "annotation-invalid-value", 9, 49);
	assert_string_equal(f->fix, "Write \"Post.name\" instead of \"Post.nme\".");
	f = finding_at(findings, "annotation-invalid-value", 10, 79);
	assert_string_equal(f->message, "invalid value \"Posts.author_id\" for option \"primaryjoin\": "
					"\"Posts\" names no model or table");
	f = finding_at(findings, "annotation-invalid-value", 13, 38);
	assert_string_equal(f->fix, "Write \"Post.name\" instead of \"Post.nam\".");
	mg_findings_free(findings);
	mg_graph_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(unknown_option_suggests_the_nearest),
		cmocka_unit_test(invalid_values_point_at_the_value),
		cmocka_unit_test(syntax_and_misplaced_annotations),
		cmocka_unit_test(problems_in_a_header_read_twice_count_once),
		cmocka_unit_test(column_clashes_and_missing_types),
		cmocka_unit_test(clean_examples_have_no_findings),
		cmocka_unit_test(consequences_are_notes_of_their_cause),
		cmocka_unit_test(join_columns_point_at_the_term),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
