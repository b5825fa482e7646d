/* What the drift rules share (drift.h). */

#include "analyzer/lint/rules/drift.h"

#include <string.h>

#include "analyzer/lint/drift_sql.h"
#include "util/text.h"

const mg_graph *mg_drift_db(const mg_rule_context *ctx)
{
	return ctx->options ? ctx->options->against : NULL;
}

/* The path a table has in a graph that names no schema for "public". */
static const char *without_public(const mg_table *table)
{
	if (table->schema && mg_ascii_casecmp(table->schema, "public") == 0)
		return mg_table_bare_name(table);
	return NULL;
}

const mg_table *mg_drift_pair(const mg_graph *other, const mg_table *table)
{
	const mg_table *found = mg_graph_find_table(other, table->path);
	if (found)
		return found;
	const char *bare = without_public(table);
	if (bare && (found = mg_graph_find_table(other, bare)))
		return found;
	/* This side names no schema; the other may say "public". */
	for (size_t i = 0; !table->schema && i < other->ntables; i++) {
		const mg_table *t = other->tables[i];
		if (without_public(t) && mg_graph_name_cmp(other, mg_table_bare_name(t), table->name) == 0)
			return t;
	}
	return NULL;
}

bool mg_drift_compared(const mg_table *table)
{
	return table->kind != MG_TABLE_VIEW;
}

mg_location mg_drift_source_location(const mg_graph *graph)
{
	return (mg_location){.file = graph->nsources ? graph->sources[0].name : NULL};
}

bool mg_drift_same_name(const mg_graph *graph, const char *a, const char *b)
{
	return mg_graph_name_cmp(graph, a, b) == 0;
}

void mg_drift_set_fix(mg_rule_context *ctx, mg_finding *finding, mg_buf *fix)
{
	if (!finding || !fix->len) {
		mg_buf_free(fix);
		return;
	}
	finding->fix = mg_rule_take(ctx, fix);
}

mg_fk_action mg_drift_action(mg_fk_action action)
{
	return action == MG_ACTION_RESTRICT || action == MG_ACTION_NONE ? MG_ACTION_NO_ACTION : action;
}
