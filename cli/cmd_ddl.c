#include "include/modelgraph/modelgraph.h"
#include "cli/cli.h"
#include "render/ddl.h"

enum { OPT_OUTPUT, OPT_SOURCE_FIRST };

/* The dialects the script is written in: here --dialect names the output.
 * SQL scripts given as sources are read in the dialect detected from them. */
static const char *const output_dialects[] = {"sqlite", "postgresql", "mysql", NULL};

/* The source options, with --dialect in their place naming what is written. */
static const mg_cli_option options[] = {
	[OPT_OUTPUT] = {.name = "output", .short_name = 'o', .value_name = "FILE",
			.help = "write the script to FILE instead of standard output"},
	[OPT_SOURCE_FIRST] = {.name = "include", .short_name = 'I', .value_name = "DIR", .repeatable = true,
			      .help = "C models: add DIR to the include path"},
	[OPT_SOURCE_FIRST + 1] = {.name = "define", .short_name = 'D', .value_name = "NAME[=VALUE]",
				  .repeatable = true, .help = "C models: define a macro"},
	[OPT_SOURCE_FIRST + 2] = {.name = "std", .value_name = "STD",
				  .help = "C models: the C standard to parse with (default c11)"},
	[OPT_SOURCE_FIRST + 3] = {.name = "build-dir", .short_name = 'p', .value_name = "DIR",
				  .help = "C models: take compiler flags from DIR/compile_commands.json"},
	[OPT_SOURCE_FIRST + 4] = {.name = "schema", .value_name = "NAME", .repeatable = true,
				  .help = "PostgreSQL: read schema NAME (default: every non-system schema)"},
	[OPT_SOURCE_FIRST + 5] = {.name = "dialect", .value_name = "DIALECT", .choices = output_dialects,
				  .default_value = "sqlite", .help = "the SQL dialect to write"},
	[OPT_SOURCE_FIRST + 6] = {.name = "limit", .value_name = "NAME=VALUE", .repeatable = true,
				  .help = "raise or lower a limit on input (docs/limits.md)"},
	{0},
};

static int run_ddl(const mg_cli_command *command, const mg_cli_args *args)
{
	mg_error err = {{0}};
	mg_buf out = MG_BUF_INIT;
	mg_graph *graph = NULL;
	int status = MG_EXIT_USAGE;
	const char *path = mg_cli_value(command, args, OPT_OUTPUT);
	if (mg_cli_check_output("--output", path, args->positional, args->npositional) < 0)
		return status;
	mg_read_options read_options;
	if (mg_cli_read_options(args, OPT_SOURCE_FIRST, &read_options) < 0)
		return status;
	const char *dialect = mg_cli_value(command, args, OPT_SOURCE_FIRST + 5);
	read_options.dialect = NULL; /* --dialect is the output's: scripts are read as detected */
	graph = mg_load(args->positional, args->npositional, &read_options, &err);
	if (!graph) {
		mg_cli_error("%s", err.message);
		goto cleanup;
	}
	if (mg_render_ddl(graph, dialect, &out, &err) < 0) {
		mg_cli_error("%s", err.message);
		goto cleanup;
	}
	if (out.failed) {
		mg_cli_error("out of memory while writing the script");
		goto cleanup;
	}
	if (mg_cli_write_output(path, out.data, out.len) < 0)
		goto cleanup;
	status = MG_EXIT_OK;
cleanup:
	mg_buf_free(&out);
	mg_graph_free(graph);
	return status;
}

const mg_cli_command mg_cmd_ddl = {
	.name = "ddl",
	.arguments = "SOURCE...",
	.summary = "Print the CREATE script the models imply, as create_all() would issue it.\n"
		   "Tables come parents first, with their keys, foreign keys, indexes and comments,\n"
		   "in the dialect --dialect names. Apply it to a new database, then check that\n"
		   "database with modelgraph diff.",
	.options = options,
	.min_positional = 1,
	.run = run_ddl,
};
