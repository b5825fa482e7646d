/* The views of the site's pages but the table page (site_table.c): what
 * each template gets, as docs/templates.md documents it. */

#include <string.h>

#include "analyzer/core/join_condition.h"
#include "analyzer/lint/lint.h"
#include "render/site_internal.h"
#include "util/escape.h"
#include "util/text.h"

static const char *prefix(unsigned depth)
{
	return depth ? "../" : "";
}

size_t mg_site_table_index(const mg_site_context *ctx, const mg_table *table)
{
	const mg_graph *graph = ctx->graph;
	size_t lo = 0, hi = graph->ntables;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (graph->tables[mid] == table)
			return mid;
		if (mg_name_order(graph->tables[mid]->name, table->name) < 0) /* resolve's order */
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = 0; i < graph->ntables; i++)
		if (graph->tables[i] == table)
			return i;
	return 0;
}

bool mg_site_is_edge(const mg_relationship *r)
{
	return !r->inverse || strcmp(r->path, r->inverse->path) <= 0;
}

const char *mg_site_table_href(const mg_site_context *ctx, mg_arena *arena, const mg_table *table,
			       unsigned depth)
{
	if (!table)
		return NULL;
	return mg_arena_printf(arena, "%stables/%s%s", prefix(depth), mg_site_names_table(ctx->names, table),
			       ctx->format->extension);
}

const char *mg_site_rule_href(const mg_site_context *ctx, mg_arena *arena, const char *rule_id,
			      unsigned depth)
{
	mg_buf slug = MG_BUF_INIT;
	mg_site_slug(&slug, rule_id);
	const char *href = slug.failed ? NULL
				       : mg_arena_printf(arena, "%srules/%s%s", prefix(depth),
							 slug.data ? slug.data : "rule", ctx->format->extension);
	mg_buf_free(&slug);
	return href;
}

/* The link for a definition: --source-url with {path} (percent-encoded)
 * and {line}; a database has no lines, so its link stops before "#…{line}". */
static const char *source_url(const mg_site_context *ctx, mg_arena *arena, mg_location location)
{
	const char *pattern = ctx->options->source_url;
	const char *url = NULL;
	mg_buf out = MG_BUF_INIT;
	if (!pattern || !location.file)
		return NULL;
	const char *line_at = strstr(pattern, "{line}");
	const char *end = pattern + strlen(pattern);
	if (location.line == 0 && line_at) {
		end = line_at;
		while (end > pattern && end[-1] != '#')
			end--;
		if (end > pattern)
			end--;
		else
			end = line_at;
	}
	for (const char *p = pattern; p < end;) {
		if (strncmp(p, "{path}", 6) == 0 && p + 6 <= end) {
			mg_escape_uri_path(&out, location.file);
			p += 6;
		} else if (strncmp(p, "{line}", 6) == 0 && p + 6 <= end) {
			mg_buf_printf(&out, "%u", location.line);
			p += 6;
		} else {
			mg_buf_putc(&out, *p++);
		}
	}
	if (!out.failed)
		url = mg_arena_strndup(arena, out.data ? out.data : "", out.len);
	mg_buf_free(&out);
	return url;
}

void mg_site_view_location(const mg_site_context *ctx, mg_view *object, const char *key,
			   mg_location location)
{
	if (!location.file)
		return;
	mg_view *loc = mg_view_set_object(object, key);
	if (!loc)
		return;
	mg_arena *arena = loc->arena;
	mg_view_set_text(loc, "file", location.file);
	if (location.line)
		mg_view_set_uint(loc, "line", location.line);
	mg_view_set_text(loc, "text", location.line ? mg_arena_printf(arena, "%s:%u", location.file, location.line)
						    : location.file);
	mg_view_set_text(loc, "url", source_url(ctx, arena, location));
}

/* Counts of findings by severity (by[severity]), with the worst one named. */
static void set_counts(mg_view *object, const size_t *by, size_t count)
{
	mg_view_set_uint(object, "count", count);
	mg_view_set_uint(object, "errors", by[MG_SEVERITY_ERROR]);
	mg_view_set_uint(object, "warnings", by[MG_SEVERITY_WARNING]);
	mg_view_set_uint(object, "notes", by[MG_SEVERITY_NOTE]);
	mg_severity worst = by[MG_SEVERITY_ERROR] ? MG_SEVERITY_ERROR
			    : by[MG_SEVERITY_WARNING] ? MG_SEVERITY_WARNING
			    : by[MG_SEVERITY_NOTE] ? MG_SEVERITY_NOTE
						   : MG_SEVERITY_OFF;
	mg_view_set_text(object, "worst", worst == MG_SEVERITY_OFF ? NULL : mg_severity_name(worst));
	/* "1 error, 2 warnings": the non-zero counts, worst first. */
	mg_buf text = MG_BUF_INIT;
	static const struct {
		mg_severity severity;
		const char *one, *many;
	} words[] = {{MG_SEVERITY_ERROR, "error", "errors"},
		     {MG_SEVERITY_WARNING, "warning", "warnings"},
		     {MG_SEVERITY_NOTE, "note", "notes"}};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (by[words[i].severity])
			mg_buf_printf(&text, "%s%zu %s", text.len ? ", " : "", by[words[i].severity],
				      by[words[i].severity] == 1 ? words[i].one : words[i].many);
	mg_view_set_text(object, "text", text.failed ? NULL : text.data ? text.data : "no findings");
	mg_view_set_text(object, "label", mg_arena_printf(object->arena, "%zu finding%s", count, count == 1 ? "" : "s"));
	mg_buf_free(&text);
}

