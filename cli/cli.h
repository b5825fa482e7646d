#ifndef MG_CLI_H
#define MG_CLI_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The command line is tables: each subcommand is a row with its options as
 * rows; one parser, one --help writer and one unknown-option error serve
 * them all.
 */

enum { MG_EXIT_OK = 0, MG_EXIT_FINDINGS = 1, MG_EXIT_USAGE = 2 };

#define MG_CLI_MAX_OPTIONS 32
#define MG_CLI_MAX_VALUES 64

typedef struct mg_cli_option {
	const char *name;             /* long name, without "--" */
	char short_name;              /* 0 when none */
	const char *value_name;       /* "FILE"; NULL for a flag */
	const char *const *choices;   /* NULL-terminated allowed values, or NULL */
	const char *default_value;    /* shown in --help; NULL when none */
	bool repeatable;              /* may be given more than once (values add up) */
	const char *help;
} mg_cli_option;

/* What the parser found, by the option's index in the command's table. */
typedef struct mg_cli_args {
	const char *values[MG_CLI_MAX_OPTIONS][MG_CLI_MAX_VALUES]; /* flags: "1" */
	size_t nvalues[MG_CLI_MAX_OPTIONS];
	const char *const *positional; /* the operands, gathered at the front of argv */
	size_t npositional;
} mg_cli_args;

typedef struct mg_cli_command {
	const char *name;
	const char *arguments;        /* "SOURCE..." */
	const char *summary;
	const mg_cli_option *options; /* the last row has name NULL */
	size_t min_positional;
	int (*run)(const struct mg_cli_command *command, const mg_cli_args *args);
} mg_cli_command;

/* The last value given for option `index`, or its default. */
const char *mg_cli_value(const mg_cli_command *command, const mg_cli_args *args, size_t index);

/* Parses argv (after the subcommand). Prints the error and returns -1 on
 * bad usage; returns 1 when --help was printed; else 0. The operands are
 * moved to the front of argv, in order, and out->positional points there, so
 * there may be any number of them. */
int mg_cli_parse(const mg_cli_command *command, int argc, char **argv, mg_cli_args *out);

void mg_cli_print_help(const mg_cli_command *command);

/* Prints "modelgraph: error: <message>" to stderr. */
void mg_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Writes `len` bytes to `path` atomically (temporary file, then rename), or
 * to stdout when path is NULL or "-". 0, or -1 after printing the error. */
int mg_cli_write_output(const char *path, const char *data, size_t len);

/*
 * The same output written in pieces, for one too long to hold whole: open,
 * write as often as needed, then close, which renames the temporary file
 * over `path` when `commit` (else removes it). Each returns 0, or -1 after
 * printing the error; after one, `failed` is set and later writes do
 * nothing.
 */
typedef struct mg_cli_output {
	const char *path;  /* NULL: standard output */
	int fd;            /* the file written; -1 for standard output */
	char *tmp;         /* the temporary file renamed over path; NULL when written in place */
	int failed;
} mg_cli_output;

int mg_cli_output_open(mg_cli_output *out, const char *path);
int mg_cli_output_write(mg_cli_output *out, const char *data, size_t len);
int mg_cli_output_close(mg_cli_output *out, bool commit);

/* Checks, before any work, that the output `path` given with `option`
 * ("--output") may be written: not one of the sources (which the write
 * would destroy), and not a symbolic link to a regular file. 0, or -1 after
 * printing the error. NULL and "-" (standard output) pass. */
int mg_cli_check_output(const char *option, const char *path, const char *const *sources,
			size_t nsources);

/* Whether to colour output on stderr/stdout: --color, NO_COLOR, a terminal. */
bool mg_cli_use_color(const char *setting, int fd);

/*
 * The options of every command that reads sources (C models, PostgreSQL),
 * as rows to place in its option table at consecutive indices from FIRST;
 * they are the table's last rows.
 */
#define MG_CLI_SOURCE_OPTIONS(FIRST)                                                              \
	[FIRST] = {.name = "include", .short_name = 'I', .value_name = "DIR", .repeatable = true,  \
		   .help = "C models: add DIR to the include path"},                               \
	[FIRST + 1] = {.name = "define", .short_name = 'D', .value_name = "NAME[=VALUE]",          \
		       .repeatable = true, .help = "C models: define a macro"},                     \
	[FIRST + 2] = {.name = "std", .value_name = "STD",                                         \
		       .help = "C models: the C standard to parse with (default c11)"},            \
	[FIRST + 3] = {.name = "build-dir", .short_name = 'p', .value_name = "DIR",                \
		       .help = "C models: take compiler flags from DIR/compile_commands.json"},         \
	[FIRST + 4] = {.name = "schema", .value_name = "NAME", .repeatable = true,                 \
		       .help = "PostgreSQL: read schema NAME (default: every non-system schema)"},     \
	[FIRST + 5] = {.name = "dialect", .value_name = "DIALECT", .choices = mg_cli_dialects,      \
		       .help = "SQL scripts: their dialect (default: detected)"},                    \
	[FIRST + 6] = {.name = "limit", .value_name = "NAME=VALUE", .repeatable = true,            \
		       .help = "raise or lower a limit on input (docs/limits.md)"}

/* The dialects --dialect takes. */
extern const char *const mg_cli_dialects[];

/* Fills reader options from the rows at FIRST (the strings stay argv's) and
 * sets the --limit values. 0, or -1 after printing the error. */
struct mg_read_options;
int mg_cli_read_options(const mg_cli_args *args, size_t first, struct mg_read_options *out);

/* lint's options, which diff takes too. */
extern const mg_cli_option mg_cli_lint_options[];

/* lint, or with `nagainst` > 0 diff: the last `nagainst` operands are the
 * database the others are compared with. Returns the exit status. */
int mg_cli_run_lint(const mg_cli_command *command, const mg_cli_args *args, size_t nagainst);

extern const mg_cli_command mg_cmd_lint;
extern const mg_cli_command mg_cmd_diff;
extern const mg_cli_command mg_cmd_dump;
extern const mg_cli_command mg_cmd_ddl;
extern const mg_cli_command mg_cmd_diagram;
extern const mg_cli_command mg_cmd_docs;
extern const mg_cli_command mg_cmd_rules;
extern const mg_cli_command mg_cmd_explain;

#endif
