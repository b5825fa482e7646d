/* `modelgraph docs`: every page of the site, rendered from its view
 * through its template, handed file by file to the caller. */

#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/embedded.h"
#include "render/site_internal.h"
#include "util/escape.h"

const char *const mg_site_formats[] = {"html", "markdown", NULL};

static const mg_site_format formats[] = {
	{.name = "html", .extension = ".html", .index_file = "index.html", .escape = mg_escape_html,
	 .assets = true, .diagram = MG_SITE_DIAGRAM_SVG},
	{.name = "markdown", .extension = ".md", .index_file = "README.md", .escape = mg_escape_markdown,
	 .assets = false, .diagram = MG_SITE_DIAGRAM_MERMAID},
};

/* The pages every site has, besides one per table and one per rule that fires. */
typedef struct fixed_page {
	const char *template_name;
	const char *stem;            /* file name without extension; NULL: the index file */
	mg_view *(*view)(const mg_site_context *ctx, mg_arena *arena);
} fixed_page;

static const fixed_page fixed_pages[] = {
	{.template_name = "index", .stem = NULL, .view = mg_site_view_index},
	{.template_name = "findings", .stem = "findings", .view = mg_site_view_findings},
	{.template_name = "orphans", .stem = "orphans", .view = mg_site_view_orphans},
	{.template_name = "relationships", .stem = "relationships", .view = mg_site_view_relationships},
};

const mg_embedded_file *mg_embedded_find(const char *path)
{
	for (size_t i = 0; i < mg_embedded_templates_count; i++)
		if (strcmp(mg_embedded_templates[i].path, path) == 0)
			return &mg_embedded_templates[i];
	return NULL;
}

/* Templates come from --templates DIR when it has them, else from the
 * binary; what was read from DIR stays here until the run ends. */
typedef struct loader {
	const mg_site_options *options;
	const mg_site_format *format;
	char **texts;
	size_t ntexts, cap;
	int failed;
} loader;

/* The whole file at `path`, NUL-terminated; NULL when it cannot be read. */
static char *read_file(const char *path, size_t *out_len)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t len = 0, cap = 0;
	if (!f)
		return NULL;
	for (;;) {
		if (cap - len < 4096) {
			char *grown = realloc(data, cap ? 2 * cap : 8192);
			if (!grown) {
				free(data);
				data = NULL;
				break;
			}
			data = grown;
			cap = cap ? 2 * cap : 8192;
		}
		size_t n = fread(data + len, 1, cap - len - 1, f);
		len += n;
		if (n == 0)
			break;
	}
	if (data && ferror(f)) {
		free(data);
		data = NULL;
	}
	fclose(f);
	if (data) {
		data[len] = '\0';
		*out_len = len;
	}
	return data;
}

/* A file of the templates: `relative` under --templates DIR, else
 * `embedded` in the binary. */
static const char *load_file(loader *l, const char *relative, const char *embedded, size_t *out_len)
{
	if (l->options->templates_dir) {
		mg_buf path = MG_BUF_INIT;
		mg_buf_printf(&path, "%s/%s", l->options->templates_dir, relative);
		size_t len = 0;
		char *text = path.failed ? NULL : read_file(path.data, &len);
		mg_buf_free(&path);
		if (text) {
			if (l->ntexts == l->cap) {
				size_t cap = l->cap ? 2 * l->cap : 16;
				char **grown = realloc(l->texts, cap * sizeof(*grown));
				if (!grown) {
					free(text);
					l->failed = 1;
					return NULL;
				}
				l->texts = grown;
				l->cap = cap;
			}
			l->texts[l->ntexts++] = text;
			*out_len = len;
			return text;
		}
	}
	const mg_embedded_file *file = mg_embedded_find(embedded);
	if (!file)
		return NULL;
	*out_len = file->size;
	return file->data;
}

static const char *load_template(const char *name, size_t *out_len, void *payload)
{
	loader *l = payload;
	mg_buf relative = MG_BUF_INIT, embedded = MG_BUF_INIT;
	const char *text = NULL;
	mg_buf_printf(&relative, "%s.mustache", name);
	mg_buf_printf(&embedded, "%s/%s.mustache", l->format->name, name);
	if (relative.failed || embedded.failed)
		l->failed = 1;
	else
		text = load_file(l, relative.data, embedded.data, out_len);
	mg_buf_free(&relative);
	mg_buf_free(&embedded);
	return text;
}

