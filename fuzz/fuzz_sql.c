/* libFuzzer target: the SQL DDL reader (the script runs statement by
 * statement in a private in-memory SQLite, within budgets of steps and
 * memory), then resolve, lint and every renderer of findings and of the
 * graph. Beyond crashes, it stops on a broken graph invariant and on JSON
 * output (graph JSON, JSON findings, SARIF) that does not parse. */

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/lint/lint.h"
#include "analyzer/read/readers.h"
#include "analyzer/resolve/resolve.h"
#include "fuzz/fuzz_file.h"
#include "render/render.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_graph(const mg_graph *graph, const char *after)
{
	const char *problem = mg_graph_check(graph);
	if (problem) {
		fprintf(stderr, "graph invariant broken after %s: %s\n", after, problem);
		abort();
	}
}

/* What modelgraph writes as JSON must be JSON (jansson also refuses
 * invalid UTF-8 and NUL). */
static void check_json(const mg_buf *out, const char *what)
{
	json_error_t jerr;
	json_t *root = json_loadb(out->data ? out->data : "", out->len, 0, &jerr);
	if (!root && !out->failed) {
		fprintf(stderr, "%s is not JSON: %d:%d: %s\n", what, jerr.line, jerr.column, jerr.text);
		abort();
	}
	json_decref(root);
}

/* SARIF carries the whole rule catalog (over 100 KB) whatever the input:
 * written for every input, it took most of the time. It is written for
 * one input in four, chosen by size so that an input always gets the same. */
static void render_all(const mg_graph *graph, const mg_findings *findings, size_t size)
{
	mg_report_settings settings = {.color = true, .tool_version = "fuzz"};
	for (size_t i = 0; mg_reporter_names[i]; i++) {
		const mg_reporter *reporter = mg_reporter_find(mg_reporter_names[i]);
		if (strcmp(reporter->name, "sarif") == 0 && size % 4 != 0)
			continue;
		mg_buf out = MG_BUF_INIT;
		reporter->write(findings, &settings, &out);
		if (strcmp(reporter->name, "json") == 0 || strcmp(reporter->name, "sarif") == 0)
			check_json(&out, reporter->name);
		mg_buf_free(&out);
	}
	mg_buf out = MG_BUF_INIT;
	mg_render_graph_json(graph, &out);
	check_json(&out, "the graph JSON");
	mg_buf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = mg_fuzz_file(data, size, "input.sql");
	mg_graph *graph = path ? mg_graph_new() : NULL;
	mg_error err;
	if (graph && mg_read_sql(graph, path, &err) == 0) {
		check_graph(graph, "reading");
		if (mg_resolve(graph, &err) == 0) {
			check_graph(graph, "resolve");
			mg_findings *findings = mg_findings_new();
			if (findings && mg_lint(graph, NULL, findings) == 0)
				render_all(graph, findings, size);
			mg_findings_free(findings);
		}
	}
	mg_graph_free(graph);
	return 0;
}
