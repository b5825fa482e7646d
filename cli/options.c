#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/core/suggest.h"
#include "include/modelgraph/modelgraph.h"
#include "cli/cli.h"
#include "util/limits.h"
#include "util/buf.h"

void mg_cli_error(const char *fmt, ...)
{
	mg_buf message = MG_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	mg_buf_vprintf(&message, fmt, ap);
	va_end(ap);
	/* One line, and no terminal control sequences from file names, arguments
	 * or library messages: control characters print as \xNN. */
	fputs("modelgraph: error: ", stderr);
	const char *text = message.failed || !message.data ? "out of memory" : message.data;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p < 0x20 || *p == 0x7F)
			fprintf(stderr, "\\x%02x", *p);
		else
			fputc(*p, stderr);
	}
	fputc('\n', stderr);
	mg_buf_free(&message);
}

static size_t count_options(const mg_cli_command *command)
{
	size_t n = 0;
	while (command->options && command->options[n].name)
		n++;
	return n;
}

const char *mg_cli_value(const mg_cli_command *command, const mg_cli_args *args, size_t index)
{
	if (args->nvalues[index])
		return args->values[index][args->nvalues[index] - 1];
	return command->options[index].default_value;
}

void mg_cli_print_help(const mg_cli_command *command)
{
	printf("usage: modelgraph %s [options]%s%s\n\n%s\n", command->name,
	       *command->arguments ? " " : "", command->arguments, command->summary);
	printf("\noptions:\n");
	for (size_t i = 0; i < count_options(command); i++) {
		const mg_cli_option *o = &command->options[i];
		char left[64];
		if (o->short_name)
			snprintf(left, sizeof(left), "-%c, --%s%s%s", o->short_name, o->name,
				 o->value_name ? " " : "", o->value_name ? o->value_name : "");
		else
			snprintf(left, sizeof(left), "    --%s%s%s", o->name, o->value_name ? " " : "",
				 o->value_name ? o->value_name : "");
		printf("  %-26s %s", left, o->help);
		if (o->choices) {
			printf(" (");
			for (size_t c = 0; o->choices[c]; c++)
				printf("%s%s", c ? "|" : "", o->choices[c]);
			printf(")");
		}
		if (o->default_value)
			printf(" [default: %s]", o->default_value);
		putchar('\n');
	}
	printf("  %-26s %s\n", "-h, --help", "show this help and exit");
}

static int find_option(const mg_cli_command *command, const char *arg, const char **inline_value)
{
	size_t n = count_options(command);
	*inline_value = NULL;
	if (arg[1] != '-') { /* -o FILE, or -Iinclude as compilers take it */
		for (size_t i = 0; i < n; i++) {
			if (command->options[i].short_name != arg[1])
				continue;
			if (arg[2] != '\0' && command->options[i].value_name)
				*inline_value = arg + 2;
			else if (arg[2] != '\0')
				return -1;
			return (int)i;
		}
		return -1;
	}
	const char *name = arg + 2;
	size_t len = strcspn(name, "=");
	for (size_t i = 0; i < n; i++)
		if (strlen(command->options[i].name) == len && strncmp(command->options[i].name, name, len) == 0) {
			if (name[len] == '=')
				*inline_value = name + len + 1;
			return (int)i;
		}
	return -1;
}

static bool allowed(const mg_cli_option *o, const char *value)
{
	if (!o->choices)
		return true;
	for (size_t c = 0; o->choices[c]; c++)
		if (strcmp(o->choices[c], value) == 0)
			return true;
	return false;
}

