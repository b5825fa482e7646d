/* index-redundant: indexes another index (or the primary key) already provides. */

#include <stdio.h>
#include <string.h>

#include "analyzer/lint/lint.h"
#include "analyzer/lint/rules/relationships.h"
#include "analyzer/lint/rules/rule_util.h"
#include "util/text.h"

/* An index's key columns as a plain list; false when it has an expression
 * (such indexes are not compared: their expressions are not in the graph). */
static bool plain_columns(const mg_index *index)
{
	for (size_t i = 0; i < index->ncolumns; i++)
		if (!index->columns[i])
			return false;
	return !index->partial && index->ncolumns > 0;
}

/* The collation key column `i` sorts by, as the index names it; NULL: the
 * column's own. */
static const char *collation(const char *const *collations, size_t i)
{
	return collations ? collations[i] : NULL;
}

/* True when two key columns sort alike: both by the column's own collation,
 * or both by the same named one. (x COLLATE NOCASE) and (x) serve different
 * lookups; a named collation that happens to be the column's own is not
 * recognised, which can only leave a redundant index unreported. */
static bool same_collation(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return mg_ascii_casecmp(a, b) == 0;
}

/* True when `a`'s columns are the first columns of `b`, in order, each
 * sorted by the same collation. */
static bool is_prefix(mg_column *const *a, const char *const *acoll, size_t na,
		      mg_column *const *b, const char *const *bcoll, size_t nb)
{
	if (na > nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (a[i] != b[i] || !same_collation(collation(acoll, i), collation(bcoll, i)))
			return false;
	return true;
}

/*
 * Whether `index` is made unnecessary by an index with columns `other`:
 * an exact copy is redundant unless it alone enforces uniqueness; a
 * non-unique index on leading columns of another is redundant.
 */
static bool covered(const mg_index *index, mg_column *const *other, const char *const *other_coll,
		    size_t nother, bool other_unique, bool exact_tie_reports_this)
{
	if (!is_prefix(index->columns, index->collations, index->ncolumns, other, other_coll, nother))
		return false;
	if (index->ncolumns == nother) {
		if (index->unique && !other_unique)
			return false;
		if (index->unique == other_unique)
			return exact_tie_reports_this;
		return true;
	}
	return !index->unique;
}

/* Of two identical indexes, the one made by CREATE INDEX is reported rather
 * than one a constraint made; between equals, the later by name. */
static bool reports_this_of_identical(const mg_index *index, size_t at, const mg_index *other,
				      size_t other_at)
{
	bool created = index->origin == MG_INDEX_CREATED;
	bool other_created = other->origin == MG_INDEX_CREATED;
	if (created != other_created)
		return created;
	return other_at < at;
}

/* The fix in the input's terms: which annotation to remove from a C model,
 * the statement to run on SQL. */
static void set_redundant_fix(mg_rule_context *ctx, mg_finding *f, const mg_index *index)
{
	const mg_table *t = index->table;
	if (mg_table_is_c(t)) {
		/* index=true on a field makes ix_<table>_<column>. */
		if (mg_index_is_generated(index))
			mg_rel_set_fix(ctx, f, "remove index=true from field \"%s\"", index->columns[0]->name);
		else if (index->origin == MG_INDEX_CREATED)
			mg_rel_set_fix(ctx, f, "remove MG_INDEX(%s, ...) from the model", index->name);
	} else if (index->origin == MG_INDEX_CREATED) {
		const char *name = mg_sql_name(ctx->findings->arena, index->name);
		if (!name)
			ctx->failed = 1;
		else
			mg_rel_set_fix(ctx, f, "drop it: DROP INDEX %s;", name);
	}
}

static void check_redundant(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		for (size_t j = 0; j < t->nindexes; j++) {
			const mg_index *index = t->indexes[j];
			if (index->origin == MG_INDEX_PRIMARY_KEY || !plain_columns(index))
				continue;
			const char *by = NULL;
			if (t->npk && covered(index, t->primary_key, NULL, t->npk, true, true))
				by = "the primary key";
			for (size_t k = 0; k < t->nindexes && !by; k++) {
				const mg_index *other = t->indexes[k];
				if (k == j || !plain_columns(other))
					continue;
				if (covered(index, other->columns, other->collations, other->ncolumns, other->unique,
					    reports_this_of_identical(index, j, other, k)))
					by = mg_rule_printf(ctx, "index \"%s\"", other->name);
			}
			if (!by)
				continue;
			mg_finding *f = mg_report(ctx, MG_OBJECT_INDEX, index->path, index->location,
				  "index \"%s\" on \"%s\"(%s) is redundant: %s covers the same lookups",
				  index->name, t->name,
				  mg_column_list(ctx, index->columns, index->ncolumns), by);
			set_redundant_fix(ctx, f, index);
		}
	}
}

const mg_rule mg_rule_index_redundant = {
	.id = "index-redundant",
	.severity = MG_SEVERITY_NOTE,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "An index duplicates another index or the primary key, or is a leading part of one.",
	.rationale = "Every index slows every write and takes space; one whose lookups another "
		     "index already serves buys nothing.",
	.bad_sql = "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER, created TEXT);\n"
		   "CREATE INDEX ix_post_user ON post (user_id);\n"
		   "CREATE INDEX ix_post_user_created ON post (user_id, created);",
	.good_sql = "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER, created TEXT);\n"
		    "CREATE INDEX ix_post_user_created ON post (user_id, created);",
	.bad_c = "struct Post {\n"
		 "    int id         MG_COLUMN(primary_key=true);\n"
		 "    int user_id;\n"
		 "    char *created;\n"
		 "} MG_MODEL()\n"
		 "  MG_INDEX(ix_post_user, user_id)\n"
		 "  MG_INDEX(ix_post_user_created, user_id, created);",
	.good_c = "struct Post {\n"
		  "    int id         MG_COLUMN(primary_key=true);\n"
		  "    int user_id;\n"
		  "    char *created;\n"
		  "} MG_MODEL()\n"
		  "  MG_INDEX(ix_post_user_created, user_id, created);",
	.fix = "Drop the redundant index.",
	.fix_c = "Remove the redundant MG_INDEX, or index=true on the field it duplicates.",
	.check = check_redundant,
};

