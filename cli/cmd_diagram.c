#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyzer/lint/config.h"
#include "include/modelgraph/modelgraph.h"
#include "cli/cli.h"
#include "render/diagram.h"
#include "render/diagram_pages.h"

enum {
	OPT_FORMAT,
	OPT_OUTPUT,
	OPT_TABLE,
	OPT_DEPTH,
	OPT_COLUMNS,
	OPT_EDGE_LABELS,
	OPT_COLLAPSE,
	OPT_GROUP_BY,
	OPT_THEME,
	OPT_LAYOUT_TIMEOUT,
	OPT_FULL,
	OPT_EACH_TABLE,
	OPT_CONFIG,
	OPT_SOURCE_FIRST,
};

static const char *const formats[] = {"svg", "png", "pdf", "dot", "mermaid", "plantuml", NULL};
static const char *const columns[] = {"all", "keys", "related", "none", NULL};
static const char *const edge_labels[] = {"none", "columns", "names", "all", NULL};
static const char *const groups[] = {"none", "file", "schema", "prefix", NULL};
static const char *const themes[] = {"light", "dark", NULL};

/* Seconds one layout may take before cheaper settings are tried. */
#define DEFAULT_LAYOUT_TIMEOUT "20"

/* Above MG_DIAGRAM_MAX_TABLES the whole schema becomes an overview and
 * pages of at most PAGE_TABLES. */
#define PAGE_TABLES 80

/* Worker processes for many diagrams: the machine's cores, at most 8. */
static unsigned worker_count(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 8 ? 8 : (unsigned)n;
}

static const mg_cli_option options[] = {
	[OPT_FORMAT] = {.name = "format", .value_name = "FORMAT", .choices = formats,
			.help = "output format (default: from -o's extension, else svg)"},
	[OPT_OUTPUT] = {.name = "output", .short_name = 'o', .value_name = "FILE",
			.help = "write to FILE instead of standard output (png and pdf need it)"},
	[OPT_TABLE] = {.name = "table", .value_name = "TABLE", .repeatable = true,
		       .help = "draw TABLE and its neighbours (see --depth) instead of every table"},
	[OPT_DEPTH] = {.name = "depth", .value_name = "N", .default_value = "1",
		       .help = "with --table: how many foreign keys away neighbours are drawn"},
	[OPT_COLUMNS] = {.name = "columns", .value_name = "WHICH", .choices = columns,
			 .default_value = "all", .help = "which columns each table lists"},
	[OPT_EDGE_LABELS] = {.name = "edge-labels", .value_name = "WHAT", .choices = edge_labels,
			     .default_value = "names",
			     .help = "edge labels: relationship or foreign key names, joined columns"},
	[OPT_COLLAPSE] = {.name = "collapse-association",
			  .help = "draw each association table as one many-to-many edge"},
	[OPT_GROUP_BY] = {.name = "group-by", .value_name = "KEY", .choices = groups,
			  .default_value = "none", .help = "cluster tables by source file, schema or name prefix"},
	[OPT_THEME] = {.name = "theme", .value_name = "THEME", .choices = themes, .default_value = "light",
		       .help = "colours"},
	[OPT_LAYOUT_TIMEOUT] = {.name = "layout-timeout", .value_name = "SECONDS",
				.default_value = DEFAULT_LAYOUT_TIMEOUT,
				.help = "past it, retry the layout with cheaper settings, then sfdp"},
	[OPT_FULL] = {.name = "full", .help = "draw every table in one diagram, however large"},
	[OPT_EACH_TABLE] = {.name = "each-table",
			    .help = "with -o DIR: one diagram per table (its neighbours to --depth)"},
	[OPT_CONFIG] = {.name = "config", .value_name = "FILE",
			.help = "configuration (default: .modelgraph.yml found upward); its diagram section "
				"sets defaults for --columns, --group-by and --collapse-association"},
	MG_CLI_SOURCE_OPTIONS(OPT_SOURCE_FIRST),
	{0},
};

/* The index of `value` in a NULL-terminated list (the parser checked it). */
static int choice(const char *const *list, const char *value)
{
	for (int i = 0; list[i]; i++)
		if (strcmp(list[i], value) == 0)
			return i;
	return 0;
}

/* The configuration: --config, else .modelgraph.yml found upward, else
 * none (*out NULL). -1 after printing the error. */
