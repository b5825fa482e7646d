#include "include/modelgraph/modelgraph.h"
#include "cli/cli.h"

enum { OPT_FORMAT, OPT_OUTPUT, OPT_SOURCE_FIRST };

static const char *const formats[] = {"json", NULL};

static const mg_cli_option options[] = {
	[OPT_FORMAT] = {.name = "format", .value_name = "FORMAT", .choices = formats,
			.default_value = "json", .help = "output format"},
	[OPT_OUTPUT] = {.name = "output", .short_name = 'o', .value_name = "FILE",
			.help = "write to FILE instead of standard output"},
	MG_CLI_SOURCE_OPTIONS(OPT_SOURCE_FIRST),
	{0},
};

static int write_piece(void *output, const char *data, size_t len)
{
	return mg_cli_output_write(output, data, len);
}

static int run_dump(const mg_cli_command *command, const mg_cli_args *args)
{
	mg_error err = {{0}};
	mg_buf out = MG_BUF_INIT;
	mg_cli_output output;
	bool writing = false;
	int status = MG_EXIT_USAGE;
	if (mg_cli_check_output("--output", mg_cli_value(command, args, OPT_OUTPUT), args->positional,
				args->npositional) < 0)
		return status;
	mg_read_options read_options;
	if (mg_cli_read_options(args, OPT_SOURCE_FIRST, &read_options) < 0)
		return status;
	mg_graph *graph = mg_load(args->positional, args->npositional, &read_options, &err);
	if (!graph) {
		mg_cli_error("%s", err.message);
		goto cleanup;
	}
	/* The JSON goes out as it is written, a piece at a time: the dump of
	 * thousands of tables is tens of megabytes. */
	writing = true;
	if (mg_cli_output_open(&output, mg_cli_value(command, args, OPT_OUTPUT)) < 0)
		goto cleanup;
	out.flush = write_piece;
	out.flush_context = &output;
	mg_render_graph_json(graph, &out);
	mg_buf_flush(&out);
	if (output.failed)
		goto cleanup; /* said already */
	if (out.failed) {
		mg_cli_error("out of memory while writing the graph");
		goto cleanup;
	}
	writing = false;
	if (mg_cli_output_close(&output, true) < 0)
		goto cleanup;
	status = MG_EXIT_OK;
cleanup:
	if (writing)
		mg_cli_output_close(&output, false);
	mg_buf_free(&out);
	mg_graph_free(graph);
	return status;
}

const mg_cli_command mg_cmd_dump = {
	.name = "dump",
	.arguments = "SOURCE...",
	.summary = "Print the resolved graph (tables, columns, keys, relationships) as versioned JSON.",
	.options = options,
	.min_positional = 1,
	.run = run_dump,
};
