#include "lib/load.h"

#include <string.h>

#include "analyzer/read/readers.h"
#include "analyzer/resolve/resolve.h"
#include "util/limits.h"

static int verify(const mg_graph *graph, const char *after, mg_error *err)
{
#ifdef NDEBUG
	(void)graph, (void)after, (void)err;
#else
	const char *problem = mg_graph_check(graph);
	if (problem) {
		mg_error_set(err, "internal error: graph invariant broken after %s: %s", after, problem);
		return -1;
	}
#endif
	return 0;
}

/* The tables of the source just read that an earlier source already
 * defines: the first definition wins the name lookup, so the later one is
 * recorded and left out (a graph, and so its JSON, holds one table of a
 * name). */
static bool defined_before(const mg_table *table, void *payload)
{
	(void)payload;
	const mg_table *first = mg_graph_find_table(table->graph, table->name);
	return first && first != table && first->source_index != table->source_index;
}

static int drop_redefined_tables(mg_graph *graph, mg_error *err)
{
	size_t newest = graph->nsources ? graph->nsources - 1 : 0;
	for (size_t i = 0; i < graph->ntables; i++) {
		const mg_table *t = graph->tables[i];
		if (t->source_index != newest || !defined_before(t, NULL))
			continue;
		mg_duplicate_table d = {
			.name = t->name,
			.kept = mg_graph_find_table(graph, t->name)->location,
			.dropped = t->location,
		};
		if (MG_ARENA_PUSH(graph->arena, graph->duplicates, graph->nduplicates, graph->duplicates_cap,
				  d) < 0)
			goto oom;
	}
	if (mg_graph_drop_tables(graph, defined_before, NULL) < 0)
		goto oom;
	return 0;
oom:
	mg_error_set(err, "out of memory");
	return -1;
}

/* Refuses a name past the name-bytes limit: rules, reports and diagrams
 * print names whole, so one name of megabytes would fill every output. */
static int check_name(const char *kind, const char *name, const char *where, mg_error *err)
{
	size_t len = name ? strlen(name) : 0;
	if (len <= (unsigned long long)mg_limit(MG_LIMIT_NAME_BYTES))
		return 0;
	mg_error_set(err, "%s: a %s name of %zu bytes (\"%.40s...\") is longer than names may be; "
		     MG_LIMIT_ADVICE_FMT, where, kind, len, name, MG_LIMIT_ADVICE_ARGS(MG_LIMIT_NAME_BYTES));
	return -1;
}

/* The tables from `first` on: those the input `where` just added (graph
 * JSON adds the sources it lists, so the source index would miss them). */
static int check_names(const mg_graph *graph, size_t first, const char *where, mg_error *err)
{
	for (size_t i = first; i < graph->ntables; i++) {
		const mg_table *t = graph->tables[i];
		if (check_name("table", t->name, where, err) < 0 || check_name("schema", t->schema, where, err) < 0)
			return -1;
		for (size_t j = 0; j < t->ncolumns; j++)
			if (check_name("column", t->columns[j]->name, where, err) < 0)
				return -1;
		for (size_t j = 0; j < t->nindexes; j++)
			if (check_name("index", t->indexes[j]->name, where, err) < 0)
				return -1;
		for (size_t j = 0; j < t->nforeign_keys; j++) {
			const mg_foreign_key *fk = t->foreign_keys[j];
			if (check_name("foreign key", fk->name, where, err) < 0 ||
			    check_name("table", fk->parent_name, where, err) < 0)
				return -1;
			for (size_t k = 0; k < fk->nparent_columns; k++)
				if (check_name("column", fk->parent_column_names[k], where, err) < 0)
					return -1;
		}
		for (size_t j = 0; j < t->nrelationships; j++) {
			const mg_relationship *r = t->relationships[j];
			if (check_name("relationship", r->name, where, err) < 0 ||
			    check_name("table", r->target_name, where, err) < 0)
				return -1;
		}
	}
	return 0;
}

mg_graph *mg_load(const char *const *sources, size_t nsources, const mg_read_options *options,
		  mg_error *err)
{
	mg_graph *graph = mg_graph_new();
	if (!graph) {
		mg_error_set(err, "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < nsources; i++) {
		size_t tables_before = graph->ntables;
		if (mg_read_source_with(graph, sources[i], options, err) < 0 ||
		    check_names(graph, tables_before, sources[i], err) < 0 || drop_redefined_tables(graph, err) < 0 ||
		    verify(graph, sources[i], err) < 0)
			goto fail;
	}
	if (mg_resolve(graph, err) < 0 || verify(graph, "resolve", err) < 0)
		goto fail;
	return graph;
fail:
	mg_graph_free(graph);
	return NULL;
}
