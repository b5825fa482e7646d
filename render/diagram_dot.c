/*
 * The graphviz side of diagrams: a selection becomes one cgraph graph, tables
 * as HTML-like labels with a port per column, edges from the parent's key
 * column to the child's foreign key column with crow's-foot ends. Nodes,
 * clusters and edges are created in the selection's sorted order, so the DOT
 * (and every layout of it) is the same for the same input.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/diagram_cgraph.h"
#include "render/diagram_dot.h"
#include "util/escape.h"

/* Crow's-foot ends as graphviz arrow shapes, nearest the node first. */
static const char *const arrow_of[] = {
	[MG_END_ONE] = "teetee",
	[MG_END_ZERO_OR_ONE] = "teeodot",
	[MG_END_ZERO_OR_MANY] = "crowodot",
};

/* Up to this many edges, labels take part in the layout. */
#define LABEL_EDGES_MAX 60

static void set_defaults(Agraph_t *g, const mg_diagram_palette *pal)
{
	static const char *const graph_attrs[][2] = {
		{"rankdir", "LR"},   {"fontname", "Helvetica"}, {"nodesep", "0.4"},
		{"ranksep", "0.9"},  {"outputorder", "edgesfirst"}, {"pad", "0.3"},
		/* Network simplex iterations bounded by the node count: on deep
		 * schemas the unbounded default spends minutes placing a few hundred
		 * tables, for a drawing a reader cannot tell apart. */
		{"nslimit", "2"},    {"nslimit1", "2"},
	};
	for (size_t i = 0; i < sizeof(graph_attrs) / sizeof(graph_attrs[0]); i++)
		mg_gv.agattr(g, AGRAPH, mg_cg_str(graph_attrs[i][0]), mg_cg_str(graph_attrs[i][1]));
	mg_gv.agattr(g, AGRAPH, mg_cg_str("bgcolor"), mg_cg_str(pal->background));
	mg_gv.agattr(g, AGRAPH, mg_cg_str("fontcolor"), mg_cg_str(pal->text));
	mg_gv.agattr(g, AGRAPH, mg_cg_str("color"), mg_cg_str(pal->cluster_border));
	mg_gv.agattr(g, AGNODE, mg_cg_str("shape"), mg_cg_str("plain"));
	mg_gv.agattr(g, AGNODE, mg_cg_str("fontname"), mg_cg_str("Helvetica"));
	mg_gv.agattr(g, AGNODE, mg_cg_str("fontsize"), mg_cg_str("11"));
	mg_gv.agattr(g, AGNODE, mg_cg_str("fontcolor"), mg_cg_str(pal->text));
	mg_gv.agattr(g, AGEDGE, mg_cg_str("dir"), mg_cg_str("both"));
	mg_gv.agattr(g, AGEDGE, mg_cg_str("color"), mg_cg_str(pal->edge));
	mg_gv.agattr(g, AGEDGE, mg_cg_str("fontname"), mg_cg_str("Helvetica"));
	mg_gv.agattr(g, AGEDGE, mg_cg_str("fontsize"), mg_cg_str("9"));
	mg_gv.agattr(g, AGEDGE, mg_cg_str("fontcolor"), mg_cg_str(pal->muted));
	mg_gv.agattr(g, AGEDGE, mg_cg_str("arrowsize"), mg_cg_str("0.9"));
}


static Agraph_t *cluster_graph(Agraph_t *g, const mg_diagram *d, Agraph_t **clusters, const char *name)
{
	if (!name)
		return g;
	for (size_t i = 0; i < d->nclusters; i++)
		if (strcmp(d->clusters[i], name) == 0)
			return clusters[i];
	return g;
}

static void add_clusters(Agraph_t *g, const mg_diagram *d, const mg_diagram_palette *pal,
			 Agraph_t **clusters, mg_buf *scratch)
{
	for (size_t i = 0; i < d->nclusters; i++) {
		scratch->len = 0;
		mg_buf_puts(scratch, "cluster_");
		mg_diagram_id(scratch, d->clusters[i]);
		clusters[i] = mg_gv.agsubg(g, scratch->data, 1);
		scratch->len = 0;
		mg_escape_dot_string(scratch, d->clusters[i]);
		mg_cg_set(clusters[i], "label", scratch->data ? scratch->data : "");
		mg_cg_set(clusters[i], "style", "rounded,filled");
		mg_cg_set(clusters[i], "fillcolor", pal->cluster);
		mg_cg_set(clusters[i], "fontsize", "14");
	}
}

