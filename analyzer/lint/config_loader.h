#ifndef MG_CONFIG_LOADER_H
#define MG_CONFIG_LOADER_H

/*
 * Inside the configuration: the struct behind mg_config and the loader the
 * parsing files share (config_load.c reads the document, config_rules.c the
 * `rules` and `ignore` sections, config_yaml.c has the helpers). Nothing
 * outside analyzer/lint/config*.c includes this.
 */

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "analyzer/core/arena.h"
#include "analyzer/lint/config.h"

/* The settings of the lint, docs and diagram sections: defaults for options. */
enum {
	SET_FAIL_ON,
	SET_BASELINE,
	SET_DIALECTS,
	SET_DOCS_TITLE,
	SET_DOCS_FORMAT,
	SET_DIAGRAM_COLUMNS,
	SET_DIAGRAM_GROUP_BY,
	SET_DIAGRAM_COLLAPSE,
	SETTING_COUNT
};

typedef enum setting_kind {
	SETTING_TEXT,   /* any non-empty text */
	SETTING_CHOICE, /* one of `choices` */
	SETTING_PATH,   /* a file, relative to the configuration file's directory */
	SETTING_DIALECTS, /* a non-empty list of dialect names: config->target_dialects */
} setting_kind;

typedef struct setting {
	const char *section;
	const char *key;
	setting_kind kind;
	const char *const *choices; /* SETTING_CHOICE: NULL-terminated */
} setting;

struct mg_config {
	mg_arena *arena;                  /* owns everything below */
	const char *path;                 /* as given to mg_config_load */
	const char **override_ids;        /* rule ids, file order, NULL-terminated */
	mg_severity *override_severities; /* parallel to override_ids */
	size_t noverrides;
	size_t ids_cap, severities_cap;
	unsigned dialects;                /* MG_DIALECT_* bits; 0 when unset */
	unsigned target_dialects;         /* lint.dialects: MG_DIALECT_* bits; 0 when unset */
	mg_lint_policy policy;            /* the policy rules' options; zero when unset */
	const char **required_columns;    /* policy.required_columns, growable */
	size_t required_cap;
	mg_config_ignore *ignores;
	size_t nignores, ignores_cap;
	const char *settings[SETTING_COUNT]; /* NULL when unset */
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* One load in progress. */
typedef struct loader {
	const char *path;
	yaml_document_t *doc;
	mg_config *config;
	mg_error *err;
} loader;

/* Sets the error "PATH:LINE:COL: message" at `node`; returns -1. */
int config_fail_at(loader *ld, const yaml_node_t *node, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int config_fail_memory(loader *ld); /* "PATH: out of memory"; -1 */

const char *config_text_of(const yaml_node_t *node); /* a scalar's text */
const char *config_type_name(yaml_node_type_t type); /* "mapping", "list", … */
bool config_is_null(const yaml_node_t *node);       /* YAML's null: "", "~", "null" */
bool config_is_blank(const char *s);                /* only spaces, tabs, line breaks */

/* Checks that `node` has `type`: 1 when it has, 0 when it is a null and
 * `null_ok` (an empty section), -1 after setting the error. */
int config_expect(loader *ld, const yaml_node_t *node, yaml_node_type_t type, bool null_ok,
		  const char *what);

/* Fails with what went wrong (printf-formatted: `unknown key "ignor"`),
 * then the nearest candidate or, when none is near, the list of them. */
int config_fail_choice(loader *ld, const yaml_node_t *node, const char *const *candidates, size_t n,
		       const char *fmt, ...) __attribute__((format(printf, 5, 6)));
int config_fail_unknown_key(loader *ld, const yaml_node_t *key, const char *context,
			    const char *const *candidates, size_t n);

/* Keys are scalars, each once; -1 after setting the error. */
int config_check_keys(loader *ld, const yaml_node_t *map);

/* A quoted name for messages: "\"rules\"". */
const char *config_quoted(char *buf, size_t size, const char *name);

#define FOR_EACH_PAIR(ld, map, key, value)                                                   \
	for (const yaml_node_pair_t *pair_ = (map)->data.mapping.pairs.start;                \
	     pair_ < (map)->data.mapping.pairs.top &&                                        \
	     ((key) = yaml_document_get_node((ld)->doc, pair_->key),                         \
	     (value) = yaml_document_get_node((ld)->doc, pair_->value), 1);                  \
	     pair_++)

/* The `rules` and `ignore` sections (config_rules.c). */
int config_parse_rules(loader *ld, const yaml_node_t *node);
int config_parse_ignores(loader *ld, const yaml_node_t *node);

/* A list of dialect names into MG_DIALECT_* bits; -1 after setting the error. */
int config_parse_dialects(loader *ld, const yaml_node_t *node, unsigned *out);

#endif
