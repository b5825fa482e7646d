#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "include/modelgraph/modelgraph.h"
#include "cli/cli.h"

#ifndef MG_VERSION
#define MG_VERSION "unknown"
#endif

/* Every subcommand, in the order --help lists them. */
static const mg_cli_command *const commands[] = {
	&mg_cmd_lint,
	&mg_cmd_diff,
	&mg_cmd_dump,
	&mg_cmd_ddl,
	&mg_cmd_diagram,
	&mg_cmd_docs,
	&mg_cmd_rules,
	&mg_cmd_explain,
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void print_usage(FILE *out)
{
	fprintf(out, "usage: modelgraph COMMAND [options] SOURCE...\n\n"
		     "Reads a data model (annotated C structs, a SQLite database, a SQL DDL script\n"
		     "or modelgraph's graph JSON) into a relationship graph, lints it and prints it.\n\ncommands:\n");
	for (size_t i = 0; i < NCOMMANDS; i++) {
		const char *summary = commands[i]->summary;
		fprintf(out, "  %-10s %.*s\n", commands[i]->name, (int)strcspn(summary, "\n"), summary);
	}
	fprintf(out, "\nRun 'modelgraph COMMAND --help' for a command's options.\n"
		     "Also: modelgraph --version, modelgraph --help.\n");
}

int main(int argc, char **argv)
{
	/* modelgraph runs on one thread: SQLite need not take a mutex around
	 * every allocation and page (3-5% of a lint of a small database).
	 * Before anything opens a database, or it is refused. */
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	if (argc < 2) {
		print_usage(stderr);
		return MG_EXIT_USAGE;
	}
	const char *name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
		print_usage(stdout);
		return MG_EXIT_OK;
	}
	if (strcmp(name, "--version") == 0) {
		printf("modelgraph %s\n", MG_VERSION);
		return MG_EXIT_OK;
	}
	for (size_t i = 0; i < NCOMMANDS; i++) {
		if (strcmp(commands[i]->name, name) != 0)
			continue;
		mg_cli_args args;
		int parsed = mg_cli_parse(commands[i], argc - 2, argv + 2, &args);
		if (parsed != 0)
			return parsed > 0 ? MG_EXIT_OK : MG_EXIT_USAGE;
		return commands[i]->run(commands[i], &args);
	}
	const char *names[NCOMMANDS];
	for (size_t i = 0; i < NCOMMANDS; i++)
		names[i] = commands[i]->name;
	const char *near = mg_suggest_nearest(name, strlen(name), names, NCOMMANDS);
	if (near)
		mg_cli_error("unknown command \"%s\"; did you mean \"%s\"? (see modelgraph --help)", name, near);
	else
		mg_cli_error("unknown command \"%s\"; see modelgraph --help", name);
	return MG_EXIT_USAGE;
}
