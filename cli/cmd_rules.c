#include "include/modelgraph/modelgraph.h"
#include "cli/cli.h"

enum { OPT_FORMAT, OPT_OUTPUT };

static const char *const formats[] = {"text", "markdown", "json", NULL};

static const mg_cli_option options[] = {
	[OPT_FORMAT] = {.name = "format", .value_name = "FORMAT", .choices = formats,
			.default_value = "text", .help = "output format (markdown is docs/rules.md)"},
	[OPT_OUTPUT] = {.name = "output", .short_name = 'o', .value_name = "FILE",
			.help = "write to FILE instead of standard output"},
	{0},
};

static int run_rules(const mg_cli_command *command, const mg_cli_args *args)
{
	mg_buf out = MG_BUF_INIT;
	int status = MG_EXIT_USAGE;
	if (args->npositional) {
		mg_cli_error("\"modelgraph rules\" takes no arguments; see modelgraph rules --help");
		goto cleanup;
	}
	if (mg_cli_check_output("--output", mg_cli_value(command, args, OPT_OUTPUT), NULL, 0) < 0)
		goto cleanup;
	mg_render_catalog(mg_cli_value(command, args, OPT_FORMAT), &out);
	if (out.failed) {
		mg_cli_error("out of memory");
		goto cleanup;
	}
	if (mg_cli_write_output(mg_cli_value(command, args, OPT_OUTPUT), out.data, out.len) == 0)
		status = MG_EXIT_OK;
cleanup:
	mg_buf_free(&out);
	return status;
}

const mg_cli_command mg_cmd_rules = {
	.name = "rules",
	.arguments = "",
	.summary = "List the lint rules: id, default severity and summary.",
	.options = options,
	.run = run_rules,
};
