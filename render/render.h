#ifndef MG_RENDER_H
#define MG_RENDER_H

#include "analyzer/core/findings.h"
#include "analyzer/core/graph.h"
#include "util/buf.h"

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

/* Findings as JSON ("modelgraph-findings", version 1). */
void mg_report_json(const mg_findings *findings, mg_buf *out);

/* Findings as SARIF 2.1.0, with the whole catalog as the driver's rules. */
void mg_report_sarif(const mg_findings *findings, const char *tool_version, mg_buf *out);

/* Findings as JUnit XML (Jenkins' schema): a suite per rule the command
 * runs (the drift rules when `diff`, every other rule when not), a case per
 * finding. */
void mg_report_junit(const mg_findings *findings, bool diff, mg_buf *out);

/* Findings as GitHub Actions annotations (::error file=…,line=…::…). */
void mg_report_github(const mg_findings *findings, mg_buf *out);

/* The findings formats, as rows: `lint --format NAME` picks one. */
typedef struct mg_report_settings {
	bool color;               /* text only: ANSI colours */
	const char *tool_version; /* SARIF's tool.driver.version */
	bool diff;                /* the findings of diff, whose rules are the drift rules */
} mg_report_settings;

typedef struct mg_reporter {
	const char *name;
	void (*write)(const mg_findings *findings, const mg_report_settings *settings, mg_buf *out);
} mg_reporter;

extern const char *const mg_reporter_names[]; /* NULL-terminated */
const mg_reporter *mg_reporter_find(const char *name); /* NULL when unknown */

/* The rule catalog, in `format` "text", "markdown" (docs/rules.md) or
 * "json"; -1 for another format. */
int mg_render_catalog(const char *format, mg_buf *out);

/* One rule explained: summary, rationale, an example that fires, the same
 * model fixed, and the fix. */
struct mg_rule;
void mg_render_rule_text(const struct mg_rule *rule, mg_buf *out);

#endif
