/*
 * Policies: what a project requires of every table, written down in
 * .modelgraph.yml (docs/configuration.md). Each rule is off until the
 * configuration gives it a policy or a severity; none has an opinion of its
 * own beyond the defaults named in lint.h.
 */

#include <stdio.h>
#include <string.h>

#include "analyzer/lint/lint.h"
#include "analyzer/lint/rules/rule_util.h"
#include "util/text.h"

/* Tables a policy about rows applies to: stored, declared column by column
 * (not a virtual table, whose module decides its columns), and not a pure
 * link table (an association table holds two keys and nothing else by
 * design). */
static bool policy_table(const mg_table *t)
{
	return mg_table_declares_keys(t) && t->kind != MG_TABLE_ASSOCIATION;
}

/* ---- table-missing-column ---- */

static void check_missing_column(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	const mg_lint_policy *policy = &ctx->options->policy;
	for (size_t i = 0; ctx->options && i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		if (!policy_table(t))
			continue;
		for (size_t j = 0; j < policy->nrequired_columns; j++)
			if (!mg_table_find_column(t, policy->required_columns[j]))
				mg_report_table(ctx, t, "table \"%s\" has no column \"%s\", which every table must have",
						t->name, policy->required_columns[j]);
	}
}

const mg_rule mg_rule_table_missing_column = {
	.id = "table-missing-column",
	.severity = MG_SEVERITY_OFF,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "A table lacks a column the project requires of every table.",
	.rationale = "A project's conventions (every row records when it was created, which tenant "
		     "owns it) hold only if nothing slips through; the configuration names the columns "
		     "(columns: [created_at]). Association tables, which link two rows and hold nothing "
		     "else, and views are not checked.",
	.bad_sql = "CREATE TABLE post (id INTEGER PRIMARY KEY, title TEXT);",
	.good_sql = "CREATE TABLE post (id INTEGER PRIMARY KEY, title TEXT,\n"
		    "  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);",
	.bad_c = "struct Post {\n"
		 "    int id       MG_COLUMN(primary_key=true);\n"
		 "    char *title;\n"
		 "} MG_MODEL();",
	.good_c = "#include <time.h>\n"
		  "#include <modelgraph/annotations.h>\n"
		  "struct Post {\n"
		  "    int id             MG_COLUMN(primary_key=true);\n"
		  "    char *title;\n"
		  "    time_t created_at  MG_COLUMN(nullable=false);\n"
		  "} MG_MODEL();",
	.example_config = "rules:\n  table-missing-column:\n    columns: [created_at]",
	.fix = "Add the column to the table.",
	.fix_c = "Add the field to the model (time_t created_at for a timestamp).",
	.check = check_missing_column,
};

/* ---- fk-action-not-allowed ---- */

/* "CASCADE, SET NULL" for a set of action bits. */
static const char *action_list(char *buf, size_t size, unsigned bits)
{
	size_t used = 0;
	buf[0] = '\0';
	for (unsigned a = MG_ACTION_NO_ACTION; a <= MG_ACTION_SET_DEFAULT && used < size; a++) {
		if (!(bits & (1u << a)))
			continue;
		int w = snprintf(buf + used, size - used, "%s%s", used ? ", " : "",
				 mg_fk_action_name((mg_fk_action)a));
		used += w > 0 ? (size_t)w : 0;
	}
	return buf;
}

static void check_action(mg_rule_context *ctx, const mg_foreign_key *fk, const char *event,
			 mg_fk_action action, unsigned allowed)
{
	char list[120];
	/* Saying nothing is NO ACTION. */
	mg_fk_action effective = action == MG_ACTION_NONE ? MG_ACTION_NO_ACTION : action;
	if (!allowed || (allowed & (1u << effective)))
		return;
	mg_report_fk(ctx, fk, "foreign key \"%s\" is ON %s %s%s; the project allows %s", fk->name, event,
		     mg_fk_action_name(effective), action == MG_ACTION_NONE ? " (by saying nothing)" : "",
		     action_list(list, sizeof(list), allowed));
}

