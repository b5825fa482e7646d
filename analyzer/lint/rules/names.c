/* name-reserved-word: names that a target database only accepts quoted. */

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "analyzer/core/arena.h"
#include "analyzer/core/name_index.h"
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

/* ---- name-needs-quoting ---- */

/* Why `name` cannot be written unquoted in `dialects`, reserved words aside. */
static const char *plain_name_problem(const char *name, unsigned dialects)
{
	bool capitals = false;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if (*p >= 0x80 || *p == '_' || (*p >= 'a' && *p <= 'z'))
			continue;
		if (*p >= 'A' && *p <= 'Z') {
			capitals = true;
			continue;
		}
		if ((*p >= '0' && *p <= '9') || *p == '$') {
			/* All three take digits, and $, after the first character. */
			if (p == (const unsigned char *)name)
				return *p == '$' ? "it starts with $" : "it starts with a digit";
			continue;
		}
		return *p == ' ' ? "it holds a space" : "it holds a character a plain name cannot";
	}
	if (capitals && (dialects & MG_DIALECT_POSTGRESQL))
		return "PostgreSQL folds unquoted names to lowercase";
	return NULL;
}

/* Why `name` cannot be written unquoted in `dialects`: NULL when it can. A
 * reserved word is name-reserved-word's to report (asked last: most names
 * have no problem at all). */
static const char *quoting_reason(const char *name, unsigned dialects)
{
	const char *why = plain_name_problem(name, dialects);
	return why && !(mg_reserved_word_dialects(name) & dialects) ? why : NULL;
}

static void check_needs_quoting(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		unsigned dialects = mg_rule_table_dialects(ctx, t);
		const char *why = quoting_reason(t->name, dialects);
		if (why)
			mg_report_table(ctx, t, "%s name \"%s\" must be quoted in every query: %s",
					t->kind == MG_TABLE_VIEW ? "view" : "table", t->name, why);
		for (size_t j = 0; j < t->ncolumns; j++) {
			const mg_column *c = t->columns[j];
			if ((why = quoting_reason(c->name, dialects)))
				mg_report_column(ctx, c, "column name \"%s\" must be quoted in every query: %s",
						 c->path, why);
		}
	}
}

const mg_rule mg_rule_name_needs_quoting = {
	.id = "name-needs-quoting",
	.severity = MG_SEVERITY_NOTE,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "A table or column name can only be written quoted in the schema's dialect.",
	.rationale = "A name with a space or punctuation, or starting with a digit, must be quoted "
		     "in every query, by every tool. PostgreSQL folds unquoted names to lowercase, so "
		     "there a name with capitals (\"UserId\") must be quoted too; SQLite and MySQL "
		     "compare such names without regard to case, so it is no problem there. The "
		     "dialects are the schema's own (see lint.dialects); reserved words are "
		     "name-reserved-word's.",
	.bad_sql = "CREATE TABLE \"order line\" (id INTEGER PRIMARY KEY, \"unit price\" REAL);",
	.good_sql = "CREATE TABLE order_line (id INTEGER PRIMARY KEY, unit_price REAL);",
	.bad_c = "struct OrderLine {\n"
		 "    int id       MG_COLUMN(primary_key=true);\n"
		 "    double unitPrice;\n"
		 "} MG_MODEL(tablename=order_line);",
	.good_c = "struct OrderLine {\n"
		  "    int id       MG_COLUMN(primary_key=true);\n"
		  "    double unitPrice  MG_COLUMN(name=unit_price);\n"
		  "} MG_MODEL(tablename=order_line);",
	.example_config = "lint:\n  dialects: [postgresql]",
	.fix = "Rename it in lowercase letters, digits and underscores (unit price → unit_price).",
	.fix_c = "Give it a plain name: MG_MODEL(tablename=…) for the table, MG_COLUMN(name=…) for "
		 "a field.",
	.check = check_needs_quoting,
};

/* ---- name-too-long ---- */

/* The longest name each dialect keeps: PostgreSQL cuts names at 63 bytes
 * (NAMEDATALEN - 1), MySQL refuses names over 64 characters. */
#define PG_NAME_BYTES 63
#define MYSQL_NAME_CHARS 64

static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		n += (*p & 0xC0) != 0x80;
	return n;
}

/* Whether two names are different but the same in their first 63 bytes:
 * what PostgreSQL makes one name of. */
static bool pg_collide(const char *a, const char *b)
{
	return strlen(a) > PG_NAME_BYTES && strlen(b) > PG_NAME_BYTES && strcmp(a, b) != 0 &&
	       strncmp(a, b, PG_NAME_BYTES) == 0;
}

