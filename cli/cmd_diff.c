#include "include/modelgraph/modelgraph.h"
#include "cli/cli.h"

/* diff is lint with the drift rules over two schemas: the same options,
 * reporters, configuration, baselines and exit status. */
static int run_diff(const mg_cli_command *command, const mg_cli_args *args)
{
	return mg_cli_run_lint(command, args, 1);
}

const mg_cli_command mg_cmd_diff = {
	.name = "diff",
	.arguments = "MODELS... DATABASE",
	.summary = "Compare the models with a database: what each has that the other lacks.\n"
		   "The last SOURCE is the database; those before it are the models, read as\n"
		   "lint reads them. Only the drift rules run (modelgraph rules lists them).\n"
		   "Exit status: 0 when no finding reaches --fail-on, 1 when one does,\n"
		   "2 when an input cannot be read or the command line is wrong.",
	.options = mg_cli_lint_options,
	.min_positional = 2,
	.run = run_diff,
};
