/* Rules on whole tables: primary keys and isolation. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/lint/lint.h"
#include "analyzer/lint/rules/rule_util.h"
#include "util/text.h"

/* ---- table-no-primary-key ---- */

static void check_no_primary_key(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		/* Association tables are assoc-no-key's to report; a virtual table
		 * has no key to declare. */
		if (!mg_table_declares_keys(t) || t->kind == MG_TABLE_ASSOCIATION || t->npk)
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
		     "duplicates go unnoticed. (Association tables are checked by assoc-no-key; "
		     "SQLite's virtual tables, FTS5 or R*Tree, have no key to declare.)",
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
	.fix_c = "Add MG_COLUMN(primary_key=true) to an id field, or MG_PRIMARY_KEY(a, b) for a natural key.",
	.check = check_no_primary_key,
};

/* ---- table-isolated ---- */

/* The tables some other table inherits from (joined-table inheritance),
 * sorted by address so that a lookup is a binary search: a schema of many
 * lone tables must not rescan every table for each of them. */
typedef struct inherited_set {
	const mg_table **tables;
	size_t n;
} inherited_set;

static int by_address(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)*(const mg_table *const *)a, y = (uintptr_t)*(const mg_table *const *)b;
	return (x > y) - (x < y);
}

static bool inherited_set_build(inherited_set *set, const mg_graph *g)
{
	set->n = 0;
	set->tables = malloc((g->ntables ? g->ntables : 1) * sizeof(*set->tables));
	if (!set->tables)
		return false;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		if (t->inherits_table && t->inherits_table != t)
			set->tables[set->n++] = t->inherits_table;
	}
	qsort(set->tables, set->n, sizeof(*set->tables), by_address);
	return true;
}

/* True when the table joins a base's table (joined-table inheritance), or
 * a subclass's table joins it: the inheritance links the two. */
static bool inherits_or_inherited(const mg_table *t, const inherited_set *inherited)
{
	if (t->inherits_table && t->inherits_table != t)
		return true;
	return inherited->n && bsearch(&t, inherited->tables, inherited->n, sizeof(*inherited->tables), by_address);
}

/* True when a foreign key or relationship links the table to another one;
 * links of a table to itself (a tree's parent) do not count. A dangling
 * foreign key does: it names another table, and fk-target-missing reports it. */
static bool linked_to_other(const mg_table *t, const inherited_set *inherited)
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
	return inherits_or_inherited(t, inherited);
}

/* True when two tables are in the same schema (NULL: the default one). */
static bool same_schema(const mg_table *a, const mg_table *b)
{
	if (!a->schema || !b->schema)
		return a->schema == b->schema;
	return strcmp(a->schema, b->schema) == 0;
}

/* True when the table declares a foreign key or a relationship. */
static bool declares_links(const mg_table *t)
{
	for (size_t j = 0; j < t->nforeign_keys; j++)
		if (!t->foreign_keys[j]->implied)
			return true;
	for (size_t j = 0; j < t->nrelationships; j++)
		if (!t->relationships[j]->derived)
			return true;
	return t->inherits != NULL;
}

/* What table-isolated needs to know of one schema, gathered in one pass. */
typedef struct schema_facts {
	const mg_table *first;   /* a table of the schema, naming it */
	bool declares_links;     /* some table declares a foreign key or relationship */
	size_t stored, alone;    /* stored tables; those linked to no other */
	const mg_table *first_alone; /* the first of those, by name */
} schema_facts;

static void check_isolated(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	schema_facts *schemas = NULL;
	bool *alone = NULL;
	size_t nschemas = 0;
	inherited_set inherited = {0};
	if (g->ntables < 2)
		return;
	schemas = calloc(g->ntables, sizeof(*schemas));
	alone = calloc(g->ntables, sizeof(*alone));
	size_t *of = calloc(g->ntables, sizeof(*of)); /* table -> its schema's entry */
	if (!schemas || !alone || !of || !inherited_set_build(&inherited, g)) {
		ctx->failed = 1;
		goto cleanup;
	}
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		size_t k = 0;
		while (k < nschemas && !same_schema(schemas[k].first, t))
			k++;
		if (k == nschemas)
			schemas[nschemas++].first = t;
		of[i] = k;
		schemas[k].declares_links |= declares_links(t);
		/* A virtual table can declare no foreign key: alone by nature. */
		if (!mg_table_declares_keys(t))
			continue;
		schemas[k].stored++;
		alone[i] = !linked_to_other(t, &inherited);
		if (alone[i] && !schemas[k].alone++)
			schemas[k].first_alone = t;
	}
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		const schema_facts *s = &schemas[of[i]];
		if (!alone[i])
			continue;
		if (s->declares_links) {
			mg_report_table(ctx, t, "table \"%s\" has no foreign keys to or from other tables", t->name);
			continue;
		}
		/* A schema that declares no link at all: say so once, on its first
		 * lone table, rather than once per table. */
		if (s->first_alone != t || s->stored < 2)
			continue;
		if (t->schema)
			mg_report_table(ctx, t, "schema \"%s\" declares no foreign keys: %zu of its tables %s linked to no other table",
					t->schema, s->alone, s->alone == 1 ? "is" : "are");
		else
			mg_report_table(ctx, t, "the schema declares no foreign keys: %zu of its tables %s linked to no other table",
					s->alone, s->alone == 1 ? "is" : "are");
	}