/* What one run holds, released together. */
typedef struct site_run {
	mg_site_context ctx;
	loader templates;
	mg_template_set *set;
	mg_site_emit emit;
	void *payload;
	mg_error *err;
	size_t done, total;
} site_run;

/* The table whose path (its name, schema-qualified when it has a schema)
 * is `path`; NULL when none. */
static const mg_table *table_at_path(const mg_graph *graph, const char *path, bool schemas)
{
	const mg_table *table = mg_graph_find_table(graph, path);
	if (table && strcmp(table->path, path) == 0)
		return table;
	for (size_t i = 0; schemas && i < graph->ntables; i++)
		if (mg_graph_name_cmp(graph, graph->tables[i]->path, path) == 0)
			return graph->tables[i];
	return NULL;
}

/* The table a finding is about: the longest table path its object path
 * starts with ("post" for "post.user_id"; table names may hold dots). */
static const mg_table *finding_table(const mg_graph *graph, const char *path, bool schemas)
{
	const mg_table *table = NULL;
	size_t len = path ? strlen(path) : 0;
	char *prefix = path ? malloc(len + 1) : NULL;
	if (!prefix)
		return NULL;
	memcpy(prefix, path, len + 1);
	for (;;) {
		if ((table = table_at_path(graph, prefix, schemas)) != NULL)
			break;
		char *dot = strrchr(prefix, '.');
		if (!dot)
			break;
		*dot = '\0';
	}
	free(prefix);
	return table;
}

