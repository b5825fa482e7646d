/* Rules on columns: defaults and type consistency across tables. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/lint/lint.h"
#include "analyzer/core/name_index.h"
#include "util/text.h"
#include "analyzer/lint/rules/rule_util.h"

/* ---- column-default-null-string ---- */

/* 'NULL' or "NULL" (any case): a string, not the NULL value. */
static bool is_null_string(const char *value)
{
	size_t n = value ? strlen(value) : 0;
	return n == 6 && (value[0] == '\'' || value[0] == '"') && value[5] == value[0] &&
	       mg_ascii_ncasecmp(value + 1, "null", 4) == 0;
}

static void check_default_null_string(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		for (size_t j = 0; j < t->ncolumns; j++) {
			const mg_column *c = t->columns[j];
			if (is_null_string(c->default_value))
				mg_report_column(ctx, c, "column \"%s\" defaults to the string %s, not to NULL",
						 c->path, c->default_value);
		}
	}
}

const mg_rule mg_rule_column_default_null_string = {
	.id = "column-default-null-string",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "A column's default is the four-letter string 'NULL' rather than NULL.",
	.rationale = "Rows inserted without a value get the text NULL, which IS NULL does not "
		     "find and which the application displays; usually a quoting slip in a "
		     "migration or an ORM's server_default.",
	.bad_sql = "CREATE TABLE post (id INTEGER PRIMARY KEY, subtitle TEXT DEFAULT 'NULL');",
	.good_sql = "CREATE TABLE post (id INTEGER PRIMARY KEY, subtitle TEXT DEFAULT NULL);",
	.bad_c = "struct Post {\n"
		 "    int id          MG_COLUMN(primary_key=true);\n"
		 "    char *subtitle  MG_COLUMN(server_default=\"NULL\");\n"
		 "} MG_MODEL();",
	.good_c = "struct Post {\n"
		  "    int id          MG_COLUMN(primary_key=true);\n"
		  "    char *subtitle  MG_COLUMN(server_default=NULL);\n"
		  "} MG_MODEL();",
	.fix = "Write DEFAULT NULL (unquoted), or drop the default.",
	.fix_c = "Drop server_default=\"NULL\" (a column without a default is NULL), or write the value meant.",
	.check = check_default_null_string,
};

/* ---- column-type-inconsistent ---- */

/* How the columns of one name spread over type families. */
typedef struct name_tally {
	size_t count[MG_TYPE_DATETIME + 1];
	const mg_column *example[MG_TYPE_DATETIME + 1]; /* first column of each family */
} name_tally;

/* The family most columns of the name have; ties go to the first family. */
static mg_type_family majority(const name_tally *tally)
{
	mg_type_family best = MG_TYPE_UNKNOWN;
	size_t best_count = 0;
	for (int f = MG_TYPE_INTEGER; f <= MG_TYPE_DATETIME; f++)
		if (tally->count[f] > best_count) {
			best = (mg_type_family)f;
			best_count = tally->count[f];
		}
	return best;
}

/* A column the rule weighs: a stored table's, of a known type family. */
static bool weighed(const mg_column *c)
{
	return c->family != MG_TYPE_UNKNOWN;
}

/* A name's value in the index: how many columns have it (first pass), then,
 * for a name of enough columns to disagree, its tally's place with this bit
 * set. Most names belong to one or two columns and get no tally: at 10,000
 * tables, a tally for every name was the largest allocation of a lint. */
#define TALLIED ((uintptr_t)1 << (sizeof(uintptr_t) * 8 - 1))
#define FEWEST_TO_DISAGREE 3 /* two alike, one other */