/* The problem with a name in `dialects`, written into `why`; false when none. */
static bool too_long(const char *name, unsigned dialects, char *why, size_t size)
{
	/* SQLite sets no limit: a SQLite schema's names are not measured at all. */
	if (!(dialects & (MG_DIALECT_MYSQL | MG_DIALECT_POSTGRESQL)))
		return false;
	size_t bytes = strlen(name);
	if (bytes <= MYSQL_NAME_CHARS && bytes <= PG_NAME_BYTES)
		return false; /* no fewer bytes than characters */
	size_t chars = utf8_chars(name);
	if ((dialects & MG_DIALECT_MYSQL) && chars > MYSQL_NAME_CHARS)
		snprintf(why, size, "%zu characters; MySQL refuses names over %d", chars, MYSQL_NAME_CHARS);
	else if ((dialects & MG_DIALECT_POSTGRESQL) && bytes > PG_NAME_BYTES)
		snprintf(why, size, "%zu bytes; PostgreSQL cuts it to its first %d", bytes, PG_NAME_BYTES);
	else
		return false;
	return true;
}

/*
 * The relations (tables and indexes, in one namespace) of each schema whose
 * names PostgreSQL cuts, by what it cuts them to: for each cut name the
 * first two different names in graph order, so that the first other one
 * than any name is known without rescanning the schema for each long name.
 * Built on the first long name, when the dialects include PostgreSQL.
 */
typedef struct pg_cut_names {
	const char *first, *second;
} pg_cut_names;

typedef struct pg_relations {
	bool built, broken;       /* built on the first long name; broken: out of memory */
	mg_arena *arena;          /* the keys: the schema's length and name, the first 63 bytes */
	mg_name_index *by_cut;    /* key -> 1 + its place in `cuts` */
	pg_cut_names *cuts;
	size_t ncuts, cuts_cap;
} pg_relations;

static const char *pg_cut_key(mg_arena *arena, const mg_table *t, const char *name)
{
	/* The length first: no schema name and cut name make another's key. */
	const char *schema = t->schema ? t->schema : "";
	return mg_arena_printf(arena, "%zu %s%.*s", strlen(schema), schema, PG_NAME_BYTES, name);
}

static int pg_relations_add(pg_relations *r, const mg_table *t, const char *name)
{
	if (strlen(name) <= PG_NAME_BYTES)
		return 0;
	const char *key = pg_cut_key(r->arena, t, name);
	if (!key)
		return -1;
	size_t at = (size_t)(uintptr_t)mg_name_index_get(r->by_cut, key);
	if (!at) {
		if (MG_ARENA_PUSH(r->arena, r->cuts, r->ncuts, r->cuts_cap, ((pg_cut_names){name, NULL})) < 0)
			return -1;
		return mg_name_index_put(r->by_cut, key, (void *)(uintptr_t)r->ncuts);
	}
	pg_cut_names *c = &r->cuts[at - 1];
	if (!c->second && strcmp(c->first, name) != 0)
		c->second = name;
	return 0;
}

static int pg_relations_build(pg_relations *r, const mg_graph *g)
{
	r->arena = mg_arena_new();
	r->by_cut = mg_name_index_new(false);
	if (!r->arena || !r->by_cut)
		return -1;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		if (pg_relations_add(r, t, t->name) < 0)
			return -1;
		for (size_t j = 0; j < t->nindexes; j++)
			if (pg_relations_add(r, t, t->indexes[j]->name) < 0)
				return -1;
	}
	return 0;
}

static void pg_relations_free(pg_relations *r)
{
	mg_name_index_free(r->by_cut);
	mg_arena_free(r->arena);
}

/* The first relation of t's schema other than `name` that PostgreSQL cuts
 * to the same name, when `dialects` include PostgreSQL; NULL when none. */
static const char *pg_relation_clash(mg_rule_context *ctx, pg_relations *r, const mg_table *t,
				     unsigned dialects, const char *name)
{
	if (!(dialects & MG_DIALECT_POSTGRESQL))
		return NULL;
	if (!r->built) {
		r->built = true;
		r->broken = pg_relations_build(r, ctx->graph) < 0;
	}
	const char *key = r->broken ? NULL : pg_cut_key(r->arena, t, name);
	if (!key) {
		ctx->failed = 1;
		return NULL;
	}
	size_t at = (size_t)(uintptr_t)mg_name_index_get(r->by_cut, key);
	if (!at)
		return NULL;
	const pg_cut_names *c = &r->cuts[at - 1];
	return strcmp(c->first, name) != 0 ? c->first : c->second;
}

