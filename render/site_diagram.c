/*
 * The seam between the docs and the diagram renderer: the overview of the
 * whole schema, or one table and its neighbours, as inline SVG with every
 * table linked to its page (HTML), or as a Mermaid erDiagram (Markdown).
 */

#include <string.h>

#include "render/diagram.h"
#include "render/diagram_cgraph.h"
#include "render/site.h"

/* A page's diagram may not hold up the site: past this, the layout is
 * retried cheaper (render/diagram_layout.c), then left out. */
#define SITE_LAYOUT_SECONDS 20.0

/* The columns a page's diagram lists: the keys, which say how the tables
 * join; the page itself lists every column. */
static mg_diagram *select_for_page(const mg_graph *graph, const mg_table *focus)
{
	mg_diagram_options options = MG_DIAGRAM_OPTIONS_INIT;
	options.columns = MG_COLUMNS_KEYS;
	options.layout_timeout = SITE_LAYOUT_SECONDS;
	mg_diagram_scope scope = {.kind = MG_SCOPE_ALL};
	const char *names[1];
	if (focus) {
		names[0] = focus->name;
		scope = (mg_diagram_scope){.kind = MG_SCOPE_TABLES, .tables = names, .ntables = 1, .depth = 1};
	}
	mg_error err = {{0}};
	return mg_diagram_select(graph, &scope, &options, &err);
}

/* Each table node links to its page: graphviz wraps the node in <a>. */
static void link_tables(Agraph_t *g, const mg_diagram *d, mg_site_href href, void *payload)
{
	for (size_t i = 0; i < d->nnodes; i++) {
		Agnode_t *n = mg_gv.agnode(g, d->nodes[i].id, 0);
		const char *target = href(d->nodes[i].table, payload);
		if (n && target)
			mg_cg_set(n, "href", target);
	}
}

static bool render_svg(const mg_diagram *d, mg_site_href href, void *payload, mg_buf *out)
{
	mg_error err = {{0}};
	mg_buf svg = MG_BUF_INIT;
	bool written = false;
	Agraph_t *g = mg_diagram_build_cgraph(d, &err);
	if (!g)
		goto cleanup;
	link_tables(g, d, href, payload);
	if (mg_diagram_layout_render(g, MG_DIAGRAM_SVG, d->options.layout_timeout, &svg, NULL, &err) < 0 ||
	    svg.failed || !svg.data)
		goto cleanup;
	/* The page holds one <svg> element: no XML declaration, DOCTYPE or
	 * comments before it. */
	const char *start = strstr(svg.data, "<svg");
	if (!start)
		goto cleanup;
	mg_buf_put(out, start, svg.len - (size_t)(start - svg.data));
	written = !out->failed;
cleanup:
	if (g)
		mg_gv.agclose(g);
	mg_buf_free(&svg);
	return written;
}

bool mg_site_diagram(const mg_graph *graph, const mg_table *focus, mg_site_diagram_format format,
		     mg_site_href href, void *payload, mg_buf *out)
{
	/* Past the diagram budget the index goes without the whole schema; each
	 * table's page still shows its neighbourhood. */
	if (graph->ntables == 0 || (!focus && graph->ntables > MG_DIAGRAM_MAX_TABLES))
		return false;
	mg_diagram *d = select_for_page(graph, focus);
	bool written = false;
	if (!d)
		return false;
	if (format == MG_SITE_DIAGRAM_SVG) {
		written = render_svg(d, href, payload, out);
	} else {
		mg_error err = {{0}};
		written = mg_diagram_render(d, MG_DIAGRAM_MERMAID, out, NULL, &err) == 0 && !out->failed;
	}
	mg_diagram_free(d);
	return written;
}

int mg_site_diagram_ready(const mg_graph *graph, mg_site_diagram_format format, mg_error *err)
{
	if (format != MG_SITE_DIAGRAM_SVG || graph->ntables == 0)
		return 0;
	return mg_graphviz_load("write the Markdown site (--format markdown), whose diagrams are Mermaid",
				err);
}