static void check_type_inconsistent(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	mg_name_index *by_name = mg_name_index_new(g->case_insensitive);
	name_tally *tallies = NULL;
	size_t ntallies = 0, cap = 0;
	/* Each weighed column's tally (SIZE_MAX: none), in the order the passes
	 * meet the columns: the last pass does not look the names up again. */
	size_t *slots = NULL, nslots = 0;
	if (!by_name)
		goto oom;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		if (!mg_table_is_stored(t))
			continue;
		for (size_t j = 0; j < t->ncolumns; j++) {
			if (!weighed(t->columns[j]))
				continue;
			void **count = mg_name_index_upsert(by_name, t->columns[j]->name);
			if (!count)
				goto oom;
			*count = (void *)((uintptr_t)*count + 1);
			nslots++;
		}
	}
	slots = malloc((nslots ? nslots : 1) * sizeof(*slots));
	if (!slots)
		goto oom;
	nslots = 0;
	/* Tally by index, not pointer: the array moves as it grows. */
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		if (!mg_table_is_stored(t))
			continue;
		for (size_t j = 0; j < t->ncolumns; j++) {
			const mg_column *c = t->columns[j];
			if (!weighed(c))
				continue;
			void **value = mg_name_index_upsert(by_name, c->name);
			if (!value)
				goto oom;
			uintptr_t v = (uintptr_t)*value;
			if (!(v & TALLIED)) {
				if (v < FEWEST_TO_DISAGREE) {
					slots[nslots++] = SIZE_MAX;
					continue;
				}
				if (ntallies == cap) {
					cap = cap ? cap * 2 : 64;
					name_tally *bigger = realloc(tallies, cap * sizeof(*tallies));
					if (!bigger)
						goto oom;
					tallies = bigger;
				}
				memset(&tallies[ntallies], 0, sizeof(*tallies));
				v = TALLIED | ntallies++;
				*value = (void *)v;
			}
			name_tally *tally = &tallies[v & ~TALLIED];
			if (!tally->count[c->family]++)
				tally->example[c->family] = c;
			slots[nslots++] = v & ~TALLIED;
		}
	}
	nslots = 0;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		if (!mg_table_is_stored(t))
			continue;
		for (size_t j = 0; j < t->ncolumns; j++) {
			const mg_column *c = t->columns[j];
			if (!weighed(c))
				continue;
			size_t slot = slots[nslots++];
			if (slot == SIZE_MAX)
				continue;
			const name_tally *tally = &tallies[slot];
			mg_type_family common = majority(tally);
			if (common == c->family || tally->count[common] < 2 ||
			    tally->count[common] <= tally->count[c->family])
				continue;
			const mg_column *example = tally->example[common];
			mg_report_column(ctx, c,
					 "column \"%s\" is %s (%s), but %zu other columns named \"%s\" are %s, like \"%s\" %s",
					 c->path, c->sql_type, mg_type_family_name(c->family), tally->count[common],
					 c->name, mg_type_family_name(common), example->path, example->sql_type);
		}
	}
	goto cleanup;
oom:
	ctx->failed = 1;
cleanup:
	mg_name_index_free(by_name);
	free(tallies);
	free(slots);
}

const mg_rule mg_rule_column_type_inconsistent = {
	.id = "column-type-inconsistent",
	.severity = MG_SEVERITY_NOTE,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "Columns of the same name have different types in different tables.",
	.rationale = "user_id INTEGER in one table and user_id TEXT in another usually means one of "
		     "them is wrong; joins and comparisons between them convert values or miss rows.",
	.bad_sql = "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER);\n"
		   "CREATE TABLE comment (id INTEGER PRIMARY KEY, user_id INTEGER);\n"
		   "CREATE TABLE vote (id INTEGER PRIMARY KEY, user_id TEXT);",
	.good_sql = "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER);\n"
		    "CREATE TABLE comment (id INTEGER PRIMARY KEY, user_id INTEGER);\n"
		    "CREATE TABLE vote (id INTEGER PRIMARY KEY, user_id INTEGER);",
	.bad_c = "struct Post { int id MG_COLUMN(primary_key=true); int user_id; } MG_MODEL();\n"
		 "struct Comment { int id MG_COLUMN(primary_key=true); int user_id; } MG_MODEL();\n"
		 "struct Vote { int id MG_COLUMN(primary_key=true); char *user_id; } MG_MODEL();",
	.good_c = "struct Post { int id MG_COLUMN(primary_key=true); int user_id; } MG_MODEL();\n"
		  "struct Comment { int id MG_COLUMN(primary_key=true); int user_id; } MG_MODEL();\n"
		  "struct Vote { int id MG_COLUMN(primary_key=true); int user_id; } MG_MODEL();",
	.fix = "Give every column of the name the same type, or rename the one that means something else.",
	.fix_c = "Give every field of the name the same C type (or type=), or rename the one that means "
		 "something else.",
	.check = check_type_inconsistent,
};