/* Counts of some findings (`indices`; NULL: the first `count`). */
static void set_finding_counts(mg_view *object, const mg_findings *findings, const size_t *indices,
			       size_t count)
{
	size_t by[MG_SEVERITY_ERROR + 1] = {0};
	for (size_t i = 0; i < count; i++)
		by[findings->items[indices ? indices[i] : i].severity]++;
	set_counts(object, by, count);
}

mg_view *mg_site_view_page(const mg_site_context *ctx, mg_arena *arena, const char *kind,
			   const char *title, unsigned depth)
{
	const mg_graph *graph = ctx->graph;
	const char *root = prefix(depth);
	mg_view *view = mg_view_object(arena);
	mg_view *site = mg_view_set_object(view, "site");
	mg_view_set_text(site, "title", ctx->options->title ? ctx->options->title : "Data model");
	mg_view_set_text(site, "generated_at", ctx->options->generated_at);
	mg_view_set_text(site, "format", ctx->format->name);
	mg_view_set_uint(site, "table_count", graph->ntables);
	mg_view_set_uint(site, "column_count", ctx->ncolumns);
	mg_view_set_uint(site, "relationship_count", ctx->nedges);
	set_counts(mg_view_set_object(site, "findings"), ctx->findings_by_severity, ctx->findings->count);
	mg_view *sources = mg_view_set_list(site, "sources");
	for (size_t i = 0; i < graph->nsources; i++)
		mg_view_set_text(mg_view_push_object(sources), "name", graph->sources[i].name);

	mg_view *page = mg_view_set_object(view, "page");
	mg_view_set_text(page, "kind", kind);
	mg_view_set_text(page, "title", title);
	mg_view_set_text(page, "root", root);

	const char *ext = ctx->format->extension;
	mg_view *links = mg_view_set_object(view, "links");
	mg_view_set_text(links, "index", mg_arena_printf(arena, "%s%s", root, ctx->format->index_file));
	mg_view_set_text(links, "findings", mg_arena_printf(arena, "%sfindings%s", root, ext));
	mg_view_set_text(links, "orphans", mg_arena_printf(arena, "%sorphans%s", root, ext));
	mg_view_set_text(links, "relationships", mg_arena_printf(arena, "%srelationships%s", root, ext));
	if (ctx->format->assets) {
		mg_view_set_text(links, "style", mg_arena_printf(arena, "%sassets/style.css", root));
		mg_view_set_text(links, "script", mg_arena_printf(arena, "%sassets/search.js", root));
		mg_view_set_text(links, "search_index", mg_arena_printf(arena, "%ssearch-index.js", root));
	}
	return view;
}

void mg_site_view_table_summary(const mg_site_context *ctx, mg_view *object, const mg_table *table,
				unsigned depth)
{
	mg_arena *arena = object->arena;
	size_t index = mg_site_table_index(ctx, table);
	mg_view_set_text(object, "name", table->path);
	mg_view_set_text(object, "href", mg_site_table_href(ctx, arena, table, depth));
	mg_view_set_text(object, "kind", mg_table_kind_name(table->kind));
	mg_view_set_text(object, "description", table->comment);
	mg_view_set_uint(object, "column_count", table->ncolumns);
	mg_view_set_uint(object, "relationship_count",
			 table->nrelationships + ctx->nincoming[index] + ctx->nthrough[index]);
	mg_view *findings = mg_view_set_object(object, "findings");
	set_finding_counts(findings, ctx->findings, ctx->table_findings[index], ctx->ntable_findings[index]);
	mg_view_set_bool(object, "has_findings", ctx->ntable_findings[index] > 0);
}