static int load_config(const mg_cli_command *command, const mg_cli_args *args, mg_config **out)
{
	mg_error err = {{0}};
	if (mg_project_config_load(out, mg_cli_value(command, args, OPT_CONFIG), &err) < 0) {
		mg_cli_error("%s", err.message);
		return -1;
	}
	return 0;
}

/* The value of option `index`: the command line's, else the configuration's, else the default. */
static const char *setting(const mg_cli_command *command, const mg_cli_args *args, size_t index,
			   const char *configured)
{
	return args->nvalues[index] || !configured ? mg_cli_value(command, args, index) : configured;
}

/* Fills the diagram options; -1 after printing the error. */
static int parse_options(const mg_cli_command *command, const mg_cli_args *args, const mg_config *config,
			 mg_diagram_options *out, unsigned *depth)
{
	*out = (mg_diagram_options)MG_DIAGRAM_OPTIONS_INIT;
	static const mg_diagram_columns column_values[] = {MG_COLUMNS_ALL, MG_COLUMNS_KEYS, MG_COLUMNS_RELATED,
							   MG_COLUMNS_NONE};
	static const mg_diagram_edge_labels label_values[] = {MG_EDGE_LABELS_NONE, MG_EDGE_LABELS_COLUMNS,
							      MG_EDGE_LABELS_NAMES, MG_EDGE_LABELS_ALL};
	static const mg_diagram_group group_values[] = {MG_GROUP_NONE, MG_GROUP_FILE, MG_GROUP_SCHEMA,
							MG_GROUP_PREFIX};
	static const mg_diagram_theme theme_values[] = {MG_THEME_LIGHT, MG_THEME_DARK};
	out->columns = column_values[choice(columns, setting(command, args, OPT_COLUMNS,
							     config ? mg_config_diagram_columns(config) : NULL))];
	out->edge_labels = label_values[choice(edge_labels, mg_cli_value(command, args, OPT_EDGE_LABELS))];
	out->group_by = group_values[choice(groups, setting(command, args, OPT_GROUP_BY,
							    config ? mg_config_diagram_group_by(config) : NULL))];
	out->theme = theme_values[choice(themes, mg_cli_value(command, args, OPT_THEME))];
	out->collapse_association = args->nvalues[OPT_COLLAPSE] > 0 ||
				    (config && mg_config_diagram_collapse_association(config) == 1);

	const char *text = mg_cli_value(command, args, OPT_DEPTH);
	char *end = NULL;
	errno = 0;
	unsigned long n = strtoul(text, &end, 10);
	if (!*text || *end || errno || n > 1000 || *text == '-') {
		mg_cli_error("--depth: \"%s\" is not a whole number from 0 to 1000", text);
		return -1;
	}
	*depth = (unsigned)n;
	if (args->nvalues[OPT_DEPTH] && !args->nvalues[OPT_TABLE] && !args->nvalues[OPT_EACH_TABLE]) {
		mg_cli_error("--depth needs --table or --each-table");
		return -1;
	}
	text = mg_cli_value(command, args, OPT_LAYOUT_TIMEOUT);
	errno = 0;
	double seconds = strtod(text, &end);
	if (!*text || *end || errno || !(seconds > 0) || seconds > 86400) {
		mg_cli_error("--layout-timeout: \"%s\" is not a number of seconds above 0", text);
		return -1;
	}
	out->layout_timeout = seconds;
	return 0;
}

/* -o names a directory: one that exists, or a path ending in '/'. */
static bool is_directory(const char *path)
{
	struct stat st;
	size_t len = strlen(path);
	return (len && path[len - 1] == '/') || (stat(path, &st) == 0 && S_ISDIR(st.st_mode));
}

/* The output format: -o's extension, else --format, else svg. NULL after printing the error. */
static const mg_diagram_format_info *pick_format(const mg_cli_command *command, const mg_cli_args *args)
{
	const char *path = mg_cli_value(command, args, OPT_OUTPUT);
	const mg_diagram_format_info *f = NULL;
	if (path && strcmp(path, "-") != 0 && !is_directory(path))
		f = mg_diagram_format_for_path(path);
	if (!f && args->nvalues[OPT_FORMAT])
		f = mg_diagram_format_find(mg_cli_value(command, args, OPT_FORMAT));
	if (!f)
		f = mg_diagram_format_find("svg");
	if (f->binary && (!path || strcmp(path, "-") == 0)) {
		mg_cli_error("%s output is binary: give -o FILE", f->name);
		return NULL;
	}
	return f;
}