static void check_actions(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	if (!ctx->options)
		return;
	const mg_lint_policy *policy = &ctx->options->policy;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		for (size_t j = 0; j < t->nforeign_keys; j++) {
			const mg_foreign_key *fk = t->foreign_keys[j];
			if (fk->implied)
				continue;
			check_action(ctx, fk, "DELETE", fk->on_delete, policy->allowed_on_delete);
			check_action(ctx, fk, "UPDATE", fk->on_update, policy->allowed_on_update);
		}
	}
}

const mg_rule mg_rule_fk_action_not_allowed = {
	.id = "fk-action-not-allowed",
	.severity = MG_SEVERITY_OFF,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "A foreign key's ON DELETE or ON UPDATE action is not one the project allows.",
	.rationale = "Some teams forbid CASCADE (one delete removing rows nobody looked at) or require "
		     "every reference to say what happens to it; the configuration lists the actions "
		     "allowed (on-delete: [RESTRICT, SET NULL], on-update: [...]). A foreign key that "
		     "says nothing does NO ACTION.",
	.bad_sql = "CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
		   "CREATE TABLE post (id INTEGER PRIMARY KEY,\n"
		   "  user_id INTEGER REFERENCES users (id) ON DELETE CASCADE);",
	.good_sql = "CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
		    "CREATE TABLE post (id INTEGER PRIMARY KEY,\n"
		    "  user_id INTEGER REFERENCES users (id) ON DELETE RESTRICT);",
	.bad_c = "struct User { int id MG_COLUMN(primary_key=true); } MG_MODEL(tablename=users);\n"
		 "struct Post {\n"
		 "    int id       MG_COLUMN(primary_key=true);\n"
		 "    int user_id  MG_FOREIGN_KEY(users.id, ondelete=CASCADE);\n"
		 "} MG_MODEL();",
	.good_c = "struct User { int id MG_COLUMN(primary_key=true); } MG_MODEL(tablename=users);\n"
		  "struct Post {\n"
		  "    int id       MG_COLUMN(primary_key=true);\n"
		  "    int user_id  MG_FOREIGN_KEY(users.id, ondelete=RESTRICT);\n"
		  "} MG_MODEL();",
	.example_config = "rules:\n  fk-action-not-allowed:\n    on-delete: [RESTRICT, SET NULL]",
	.fix = "Declare an allowed action: ON DELETE RESTRICT, SET NULL, ... as the policy lists.",
	.fix_c = "Write an allowed action in the MG_FOREIGN_KEY: ondelete=RESTRICT, onupdate=...",
	.check = check_actions,
};

/* ---- table-too-many-columns ---- */

/* Columns whose values may be large: BLOB, TEXT and their kin, JSON, and
 * character types without a length. */
static bool large_object(const mg_column *c)
{
	const char *t = c->sql_type;
	if (c->family == MG_TYPE_BLOB)
		return true;
	if (c->family != MG_TYPE_TEXT)
		return false;
	return strstr(t, "TEXT") || strstr(t, "CLOB") || strstr(t, "JSON") ||
	       ((strstr(t, "CHAR")) && !strchr(t, '('));
}

static void check_too_many_columns(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	if (!ctx->options)
		return;
	const mg_lint_policy *policy = &ctx->options->policy;
	size_t max = policy->max_columns ? policy->max_columns : MG_POLICY_MAX_COLUMNS;
	size_t max_large = policy->max_large_columns ? policy->max_large_columns : MG_POLICY_MAX_LARGE_COLUMNS;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		if (!mg_table_is_stored(t))
			continue;
		size_t large = 0;
		for (size_t j = 0; j < t->ncolumns; j++)
			large += large_object(t->columns[j]);
		if (t->ncolumns > max)
			mg_report_table(ctx, t, "table \"%s\" has %zu columns; the project allows %zu",
					t->name, t->ncolumns, max);
		else if (large > max_large)
			mg_report_table(ctx, t,
					"table \"%s\" has %zu large-object columns (text, blob, json); the project allows %zu",
					t->name, large, max_large);
	}
}

