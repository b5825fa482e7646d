#ifndef MODELGRAPH_H
#define MODELGRAPH_H

/*
 * The core library: what the command line and the tests call. One run of
 * modelgraph is
 *
 *   sources --read--> graph --resolve--> graph --lint--> findings
 *           --MG_ALLOW, configuration ignores, baseline--> findings --report--> bytes
 *
 * and each arrow is sequenced here, once: mg_load reads and resolves,
 * mg_lint_run_new does the whole lint half with configuration, suppressions
 * and baseline applied, mg_report_write hands the findings to a reporter.
 * The types come from the layer that owns them (analyzer/core for the
 * graph and findings, render/ for the reporters); docs/architecture.md
 * shows how the layers stack.
 */

#include <stdbool.h>
#include <stddef.h>

#include "analyzer/core/error.h"
#include "analyzer/core/findings.h"
#include "analyzer/core/graph.h"
#include "analyzer/core/suggest.h"
#include "analyzer/lint/baseline.h"
#include "analyzer/lint/lint.h"
#include "analyzer/read/readers.h"
#include "render/render.h"
#include "util/buf.h"

/* Reads every source into one graph and resolves it (lib/load.h). */
#include "lib/load.h"

/*
 * The project's configuration: `path` when given, else the .modelgraph.yml
 * found upward from the working directory (docs/configuration.md), which
 * is applied only when nobody else can change it. 0 with *out set (NULL
 * when there is none), or -1 with `err` set.
 */
struct mg_config;
int mg_project_config_load(struct mg_config **out, const char *path, mg_error *err);

/* What to lint and how: the command line's `lint` options, as data. */
typedef struct mg_lint_request {
	const char *const *sources;     /* files or `scheme:` sources, in order */
	size_t nsources;
	const mg_read_options *read;    /* C compiler flags; NULL: the defaults */
	const char *config_path;        /* NULL: .modelgraph.yml found upward, if any */
	bool no_config;                 /* read no configuration: every rule at its default */
	const char *baseline_path;      /* NULL: the configuration's baseline, if any */
	bool ignore_baseline;           /* apply no baseline at all (writing a new one) */
	const char *const *enable;      /* rule ids turned on */
	size_t nenable;
	const char *const *disable;     /* rule ids turned off */
	size_t ndisable;
	const char *fail_on;            /* error|warning|note|never; NULL: the
	                                   configuration's, else error */
	const char *const *against;     /* diff: the database `sources` (the models) are
	                                   compared with, read as one graph; the drift
	                                   rules run, and only they. nagainst == 0: lint */
	size_t nagainst;
} mg_lint_request;

/* The result of one lint: the configuration, the graph and the findings,
 * released together by mg_lint_run_free. */
typedef struct mg_lint_run mg_lint_run;

/*
 * Loads the configuration and baseline, reads and resolves the sources
 * (and, for diff, the database they are compared with), lints with the request's and the configuration's severities, then applies
 * MG_ALLOW annotations, the configuration's ignores and the baseline.
 * 0 with *out set, or -1 with `err` set (an unreadable input, a bad
 * configuration or baseline, an unknown rule id) and *out NULL.
 */
int mg_lint_run_new(mg_lint_run **out, const mg_lint_request *request, mg_error *err);

const mg_graph *mg_lint_run_graph(const mg_lint_run *run);
/* diff: the database's graph; NULL for lint. */
const mg_graph *mg_lint_run_against(const mg_lint_run *run);
const mg_findings *mg_lint_run_findings(const mg_lint_run *run);

/* Whether a finding reaches the fail-on level (exit status 1). */
bool mg_lint_run_fails(const mg_lint_run *run);

/* NULL is a no-op. */
void mg_lint_run_free(mg_lint_run *run);

/*
 * Writes `findings` in the reporter `format` (mg_reporter_names) to `out`.
 * -1 for an unknown format; allocation failure sets out->failed.
 */
int mg_report_write(const char *format, const mg_findings *findings,
		    const mg_report_settings *settings, mg_buf *out);

#endif
