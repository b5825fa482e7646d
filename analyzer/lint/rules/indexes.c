/* index-redundant: indexes another index (or the primary key) already provides. */

#include <stdio.h>

#include "analyzer/lint/lint.h"
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

static void check_redundant(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	char cols[512], by[300];
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		for (size_t j = 0; j < t->nindexes; j++) {
			const mg_index *index = t->indexes[j];
			if (index->origin == MG_INDEX_PRIMARY_KEY || !plain_columns(index))
				continue;
			by[0] = '\0';
			if (t->npk && covered(index, t->primary_key, NULL, t->npk, true, true))
				snprintf(by, sizeof(by), "the primary key");
			for (size_t k = 0; k < t->nindexes && !by[0]; k++) {
				const mg_index *other = t->indexes[k];
				if (k == j || !plain_columns(other))
					continue;
				if (covered(index, other->columns, other->collations, other->ncolumns, other->unique,
					    reports_this_of_identical(index, j, other, k)))
					snprintf(by, sizeof(by), "index \"%s\"", other->name);
			}
			if (!by[0])
				continue;
			mg_report(ctx, MG_OBJECT_INDEX, index->path, index->location,
				  "index \"%s\" on \"%s\"(%s) is redundant: %s covers the same lookups",
				  index->name, t->name,
				  mg_column_list(cols, sizeof(cols), index->columns, index->ncolumns), by);
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