static int add_value(const mg_cli_command *command, mg_cli_args *out, size_t index, const char *value)
{
	const mg_cli_option *o = &command->options[index];
	if (!allowed(o, value)) {
		size_t nchoices = 0;
		while (o->choices[nchoices])
			nchoices++;
		const char *near = mg_suggest_nearest(value, strlen(value), o->choices, nchoices);
		if (near) {
			mg_cli_error("invalid value \"%s\" for --%s; did you mean \"%s\"?", value, o->name, near);
			return -1;
		}
		char list[256] = "";
		for (size_t c = 0; o->choices[c]; c++) {
			strncat(list, c ? ", " : "", sizeof(list) - strlen(list) - 1);
			strncat(list, o->choices[c], sizeof(list) - strlen(list) - 1);
		}
		mg_cli_error("invalid value \"%s\" for --%s; expected one of: %s", value, o->name, list);
		return -1;
	}
	if (!o->repeatable)
		out->nvalues[index] = 0;
	if (out->nvalues[index] == MG_CLI_MAX_VALUES) {
		mg_cli_error("--%s given too many times", o->name);
		return -1;
	}
	out->values[index][out->nvalues[index]++] = value;
	return 0;
}

int mg_cli_parse(const mg_cli_command *command, int argc, char **argv, mg_cli_args *out)
{
	memset(out, 0, sizeof(*out));
	/* The values are kept per option in fixed rows: a table that outgrew
	 * them is a mistake in this program, said before anything is parsed. */
	if (count_options(command) > MG_CLI_MAX_OPTIONS) {
		mg_cli_error("internal error: \"%s\" has %zu options, more than MG_CLI_MAX_OPTIONS (%d)",
			     command->name, count_options(command), MG_CLI_MAX_OPTIONS);
		return -1;
	}
	out->positional = (const char *const *)argv;
	bool options_done = false;
	for (int i = 0; i < argc; i++) {
		char *arg = argv[i];
		if (options_done || arg[0] != '-' || arg[1] == '\0') {
			/* Never past i: no argument is overwritten before it is read. */
			argv[out->npositional++] = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			options_done = true;
			continue;
		}
		if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
			mg_cli_print_help(command);
			return 1;
		}
		const char *inline_value;
		int index = find_option(command, arg, &inline_value);
		if (index < 0) {
			mg_cli_error("unknown option \"%s\" for \"modelgraph %s\"; see modelgraph %s --help", arg,
				     command->name, command->name);
			return -1;
		}
		const mg_cli_option *o = &command->options[index];
		if (!o->value_name) {
			if (inline_value) {
				mg_cli_error("option --%s takes no value", o->name);
				return -1;
			}
			if (add_value(command, out, (size_t)index, "1") < 0)
				return -1;
			continue;
		}
		const char *value = inline_value;
		if (!value) {
			if (i + 1 >= argc) {
				mg_cli_error("option %s needs a value (%s)", arg, o->value_name);
				return -1;
			}
			value = argv[++i];
		}
		if (add_value(command, out, (size_t)index, value) < 0)
			return -1;
	}
	if (out->npositional < command->min_positional) {
		mg_cli_error("\"modelgraph %s\" needs %s; see modelgraph %s --help", command->name,
			     command->arguments, command->name);
		return -1;
	}
	return 0;
}

const char *const mg_cli_dialects[] = {"sqlite", "postgresql", "mysql", NULL};

int mg_cli_read_options(const mg_cli_args *args, size_t first, mg_read_options *out)
{
	*out = (mg_read_options){0};
	out->c.include_dirs = args->values[first];
	out->c.ninclude_dirs = args->nvalues[first];
	out->c.defines = args->values[first + 1];
	out->c.ndefines = args->nvalues[first + 1];
	out->c.std = args->nvalues[first + 2] ? args->values[first + 2][args->nvalues[first + 2] - 1] : NULL;
	out->c.build_dir = args->nvalues[first + 3] ? args->values[first + 3][args->nvalues[first + 3] - 1] : NULL;
	out->postgres.schemas = args->values[first + 4];
	out->postgres.nschemas = args->nvalues[first + 4];
	out->dialect = args->nvalues[first + 5] ? args->values[first + 5][args->nvalues[first + 5] - 1] : NULL;
	for (size_t i = 0; i < args->nvalues[first + 6]; i++) {
		char message[1024];
		if (mg_limit_set(args->values[first + 6][i], message, sizeof(message)) < 0) {
			mg_cli_error("%s", message);
			return -1;
		}
	}
	return 0;
}