const mg_rule mg_rule_table_too_many_columns = {
	.id = "table-too-many-columns",
	.severity = MG_SEVERITY_OFF,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "A table has more columns, or more large-object columns, than the project allows.",
	.rationale = "A very wide table is often several things in one (a user with fifty settings), "
		     "and every row read drags its large text and blob values along. The limits are the "
		     "configuration's (max-columns, default 30; max-large-columns, default 5).",
	.bad_sql = "CREATE TABLE page (id INTEGER PRIMARY KEY, title TEXT, body TEXT, summary TEXT);",
	.good_sql = "CREATE TABLE page (id INTEGER PRIMARY KEY, title VARCHAR(200), body TEXT);",
	.bad_c = "struct Page {\n"
		 "    int id         MG_COLUMN(primary_key=true);\n"
		 "    char *title;\n"
		 "    char *body;\n"
		 "    char *summary;\n"
		 "} MG_MODEL();",
	.good_c = "struct Page {\n"
		  "    int id          MG_COLUMN(primary_key=true);\n"
		  "    char title[201];\n"
		  "    char *body;\n"
		  "} MG_MODEL();",
	.example_config = "rules:\n  table-too-many-columns:\n    max-large-columns: 2",
	.fix = "Move groups of columns (settings, large documents) into tables of their own.",
	.fix_c = "Move groups of fields into models of their own, linked by MG_FOREIGN_KEY.",
	.check = check_too_many_columns,
};

/* ---- doc-missing ---- */

static void check_doc_missing(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		if (!mg_table_is_stored(t))
			continue;
		size_t undocumented = 0;
		const mg_column *first = NULL;
		for (size_t j = 0; j < t->ncolumns; j++)
			if (!t->columns[j]->comment || !*t->columns[j]->comment) {
				undocumented++;
				if (!first)
					first = t->columns[j];
			}
		bool no_comment = !t->comment || !*t->comment;
		if (!no_comment && !undocumented)
			continue;
		/* One finding per table: a count, not a finding per column. */
		if (no_comment && undocumented)
			mg_report_table(ctx, t, "table \"%s\" has no description, nor have %zu of its %zu columns",
					t->name, undocumented, t->ncolumns);
		else if (no_comment)
			mg_report_table(ctx, t, "table \"%s\" has no description", t->name);
		else
			mg_report_table(ctx, t, "%zu of the %zu columns of table \"%s\" have no description "
					"(the first: \"%s\")", undocumented, t->ncolumns, t->name, first->name);
	}
}

const mg_rule mg_rule_doc_missing = {
	.id = "doc-missing",
	.severity = MG_SEVERITY_OFF,
	.sources = MG_RULE_SOURCE_C, /* SQL schemas read here carry no descriptions */
	.summary = "A table, or some of its columns, have no description.",
	.rationale = "Descriptions are what the generated documentation shows; a project that wants "
		     "every table and column explained turns this on (doc-missing: note). One finding "
		     "per table, counting its undescribed columns. Descriptions come from doc comments "
		     "in C and MG_COLUMN(comment=...).",
	.bad_c = "struct Post {\n"
		 "    int id;\n"
		 "} MG_MODEL();",
	.good_c = "/** A published article. */\n"
		  "struct Post {\n"
		  "    /** The post's number. */\n"
		  "    int id;\n"
		  "} MG_MODEL();",
	.example_config = "rules:\n  doc-missing: note",
	.fix = "Describe the table and its columns.",
	.fix_c = "Write a doc comment (/** ... */) above the struct and each field, or comment=.",
	.check = check_doc_missing,
};

/* ---- name-casing ---- */

