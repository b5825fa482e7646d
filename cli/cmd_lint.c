#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../analyzer/lint.h"
#include "../analyzer/load.h"
#include "../analyzer/readers.h"
#include "../render/render.h"
#include "cli.h"

enum { OPT_FORMAT, OPT_OUTPUT, OPT_FAIL_ON, OPT_COLOR, OPT_SOURCE_FIRST };

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
	[OPT_COLOR] = {.name = "color", .value_name = "WHEN", .choices = color_modes,
		       .default_value = "auto", .help = "colour severities (NO_COLOR is honoured)"},
	MG_CLI_SOURCE_OPTIONS(OPT_SOURCE_FIRST),
	{0},
};

/* The lowest severity that fails the run; OFF means nothing does. */
static mg_severity fail_threshold(const char *level)
{
	mg_severity severity = MG_SEVERITY_OFF;
	if (strcmp(level, "never") != 0)
		mg_severity_parse(level, &severity);
	return severity;
}

static int run_lint(const mg_cli_command *command, const mg_cli_args *args)
{
	mg_error err = {{0}};
	mg_graph *graph = NULL;
	mg_findings *findings = NULL;
	mg_buf out = MG_BUF_INIT;
	int status = MG_EXIT_USAGE;

	mg_read_options read_options;
	mg_cli_read_options(args, OPT_SOURCE_FIRST, &read_options);
	graph = mg_load(args->positional, args->npositional, &read_options, &err);
	if (!graph) {
		mg_cli_error("%s", err.message);
		goto cleanup;
	}
	findings = mg_findings_new();
	mg_lint_options lint_options = {0};
	if (!findings || mg_lint(graph, &lint_options, findings) < 0) {
		mg_cli_error("out of memory while linting");
		goto cleanup;
	}
	const char *path = mg_cli_value(command, args, OPT_OUTPUT);
	mg_report_settings settings = {
		.color = !path && mg_cli_use_color(mg_cli_value(command, args, OPT_COLOR), STDOUT_FILENO),
		.tool_version = MG_VERSION,
	};
	mg_reporter_find(mg_cli_value(command, args, OPT_FORMAT))->write(findings, &settings, &out);
	if (out.failed) {
		mg_cli_error("out of memory while writing findings");
		goto cleanup;
	}
	if (mg_cli_write_output(path, out.data, out.len) < 0)
		goto cleanup;
	mg_severity threshold = fail_threshold(mg_cli_value(command, args, OPT_FAIL_ON));
	status = threshold != MG_SEVERITY_OFF && mg_findings_count_at_least(findings, threshold)
			 ? MG_EXIT_FINDINGS
			 : MG_EXIT_OK;
cleanup:
	mg_buf_free(&out);
	mg_findings_free(findings);
	mg_graph_free(graph);
	return status;
}

const mg_cli_command mg_cmd_lint = {
	.name = "lint",
	.arguments = "SOURCE...",
	.summary = "Check the data model for modelling mistakes and print the findings.\n"
		   "Exit status: 0 when no finding reaches --fail-on, 1 when one does,\n"
		   "2 when an input cannot be read or the command line is wrong.",
	.options = options,
	.min_positional = 1,
	.run = run_lint,
};
