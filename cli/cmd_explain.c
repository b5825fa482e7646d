#include <stdio.h>
#include <string.h>

#include "include/modelgraph/modelgraph.h"
#include "cli/cli.h"

static const mg_cli_option options[] = {{0}};

static int run_explain(const mg_cli_command *command, const mg_cli_args *args)
{
	(void)command;
	if (args->npositional != 1) {
		mg_cli_error("\"modelgraph explain\" takes one rule id; see modelgraph rules");
		return MG_EXIT_USAGE;
	}
	const char *id = args->positional[0];
	const mg_rule *rule = mg_rule_find(id);
	if (!rule) {
		const char *near = mg_rule_nearest(id);
		if (near)
			mg_cli_error("unknown rule \"%s\"; did you mean \"%s\"?", id, near);
		else
			mg_cli_error("unknown rule \"%s\"; see modelgraph rules", id);
		return MG_EXIT_USAGE;
	}
	mg_buf out = MG_BUF_INIT;
	mg_render_rule_text(rule, &out);
	int status = out.failed || mg_cli_write_output(NULL, out.data, out.len) < 0 ? MG_EXIT_USAGE : MG_EXIT_OK;
	mg_buf_free(&out);
	return status;
}

const mg_cli_command mg_cmd_explain = {
	.name = "explain",
	.arguments = "RULE",
	.summary = "Explain a rule: why it matters, an example that fires, the fix.",
	.options = options,
	.min_positional = 1,
	.run = run_explain,
};
