/* name-reserved-word: names that a target database only accepts quoted. */

#include <stdio.h>

#include "analyzer/lint/lint.h"
#include "analyzer/lint/reserved_words.h"
#include "analyzer/lint/rules/rule_util.h"

/* "PostgreSQL and MySQL" for a set of dialect bits. */
static const char *dialect_list(char *buf, size_t size, unsigned dialects)
{
	static const unsigned order[] = {MG_DIALECT_POSTGRESQL, MG_DIALECT_MYSQL, MG_DIALECT_SQLITE};
	size_t used = 0, count = 0, total = 0;
	for (size_t i = 0; i < 3; i++)
		total += (dialects & order[i]) != 0;
	buf[0] = '\0';
	for (size_t i = 0; i < 3 && used < size; i++) {
		if (!(dialects & order[i]))
			continue;
		count++;
		const char *sep = count == 1 ? "" : count == total ? " and " : ", ";
		int w = snprintf(buf + used, size - used, "%s%s", sep, mg_dialect_name(order[i]));
		used += w > 0 ? (size_t)w : 0;
	}
	return buf;
}

/* The dialects of `table` in which `name` is reserved: the rule's own
 * dialects when configured, else the table's (a SQLite file's words are
 * SQLite's; MySQL's KEY is no concern of a PostgreSQL schema). */
static unsigned reserved_in(const mg_rule_context *ctx, const mg_table *table, const char *name)
{
	unsigned wanted = ctx->options && ctx->options->dialects ? ctx->options->dialects
								 : mg_rule_table_dialects(ctx, table);
	return mg_reserved_word_dialects(name) & wanted;
}

static void check_reserved(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	char dialects[64];
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		unsigned in = reserved_in(ctx, t, t->name);
		if (in)
			mg_report_table(ctx, t, "%s name \"%s\" is a reserved word in %s; every query must quote it",
					t->kind == MG_TABLE_VIEW ? "view" : "table", t->name,
					dialect_list(dialects, sizeof(dialects), in));
		for (size_t j = 0; j < t->ncolumns; j++) {
			const mg_column *c = t->columns[j];
			if ((in = reserved_in(ctx, t, c->name)))
				mg_report_column(ctx, c,
						 "column name \"%s\" is a reserved word in %s; every query must quote it",
						 c->path, dialect_list(dialects, sizeof(dialects), in));
		}
	}
}

const mg_rule mg_rule_name_reserved_word = {
	.id = "name-reserved-word",
	.severity = MG_SEVERITY_NOTE,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "A table or column is named with a word the SQL dialect reserves.",
	.rationale = "A model named User maps to table \"user\", which PostgreSQL reserves: "
		     "hand-written SQL, migrations and other tools break unless every use is "
		     "quoted. Only the dialects the schema runs in count: a SQLite database is "
		     "checked against SQLite's words, C models and SQL scripts against the "
		     "dialects of lint.dialects in .modelgraph.yml (SQLite when unset).",
	.bad_sql = "CREATE TABLE user (id INTEGER PRIMARY KEY, \"order\" INTEGER);",
	.good_sql = "CREATE TABLE users (id INTEGER PRIMARY KEY, sort_order INTEGER);",
	.bad_c = "struct User {\n"
		 "    int id     MG_COLUMN(primary_key=true);\n"
		 "    int order;\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id          MG_COLUMN(primary_key=true);\n"
		  "    int sort_order;\n"
		  "} MG_MODEL(tablename=users);",
	.fix = "Rename it (user → users, order → sort_order), or quote it everywhere.",
	.fix_c = "Rename the field, or the table with MG_MODEL(tablename=…).",
	.check = check_reserved,
};