void mg_site_view_finding(const mg_site_context *ctx, mg_view *object, size_t index, unsigned depth)
{
	const mg_finding *f = &ctx->findings->items[index];
	mg_arena *arena = object->arena;
	mg_view_set_text(object, "severity", mg_severity_name(f->severity));
	mg_view *rule = mg_view_set_object(object, "rule");
	mg_view_set_text(rule, "id", f->rule);
	mg_view_set_text(rule, "href", mg_site_rule_href(ctx, arena, f->rule, depth));
	mg_view_set_text(object, "message", f->message);
	mg_view_set_text(object, "object", mg_object_kind_name(f->object));
	mg_view_set_text(object, "path", f->path);
	mg_view_set_text(object, "fix", f->fix);
	mg_site_view_location(ctx, object, "location", f->location);
	const mg_table *table = ctx->finding_table[index];
	if (table) {
		mg_view *t = mg_view_set_object(object, "table");
		mg_view_set_text(t, "name", table->path);
		mg_view_set_text(t, "href", mg_site_table_href(ctx, arena, table, depth));
	}
}

const char *mg_site_columns_text(mg_arena *arena, mg_column *const *columns, const char *const *names, size_t n)
{
	mg_buf out = MG_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		const char *name = columns ? (columns[i] ? columns[i]->name : "?") : names[i];
		mg_buf_printf(&out, "%s%s", i ? ", " : "", name);
	}
	const char *text = out.failed ? NULL : mg_arena_strndup(arena, out.data ? out.data : "", out.len);
	mg_buf_free(&out);
	return text;
}

/* A table by name, linked when it exists. */
static void set_table_ref(const mg_site_context *ctx, mg_view *object, const char *key,
			  const mg_table *table, const char *name, unsigned depth)
{
	mg_view *ref = mg_view_set_object(object, key);
	mg_view_set_text(ref, "name", table ? table->path : name);
	mg_view_set_text(ref, "href", mg_site_table_href(ctx, object->arena, table, depth));
}

void mg_site_view_relationship(const mg_site_context *ctx, mg_view *object, const mg_relationship *r,
			       unsigned depth)
{
	mg_arena *arena = object->arena;
	mg_view_set_text(object, "name", r->name);
	mg_view_set_text(object, "kind", mg_cardinality_name(r->kind));
	set_table_ref(ctx, object, "source", r->source, r->source->path, depth);
	set_table_ref(ctx, object, "target", r->target, r->target_name, depth);
	if (r->inverse) {
		mg_view *inverse = mg_view_set_object(object, "inverse");
		mg_view_set_text(inverse, "name", r->inverse->name);
		mg_view_set_text(inverse, "kind", mg_cardinality_name(r->inverse->kind));
	}
	mg_view_set_text(object, "backref", r->backref);
	mg_view_set_text(object, "back_populates", r->back_populates);
	if (r->secondary_name)
		set_table_ref(ctx, object, "secondary", r->secondary, r->secondary_name, depth);
	mg_view_set_bool(object, "derived", r->derived);
	const mg_foreign_key *via = r->via;
	if (via) {
		mg_view *v = mg_view_set_object(object, "via");
		mg_view_set_text(v, "name", via->name);
		mg_view_set_text(v, "child", via->child->path);
		mg_view_set_text(v, "columns", mg_site_columns_text(arena, via->columns, NULL, via->ncolumns));
		mg_view_set_text(v, "parent", via->parent ? via->parent->path : via->parent_name);
		mg_view_set_text(v, "parent_columns",
				 via->parent_columns ? mg_site_columns_text(arena, via->parent_columns, NULL, via->ncolumns)
						     : mg_site_columns_text(arena, NULL, via->parent_column_names,
								   via->nparent_columns));
		mg_view_set_bool(v, "implied", via->implied);
		mg_view_set_bool(v, "virtual", via->virtual_join);
	}
	if (r->primaryjoin)
		mg_view_set_text(object, "primaryjoin", r->primaryjoin->text);
	if (r->secondaryjoin)
		mg_view_set_text(object, "secondaryjoin", r->secondaryjoin->text);
	mg_site_view_relationship_options(object, r);
	mg_site_view_location(ctx, object, "location", r->location);
}

mg_view *mg_site_view_index(const mg_site_context *ctx, mg_arena *arena)
{
	mg_view *view = mg_site_view_page(ctx, arena, "index", "Tables", 0);
	mg_view *tables = mg_view_set_list(view, "tables");
	bool descriptions = false;
	for (size_t i = 0; i < ctx->graph->ntables; i++) {
		mg_site_view_table_summary(ctx, mg_view_push_object(tables), ctx->graph->tables[i], 0);
		descriptions |= mg_view_truthy(mg_view_get(tables->items[tables->nitems - 1], "description"));
	}
	mg_view_set_bool(view, "has_tables", ctx->graph->ntables > 0);
	mg_view_set_bool(view, "has_table_descriptions", descriptions);
	mg_site_view_diagram(ctx, view, NULL, 0);
	return view;
}