static void add_nodes(Agraph_t *g, const mg_diagram *d, const mg_diagram_palette *pal,
		      Agraph_t **clusters, Agnode_t **nodes, mg_buf *scratch)
{
	for (size_t i = 0; i < d->nnodes; i++) {
		Agraph_t *parent = cluster_graph(g, d, clusters, d->nodes[i].cluster);
		nodes[i] = mg_gv.agnode(parent, d->nodes[i].id, 1);
		scratch->len = 0;
		mg_diagram_node_label(d, i, scratch);
		mg_cg_set_html(g, nodes[i], "label", scratch->data ? scratch->data : "<TABLE></TABLE>");
		if (d->nodes[i].table->comment) {
			scratch->len = 0;
			mg_escape_dot_string(scratch, d->nodes[i].table->comment);
			mg_cg_set(nodes[i], "tooltip", scratch->data ? scratch->data : "");
		}
	}
	/* "+k more" stubs after the tables, so table ids never shift. */
	for (size_t i = 0; i < d->nnodes; i++) {
		if (!d->nodes[i].more)
			continue;
		scratch->len = 0;
		mg_buf_printf(scratch, "%s-more", d->nodes[i].id);
		Agnode_t *stub = mg_gv.agnode(g, scratch->data, 1);
		scratch->len = 0;
		mg_buf_printf(scratch, "+%zu more", d->nodes[i].more);
		mg_cg_set(stub, "label", scratch->data);
		mg_cg_set(stub, "shape", "box");
		mg_cg_set(stub, "style", "rounded,dashed,filled");
		mg_cg_set(stub, "fillcolor", pal->stub);
		mg_cg_set(stub, "color", pal->muted);
		mg_cg_set(stub, "fontsize", "9");
		scratch->len = 0;
		mg_buf_printf(scratch, "%zu related table%s not drawn", d->nodes[i].more,
			      d->nodes[i].more == 1 ? "" : "s");
		mg_cg_set(stub, "tooltip", scratch->data);
		Agedge_t *e = mg_gv.agedge(g, nodes[i], stub, NULL, 1);
		mg_cg_set(e, "style", "dotted");
		mg_cg_set(e, "dir", "none");
	}
}

/* The first column of a key on one side, or NULL. */
static const mg_column *first_column(const mg_foreign_key *fk, bool parent_side)
{
	if (!fk || fk->ncolumns == 0)
		return NULL;
	if (!parent_side)
		return fk->columns[0];
	return fk->parent_columns ? fk->parent_columns[0] : NULL;
}

static void add_edges(Agraph_t *g, const mg_diagram *d, Agnode_t **nodes, mg_buf *scratch)
{
	for (size_t i = 0; i < d->nedges; i++) {
		const mg_diagram_edge *de = &d->edges[i];
		Agedge_t *e = mg_gv.agedge(g, nodes[de->parent], nodes[de->child], NULL, 1);
		mg_cg_set(e, "arrowtail", arrow_of[de->parent_end]);
		mg_cg_set(e, "arrowhead", arrow_of[de->child_end]);
		/* Collapsed association: both ends are the association's keys' parents. */
		const mg_column *tail = first_column(de->fk, true);
		const mg_column *head = de->fk2 ? first_column(de->fk2, true) : first_column(de->fk, false);
		bool self = de->parent == de->child;
		scratch->len = 0;
		mg_diagram_port(d, de->parent, tail, "_e", scratch);
		if (scratch->len)
			mg_cg_set(e, "tailport", scratch->data);
		scratch->len = 0;
		mg_diagram_port(d, de->child, head, self ? "_e" : "_w", scratch);
		if (scratch->len)
			mg_cg_set(e, "headport", scratch->data);
		if (de->fk2)
			mg_cg_set(e, "style", "bold");
		if (de->dashed) {
			mg_cg_set(e, "style", "dashed");
			scratch->len = 0;
			mg_buf_puts(scratch, "implied: ");
			mg_escape_dot_string(scratch, de->tooltip ? de->tooltip : "not declared");
			mg_cg_set(e, "tooltip", scratch->data);
		}
		scratch->len = 0;
		mg_diagram_edge_label(d, de, mg_escape_dot_string, "\\n", scratch);
		/* A dot label is a node of its own in the layout, doubling the ranks:
		 * past a few dozen edges, labels are placed after layout instead. */
		if (scratch->len)
			mg_cg_set(e, d->nedges <= LABEL_EDGES_MAX ? "label" : "xlabel", scratch->data);
	}
}

