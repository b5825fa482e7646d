/* The view of one table's page: columns, keys, indexes, relationships out
 * and in, findings, where it is defined, and its neighbourhood diagram. */

#include <assert.h>
#include <string.h>

#include "render/site_internal.h"

static const char *index_origin_name(mg_index_origin origin)
{
	switch (origin) {
	case MG_INDEX_CREATED: return "index";
	case MG_INDEX_UNIQUE: return "unique constraint";
	case MG_INDEX_PRIMARY_KEY: return "primary key";
	default: assert(0); return "index";
	}
}

/* The foreign keys a column belongs to, as references to their parents. */
static void set_references(const mg_site_context *ctx, mg_view *column_view, const mg_table *table,
			   const mg_column *column)
{
	mg_view *refs = mg_view_set_list(column_view, "references");
	for (size_t i = 0; i < table->nforeign_keys; i++) {
		const mg_foreign_key *fk = table->foreign_keys[i];
		for (size_t c = 0; c < fk->ncolumns; c++) {
			if (fk->columns[c] != column)
				continue;
			mg_view *ref = mg_view_push_object(refs);
			mg_view_set_text(ref, "table", fk->parent ? fk->parent->path : fk->parent_name);
			mg_view_set_text(ref, "href", mg_site_table_href(ctx, ref->arena, fk->parent, 1));
			const char *parent_column = fk->parent_columns && fk->parent_columns[c] ? fk->parent_columns[c]->name
						    : c < fk->nparent_columns ? fk->parent_column_names[c]
									     : NULL;
			mg_view_set_text(ref, "column", parent_column);
			mg_view_set_bool(ref, "implied", fk->implied);
		}
	}
	mg_view_set_bool(column_view, "foreign_key", mg_view_truthy(refs));
}

static void set_columns(const mg_site_context *ctx, mg_view *view, const mg_table *table)
{
	mg_view *columns = mg_view_set_list(view, "columns");
	bool descriptions = false;
	for (size_t i = 0; i < table->ncolumns; i++) {
		const mg_column *c = table->columns[i];
		descriptions |= c->comment != NULL && c->comment[0] != '\0';
		mg_view *col = mg_view_push_object(columns);
		mg_view_set_text(col, "name", c->name);
		mg_view_set_text(col, "anchor", mg_arena_printf(col->arena, "c%u", c->position));
		mg_view_set_text(col, "type", c->type);
		mg_view_set_text(col, "sql_type", c->sql_type);
		mg_view_set_bool(col, "nullable", c->nullable);
		mg_view_set_text(col, "default", c->default_value);
		mg_view_set_text(col, "client_default", c->client_default);
		mg_view_set_bool(col, "primary_key", c->pk_position > 0);
		if (c->pk_position)
			mg_view_set_uint(col, "pk_position", c->pk_position);
		mg_view_set_bool(col, "unique", c->unique);
		mg_view_set_bool(col, "autoincrement", c->autoincrement);
		mg_view_set_text(col, "description", c->comment);
		mg_view_set_text(col, "subclass", c->subclass); /* single-table inheritance */
		set_references(ctx, col, table, c);
		mg_site_view_location(ctx, col, "location", c->location);
	}
	mg_view_set_bool(view, "has_column_descriptions", descriptions);
}

static void set_keys(mg_view *view, const mg_table *table)
{
	mg_arena *arena = view->arena;
	if (table->npk) {
		mg_view *pk = mg_view_set_object(view, "primary_key");
		mg_view_set_text(pk, "columns", mg_site_columns_text(arena, table->primary_key, NULL, table->npk));
	}
	mg_view *uniques = mg_view_set_list(view, "uniques");
	for (size_t i = 0; i < table->nuniques; i++) {
		mg_view *u = mg_view_push_object(uniques);
		mg_view_set_text(u, "name", table->uniques[i].name);
		mg_view_set_text(u, "columns", mg_site_columns_text(arena, table->uniques[i].columns, NULL,
								    table->uniques[i].ncolumns));
	}
	mg_view_set_bool(view, "has_uniques", table->nuniques > 0);
	mg_view *indexes = mg_view_set_list(view, "indexes");
	for (size_t i = 0; i < table->nindexes; i++) {
		const mg_index *index = table->indexes[i];
		mg_view *x = mg_view_push_object(indexes);
		mg_view_set_text(x, "name", index->name);
		mg_buf cols = MG_BUF_INIT;
		for (size_t c = 0; c < index->ncolumns; c++)
			mg_buf_printf(&cols, "%s%s", c ? ", " : "",
				      index->columns[c] ? index->columns[c]->name : "(expression)");
		mg_view_set_text(x, "columns", cols.failed ? NULL : (cols.data ? cols.data : ""));
		mg_buf_free(&cols);
		mg_view_set_bool(x, "unique", index->unique);
		mg_view_set_bool(x, "partial", index->partial);
		mg_view_set_text(x, "origin", index_origin_name(index->origin));
	}
	mg_view_set_bool(view, "has_indexes", table->nindexes > 0);
}