static int compare_ids(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const mg_site_format *mg_site_format_find(const char *name)
{
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (strcmp(formats[i].name, name) == 0)
			return &formats[i];
	return NULL;
}

int mg_site_context_prepare(mg_site_context *ctx)
{
	const mg_graph *graph = ctx->graph;
	const mg_findings *findings = ctx->findings;
	size_t n = graph->ntables + 1;
	if (!(ctx->names = mg_site_names_new(graph)) ||
	    !(ctx->finding_table = calloc(findings->count + 1, sizeof(*ctx->finding_table))) ||
	    !(ctx->table_findings = calloc(n, sizeof(*ctx->table_findings))) ||
	    !(ctx->ntable_findings = calloc(n, sizeof(*ctx->ntable_findings))) ||
	    !(ctx->incoming = calloc(n, sizeof(*ctx->incoming))) ||
	    !(ctx->nincoming = calloc(n, sizeof(*ctx->nincoming))) ||
	    !(ctx->through = calloc(n, sizeof(*ctx->through))) ||
	    !(ctx->nthrough = calloc(n, sizeof(*ctx->nthrough))) ||
	    !(ctx->fired_rules = calloc(findings->count + 1, sizeof(*ctx->fired_rules))))
		return -1;
	bool schemas = false;
	for (size_t i = 0; i < graph->ntables; i++)
		schemas |= graph->tables[i]->schema != NULL;
	for (size_t i = 0; i < findings->count; i++) {
		const mg_table *t = finding_table(graph, findings->items[i].path, schemas);
		ctx->findings_by_severity[findings->items[i].severity]++;
		ctx->finding_table[i] = t;
		if (t)
			ctx->ntable_findings[mg_site_table_index(ctx, t)]++;
	}
	for (size_t i = 0; i < graph->ntables; i++) {
		const mg_table *t = graph->tables[i];
		ctx->ncolumns += t->ncolumns;
		if (!(ctx->table_findings[i] = calloc(ctx->ntable_findings[i] + 1, sizeof(size_t))))
			return -1;
		ctx->ntable_findings[i] = 0;
		for (size_t r = 0; r < t->nrelationships; r++) {
			const mg_relationship *rel = t->relationships[r];
			if (rel->target && rel->target != t)
				ctx->nincoming[mg_site_table_index(ctx, rel->target)]++;
			if (rel->secondary)
				ctx->nthrough[mg_site_table_index(ctx, rel->secondary)]++;
			ctx->nedges += mg_site_is_edge(rel);
		}
	}
	for (size_t i = 0; i < findings->count; i++)
		if (ctx->finding_table[i]) {
			size_t t = mg_site_table_index(ctx, ctx->finding_table[i]);
			ctx->table_findings[t][ctx->ntable_findings[t]++] = i;
		}
	for (size_t i = 0; i < graph->ntables; i++) {
		if (!(ctx->incoming[i] = calloc(ctx->nincoming[i] + 1, sizeof(mg_relationship *))) ||
		    !(ctx->through[i] = calloc(ctx->nthrough[i] + 1, sizeof(mg_relationship *))))
			return -1;
		ctx->nincoming[i] = 0;
		ctx->nthrough[i] = 0;
	}
	for (size_t i = 0; i < graph->ntables; i++) {
		const mg_table *t = graph->tables[i];
		for (size_t r = 0; r < t->nrelationships; r++) {
			mg_relationship *rel = t->relationships[r];
			if (rel->target && rel->target != t) {
				size_t target = mg_site_table_index(ctx, rel->target);
				ctx->incoming[target][ctx->nincoming[target]++] = rel;
			}
			if (rel->secondary) {
				size_t secondary = mg_site_table_index(ctx, rel->secondary);
				ctx->through[secondary][ctx->nthrough[secondary]++] = rel;
			}
		}
	}
	for (size_t i = 0; i < findings->count; i++)
		ctx->fired_rules[ctx->nfired_rules++] = findings->items[i].rule;
	qsort(ctx->fired_rules, ctx->nfired_rules, sizeof(*ctx->fired_rules), compare_ids);
	size_t unique = 0;
	for (size_t i = 0; i < ctx->nfired_rules; i++)
		if (unique == 0 || strcmp(ctx->fired_rules[unique - 1], ctx->fired_rules[i]) != 0)
			ctx->fired_rules[unique++] = ctx->fired_rules[i];
	ctx->nfired_rules = unique;
	return 0;
}

void mg_site_context_release(mg_site_context *ctx)
{
	for (size_t i = 0; ctx->graph && i < ctx->graph->ntables; i++) {
		if (ctx->table_findings)
			free(ctx->table_findings[i]);
		if (ctx->incoming)
			free(ctx->incoming[i]);
		if (ctx->through)
			free(ctx->through[i]);
	}
	free(ctx->table_findings);
	free(ctx->ntable_findings);
	free(ctx->incoming);
	free(ctx->nincoming);
	free(ctx->through);
	free(ctx->nthrough);
	free(ctx->finding_table);
	free(ctx->fired_rules);
	mg_site_names_free(ctx->names);
	*ctx = (mg_site_context){0};
}

static void release(site_run *run)
{
	mg_site_context_release(&run->ctx);
	mg_template_set_free(run->set);
	for (size_t i = 0; i < run->templates.ntexts; i++)
		free(run->templates.texts[i]);
	free(run->templates.texts);
}

/* Hands one finished file to the caller. */
static int emit(site_run *run, const char *path, const char *data, size_t len)
{
	if (run->emit(path, data, len, run->payload) < 0) {
		run->err->message[0] = '\0';
		return -1;
	}
	return 0;
}

/* Renders one page: its view through its template, into `path`. */
static int render_page(site_run *run, const char *template_name, const char *path, const mg_view *view)
{
	mg_buf out = MG_BUF_INIT;
	int result = -1;
	const mg_template *tmpl = mg_template_set_get(run->set, template_name, run->err);
	mg_template_options options = {.escape = run->ctx.format->escape, .strict = true};
	if (!tmpl)
		goto cleanup;
	if (!view) {
		mg_error_set(run->err, "out of memory while building the page %s", path);
		goto cleanup;
	}
	if (mg_template_render(run->set, tmpl, view, &options, &out, run->err) < 0)
		goto cleanup;
	if (run->templates.failed) {
		mg_error_set(run->err, "out of memory while reading templates");
		goto cleanup;
	}
	if (emit(run, path, out.data ? out.data : "", out.len) < 0)
		goto cleanup;
	result = 0;
	if (run->ctx.options->progress)
		run->ctx.options->progress(++run->done, run->total, run->payload);
cleanup:
	mg_buf_free(&out);
	return result;
}

static int render_pages(site_run *run)
{
	const mg_site_context *ctx = &run->ctx;
	const char *ext = ctx->format->extension;
	char path[256];
	int result = 0;
	run->total = sizeof(fixed_pages) / sizeof(fixed_pages[0]) + ctx->graph->ntables + ctx->nfired_rules;
	for (size_t i = 0; i < sizeof(fixed_pages) / sizeof(fixed_pages[0]) && result == 0; i++) {
		mg_arena *arena = mg_arena_new();
		if (fixed_pages[i].stem)
			snprintf(path, sizeof(path), "%s%s", fixed_pages[i].stem, ext);
		else
			snprintf(path, sizeof(path), "%s", ctx->format->index_file);
		result = render_page(run, fixed_pages[i].template_name, path,
				     arena ? fixed_pages[i].view(ctx, arena) : NULL);
		mg_arena_free(arena);
	}
	for (size_t i = 0; i < ctx->graph->ntables && result == 0; i++) {
		const mg_table *table = ctx->graph->tables[i];
		mg_arena *arena = mg_arena_new();
		snprintf(path, sizeof(path), "tables/%s%s", mg_site_names_table(ctx->names, table), ext);
		result = render_page(run, "table", path, arena ? mg_site_view_table(ctx, arena, table) : NULL);
		mg_arena_free(arena);
	}
	for (size_t i = 0; i < ctx->nfired_rules && result == 0; i++) {
		mg_arena *arena = mg_arena_new();
		const char *href = arena ? mg_site_rule_href(ctx, arena, ctx->fired_rules[i], 0) : NULL;
		result = render_page(run, "rule", href ? href : "",
				     href ? mg_site_view_rule(ctx, arena, ctx->fired_rules[i]) : NULL);
		mg_arena_free(arena);
	}
	return result;
}

/* The stylesheet and scripts (templates/assets/, or DIR/assets/), and the
 * search index. */
static int write_assets(site_run *run)
{
	mg_buf index = MG_BUF_INIT;
	int result = -1;
	for (size_t i = 0; i < mg_embedded_templates_count; i++) {
		const char *path = mg_embedded_templates[i].path;
		if (strncmp(path, "assets/", 7) != 0)
			continue;
		size_t len = 0;
		const char *data = load_file(&run->templates, path, path, &len);
		if (!data) {
			mg_error_set(run->err, "out of memory while reading %s", path);
			goto cleanup;
		}
		if (emit(run, path, data, len) < 0)
			goto cleanup;
	}
	mg_site_search_index(&run->ctx, &index);
	if (index.failed) {
		mg_error_set(run->err, "out of memory while writing the search index");
		goto cleanup;
	}
	if (emit(run, "search-index.js", index.data, index.len) < 0)
		goto cleanup;
	result = 0;
cleanup:
	mg_buf_free(&index);
	return result;
}

int mg_render_site(const mg_graph *graph, const mg_findings *findings, const mg_site_options *options,
		   mg_site_emit emit_file, void *payload, mg_error *err)
{
	site_run *run = calloc(1, sizeof(*run));
	int result = -1;
	if (!run) {
		mg_error_set(err, "out of memory");
		goto cleanup;
	}
	run->ctx.graph = graph;
	run->ctx.findings = findings;
	run->ctx.options = options;
	run->emit = emit_file;
	run->payload = payload;
	run->err = err;
	if (!(run->ctx.format = mg_site_format_find(options->format ? options->format : "html"))) {
		mg_error_set(err, "unknown docs format \"%s\"", options->format);
		goto cleanup;
	}
	if (mg_site_diagram_ready(graph, run->ctx.format->diagram, err) < 0)
		goto cleanup;
	run->templates.options = options;
	run->templates.format = run->ctx.format;
	if (!(run->set = mg_template_set_new(load_template, &run->templates)) ||
	    mg_site_context_prepare(&run->ctx) < 0) {
		mg_error_set(err, "out of memory");
		goto cleanup;
	}
	if (render_pages(run) < 0 || (run->ctx.format->assets && write_assets(run) < 0))
		goto cleanup;
	result = 0;
cleanup:
	if (run)
		release(run);
	free(run);
	return result;
}