static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Whether `name` is written in `casing` (one of the config's choices). */
static bool has_casing(const char *name, const char *casing)
{
	if (strcmp(casing, "snake_case") == 0) {
		if (!is_lower(name[0]))
			return false;
		for (const char *p = name; *p; p++)
			if (!is_lower(*p) && !is_digit(*p) && !(*p == '_' && p[1] && p[1] != '_'))
				return false;
		return true;
	}
	bool pascal = strcmp(casing, "PascalCase") == 0;
	if (pascal ? !is_upper(name[0]) : !is_lower(name[0]))
		return false;
	for (const char *p = name; *p; p++)
		if (!is_lower(*p) && !is_upper(*p) && !is_digit(*p))
			return false;
	return true;
}

/* The last word of a name: after its last '_', or from its last capital. */
static const char *last_word(const char *name)
{
	const char *word = name;
	for (const char *p = name; *p; p++)
		if (*p == '_' && p[1])
			word = p + 1;
		else if (is_upper(*p) && p > name && !is_upper(p[-1]))
			word = p;
	return word;
}

/* A rough plural test for English table names: "users", "categories" are;
 * "status", "address", "analysis", "news" are not; a few irregular plurals. */
static bool looks_plural(const char *name)
{
	static const char *const irregular[] = {"people", "children", "men", "women", "data", "media"};
	static const char *const not_plural[] = {"ss", "us", "is", "news", "series", "species"};
	const char *word = last_word(name);
	size_t len = strlen(word);
	for (size_t i = 0; i < sizeof(irregular) / sizeof(irregular[0]); i++)
		if (mg_ascii_casecmp(word, irregular[i]) == 0)
			return true;
	if (len < 2 || (word[len - 1] != 's' && word[len - 1] != 'S'))
		return false;
	for (size_t i = 0; i < sizeof(not_plural) / sizeof(not_plural[0]); i++) {
		size_t n = strlen(not_plural[i]);
		if (len >= n && mg_ascii_casecmp(word + len - n, not_plural[i]) == 0)
			return false;
	}
	return true;
}

static void check_casing(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	if (!ctx->options)
		return;
	const mg_lint_policy *policy = &ctx->options->policy;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		if (!mg_table_is_stored(t))
			continue;
		if (policy->table_case && !has_casing(t->name, policy->table_case))
			mg_report_table(ctx, t, "table name \"%s\" is not %s", t->name, policy->table_case);
		else if (policy->table_number && t->kind != MG_TABLE_ASSOCIATION &&
			 looks_plural(t->name) != (strcmp(policy->table_number, "plural") == 0))
			mg_report_table(ctx, t, "table name \"%s\" is not %s", t->name, policy->table_number);
		for (size_t j = 0; policy->column_case && j < t->ncolumns; j++)
			if (!has_casing(t->columns[j]->name, policy->column_case))
				mg_report_column(ctx, t->columns[j], "column name \"%s\" is not %s",
						 t->columns[j]->path, policy->column_case);
	}
}

const mg_rule mg_rule_name_casing = {
	.id = "name-casing",
	.severity = MG_SEVERITY_OFF,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "A table or column name does not follow the project's naming convention.",
	.rationale = "One convention makes names guessable in queries and code. The configuration "
		     "picks it: tables and columns in snake_case, camelCase or PascalCase, table "
		     "names singular or plural (judged by their last word's English ending, so "
		     "\"status\" and \"address\" are singular). Association tables are not held to "
		     "singular or plural.",
	.bad_sql = "CREATE TABLE BlogPost (id INTEGER PRIMARY KEY, authorName TEXT);",
	.good_sql = "CREATE TABLE blog_posts (id INTEGER PRIMARY KEY, author_name TEXT);",
	.bad_c = "struct BlogPost {\n"
		 "    int id           MG_COLUMN(primary_key=true);\n"
		 "    char *authorName;\n"
		 "} MG_MODEL(tablename=BlogPost);",
	.good_c = "struct BlogPost {\n"
		  "    int id           MG_COLUMN(primary_key=true);\n"
		  "    char *authorName MG_COLUMN(name=author_name);\n"
		  "} MG_MODEL(tablename=blog_posts);",
	.example_config = "rules:\n  name-casing:\n    tables: snake_case\n    columns: snake_case\n"
			  "    table-names: plural",
	.fix = "Rename it to the convention (BlogPost → blog_posts, authorName → author_name).",
	.fix_c = "Name it with MG_MODEL(tablename=…) or MG_COLUMN(name=…); the C names may stay.",
	.check = check_casing,
};
