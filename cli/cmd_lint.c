#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyzer/lint/baseline.h"
#include "analyzer/lint/config.h"
#include "analyzer/lint/lint.h"
#include "lib/load.h"
#include "analyzer/read/readers.h"
#include "analyzer/lint/suppress.h"
#include "render/render.h"
#include "cli/cli.h"

enum {
	OPT_FORMAT,
	OPT_OUTPUT,
	OPT_FAIL_ON,
	OPT_CONFIG,
	OPT_BASELINE,
	OPT_WRITE_BASELINE,
	OPT_ENABLE,
	OPT_DISABLE,
	OPT_COLOR,
	OPT_SOURCE_FIRST,
};

static const char *const fail_levels[] = {"error", "warning", "note", "never", NULL};
static const char *const color_modes[] = {"auto", "always", "never", NULL};

static const mg_cli_option options[] = {
	[OPT_FORMAT] = {.name = "format", .value_name = "FORMAT", .choices = mg_reporter_names,
			.default_value = "text", .help = "how to print findings"},
	[OPT_OUTPUT] = {.name = "output", .short_name = 'o', .value_name = "FILE",
			.help = "write findings to FILE instead of standard output"},
	[OPT_FAIL_ON] = {.name = "fail-on", .value_name = "LEVEL", .choices = fail_levels,
			 .default_value = "error",
			 .help = "exit 1 when a finding reaches LEVEL"},
	[OPT_CONFIG] = {.name = "config", .value_name = "FILE",
			.help = "read FILE instead of the .modelgraph.yml found upward from here"},
	[OPT_BASELINE] = {.name = "baseline", .value_name = "FILE",
			  .help = "report only findings FILE does not list"},
	[OPT_WRITE_BASELINE] = {.name = "write-baseline", .value_name = "FILE",
				.help = "write the current findings to FILE as the accepted baseline"},
	[OPT_ENABLE] = {.name = "enable", .value_name = "RULE", .repeatable = true,
			.help = "turn RULE on (at its default severity, or warning)"},
	[OPT_DISABLE] = {.name = "disable", .value_name = "RULE", .repeatable = true,
			 .help = "turn RULE off"},
	[OPT_COLOR] = {.name = "color", .value_name = "WHEN", .choices = color_modes,
		       .default_value = "auto", .help = "colour severities (NO_COLOR is honoured)"},
	MG_CLI_SOURCE_OPTIONS(OPT_SOURCE_FIRST),
	{0},
};

/* What one run of lint works with, released together. */
typedef struct lint_run {
	mg_config *config;
	mg_baseline *baseline;
	mg_graph *graph;
	mg_findings *findings;
	mg_lint_options lint_options;
	/* --enable/--disable first, then the configuration's: the first match wins. */
	const char *override_ids[2 * MG_CLI_MAX_VALUES + 256];
	mg_severity override_severities[2 * MG_CLI_MAX_VALUES + 256];
} lint_run;

static int load_config(lint_run *run, const mg_cli_command *command, const mg_cli_args *args)
{
	mg_error err = {{0}};
	char found[4096];
	const char *path = mg_cli_value(command, args, OPT_CONFIG);
	if (!path) {
		int located = mg_config_find(found, sizeof(found), NULL);
		if (located == 0)
			return 0; /* no configuration: the defaults */
		if (located < 0) { /* not "none": one may be further up */
			mg_cli_error("cannot look for %s in the parent directories: their relative path is "
				     "longer than %zu bytes; name the configuration with --config",
				     MG_CONFIG_FILE_NAME, sizeof(found) - 1);
			return -1;
		}
		path = found;
	}
	if (mg_config_load(&run->config, path, &err) < 0) {
		mg_cli_error("%s", err.message);
		return -1;
	}
	return 0;
}

static const mg_rule *rule_named(const char *id, const char *option)
{
	const mg_rule *rule = mg_rule_find(id);
	if (rule)
		return rule;
	const char *near = mg_rule_nearest(id);
	if (near)
		mg_cli_error("--%s: unknown rule \"%s\"; did you mean \"%s\"?", option, id, near);
	else
		mg_cli_error("--%s: unknown rule \"%s\"; see modelgraph rules", option, id);
	return NULL;
}

/* Severity overrides: the command line's, then the configuration's. */
static int build_lint_options(lint_run *run, const mg_cli_args *args)
{
	size_t n = 0;
	for (size_t i = 0; i < args->nvalues[OPT_DISABLE]; i++) {
		const mg_rule *rule = rule_named(args->values[OPT_DISABLE][i], "disable");
		if (!rule)
			return -1;
		run->override_ids[n] = rule->id;
		run->override_severities[n++] = MG_SEVERITY_OFF;
	}
	for (size_t i = 0; i < args->nvalues[OPT_ENABLE]; i++) {
		const mg_rule *rule = rule_named(args->values[OPT_ENABLE][i], "enable");
		if (!rule)
			return -1;
		run->override_ids[n] = rule->id;
		run->override_severities[n++] =
			rule->severity == MG_SEVERITY_OFF ? MG_SEVERITY_WARNING : rule->severity;
	}
	mg_lint_options from_config = {0};
	mg_config_apply(run->config, &from_config);
	for (size_t i = 0; i < from_config.noverrides && n < sizeof(run->override_ids) / sizeof(run->override_ids[0]); i++) {
		run->override_ids[n] = from_config.override_ids[i];
		run->override_severities[n++] = from_config.override_severities[i];
	}
	run->lint_options = (mg_lint_options){
		.dialects = from_config.dialects,
		.override_ids = run->override_ids,
		.override_severities = run->override_severities,
		.noverrides = n,
	};
	return 0;
}