/* ---- unique-nullable-column ---- */

/* True when `key` (n columns, none NULL) all lie within the index's columns. */
static bool within(mg_column *const *key, size_t n, const mg_index *index)
{
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		bool found = false;
		for (size_t j = 0; j < index->ncolumns && !found; j++)
			found = key[i] && index->columns[j] == key[i];
		if (!found)
			return false;
	}
	return true;
}

/* True when the index's columns hold a key of the table that has no NULL:
 * the primary key, or another full unique index of NOT NULL columns. Then
 * no two rows agree on them, NULLs or not. */
static bool holds_not_null_key(const mg_table *t, const mg_index *index)
{
	if (within(t->primary_key, t->npk, index))
		return true;
	for (size_t i = 0; i < t->nindexes; i++) {
		const mg_index *other = t->indexes[i];
		if (other == index || !other->unique || other->partial || !plain_columns(other) ||
		    !within(other->columns, other->ncolumns, index))
			continue;
		bool nullable = false;
		for (size_t k = 0; k < other->ncolumns; k++)
			nullable |= other->columns[k]->nullable;
		if (!nullable)
			return true;
	}
	return false;
}

static void check_unique_nullable(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		for (size_t j = 0; j < t->nindexes; j++) {
			const mg_index *index = t->indexes[j];
			/* One column: several NULLs are what an optional unique value
			 * means. A partial index (WHERE x IS NOT NULL) and an expression
			 * say what they mean; NULLS NOT DISTINCT lets no duplicate in. */
			if (!index->unique || index->origin == MG_INDEX_PRIMARY_KEY || index->ncolumns < 2 ||
			    !plain_columns(index) || index->nulls_not_distinct || holds_not_null_key(t, index))
				continue;
			mg_column *open[64];
			size_t nopen = 0;
			for (size_t k = 0; k < index->ncolumns && nopen < 64; k++)
				if (index->columns[k]->nullable)
					open[nopen++] = index->columns[k];
			if (!nopen)
				continue;
			const char *what = index->origin == MG_INDEX_UNIQUE ? "unique constraint" : "unique index";
			const char *nullable = mg_column_list(ctx, open, nopen);
			mg_finding *f = mg_report_column(ctx, open[0],
					 "%s \"%s\" on \"%s\"(%s) lets duplicates in: %s %s nullable, and rows "
					 "whose key holds a NULL never count as equal",
					 what, index->name, t->name,
					 mg_column_list(ctx, index->columns, index->ncolumns), nullable,
					 nopen == 1 ? "is" : "are");
			mg_report_related(ctx, MG_OBJECT_INDEX, index->path, index->location, "the unique key");
			if (mg_table_is_c(t))
				mg_rel_set_fix(ctx, f, "add nullable=false to the MG_COLUMN of %s", nullable);
		}
	}
}

const mg_rule mg_rule_unique_nullable_column = {
	.id = "unique-nullable-column",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "A unique key over several columns includes a nullable column.",
	.rationale = "SQL compares NULL with nothing, so two rows that agree on every column but "
		     "hold NULL in a nullable one are both accepted: UNIQUE (post_id, user_id) with a "
		     "nullable user_id lets the same anonymous vote in twice, and a one-to-one kept by "
		     "such a key is not one. A single nullable unique column is not reported (several "
		     "NULLs are what an optional unique value means), nor are partial and expression "
		     "indexes, nor keys declared NULLS NOT DISTINCT (PostgreSQL 15).",
	.bad_sql = "CREATE TABLE vote (id INTEGER PRIMARY KEY, post_id INTEGER NOT NULL, user_id INTEGER,\n"
		   "  UNIQUE (post_id, user_id));",
	.good_sql = "CREATE TABLE vote (id INTEGER PRIMARY KEY, post_id INTEGER NOT NULL,\n"
		    "  user_id INTEGER NOT NULL, UNIQUE (post_id, user_id));",
	.bad_c = "struct Vote {\n"
		 "    int id       MG_COLUMN(primary_key=true);\n"
		 "    int post_id  MG_COLUMN(nullable=false);\n"
		 "    int user_id;\n"
		 "} MG_MODEL() MG_UNIQUE(post_id, user_id);",
	.good_c = "struct Vote {\n"
		  "    int id       MG_COLUMN(primary_key=true);\n"
		  "    int post_id  MG_COLUMN(nullable=false);\n"
		  "    int user_id  MG_COLUMN(nullable=false);\n"
		  "} MG_MODEL() MG_UNIQUE(post_id, user_id);",
	.fix = "Make the key's columns NOT NULL, or make the index partial (WHERE col IS NOT NULL); "
	       "on PostgreSQL 15, UNIQUE NULLS NOT DISTINCT.",
	.fix_c = "Add nullable=false to the key's fields (MG_COLUMN(nullable=false)).",
	.check = check_unique_nullable,
};