static void check_too_long(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	char why[200];
	pg_relations relations = {0};
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		unsigned dialects = mg_rule_table_dialects(ctx, t);
		const char *clash;
		if (too_long(t->name, dialects, why, sizeof(why))) {
			clash = pg_relation_clash(ctx, &relations, t, dialects, t->name);
			mg_report_table(ctx, t, "table name \"%s\" is too long: %s%s%s%s", t->name, why,
					clash ? ", the same as \"" : "", clash ? clash : "", clash ? "\"" : "");
		}
		for (size_t j = 0; j < t->ncolumns; j++) {
			const mg_column *c = t->columns[j];
			if (!too_long(c->name, dialects, why, sizeof(why)))
				continue;
			clash = NULL;
			for (size_t k = 0; k < t->ncolumns && !clash && (dialects & MG_DIALECT_POSTGRESQL); k++)
				if (pg_collide(c->name, t->columns[k]->name))
					clash = t->columns[k]->name;
			mg_report_column(ctx, c, "column name \"%s\" is too long: %s%s%s%s", c->path, why,
					 clash ? ", the same as \"" : "", clash ? clash : "", clash ? "\"" : "");
		}
		/* MySQL names an unnamed foreign key <table>_ibfk_<n>, and refuses the
		 * table when that name passes 64 characters. */
		size_t nth = 0;
		for (size_t j = 0; j < t->nforeign_keys && (dialects & MG_DIALECT_MYSQL); j++) {
			const mg_foreign_key *fk = t->foreign_keys[j];
			if (fk->implied)
				continue;
			const char *generated = mg_arena_printf(ctx->findings->arena, "%s_ibfk_%zu", t->name, ++nth);
			if (!generated) {
				ctx->failed = 1;
				goto done;
			}
			size_t chars = utf8_chars(generated);
			if (chars > MYSQL_NAME_CHARS && utf8_chars(t->name) <= MYSQL_NAME_CHARS)
				mg_report_fk(ctx, fk,
					     "the name MySQL gives foreign key \"%s\", \"%s\", is %zu characters; "
					     "MySQL refuses names over %d",
					     fk->name, generated, chars, MYSQL_NAME_CHARS);
		}
		for (size_t j = 0; j < t->nindexes; j++) {
			const mg_index *index = t->indexes[j];
			/* SQLite names the indexes of constraints itself; they go nowhere else. */
			if (strncmp(index->name, "sqlite_autoindex_", 17) == 0 ||
			    !too_long(index->name, dialects, why, sizeof(why)))
				continue;
			clash = pg_relation_clash(ctx, &relations, t, dialects, index->name);
			mg_finding *f = mg_report(ctx, MG_OBJECT_INDEX, index->path, index->location,
				  "index name \"%s\" is too long: %s%s%s%s", index->name, why,
				  clash ? ", the same as \"" : "", clash ? clash : "", clash ? "\"" : "");
			/* index=true made the name: the fix is to name the index. */
			if (f && mg_table_is_c(t) && mg_index_is_generated(index)) {
				f->fix = mg_arena_printf(ctx->findings->arena,
							 "Replace index=true on field \"%s\" by MG_INDEX(name, %s) "
							 "on the model, with a name of at most 63 bytes.",
							 index->columns[0]->name, index->columns[0]->name);
				if (!f->fix)
					ctx->failed = 1;
			}
		}
	}
done:
	pg_relations_free(&relations);
}

const mg_rule mg_rule_name_too_long = {
	.id = "name-too-long",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "A table, column or index name is longer than the schema's dialect keeps.",
	.rationale = "PostgreSQL cuts names to 63 bytes without an error, so two long names that "
		     "begin alike become one and the second CREATE fails, and a query naming the "
		     "whole name still works while migrations and tools see another; MySQL refuses "
		     "names over 64 characters. Generated names count too: the index "
		     "ix_<table>_<column> that index=true makes grows with both names, and MySQL names "
		     "a foreign key <table>_ibfk_<n>, so a table of 58 characters can be created "
		     "only without its foreign keys. SQLite has no "
		     "limit, so only schemas that run on PostgreSQL or MySQL (lint.dialects) are "
		     "checked.",
	.bad_sql = "CREATE TABLE customer_subscription_renewal_reminder_delivery_attempts_archive (\n"
		   "  id INTEGER PRIMARY KEY);",
	.good_sql = "CREATE TABLE reminder_delivery_attempts_archive (id INTEGER PRIMARY KEY);",
	.example_config = "lint:\n  dialects: [postgresql]",
	.fix = "Shorten the name to 63 bytes (PostgreSQL) or 64 characters (MySQL).",
	.fix_c = "Shorten it: MG_MODEL(tablename=…), MG_COLUMN(name=…), or name the index "
		 "yourself with MG_INDEX(name, column) instead of index=true.",
	.check = check_too_long,
};
