#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "include/modelgraph/modelgraph.h"
#include "cli/cli.h"

enum {
	OPT_FORMAT,
	OPT_OUTPUT,
	OPT_FAIL_ON,
	OPT_CONFIG,
	OPT_NO_CONFIG,
	OPT_BASELINE,
	OPT_NO_BASELINE,
	OPT_WRITE_BASELINE,
	OPT_ENABLE,
	OPT_DISABLE,
	OPT_COLOR,
	OPT_SOURCE_FIRST,
};

static const char *const fail_levels[] = {"error", "warning", "note", "never", NULL};
static const char *const color_modes[] = {"auto", "always", "never", NULL};

const mg_cli_option mg_cli_lint_options[] = {
	[OPT_FORMAT] = {.name = "format", .value_name = "FORMAT", .choices = mg_reporter_names,
			.default_value = "text", .help = "how to print findings"},
	[OPT_OUTPUT] = {.name = "output", .short_name = 'o', .value_name = "FILE",
			.help = "write findings to FILE instead of standard output"},
	[OPT_FAIL_ON] = {.name = "fail-on", .value_name = "LEVEL", .choices = fail_levels,
			 .default_value = "error",
			 .help = "exit 1 when a finding reaches LEVEL"},
	[OPT_CONFIG] = {.name = "config", .value_name = "FILE",
			.help = "read FILE instead of the .modelgraph.yml found upward from here"},
	[OPT_NO_CONFIG] = {.name = "no-config",
			   .help = "read no configuration: every rule at its default severity"},
	[OPT_BASELINE] = {.name = "baseline", .value_name = "FILE",
			  .help = "report only findings FILE does not list"},
	[OPT_NO_BASELINE] = {.name = "no-baseline",
			     .help = "apply no baseline, not even the configuration's"},
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

/* Writes the report (or, with --write-baseline, the baseline) and says how
 * the run ends. */
static int write_results(const mg_lint_run *run, const mg_cli_command *command,
			 const mg_cli_args *args, bool diff)
{
	mg_buf out = MG_BUF_INIT;
	int status = MG_EXIT_USAGE;
	const char *baseline_path = mg_cli_value(command, args, OPT_WRITE_BASELINE);
	const char *path = baseline_path ? baseline_path : mg_cli_value(command, args, OPT_OUTPUT);
	if (baseline_path) {
		mg_baseline_write(mg_lint_run_findings(run), &out);
	} else {
		mg_report_settings settings = {
			.color = !path && mg_cli_use_color(mg_cli_value(command, args, OPT_COLOR), STDOUT_FILENO),
			.tool_version = MG_VERSION,
			.diff = diff,
		};
		mg_report_write(mg_cli_value(command, args, OPT_FORMAT), mg_lint_run_findings(run),
				&settings, &out);
	}
	if (out.failed) {
		mg_cli_error("out of memory while writing findings");
		goto cleanup;
	}
	if (mg_cli_write_output(path, out.data, out.len) < 0)
		goto cleanup;
	if (baseline_path) {
		size_t n = mg_lint_run_findings(run)->count;
		fprintf(stderr, "modelgraph: %s: %zu finding%s written as the baseline\n", baseline_path, n,
			n == 1 ? "" : "s");
	}
	status = !baseline_path && mg_lint_run_fails(run) ? MG_EXIT_FINDINGS : MG_EXIT_OK;
cleanup:
	mg_buf_free(&out);
	return status;
}

int mg_cli_run_lint(const mg_cli_command *command, const mg_cli_args *args, size_t nagainst)
{
	mg_error err = {{0}};
	mg_lint_run *run = NULL;
	int status = MG_EXIT_USAGE;
	const bool writing_baseline = mg_cli_value(command, args, OPT_WRITE_BASELINE) != NULL;
	const bool no_config = args->nvalues[OPT_NO_CONFIG] > 0;
	const bool no_baseline = args->nvalues[OPT_NO_BASELINE] > 0;
	if (writing_baseline && mg_cli_value(command, args, OPT_BASELINE)) {
		mg_cli_error("--baseline and --write-baseline do not go together: the new baseline "
			     "records every current finding");
		return status;
	}
	if (no_config && mg_cli_value(command, args, OPT_CONFIG)) {
		mg_cli_error("--config and --no-config do not go together");
		return status;
	}
	if (no_baseline && mg_cli_value(command, args, OPT_BASELINE)) {
		mg_cli_error("--baseline and --no-baseline do not go together");
		return status;
	}
	if (mg_cli_check_output("--output", mg_cli_value(command, args, OPT_OUTPUT), args->positional,
				args->npositional) < 0 ||
	    mg_cli_check_output("--write-baseline", mg_cli_value(command, args, OPT_WRITE_BASELINE),
				args->positional, args->npositional) < 0)
		return status;
	mg_read_options read_options;
	if (mg_cli_read_options(args, OPT_SOURCE_FIRST, &read_options) < 0)
		return status;
	mg_lint_request request = {
		.sources = args->positional,
		.nsources = args->npositional - nagainst,
		.against = nagainst ? args->positional + args->npositional - nagainst : NULL,
		.nagainst = nagainst,
		.read = &read_options,
		.config_path = mg_cli_value(command, args, OPT_CONFIG),
		.no_config = no_config,
		.baseline_path = mg_cli_value(command, args, OPT_BASELINE),
		.ignore_baseline = writing_baseline || no_baseline,
		.enable = args->values[OPT_ENABLE],
		.nenable = args->nvalues[OPT_ENABLE],
		.disable = args->values[OPT_DISABLE],
		.ndisable = args->nvalues[OPT_DISABLE],
		/* The option's default only when neither it nor the configuration says. */
		.fail_on = args->nvalues[OPT_FAIL_ON] ? mg_cli_value(command, args, OPT_FAIL_ON) : NULL,
	};
	if (mg_lint_run_new(&run, &request, &err) < 0) {
		mg_cli_error("%s", err.message);
		return status;
	}
	status = write_results(run, command, args, nagainst > 0);
	mg_lint_run_free(run);
	return status;
}

static int run_lint(const mg_cli_command *command, const mg_cli_args *args)
{
	return mg_cli_run_lint(command, args, 0);
}

const mg_cli_command mg_cmd_lint = {
	.name = "lint",
	.arguments = "SOURCE...",
	.summary = "Check the data model for modelling mistakes and print the findings.\n"
		   "Exit status: 0 when no finding reaches --fail-on, 1 when one does,\n"
		   "2 when an input cannot be read or the command line is wrong.\n"
		   "Settings come from .modelgraph.yml, found upward from the working directory.",
	.options = mg_cli_lint_options,
	.min_positional = 1,
	.run = run_lint,
};
