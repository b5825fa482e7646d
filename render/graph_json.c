/* The graph as JSON: the document `modelgraph dump` writes and the JSON
 * reader (analyzer/read_json.c) reads. Tables, indexes, foreign keys and relationships come
 * sorted by name (resolve sorted them); columns keep their declared order. */

#include "analyzer/lint/lint.h"
#include "render/json_location.h"
#include "render/render.h"

static const char *source_kind_name(mg_source_kind kind)
{
	switch (kind) {
	case MG_SOURCE_SQLITE: return "sqlite";
	case MG_SOURCE_SQL: return "sql";
	case MG_SOURCE_C: return "c";
	case MG_SOURCE_JSON: return "json";
	case MG_SOURCE_POSTGRES: return "postgresql";
	case MG_SOURCE_MYSQL: return "mysql";
	}
	return "unknown";
}

static void write_column_names(mg_json *json, const char *key, mg_column *const *columns, size_t n)
{
	mg_json_key(json, key);
	mg_json_begin_array(json);
	for (size_t i = 0; i < n; i++)
		mg_json_string(json, columns[i] ? columns[i]->name : NULL);
	mg_json_end_array(json);
}

static void write_column(mg_json *json, const mg_column *c)
{
	mg_json_begin_object(json);
	mg_json_member_string(json, "name", c->name);
	mg_json_member_string(json, "type", c->type);
	mg_json_member_string(json, "sql_type", c->sql_type);
	mg_json_member_bool(json, "nullable", c->nullable);
	mg_json_member_string(json, "default", c->default_value);
	mg_json_member_bool(json, "primary_key", c->pk_position > 0);
	mg_json_member_bool(json, "unique", c->unique);
	mg_json_member_bool(json, "autoincrement", c->autoincrement);
	mg_json_member_string(json, "comment", c->comment);
	mg_json_member_string(json, "client_default", c->client_default);
	mg_json_member_location(json, "location", c->location);
	mg_json_end_object(json);
}

static void write_foreign_key(mg_json *json, const mg_foreign_key *fk)
{
	mg_json_begin_object(json);
	mg_json_member_string(json, "name", fk->name);
	write_column_names(json, "columns", fk->columns, fk->ncolumns);
	mg_json_member_string(json, "ref_table", fk->parent_name);
	mg_json_key(json, "ref_columns");
	mg_json_begin_array(json);
	for (size_t i = 0; i < fk->ncolumns; i++) {
		const char *name = i < fk->nparent_columns ? fk->parent_column_names[i]
				   : fk->parent_columns && fk->parent_columns[i] ? fk->parent_columns[i]->name
										 : NULL;
		mg_json_string(json, name);
	}
	mg_json_end_array(json);
	mg_json_member_string(json, "on_delete", mg_fk_action_name(fk->on_delete));
	mg_json_member_string(json, "on_update", mg_fk_action_name(fk->on_update));
	mg_json_member_bool(json, "unique", fk->unique);
	/* Only PostgreSQL has them: written when set, so other dumps stay as they were. */
	if (fk->deferrable)
		mg_json_member_bool(json, "deferrable", true);
	if (fk->initially_deferred)
		mg_json_member_bool(json, "initially_deferred", true);
	mg_json_member_bool(json, "implied", fk->implied);
	if (fk->implied)
		mg_json_member_string(json, "implied_reason", fk->implied_reason);
	mg_json_member_location(json, "location", fk->location);
	mg_json_end_object(json);
}