static void set_foreign_keys(const mg_site_context *ctx, mg_view *view, const mg_table *table)
{
	mg_arena *arena = view->arena;
	mg_view *fks = mg_view_set_list(view, "foreign_keys");
	for (size_t i = 0; i < table->nforeign_keys; i++) {
		const mg_foreign_key *fk = table->foreign_keys[i];
		mg_view *f = mg_view_push_object(fks);
		mg_view_set_text(f, "name", fk->name);
		mg_view_set_text(f, "columns", mg_site_columns_text(arena, fk->columns, NULL, fk->ncolumns));
		mg_view *parent = mg_view_set_object(f, "parent");
		mg_view_set_text(parent, "name", fk->parent ? fk->parent->path : fk->parent_name);
		mg_view_set_text(parent, "href", mg_site_table_href(ctx, arena, fk->parent, 1));
		mg_view_set_text(f, "parent_columns",
				 fk->parent_columns ? mg_site_columns_text(arena, fk->parent_columns, NULL, fk->ncolumns)
						    : mg_site_columns_text(arena, NULL, fk->parent_column_names,
									   fk->nparent_columns));
		mg_view_set_text(f, "on_delete", mg_fk_action_name(fk->on_delete));
		mg_view_set_text(f, "on_update", mg_fk_action_name(fk->on_update));
		mg_view_set_bool(f, "unique", fk->unique);
		mg_view_set_bool(f, "implied", fk->implied);
		mg_view_set_text(f, "implied_reason", fk->implied_reason);
	}
	mg_view_set_bool(view, "has_foreign_keys", table->nforeign_keys > 0);
}

static void set_relationships(const mg_site_context *ctx, mg_view *view, const mg_table *table, size_t index)
{
	mg_view *out = mg_view_set_list(view, "relationships_out");
	for (size_t i = 0; i < table->nrelationships; i++)
		mg_site_view_relationship(ctx, mg_view_push_object(out), table->relationships[i], 1);
	mg_view_set_bool(view, "has_relationships_out", table->nrelationships > 0);
	mg_view *in = mg_view_set_list(view, "relationships_in");
	for (size_t i = 0; i < ctx->nincoming[index]; i++)
		mg_site_view_relationship(ctx, mg_view_push_object(in), ctx->incoming[index][i], 1);
	mg_view_set_bool(view, "has_relationships_in", ctx->nincoming[index] > 0);
	mg_view *through = mg_view_set_list(view, "relationships_through");
	for (size_t i = 0; i < ctx->nthrough[index]; i++)
		mg_site_view_relationship(ctx, mg_view_push_object(through), ctx->through[index][i], 1);
	mg_view_set_bool(view, "has_relationships_through", ctx->nthrough[index] > 0);
}

/* The page links to each table through the href the diagram asks for. */
typedef struct diagram_links {
	const mg_site_context *ctx;
	mg_arena *arena;
	unsigned depth;
} diagram_links;

static const char *diagram_href(const mg_table *table, void *payload)
{
	const diagram_links *links = payload;
	return mg_site_table_href(links->ctx, links->arena, table, links->depth);
}

/* The diagram, when the seam gives one: SVG markup for HTML, Mermaid text
 * for Markdown (both built by modelgraph, so a template may output them raw). */
void mg_site_view_diagram(const mg_site_context *ctx, mg_view *view, const mg_table *focus, unsigned depth)
{
	mg_buf out = MG_BUF_INIT;
	diagram_links links = {ctx, view->arena, depth};
	if (mg_site_diagram(ctx->graph, focus, ctx->format->diagram, diagram_href, &links, &out) && !out.failed) {
		mg_view *diagram = mg_view_set_object(view, "diagram");
		mg_view_set(diagram, ctx->format->diagram == MG_SITE_DIAGRAM_SVG ? "svg" : "mermaid",
			    mg_view_markup(view->arena, out.data, out.len));
	}
	mg_buf_free(&out);
}

mg_view *mg_site_view_table(const mg_site_context *ctx, mg_arena *arena, const mg_table *table)
{
	size_t index = mg_site_table_index(ctx, table);
	mg_view *view = mg_site_view_page(ctx, arena, "table", table->path, 1);
	mg_view *t = mg_view_set_object(view, "table");
	mg_site_view_table_summary(ctx, t, table, 1);
	mg_view_set_text(t, "schema", table->schema);
	mg_view_set_text(t, "struct", table->struct_name);
	mg_site_view_location(ctx, t, "location", table->location);
	set_columns(ctx, t, table);
	set_keys(t, table);
	set_foreign_keys(ctx, t, table);
	set_relationships(ctx, t, table, index);
	mg_site_view_inheritance(ctx, t, table, 1);
	mg_site_view_association_proxies(ctx, t, table, 1);
	mg_view *findings = mg_view_set_list(t, "finding_list");
	for (size_t i = 0; i < ctx->ntable_findings[index]; i++)
		mg_site_view_finding(ctx, mg_view_push_object(findings), ctx->table_findings[index][i], 1);
	mg_site_view_diagram(ctx, view, table, 1);
	return view;
}
