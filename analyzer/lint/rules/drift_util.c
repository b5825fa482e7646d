/* What the drift rules share (drift.h). */

#include "analyzer/lint/rules/drift.h"

#include <string.h>

#include "analyzer/lint/drift_sql.h"
#include "util/text.h"

const mg_graph *mg_drift_db(const mg_rule_context *ctx)
{
	return ctx->options ? ctx->options->against : NULL;
}

/* Whether the graph's tables come without a schema however they were
 * declared: SQLite has none, and the MySQL reader reads one database. */
static bool schemaless(const mg_graph *graph)
{
	for (size_t i = 0; i < graph->nsources; i++)
		if (graph->sources[i].kind != MG_SOURCE_SQLITE && graph->sources[i].kind != MG_SOURCE_SQL &&
		    graph->sources[i].kind != MG_SOURCE_MYSQL)
			return false;
	return graph->nsources > 0;
}

/* Whether a table of schema `schema` (one side) and a table of none (the
 * other, of graph `bare_side`) of one name are one table: the schema is
 * PostgreSQL's default, or the other side has no schemas. */
static bool same_without_schema(const char *schema, const mg_graph *bare_side)
{
	return mg_ascii_casecmp(schema, "public") == 0 || schemaless(bare_side);
}

/* Whether two tables of one name are in one schema, as far as the drift
 * rules can tell. */
static bool same_schema(const mg_table *a, const mg_table *b)
{
	if (a->schema && b->schema)
		return mg_ascii_casecmp(a->schema, b->schema) == 0;
	if (!a->schema && !b->schema)
		return true;
	const mg_table *with = a->schema ? a : b, *without = a->schema ? b : a;
	return same_without_schema(with->schema, without->graph);
}

/* Whether `found` is `table`: one bare name (readers name a table of another
 * schema "schema.table" or "table"), one schema. */
static bool is_pair(const mg_table *table, const mg_table *found)
{
	return found && mg_graph_name_cmp(found->graph, mg_table_bare_name(found), mg_table_bare_name(table)) == 0 &&
	       same_schema(table, found);
}

const mg_table *mg_drift_pair(const mg_graph *other, const mg_table *table)
{
	const mg_table *found = mg_graph_find_table(other, table->path);
	if (is_pair(table, found))
		return found;
	found = mg_graph_find_table(other, mg_table_bare_name(table));
	if (is_pair(table, found))
		return found;
	/* The other side may name the table "schema.table". */
	for (size_t i = 0; !table->schema && i < other->ntables; i++)
		if (other->tables[i]->schema && is_pair(table, other->tables[i]))
			return other->tables[i];
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