cleanup:
	free(schemas);
	free(alone);
	free(of);
	free(inherited.tables);
}

const mg_rule mg_rule_table_isolated = {
	.id = "table-isolated",
	.severity = MG_SEVERITY_NOTE,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "A table neither references nor is referenced by any other table.",
	.rationale = "Often a forgotten foreign key, sometimes a leftover table; either way worth "
		     "a look. Settings and log tables are legitimately alone: allow them. A schema "
		     "that declares no foreign key at all is reported once, on its first table.",
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
	.fix_c = "Declare the reference with MG_FOREIGN_KEY(table.column) on the referencing field, "
		 "or MG_ALLOW(table-isolated, \"why\") on a table that is alone on purpose.",
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

/* ---- pk-not-rowid-alias ---- */

static void check_not_rowid_alias(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		/* Only a model says it expects generated ids (autoincrement, on by
		 * default for a lone integer key); a schema in SQL does not, and many
		 * keys there are set by the application (MediaWiki's rd_from). */
		if (!mg_table_is_stored(t) || mg_table_is_sql(t) || t->without_rowid || t->npk != 1 ||
		    !(mg_rule_table_dialects(ctx, t) & MG_DIALECT_SQLITE))
			continue;
		const mg_column *c = t->primary_key[0];
		if (c->family != MG_TYPE_INTEGER || !c->autoincrement || strcmp(c->sql_type, "INTEGER") == 0)
			continue;
		mg_report_column(ctx, c,
				 "primary key \"%s\" (%s) maps to %s, which in SQLite is not the rowid: the "
				 "database assigns no id to new rows, though the model expects one",
				 c->path, c->type, c->sql_type);
	}
}

const mg_rule mg_rule_pk_not_rowid_alias = {
	.id = "pk-not-rowid-alias",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A model's generated integer key maps to a type SQLite generates no ids for.",
	.rationale = "SQLite assigns ids only to the rowid, and only a lone primary key declared "
		     "exactly INTEGER is the rowid: BIGINT, INT or INT64 PRIMARY KEY is an ordinary "
		     "column, so an insert without an id stores NULL (or fails on NOT NULL). An "
		     "int64_t id maps to BIGINT and loses its autoincrement this way; SQLAlchemy's "
		     "BigInteger has the same trap. SQLite's INTEGER holds 64 bits, so INTEGER loses "
		     "nothing there. Checked for models that run in SQLite (lint.dialects) and expect "
		     "generated ids (autoincrement, the default for a lone integer key); a schema "
		     "written in SQL says nothing of how its keys are set.",
	.without_orm = "Without an ORM, an INSERT that leaves the id out stores NULL (or fails on "
		       "NOT NULL), and sqlite3_last_insert_rowid() returns the hidden rowid, not the "
		       "id column.",
	.bad_c = "#include <stdint.h>\n"
		 "#include <modelgraph/annotations.h>\n"
		 "struct Event {\n"
		 "    int64_t id  MG_COLUMN(primary_key=true);\n"
		 "    char *name;\n"
		 "} MG_MODEL();",
	.good_c = "#include <stdint.h>\n"
		  "#include <modelgraph/annotations.h>\n"
		  "struct Event {\n"
		  "    int64_t id  MG_COLUMN(primary_key=true, type=INTEGER);\n"
		  "    char *name;\n"
		  "} MG_MODEL();",
	.fix = "Map the key to INTEGER PRIMARY KEY in SQLite (64 bits there), BIGINT elsewhere.",
	.fix_c = "Add type=INTEGER to the key's MG_COLUMN for SQLite, where INTEGER holds int64_t; "
		 "PostgreSQL and MySQL need BIGINT for int64_t (int fits their INTEGER).",
	.check = check_not_rowid_alias,
};
