#ifndef MG_CONFIG_H
#define MG_CONFIG_H

#include <stddef.h>

#include "analyzer/core/error.h"
#include "analyzer/core/findings.h"
#include "analyzer/core/graph.h"
#include "analyzer/lint/lint.h"

/*
 * The project configuration, `.modelgraph.yml` (docs/configuration.md):
 * rule severities and options, ignores with a pattern and a reason, and
 * defaults for the options of lint, docs and diagram. Loading checks it
 * whole: an unknown key, rule or value fails the load with the file's line
 * and column and, where one is near, a did-you-mean.
 *
 * Every setting is optional. The command line wins over the file: the
 * accessors return NULL (or -1) for what the file leaves unset, so the
 * caller can tell "not configured" from a value.
 */

typedef struct mg_config mg_config;

#define MG_CONFIG_FILE_NAME ".modelgraph.yml"

/* One entry of `ignore:`: findings of `rule` whose object path matches `pattern`. */
typedef struct mg_config_ignore {
	const char *rule;         /* a rule id of the catalog */
	const char *pattern;      /* glob over the object path (glob.h); never empty */
	const char *reason;       /* why these findings are acceptable; never empty */
	mg_location location;     /* the entry in the configuration file */
} mg_config_ignore;

/*
 * Looks for MG_CONFIG_FILE_NAME in `start_dir` (NULL: the working
 * directory), then in each parent, up to and including the repository root
 * (a directory holding .git) or the home directory, else the filesystem
 * root; the nearest wins. Returns 1 with its path in `out` (start_dir
 * followed by "../" steps, so relative when start_dir is), 0 when there is
 * none, -1 when a path does not fit in `size` bytes, and -2 with the path in
 * `out` when the nearest file is not to be trusted: owned by another user
 * (not root), writable by its group or others, or not a regular file.
 */
int mg_config_find(char *out, size_t size, const char *start_dir);

/*
 * Reads and checks the configuration file `path`. On success *out is a new
 * configuration (free with mg_config_free) and 0 is returned; else -1 with
 * `err` set ("FILE:LINE:COL: message") and *out NULL. An empty file is an
 * empty configuration.
 */
int mg_config_load(mg_config **out, const char *path, mg_error *err);

/* Releases a configuration; NULL is a no-op. */
void mg_config_free(mg_config *config);

/* The file it was read from, as given to mg_config_load. */
const char *mg_config_path(const mg_config *config);

/*
 * Points `out` at the configuration's rule settings: its severity overrides
 * (in file order, replacing any `out` had) and, when `dialects:` is set,
 * its dialects. The arrays belong to the configuration: `out` is valid as
 * long as it is. NULL config: `out` is left alone.
 */
void mg_config_apply(const mg_config *config, mg_lint_options *out);

/* The severity the configuration gives `rule_id`: 0 with *out set, or -1
 * when it sets none. */
int mg_config_rule_severity(const mg_config *config, const char *rule_id, mg_severity *out);

/* The ignores, in file order; *out_count 0 for a NULL config. */
const mg_config_ignore *mg_config_ignores(const mg_config *config, size_t *out_count);

/*
 * Defaults for command-line options, exactly as the option would take them;
 * NULL when unset (or config is NULL).
 */
const char *mg_config_fail_on(const mg_config *config);          /* error|warning|note|never */
const char *mg_config_baseline(const mg_config *config);         /* a path, relative to the
                                                                     config file's directory
                                                                     already joined */
const char *mg_config_docs_title(const mg_config *config);
const char *mg_config_docs_format(const mg_config *config);      /* html|markdown */
const char *mg_config_diagram_columns(const mg_config *config);  /* all|keys|related|none */
const char *mg_config_diagram_group_by(const mg_config *config); /* file|schema|prefix|none */

/* diagram.collapse-association: 1 or 0, or -1 when unset. */
int mg_config_diagram_collapse_association(const mg_config *config);

/*
 * Reads a whole settings file (configuration, baseline) into a
 * NUL-terminated malloc'd buffer the caller frees. `what` names the kind of
 * file for the messages ("configuration file"); `missing_hint` ends the
 * message for a file that does not exist ("check the path"). NULL with
 * `err` set on failure.
 */
char *mg_config_read_file(const char *path, const char *what, const char *missing_hint,
			  size_t *out_len, mg_error *err);

#endif