static void write_relationship(mg_json *json, const mg_relationship *r)
{
	mg_json_begin_object(json);
	mg_json_member_string(json, "name", r->name);
	mg_json_member_string(json, "target", r->target_name);
	mg_json_member_string(json, "kind", mg_cardinality_name(r->kind));
	mg_json_member_string(json, "backref", r->backref);
	mg_json_member_string(json, "back_populates", r->back_populates);
	mg_json_key(json, "uselist");
	if (r->uselist == MG_UNSET)
		mg_json_null(json);
	else
		mg_json_bool(json, r->uselist == MG_TRUE);
	mg_json_member_string(json, "secondary", r->secondary_name);
	mg_json_key(json, "foreign_keys");
	mg_json_begin_array(json);
	if (r->via)
		mg_json_string(json, r->via->path);
	mg_json_end_array(json);
	mg_json_member_string(json, "inverse", r->inverse ? r->inverse->name : NULL);
	mg_json_member_bool(json, "derived", r->derived);
	mg_json_member_bool(json, "from_backref", r->from_backref);
	mg_json_member_string(json, "lazy", r->lazy);
	mg_json_member_string(json, "cascade", r->cascade);
	mg_json_key(json, "viewonly");
	if (r->viewonly == MG_UNSET)
		mg_json_null(json);
	else
		mg_json_bool(json, r->viewonly == MG_TRUE);
	mg_json_member_location(json, "location", r->location);
	mg_json_end_object(json);
}

static void write_table(mg_json *json, const mg_table *t)
{
	mg_json_begin_object(json);
	mg_json_member_string(json, "name", t->name);
	mg_json_member_string(json, "schema", t->schema);
	mg_json_member_string(json, "kind", mg_table_kind_name(t->kind));
	mg_json_member_string(json, "comment", t->comment);
	mg_json_member_string(json, "struct", t->struct_name);
	mg_json_member_location(json, "location", t->location);

	mg_json_key(json, "columns");
	mg_json_begin_array(json);
	for (size_t i = 0; i < t->ncolumns; i++)
		write_column(json, t->columns[i]);
	mg_json_end_array(json);

	write_column_names(json, "primary_key", t->primary_key, t->npk);

	mg_json_key(json, "unique");
	mg_json_begin_array(json);
	for (size_t i = 0; i < t->nuniques; i++) {
		mg_json_begin_array(json);
		for (size_t j = 0; j < t->uniques[i].ncolumns; j++)
			mg_json_string(json, t->uniques[i].columns[j]->name);
		mg_json_end_array(json);
	}
	mg_json_end_array(json);

	mg_json_key(json, "indexes");
	mg_json_begin_array(json);
	for (size_t i = 0; i < t->nindexes; i++) {
		const mg_index *index = t->indexes[i];
		mg_json_begin_object(json);
		mg_json_member_string(json, "name", index->name);
		write_column_names(json, "columns", index->columns, index->ncolumns);
		mg_json_member_bool(json, "unique", index->unique);
		mg_json_member_bool(json, "partial", index->partial);
		mg_json_member_string(json, "origin", index->origin == MG_INDEX_PRIMARY_KEY ? "primary_key"
						      : index->origin == MG_INDEX_UNIQUE    ? "unique"
											   : "created");
		mg_json_end_object(json);
	}
	mg_json_end_array(json);

	mg_json_key(json, "foreign_keys");
	mg_json_begin_array(json);
	for (size_t i = 0; i < t->nforeign_keys; i++)
		write_foreign_key(json, t->foreign_keys[i]);
	mg_json_end_array(json);

	mg_json_key(json, "relationships");
	mg_json_begin_array(json);
	for (size_t i = 0; i < t->nrelationships; i++)
		write_relationship(json, t->relationships[i]);
	mg_json_end_array(json);
	mg_json_end_object(json);
}

void mg_render_graph_json(const mg_graph *graph, mg_buf *out)
{
	mg_json json;
	mg_json_init(&json, out);
	mg_json_begin_object(&json);
	mg_json_member_string(&json, "format", "modelgraph-graph");
	mg_json_member_uint(&json, "version", 1);
	mg_json_key(&json, "sources");
	mg_json_begin_array(&json);
	for (size_t i = 0; i < graph->nsources; i++) {
		mg_json_begin_object(&json);
		mg_json_member_string(&json, "name", graph->sources[i].name);
		mg_json_member_string(&json, "kind", source_kind_name(graph->sources[i].kind));
		mg_json_end_object(&json);
	}
	mg_json_end_array(&json);
	mg_json_key(&json, "tables");
	mg_json_begin_array(&json);
	for (size_t i = 0; i < graph->ntables; i++)
		write_table(&json, graph->tables[i]);
	mg_json_end_array(&json);
	mg_json_end_object(&json);
}
