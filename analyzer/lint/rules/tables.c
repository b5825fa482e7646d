/* Rules on whole tables: primary keys and isolation. */

#include "analyzer/lint/lint.h"
#include "analyzer/lint/rules/rule_util.h"

/* ---- table-no-primary-key ---- */

static void check_no_primary_key(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		/* Association tables are assoc-no-key's to report. */
		if (!mg_table_is_stored(t) || t->kind == MG_TABLE_ASSOCIATION || t->npk)
			continue;
		mg_report_table(ctx, t, "table \"%s\" has no primary key", t->name);
	}
}

const mg_rule mg_rule_table_no_primary_key = {
	.id = "table-no-primary-key",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "A table has no primary key.",
	.rationale = "An ORM maps a row to an object by its primary key: SQLAlchemy refuses to "
		     "map a table without one, rows cannot be updated or deleted one by one, and "
		     "duplicates go unnoticed. (Association tables are checked by assoc-no-key.)",
	.bad_sql = "CREATE TABLE tag (name TEXT NOT NULL);",
	.good_sql = "CREATE TABLE tag (id INTEGER PRIMARY KEY, name TEXT NOT NULL);",
	.bad_c = "struct Tag {\n"
		 "    char *name  MG_COLUMN(nullable=false);\n"
		 "} MG_MODEL();",
	.good_c = "struct Tag {\n"
		  "    int id      MG_COLUMN(primary_key=true);\n"
		  "    char *name  MG_COLUMN(nullable=false);\n"
		  "} MG_MODEL();",
	.fix = "Add a primary key: a surrogate INTEGER PRIMARY KEY or the natural key.",
	.check = check_no_primary_key,
};

/* ---- table-isolated ---- */

/* True when a foreign key or relationship links the table to another one;
 * links of a table to itself (a tree's parent) do not count. A dangling
 * foreign key does: it names another table, and fk-target-missing reports it. */
static bool linked_to_other(const mg_table *t)
{
	for (size_t i = 0; i < t->nforeign_keys; i++)
		if (t->foreign_keys[i]->parent != t)
			return true;
	for (size_t i = 0; i < t->nreferenced_by; i++)
		if (t->referenced_by[i]->child != t)
			return true;
	for (size_t i = 0; i < t->nrelationships; i++)
		if (t->relationships[i]->target != t)
			return true;
	return false;
}

static void check_isolated(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	if (g->ntables < 2)
		return;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		if (!mg_table_is_stored(t) || linked_to_other(t))
			continue;
		mg_report_table(ctx, t, "table \"%s\" has no foreign keys to or from other tables", t->name);
	}
}

const mg_rule mg_rule_table_isolated = {
	.id = "table-isolated",
	.severity = MG_SEVERITY_NOTE,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "A table neither references nor is referenced by any other table.",
	.rationale = "Often a forgotten foreign key, sometimes a leftover table; either way worth "
		     "a look. Settings and log tables are legitimately alone: allow them.",
	.bad_sql = "CREATE TABLE user (id INTEGER PRIMARY KEY);\n"
		   "CREATE TABLE post (id INTEGER PRIMARY KEY, author INTEGER);",
	.good_sql = "CREATE TABLE user (id INTEGER PRIMARY KEY);\n"
		    "CREATE TABLE post (id INTEGER PRIMARY KEY, author INTEGER REFERENCES user(id));",
	.bad_c = "struct User { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		 "struct Post {\n"
		 "    int id      MG_COLUMN(primary_key=true);\n"
		 "    int author;\n"
		 "} MG_MODEL();",
	.good_c = "struct User { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		  "struct Post {\n"
		  "    int id      MG_COLUMN(primary_key=true);\n"
		  "    int author  MG_FOREIGN_KEY(user.id);\n"
		  "} MG_MODEL();",
	.fix = "Declare the missing foreign key, or drop the table if it is unused.",
	.check = check_isolated,
};

/* ---- schema-object-unreadable ---- */

static void check_unreadable(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->nunreadable; i++) {
		const mg_unreadable *u = &g->unreadable[i];
		mg_report(ctx, MG_OBJECT_TABLE, u->name, u->location,
			  "%s \"%s\" cannot be read (%s); it is left out, the rest of the schema is read",
			  u->kind, u->name, u->reason);
	}
}

const mg_rule mg_rule_schema_object_unreadable = {
	.id = "schema-object-unreadable",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_DB,
	.summary = "A view or virtual table cannot be read, so it is left out of the graph.",
	.rationale = "A view over a table or column that was dropped since fails every query that "
		     "reads it, and a virtual table whose module is not loaded cannot be described. "
		     "Either would hide the whole schema if modelgraph stopped at it; it reads the "
		     "rest and says what it left out, so the diagrams and docs are known to be "
		     "incomplete.",
	.bad_sql = "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);\n"
		   "CREATE TABLE pen_name (id INTEGER PRIMARY KEY, name TEXT);\n"
		   "CREATE VIEW names AS SELECT name FROM pen_name;\n"
		   "DROP TABLE pen_name;",
	.good_sql = "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);\n"
		    "CREATE VIEW names AS SELECT name FROM author;",
	.fix = "Recreate the view over the tables and columns that exist now, or drop it; for a "
	       "virtual table, read the database where its module is loaded.",
	.check = check_unreadable,
};

/* ---- table-defined-twice ---- */

static void check_defined_twice(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->nduplicates; i++) {
		const mg_duplicate_table *d = &g->duplicates[i];
		mg_finding *f = mg_report(ctx, MG_OBJECT_TABLE, d->name, d->dropped,
					  "table \"%s\" is defined again here; the first definition is used "
					  "and this one is left out",
					  d->name);
		if (f)
			mg_report_related(ctx, MG_OBJECT_TABLE, d->name, d->kept, "the definition used");
	}
}

const mg_rule mg_rule_table_defined_twice = {
	.id = "table-defined-twice",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "Two of the sources define a table of the same name.",
	.rationale = "The sources of one run make one model; a table in two of them is two "
		     "definitions of one thing, as SQLAlchemy refuses two classes for one table "
		     "(\"Table is already defined for this MetaData instance\"). modelgraph keeps the "
		     "first, so the findings, diagrams and docs show only that one.",
	.bad_sql = "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n"
		   "-- another source:\n"
		   "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);",
	.good_sql = "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n"
		    "-- another source:\n"
		    "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id));",
	.fix = "Give each table one definition across the sources: drop it from one of them, or "
	       "lint the two versions separately.",
	.check = check_defined_twice,
};