static void print_notes(const mg_buf *notes)
{
	const char *p = notes->data;
	while (p && *p) {
		size_t len = strcspn(p, "\n");
		fprintf(stderr, "modelgraph: note: %.*s\n", (int)len, p);
		p += len + (p[len] == '\n');
	}
}

/* The file name of a page: DIR/STEM.EXT. */
static char *page_path(const char *dir, const char *stem, const char *extension)
{
	mg_buf path = MG_BUF_INIT;
	size_t len = strlen(dir);
	mg_buf_printf(&path, "%s%s%s%s", dir, len && dir[len - 1] == '/' ? "" : "/", stem, extension);
	if (path.failed) {
		mg_buf_free(&path);
		return NULL;
	}
	return path.data;
}

/* -o DIR: an overview and a page per cluster, or (--each-table) a diagram
 * per table; an index.md lists them. */
static int write_pages(const mg_cli_command *command, const mg_cli_args *args, const mg_graph *graph,
		       const mg_diagram_options *draw, unsigned depth, const mg_diagram_format_info *format,
		       const char *dir)
{
	mg_diagram_pages pages = {0};
	mg_diagram_job *jobs = NULL;
	char **paths = NULL;
	size_t njobs = 0;
	mg_error err = {{0}};
	mg_buf notes = MG_BUF_INIT, index = MG_BUF_INIT;
	int status = MG_EXIT_USAGE;
	bool each = args->nvalues[OPT_EACH_TABLE] > 0;
	(void)command;
	if (!dir || !is_directory(dir)) {
		mg_cli_error(each ? "--each-table needs -o DIR" : "-o: \"%s\" is not a directory", dir ? dir : "");
		goto cleanup;
	}
	if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
		mg_cli_error("%s: cannot create the directory: %s", dir, strerror(errno));
		goto cleanup;
	}
	if (!each && mg_diagram_paginate(graph, draw, PAGE_TABLES, &pages, &err) < 0) {
		mg_cli_error("%s", err.message);
		goto cleanup;
	}
	size_t count = each ? graph->ntables : pages.npages + 1;
	jobs = calloc(count, sizeof(*jobs));
	paths = calloc(count, sizeof(*paths));
	if (!jobs || !paths) {
		mg_cli_error("out of memory");
		goto cleanup;
	}
	mg_buf_puts(&index, each ? "# Tables\n\n" : "# Diagram pages\n\n");
	if (!each) {
		if (!(paths[njobs] = page_path(dir, "overview", format->extension)))
			goto oom;
		jobs[njobs++] = (mg_diagram_job){.overview = &pages, .format = format->format,
						 .extension = format->extension, .path = paths[0]};
		mg_buf_printf(&index, "- [overview](overview%s): %zu pages\n", format->extension, pages.npages);
	}
	for (size_t i = 0; i < count - !each; i++) {
		mg_buf stem = MG_BUF_INIT;
		const char *name = each ? graph->tables[i]->name : pages.pages[i].stem;
		if (each)
			mg_diagram_id(&stem, name);
		else
			mg_buf_puts(&stem, name);
		paths[njobs] = stem.failed ? NULL : page_path(dir, stem.data, format->extension);
		if (!paths[njobs]) {
			mg_buf_free(&stem);
			goto oom;
		}
		mg_diagram_scope scope = {.kind = MG_SCOPE_TABLES};
		if (each) {
			scope.tables = (const char *const *)&graph->tables[i]->name;
			scope.ntables = 1;
			scope.depth = depth;
		} else {
			scope.tables = pages.pages[i].tables;
			scope.ntables = pages.pages[i].ntables;
		}
		jobs[njobs] = (mg_diagram_job){.scope = scope, .format = format->format,
					       .extension = format->extension, .path = paths[njobs]};
		njobs++;
		mg_buf_printf(&index, "- [%s](%s%s)", each ? name : pages.pages[i].name, stem.data, format->extension);
		if (!each)
			mg_buf_printf(&index, ": %zu tables", pages.pages[i].ntables);
		mg_buf_putc(&index, '\n');
		mg_buf_free(&stem);
	}
	if (mg_diagram_render_files(graph, draw, jobs, njobs, worker_count(), &notes, &err) < 0) {
		print_notes(&notes);
		mg_cli_error("%s", err.message);
		goto cleanup;
	}
	print_notes(&notes);
	char *index_path = page_path(dir, "index", ".md");
	if (!index_path || index.failed)
		goto oom;
	int written = mg_cli_write_output(index_path, index.data, index.len);
	free(index_path);
	if (written < 0)
		goto cleanup;
	if (!each)
		fprintf(stderr, "modelgraph: note: %zu tables: wrote an overview and %zu pages of at most %d tables "
				"to %s (index.md lists them); --full -o FILE draws every table in one diagram\n",
			graph->ntables, pages.npages, PAGE_TABLES, dir);
	status = MG_EXIT_OK;
	goto cleanup;
