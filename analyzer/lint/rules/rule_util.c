#include "analyzer/lint/rules/rule_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/core/suggest.h"
#include "util/buf.h"

const char *mg_column_list(mg_rule_context *ctx, mg_column *const *columns, size_t n)
{
	mg_buf list = MG_BUF_INIT;
	for (size_t i = 0; i < n; i++)
		mg_buf_printf(&list, "%s\"%s\"", i ? ", " : "", columns[i] ? columns[i]->name : "?");
	return mg_rule_take(ctx, &list);
}

static bool plain_name(const char *name)
{
	if (!*name || (*name >= '0' && *name <= '9'))
		return false;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      *p == '_'))
			return false;
	return true;
}

const char *mg_sql_name(mg_arena *arena, const char *name)
{
	if (plain_name(name))
		return name;
	size_t quotes = 0;
	for (const char *p = name; *p; p++)
		quotes += *p == '"';
	char *out = mg_arena_alloc(arena, strlen(name) + quotes + 3);
	if (!out)
		return NULL;
	size_t used = 0;
	out[used++] = '"';
	for (const char *p = name; *p; p++) {
		if (*p == '"')
			out[used++] = '"';
		out[used++] = *p;
	}
	out[used++] = '"';
	out[used] = '\0';
	return out;
}

const char *mg_sql_column_list(mg_arena *arena, mg_column *const *columns, size_t n)
{
	const char *list = "";
	for (size_t i = 0; list && i < n; i++) {
		const char *name = columns[i] ? mg_sql_name(arena, columns[i]->name) : "?";
		list = name ? mg_arena_printf(arena, "%s%s%s", list, i ? ", " : "", name) : NULL;
	}
	return list;
}

const char *mg_generated_index_name(mg_arena *arena, const mg_table *table, mg_column *const *columns,
				    size_t n)
{
	const char *name = mg_arena_printf(arena, "ix_%s", table->name);
	for (size_t i = 0; name && i < n; i++)
		name = columns[i] ? mg_arena_printf(arena, "%s_%s", name, columns[i]->name) : NULL;
	return name;
}

bool mg_index_is_generated(const mg_index *index)
{
	if (index->ncolumns != 1 || !index->columns[0])
		return false;
	const char *name = index->name, *table = index->table->name, *column = index->columns[0]->name;
	size_t nt = strlen(table), nc = strlen(column);
	return strncmp(name, "ix_", 3) == 0 && strncmp(name + 3, table, nt) == 0 && name[3 + nt] == '_' &&
	       strcmp(name + 4 + nt, column) == 0 && nc > 0;
}

/* True when the first n entries of `prefix` are exactly `columns`, in any order. */
static bool leads_with(mg_column *const *prefix, size_t nprefix, mg_column *const *columns, size_t n)
{
	if (nprefix < n || n == 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		bool found = false;
		for (size_t j = 0; j < n && !found; j++)
			found = prefix[j] == columns[i];
		if (!found)
			return false;
	}
	return true;
}

bool mg_table_has_leading_index(const mg_table *table, mg_column *const *columns, size_t n)
{
	/* The primary key is always indexed (SQLite's INTEGER PRIMARY KEY is the rowid itself). */
	if (leads_with(table->primary_key, table->npk, columns, n))
		return true;
	for (size_t i = 0; i < table->nindexes; i++) {
		const mg_index *index = table->indexes[i];
		if (!index->partial && leads_with(index->columns, index->ncolumns, columns, n))
			return true;
	}
	return false;
}

bool mg_table_is_stored(const mg_table *table)
{
	return table->kind != MG_TABLE_VIEW;
}

bool mg_table_declares_keys(const mg_table *table)
{
	return mg_table_is_stored(table) && !table->virtual_module;
}

static const mg_source *source_of(const mg_table *table)
{
	const mg_graph *g = table->graph;
	return table->source_index < g->nsources ? &g->sources[table->source_index] : NULL;
}

unsigned mg_rule_table_dialects(const mg_rule_context *ctx, const mg_table *table)
{
	const mg_source *source = source_of(table);
	/* A database is its own dialect. */
	if (source && source->kind == MG_SOURCE_SQLITE)
		return MG_DIALECT_SQLITE;
	if (source && source->kind == MG_SOURCE_POSTGRES)
		return MG_DIALECT_POSTGRESQL;
	if (source && source->kind == MG_SOURCE_MYSQL)
		return MG_DIALECT_MYSQL;
	if (ctx->options && ctx->options->target_dialects)
		return ctx->options->target_dialects;
	return MG_DIALECT_SQLITE;
}

bool mg_table_is_c(const mg_table *table)
{
	const mg_source *source = source_of(table);
	return source && source->kind == MG_SOURCE_C;
}

bool mg_table_is_sql(const mg_table *table)
{
	const mg_source *source = source_of(table);
	return source && (source->kind == MG_SOURCE_SQLITE || source->kind == MG_SOURCE_SQL ||
			  source->kind == MG_SOURCE_POSTGRES || source->kind == MG_SOURCE_MYSQL);
}

const mg_table *mg_fk_meant_parent(const mg_foreign_key *fk)
{
	const mg_graph *g = fk->child->graph;
	if (fk->implied || fk->parent)
		return NULL;
	for (size_t i = 0; i < g->ntables; i++)
		if (g->tables[i]->struct_name && strcmp(g->tables[i]->struct_name, fk->parent_name) == 0)
			return g->tables[i];
	const char **names = malloc((g->ntables ? g->ntables : 1) * sizeof(*names));
	if (!names)
		return NULL;
	for (size_t i = 0; i < g->ntables; i++)
		names[i] = g->tables[i]->name;
	const char *near = mg_suggest_nearest(fk->parent_name, strlen(fk->parent_name), names, g->ntables);
	free(names);
	return near ? mg_graph_find_table(g, near) : NULL;
}

static const mg_foreign_key *dangling_on(const mg_table *holder, const mg_table *other)
{
	for (size_t i = 0; i < holder->nforeign_keys; i++) {
		const mg_foreign_key *fk = holder->foreign_keys[i];
		if (fk->implied || fk->parent)
			continue;
		const mg_table *meant = mg_fk_meant_parent(fk);
		if (!meant || meant == other)
			return fk;
	}
	return NULL;
}

const mg_foreign_key *mg_dangling_fk_between(const mg_table *a, const mg_table *b)
{
	const mg_foreign_key *fk = dangling_on(a, b);
	return fk ? fk : dangling_on(b, a);
}
