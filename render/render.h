#ifndef MG_RENDER_H
#define MG_RENDER_H

#include "../analyzer/findings.h"
#include "../analyzer/graph.h"
#include "buf.h"

/*
 * Renderers: one file each, one entry point each, reading a resolved graph
 * (or findings) and writing to a buffer.
 */

/* The graph as versioned JSON ("modelgraph-graph", version 1): docs/graph-json.md. */
void mg_render_graph_json(const mg_graph *graph, mg_buf *out);

/* Findings as compiler-style text: `file:line:col: severity: message [rule]`,
 * then `note:` lines and a `fix:` hint; a summary line last. */
typedef struct mg_text_report_options {
	bool color;               /* ANSI colours for severities */
	bool fix_hints;           /* print the `fix:` line of each finding */
} mg_text_report_options;
void mg_report_text(const mg_findings *findings, const mg_text_report_options *options, mg_buf *out);

#endif