oom:
	mg_cli_error("out of memory");
cleanup:
	for (size_t i = 0; paths && i < count; i++)
		free(paths[i]);
	free(paths);
	free(jobs);
	mg_diagram_pages_free(&pages);
	mg_buf_free(&notes);
	mg_buf_free(&index);
	return status;
}

static int run_diagram(const mg_cli_command *command, const mg_cli_args *args)
{
	mg_error err = {{0}};
	mg_buf out = MG_BUF_INIT, notes = MG_BUF_INIT;
	mg_graph *graph = NULL;
	mg_diagram *diagram = NULL;
	mg_config *config = NULL;
	int status = MG_EXIT_USAGE;
	mg_diagram_options draw;
	unsigned depth = 1;
	if (load_config(command, args, &config) < 0 || parse_options(command, args, config, &draw, &depth) < 0)
		goto cleanup;
	const mg_diagram_format_info *format = pick_format(command, args);
	if (!format)
		goto cleanup;
	mg_read_options read_options;
	if (mg_cli_read_options(args, OPT_SOURCE_FIRST, &read_options) < 0)
		goto cleanup;
	graph = mg_load(args->positional, args->npositional, &read_options, &err);
	if (!graph) {
		mg_cli_error("%s", err.message);
		goto cleanup;
	}
	const char *path = mg_cli_value(command, args, OPT_OUTPUT);
	if (mg_cli_check_output("--output", path, args->positional, args->npositional) < 0)
		goto cleanup;
	bool to_dir = path && is_directory(path);
	if (args->nvalues[OPT_EACH_TABLE] || to_dir) {
		status = write_pages(command, args, graph, &draw, depth, format, path);
		goto cleanup;
	}
	size_t drawn = 0;
	for (size_t i = 0; i < graph->ntables; i++)
		drawn += !(draw.collapse_association && graph->tables[i]->kind == MG_TABLE_ASSOCIATION);
	if (!args->nvalues[OPT_TABLE] && !args->nvalues[OPT_FULL] && format->format != MG_DIAGRAM_DOT &&
	    drawn > MG_DIAGRAM_MAX_TABLES) {
		mg_cli_error("%zu tables are more than one readable diagram holds (%d): give -o DIR for an "
			     "overview and one page per cluster, or --full to draw them all at once",
			     drawn, MG_DIAGRAM_MAX_TABLES);
		goto cleanup;
	}
	mg_diagram_scope scope = {.kind = MG_SCOPE_ALL};
	if (args->nvalues[OPT_TABLE]) {
		scope.kind = MG_SCOPE_TABLES;
		scope.tables = args->values[OPT_TABLE];
		scope.ntables = args->nvalues[OPT_TABLE];
		scope.depth = depth;
	}
	diagram = mg_diagram_select(graph, &scope, &draw, &err);
	if (!diagram || mg_diagram_render(diagram, format->format, &out, &notes, &err) < 0) {
		print_notes(&notes);
		mg_cli_error("%s", err.message);
		goto cleanup;
	}
	print_notes(&notes);
	if (mg_cli_write_output(mg_cli_value(command, args, OPT_OUTPUT), out.data ? out.data : "", out.len) < 0)
		goto cleanup;
	status = MG_EXIT_OK;
cleanup:
	mg_diagram_free(diagram);
	mg_config_free(config);
	mg_buf_free(&out);
	mg_buf_free(&notes);
	mg_graph_free(graph);
	return status;
}

const mg_cli_command mg_cmd_diagram = {
	.name = "diagram",
	.arguments = "SOURCE...",
	.summary = "Draw an ER diagram (crow's foot): SVG, PNG, PDF, DOT, Mermaid or PlantUML.",
	.options = options,
	.min_positional = 1,
	.run = run_diagram,
};