/* One rule's findings, with what the catalog says about it. */
static void set_rule(const mg_site_context *ctx, mg_view *object, const char *rule_id, unsigned depth,
		     bool details)
{
	const mg_rule *rule = mg_rule_find(rule_id);
	mg_arena *arena = object->arena;
	mg_view_set_text(object, "id", rule_id);
	mg_view_set_text(object, "href", mg_site_rule_href(ctx, arena, rule_id, depth));
	if (rule) {
		mg_view_set_text(object, "severity", mg_severity_name(rule->severity));
		mg_view_set_text(object, "summary", rule->summary);
		if (details) {
			mg_view_set_text(object, "rationale", rule->rationale);
			mg_view_set_text(object, "fix", rule->fix);
			mg_view *examples = mg_view_set_list(object, "examples");
			const struct {
				const char *language, *bad, *good;
			} rows[] = {{"sql", rule->bad_sql, rule->good_sql},
				    {"c", rule->bad_c, rule->good_c},
				    {"yaml", rule->bad_config, rule->good_config}};
			for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
				if (!rows[i].bad)
					continue;
				mg_view *e = mg_view_push_object(examples);
				mg_view_set_text(e, "language", rows[i].language);
				/* The catalog's own examples: markup a Markdown code fence
				 * may hold raw; HTML templates escape them ({{bad}}). */
				mg_view_set(e, "bad", mg_view_markup(arena, rows[i].bad, strlen(rows[i].bad)));
				mg_view_set(e, "good", mg_view_markup(arena, rows[i].good ? rows[i].good : "",
								      rows[i].good ? strlen(rows[i].good) : 0));
			}
			mg_view_set_bool(object, "has_examples", mg_view_truthy(examples));
		}
	}
	mg_view *list = mg_view_set_list(object, "findings");
	size_t count = 0;
	for (size_t i = 0; i < ctx->findings->count; i++) {
		if (strcmp(ctx->findings->items[i].rule, rule_id) != 0)
			continue;
		mg_site_view_finding(ctx, mg_view_push_object(list), i, depth);
		count++;
	}
	mg_view_set_uint(object, "count", count);
}

mg_view *mg_site_view_findings(const mg_site_context *ctx, mg_arena *arena)
{
	mg_view *view = mg_site_view_page(ctx, arena, "findings", "Findings", 0);
	mg_view *rules = mg_view_set_list(view, "rules");
	for (size_t i = 0; i < ctx->nfired_rules; i++)
		set_rule(ctx, mg_view_push_object(rules), ctx->fired_rules[i], 0, false);
	mg_view_set_bool(view, "has_findings", ctx->findings->count > 0);
	return view;
}

mg_view *mg_site_view_rule(const mg_site_context *ctx, mg_arena *arena, const char *rule_id)
{
	mg_view *view = mg_site_view_page(ctx, arena, "rule", rule_id, 1);
	set_rule(ctx, mg_view_set_object(view, "rule"), rule_id, 1, true);
	return view;
}

mg_view *mg_site_view_orphans(const mg_site_context *ctx, mg_arena *arena)
{
	mg_view *view = mg_site_view_page(ctx, arena, "orphans", "Tables without relationships", 0);
	/* An association table, or one with foreign keys, is not alone. */
	mg_view *tables = mg_view_set_list(view, "tables");
	bool descriptions = false;
	for (size_t i = 0; i < ctx->graph->ntables; i++) {
		const mg_table *t = ctx->graph->tables[i];
		if (t->nrelationships == 0 && ctx->nincoming[i] == 0 && ctx->nthrough[i] == 0 &&
		    t->nforeign_keys == 0 && t->nreferenced_by == 0) {
			mg_site_view_table_summary(ctx, mg_view_push_object(tables), t, 0);
			descriptions |= t->comment != NULL && t->comment[0] != '\0';
		}
	}
	mg_view_set_bool(view, "has_tables", mg_view_truthy(tables));
	mg_view_set_bool(view, "has_table_descriptions", descriptions);
	return view;
}

mg_view *mg_site_view_relationships(const mg_site_context *ctx, mg_arena *arena)
{
	mg_view *view = mg_site_view_page(ctx, arena, "relationships", "Relationships", 0);
	mg_view *list = mg_view_set_list(view, "relationships");
	for (size_t i = 0; i < ctx->graph->ntables; i++) {
		const mg_table *t = ctx->graph->tables[i];
		for (size_t j = 0; j < t->nrelationships; j++)
			if (mg_site_is_edge(t->relationships[j]))
				mg_site_view_relationship(ctx, mg_view_push_object(list), t->relationships[j], 0);
	}
	mg_view_set_bool(view, "has_relationships", mg_view_truthy(list));
	return view;
}