Agraph_t *mg_diagram_build_cgraph(const mg_diagram *d, mg_error *err)
{
	if (mg_graphviz_load(MG_DIAGRAM_WITHOUT_GRAPHVIZ, err) < 0)
		return NULL;
	const mg_diagram_palette *pal = mg_diagram_palette_of(d->options.theme);
	mg_buf scratch = MG_BUF_INIT;
	Agraph_t *g = mg_gv.agopen(mg_cg_str("er"), *mg_gv.Agdirected, mg_diagram_discipline());
	Agraph_t **clusters = calloc(d->nclusters ? d->nclusters : 1, sizeof(*clusters));
	Agnode_t **nodes = calloc(d->nnodes ? d->nnodes : 1, sizeof(*nodes));
	if (!g || !clusters || !nodes)
		goto fail;
	set_defaults(g, pal);
	add_clusters(g, d, pal, clusters, &scratch);
	add_nodes(g, d, pal, clusters, nodes, &scratch);
	add_edges(g, d, nodes, &scratch);
	if (scratch.failed)
		goto fail;
	goto cleanup;
fail:
	mg_error_set(err, "out of memory while building the diagram");
	if (g)
		mg_gv.agclose(g);
	g = NULL;
cleanup:
	mg_buf_free(&scratch);
	free(clusters);
	free(nodes);
	return g;
}

const mg_diagram_format_info mg_diagram_formats[] = {
	{.name = "svg", .extension = ".svg", .format = MG_DIAGRAM_SVG},
	{.name = "png", .extension = ".png", .format = MG_DIAGRAM_PNG, .binary = true},
	{.name = "pdf", .extension = ".pdf", .format = MG_DIAGRAM_PDF, .binary = true},
	{.name = "dot", .extension = ".dot", .format = MG_DIAGRAM_DOT},
	{.name = "dot", .extension = ".gv", .format = MG_DIAGRAM_DOT},
	{.name = "mermaid", .extension = ".mmd", .format = MG_DIAGRAM_MERMAID},
	{.name = "plantuml", .extension = ".puml", .format = MG_DIAGRAM_PLANTUML},
	{0},
};

const mg_diagram_format_info *mg_diagram_format_find(const char *name)
{
	for (const mg_diagram_format_info *f = mg_diagram_formats; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

const mg_diagram_format_info *mg_diagram_format_for_path(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (!dot || strchr(dot, '/'))
		return NULL;
	for (const mg_diagram_format_info *f = mg_diagram_formats; f->name; f++)
		if (strcmp(f->extension, dot) == 0)
			return f;
	return NULL;
}

/* The graph before layout, as DOT text. */
static int write_dot(Agraph_t *g, mg_buf *out, mg_error *err)
{
	char *data = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&data, &len);
	int status = -1;
	if (!fp) {
		mg_error_set(err, "out of memory while writing DOT");
		return -1;
	}
	int written = mg_gv.agwrite(g, fp);
	if (fclose(fp) != 0 || written != 0) {
		mg_error_set(err, "cannot write DOT");
		goto cleanup;
	}
	mg_buf_put(out, data, len);
	status = 0;
cleanup:
	free(data);
	return status;
}

int mg_diagram_render(const mg_diagram *d, mg_diagram_format format, mg_buf *out, mg_buf *notes,
		      mg_error *err)
{
	Agraph_t *g = NULL;
	int status = -1;
	switch (format) {
	case MG_DIAGRAM_MERMAID:
		mg_render_mermaid(d, out, notes);
		status = 0;
		goto cleanup;
	case MG_DIAGRAM_PLANTUML:
		mg_render_plantuml(d, out);
		status = 0;
		goto cleanup;
	case MG_DIAGRAM_DOT:
	case MG_DIAGRAM_SVG:
	case MG_DIAGRAM_PNG:
	case MG_DIAGRAM_PDF:
		break;
	default:
		mg_error_set(err, "unknown diagram format");
		goto cleanup;
	}
	if (!(g = mg_diagram_build_cgraph(d, err)))
		goto cleanup;
	if (format == MG_DIAGRAM_DOT)
		status = write_dot(g, out, err);
	else
		status = mg_diagram_layout_render(g, format, d->options.layout_timeout, out, notes, err);
cleanup:
	if (g)
		mg_gv.agclose(g);
	if (status == 0 && out->failed) {
		mg_error_set(err, "out of memory while rendering the diagram");
		status = -1;
	}
	return status;
}