static int load_baseline(lint_run *run, const mg_cli_command *command, const mg_cli_args *args)
{
	mg_error err = {{0}};
	const char *path = mg_cli_value(command, args, OPT_BASELINE);
	if (!path)
		path = mg_config_baseline(run->config);
	if (!path)
		return 0;
	if (mg_baseline_load(&run->baseline, path, &err) < 0) {
		mg_cli_error("%s", err.message);
		return -1;
	}
	return 0;
}

/* The lowest severity that fails the run; OFF means nothing does. */
static mg_severity fail_threshold(const mg_cli_command *command, const mg_cli_args *args,
				  const mg_config *config)
{
	const char *level = mg_cli_value(command, args, OPT_FAIL_ON);
	if (!args->nvalues[OPT_FAIL_ON] && mg_config_fail_on(config))
		level = mg_config_fail_on(config);
	mg_severity severity = MG_SEVERITY_OFF;
	if (strcmp(level, "never") != 0)
		mg_severity_parse(level, &severity);
	return severity;
}

/* Writes the report (or, with --write-baseline, the baseline) and says how
 * the run ends. */
static int write_results(lint_run *run, const mg_cli_command *command, const mg_cli_args *args)
{
	mg_buf out = MG_BUF_INIT;
	int status = MG_EXIT_USAGE;
	const char *baseline_path = mg_cli_value(command, args, OPT_WRITE_BASELINE);
	const char *path = baseline_path ? baseline_path : mg_cli_value(command, args, OPT_OUTPUT);
	if (baseline_path) {
		mg_baseline_write(run->findings, &out);
	} else {
		mg_report_settings settings = {
			.color = !path && mg_cli_use_color(mg_cli_value(command, args, OPT_COLOR), STDOUT_FILENO),
			.tool_version = MG_VERSION,
		};
		mg_reporter_find(mg_cli_value(command, args, OPT_FORMAT))->write(run->findings, &settings, &out);
	}
	if (out.failed) {
		mg_cli_error("out of memory while writing findings");
		goto cleanup;
	}
	if (mg_cli_write_output(path, out.data, out.len) < 0)
		goto cleanup;
	mg_severity threshold = fail_threshold(command, args, run->config);
	status = !baseline_path && threshold != MG_SEVERITY_OFF &&
				 mg_findings_count_at_least(run->findings, threshold)
			 ? MG_EXIT_FINDINGS
			 : MG_EXIT_OK;
cleanup:
	mg_buf_free(&out);
	return status;
}

static int run_lint(const mg_cli_command *command, const mg_cli_args *args)
{
	mg_error err = {{0}};
	lint_run *run = calloc(1, sizeof(*run));
	int status = MG_EXIT_USAGE;
	if (!run) {
		mg_cli_error("out of memory");
		return status;
	}
	if (mg_cli_value(command, args, OPT_WRITE_BASELINE) && mg_cli_value(command, args, OPT_BASELINE)) {
		mg_cli_error("--baseline and --write-baseline do not go together: the new baseline "
			     "records every current finding");
		goto cleanup;
	}
	if (load_config(run, command, args) < 0 || build_lint_options(run, args) < 0 ||
	    load_baseline(run, command, args) < 0)
		goto cleanup;

	mg_read_options read_options;
	mg_cli_read_options(args, OPT_SOURCE_FIRST, &read_options);
	run->graph = mg_load(args->positional, args->npositional, &read_options, &err);
	if (!run->graph) {
		mg_cli_error("%s", err.message);
		goto cleanup;
	}
	run->findings = mg_findings_new();
	if (!run->findings || mg_lint(run->graph, &run->lint_options, run->findings) < 0 ||
	    mg_suppress_apply_allows(run->findings, run->graph, run->config, &run->lint_options) < 0 ||
	    mg_suppress_apply(run->findings, run->config, run->baseline, &run->lint_options, NULL) < 0) {
		mg_cli_error("out of memory while linting");
		goto cleanup;
	}
	status = write_results(run, command, args);
cleanup:
	mg_findings_free(run->findings);
	mg_graph_free(run->graph);
	mg_baseline_free(run->baseline);
	mg_config_free(run->config);
	free(run);
	return status;
}

const mg_cli_command mg_cmd_lint = {
	.name = "lint",
	.arguments = "SOURCE...",
	.summary = "Check the data model for modelling mistakes and print the findings.\n"
		   "Exit status: 0 when no finding reaches --fail-on, 1 when one does,\n"
		   "2 when an input cannot be read or the command line is wrong.\n"
		   "Settings come from .modelgraph.yml, found upward from the working directory.",
	.options = options,
	.min_positional = 1,
	.run = run_lint,
};
