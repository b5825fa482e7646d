#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/resolve/resolve.h"
#include "util/text.h"

/*
 * Implied foreign keys: columns that plainly reference another table but
 * declare no foreign key. Schemas that never declare foreign keys (MyISAM
 * heritage, MediaWiki) still have relationships; finding them lets the
 * diagrams and docs show them (dashed) and fk-implied report them.
 *
 * A column is a candidate when no declared foreign key covers it, it is not
 * the whole primary key of its own table, and both its type and the
 * referenced key's are known and of one family (an untyped column, or an
 * integer named like a table with a text key, is no evidence). It implies a
 * reference to a table with a single-column primary key when (first match
 * wins):
 *   1. it is named after the table: "<table>_id" or "<table>id", the table
 *      name taken as written or with a plural "s"/"es" added or removed;
 *      ("user_id" → users.id, "ArtistId" → Artist.ArtistId);
 *   2. it is "<prefix>_<table>" and another column of its table starts with
 *      the same "<prefix>_": MediaWiki's convention, where every column of
 *      a table carries its prefix ("rev_page" → page, beside "rev_id"); a
 *      lone "per_page" setting is not a reference.
 * Matching a column to any table whose key has the same name was tried and
 * dropped: generic key names ("name", "code") made most of its matches wrong.
 */

typedef struct candidate {
	mg_table *parent;
	const char *reason;
} candidate;

typedef struct implied_context {
	mg_graph *graph;
} implied_context;

static bool keyed(const mg_table *t)
{
	return t->kind != MG_TABLE_VIEW && t->npk == 1;
}

static bool compatible(const mg_column *child, const mg_table *parent)
{
	mg_type_family a = child->family, b = parent->primary_key[0]->family;
	return a != MG_TYPE_UNKNOWN && a == b;
}

static bool covered_by_foreign_key(const mg_table *t, const mg_column *c)
{
	for (size_t i = 0; i < t->nforeign_keys; i++)
		for (size_t j = 0; j < t->foreign_keys[i]->ncolumns; j++)
			if (t->foreign_keys[i]->columns[j] == c)
				return true;
	return false;
}

/* The table whose name, as written or singular/plural, is `stem` (len bytes). */
static mg_table *table_named(mg_graph *graph, const char *stem, size_t len)
{
	if (len == 0)
		return NULL;
	static const char *const suffixes[] = {"", "s", "es"};
	mg_table *found = NULL;
	char *name = malloc(len + 3);
	if (!name)
		return NULL;
	for (size_t i = 0; i < 3 && !found; i++) {
		memcpy(name, stem, len);
		strcpy(name + len, suffixes[i]);
		found = mg_graph_find_table(graph, name);
	}
	if (!found && len > 1 && (stem[len - 1] == 's' || stem[len - 1] == 'S')) {
		name[len - 1] = '\0';
		found = mg_graph_find_table(graph, name);
	}
	free(name);
	return found;
}

static candidate by_table_name(const implied_context *ctx, const mg_column *c)
{
	candidate none = {0};
	size_t len = strlen(c->name);
	size_t stem;
	if (mg_ascii_ends_with_nocase(c->name, "_id"))
		stem = len - 3;
	else if (mg_ascii_ends_with_nocase(c->name, "id"))
		stem = len - 2;
	else
		return none;
	mg_table *parent = table_named(ctx->graph, c->name, stem);
	if (!parent || !keyed(parent))
		return none;
	return (candidate){parent, "its name is the referenced table's name followed by \"id\""};
}

/* True when another column of c's table starts with c's first `len` bytes
 * (its "<prefix>_"). */
static bool prefix_shared(const mg_column *c, size_t len)
{
	for (size_t i = 0; i < c->table->ncolumns; i++) {
		const mg_column *other = c->table->columns[i];
		if (other != c && strlen(other->name) > len && mg_ascii_ncasecmp(other->name, c->name, len) == 0)
			return true;
	}
	return false;
}

static candidate by_prefixed_table(const implied_context *ctx, const mg_column *c)
{
	const char *underscore = strchr(c->name, '_');
	if (!underscore || underscore == c->name)
		return (candidate){0};
	mg_table *parent = mg_graph_find_table(ctx->graph, underscore + 1);
	if (!parent || !keyed(parent) || !prefix_shared(c, (size_t)(underscore - c->name) + 1))
		return (candidate){0};
	return (candidate){parent, "its name is a prefix followed by the referenced table's name"};
}

static int add_implied(mg_table *child, mg_column *column, candidate found)
{
	/* At full length: two long names cut alike would share one baseline key. */
	const char *name = mg_arena_printf(child->graph->arena, "%s_%s_implied", child->name, column->name);
	mg_foreign_key *fk = name ? mg_table_add_foreign_key(child, name, found.parent->name) : NULL;
	if (!fk || mg_foreign_key_add_column(fk, column, found.parent->primary_key[0]->name) < 0)
		return -1;
	fk->implied = true;
	fk->implied_reason = found.reason;
	fk->location = column->location;
	return 0;
}

static int imply_for_table(const implied_context *ctx, mg_table *t)
{
	candidate (*const heuristics[])(const implied_context *, const mg_column *) = {
		by_table_name, by_prefixed_table};
	for (size_t j = 0; j < t->ncolumns; j++) {
		mg_column *c = t->columns[j];
		if ((t->npk == 1 && t->primary_key[0] == c) || covered_by_foreign_key(t, c))
			continue;
		for (size_t h = 0; h < sizeof(heuristics) / sizeof(heuristics[0]); h++) {
			candidate found = heuristics[h](ctx, c);
			if (found.parent && found.parent != t && compatible(c, found.parent)) {
				if (add_implied(t, c, found) < 0)
					return -1;
				break;
			}
		}
	}
	return 0;
}

int mg_resolve_implied_foreign_keys(mg_graph *graph)
{
	implied_context ctx = {.graph = graph};
	for (size_t i = 0; i < graph->ntables; i++)
		/* A virtual table (SQLite's FTS5, R*Tree) can hold no foreign key. */
		if (graph->tables[i]->kind != MG_TABLE_VIEW && !graph->tables[i]->virtual_module &&
		    imply_for_table(&ctx, graph->tables[i]) < 0)
			return -1;
	return 0;
}
