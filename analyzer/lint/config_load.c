/*
 * Loading `.modelgraph.yml`: libyaml's document, the top level and the
 * lint, docs and diagram sections, checked whole against the schema below
 * (docs/configuration.md describes it for users). The rules and ignores
 * are config_rules.c's.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/lint/config_loader.h"
#include "util/limits.h"

static const char *const fail_on_values[] = {"error", "warning", "note", "never", NULL};
static const char *const docs_formats[] = {"html", "markdown", NULL};
static const char *const column_modes[] = {"all", "keys", "related", "none", NULL};
static const char *const group_modes[] = {"file", "schema", "prefix", "none", NULL};
static const char *const bool_values[] = {"true", "false", NULL};

static const setting settings[SETTING_COUNT] = {
	[SET_FAIL_ON] = {"lint", "fail-on", SETTING_CHOICE, fail_on_values},
	[SET_BASELINE] = {"lint", "baseline", SETTING_PATH, NULL},
	[SET_DIALECTS] = {"lint", "dialects", SETTING_DIALECTS, NULL},
	[SET_DOCS_TITLE] = {"docs", "title", SETTING_TEXT, NULL},
	[SET_DOCS_FORMAT] = {"docs", "format", SETTING_CHOICE, docs_formats},
	[SET_DIAGRAM_COLUMNS] = {"diagram", "columns", SETTING_CHOICE, column_modes},
	[SET_DIAGRAM_GROUP_BY] = {"diagram", "group-by", SETTING_CHOICE, group_modes},
	[SET_DIAGRAM_COLLAPSE] = {"diagram", "collapse-association", SETTING_CHOICE, bool_values},
};

static const char *const top_keys[] = {"rules", "ignore", "lint", "docs", "diagram"};

/* ---- lint, docs, diagram ---- */

/* A path in the configuration is relative to the file's directory. */
static const char *relative_to_config(mg_config *c, const char *value)
{
	const char *slash = strrchr(c->path, '/');
	if (value[0] == '/' || !slash)
		return mg_arena_strdup(c->arena, value);
	return mg_arena_printf(c->arena, "%.*s/%s", (int)(slash - c->path), c->path, value);
}

static int parse_setting(loader *ld, size_t index, const yaml_node_t *value)
{
	const setting *s = &settings[index];
	char what[64];
	if (s->kind == SETTING_DIALECTS) /* a list, kept as bits rather than text */
		return config_parse_dialects(ld, value, &ld->config->target_dialects);
	config_quoted(what, sizeof(what), s->key);
	if (config_expect(ld, value, YAML_SCALAR_NODE, false, what) < 0)
		return -1;
	const char *text = config_text_of(value);
	if (config_is_null(value) || config_is_blank(text))
		return config_fail_at(ld, value, "\"%s\" needs a value", s->key);
	mg_config *c = ld->config;
	switch (s->kind) {
	case SETTING_CHOICE: {
		size_t n = 0;
		while (s->choices[n] && strcmp(s->choices[n], text) != 0)
			n++;
		if (!s->choices[n]) {
			return config_fail_choice(ld, value, s->choices, n, "invalid value \"%s\" for \"%s\"",
						  text, s->key);
		}
		c->settings[index] = s->choices[n];
		break;
	}
	case SETTING_TEXT:
		c->settings[index] = mg_arena_strdup(c->arena, text);
		break;
	case SETTING_PATH:
		c->settings[index] = relative_to_config(c, text);
		break;
	case SETTING_DIALECTS:
		break; /* read above */
	}
	return c->settings[index] ? 0 : config_fail_memory(ld);
}

static int parse_section(loader *ld, const char *section, const yaml_node_t *node)
{
	char what[64];
	int r = config_expect(ld, node, YAML_MAPPING_NODE, true, config_quoted(what, sizeof(what), section));
	if (r <= 0)
		return r;
	if (config_check_keys(ld, node) < 0)
		return -1;
	const char *keys[SETTING_COUNT];
	size_t nkeys = 0;
	for (size_t i = 0; i < SETTING_COUNT; i++)
		if (strcmp(settings[i].section, section) == 0)
			keys[nkeys++] = settings[i].key;

	const yaml_node_t *key, *value;
	FOR_EACH_PAIR(ld, node, key, value) {
		size_t i = 0;
		while (i < SETTING_COUNT && (strcmp(settings[i].section, section) != 0 ||
					     strcmp(settings[i].key, config_text_of(key)) != 0))
			i++;
		if (i == SETTING_COUNT) {
			char context[100];
			snprintf(context, sizeof(context), " in \"%s\"", section);
			return config_fail_unknown_key(ld, key, context, keys, nkeys);
		}
		if (parse_setting(ld, i, value) < 0)
			return -1;
	}
	return 0;
}

/* ---- the document ---- */

static int parse_root(loader *ld, const yaml_node_t *root)
{
	int r = config_expect(ld, root, YAML_MAPPING_NODE, true, "the configuration");
	if (r <= 0)
		return r;
	if (config_check_keys(ld, root) < 0)
		return -1;
	const yaml_node_t *key, *value;
	FOR_EACH_PAIR(ld, root, key, value) {
		const char *name = config_text_of(key);
		if (strcmp(name, "rules") == 0)
			r = config_parse_rules(ld, value);
		else if (strcmp(name, "ignore") == 0)
			r = config_parse_ignores(ld, value);
		else if (strcmp(name, "lint") == 0 || strcmp(name, "docs") == 0 ||
			 strcmp(name, "diagram") == 0)
			r = parse_section(ld, name, value);
		else
			r = config_fail_unknown_key(ld, key, "", top_keys, COUNT(top_keys));
		if (r < 0)
			return -1;
	}
	return 0;
}

/* 1-based line and column of a byte offset. */
static void position_of(const char *data, size_t len, size_t offset, size_t *line, size_t *column)
{
	*line = 1;
	*column = 1;
	for (size_t i = 0; i < offset && i < len; i++) {
		if (data[i] == '\n') {
			++*line;
			*column = 1;
		} else {
			++*column;
		}
	}
}

static void parser_error(loader *ld, const yaml_parser_t *parser, const char *data, size_t len)
{
	const char *problem = parser->problem ? parser->problem : "cannot be parsed";
	switch (parser->error) {
	case YAML_MEMORY_ERROR:
		config_fail_memory(ld);
		return;
	case YAML_READER_ERROR: {
		size_t line, column;
		position_of(data, len, parser->problem_offset, &line, &column);
		if (parser->problem_value >= 0)
			mg_error_set(ld->err, "%s:%zu:%zu: %s (byte 0x%02X)", ld->path, line, column,
				     problem, (unsigned)parser->problem_value & 0xFFu);
		else
			mg_error_set(ld->err, "%s:%zu:%zu: %s", ld->path, line, column, problem);
		return;
	}
	default:
		break;
	}
	if (parser->context)
		mg_error_set(ld->err, "%s:%zu:%zu: %s (%s at line %zu, column %zu)", ld->path,
			     parser->problem_mark.line + 1, parser->problem_mark.column + 1, problem,
			     parser->context, parser->context_mark.line + 1,
			     parser->context_mark.column + 1);
	else
		mg_error_set(ld->err, "%s:%zu:%zu: %s", ld->path, parser->problem_mark.line + 1,
			     parser->problem_mark.column + 1, problem);
}

/*
 * Refuses collections nested past the nesting-depth limit, counting them in
 * libyaml's events before any document is built: libyaml's scanner takes
 * time in the square of the depth of flow collections ("[[[[…"), so the
 * depth must be known before it has read them all. A syntax error is left
 * to the load that follows, which meets it again. 0, or -1 with the error.
 */
static int check_depth(loader *ld, const char *data, size_t len)
{
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		return config_fail_memory(ld);
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	const long long limit = mg_limit(MG_LIMIT_NESTING_DEPTH);
	long long depth = 0;
	int status = 0;
	for (;;) {
		yaml_event_t event;
		if (!yaml_parser_parse(&parser, &event))
			break;
		yaml_event_type_t type = event.type;
		yaml_mark_t mark = event.start_mark;
		yaml_event_delete(&event);
		if (type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT) {
			if (++depth > limit) {
				mg_error_set(ld->err,
					     "%s:%zu:%zu: lists and mappings nested deeper than a "
					     "configuration may be; " MG_LIMIT_ADVICE_FMT,
					     ld->path, mark.line + 1, mark.column + 1,
					     MG_LIMIT_ADVICE_ARGS(MG_LIMIT_NESTING_DEPTH));
				status = -1;
				break;
			}
		} else if (type == YAML_SEQUENCE_END_EVENT || type == YAML_MAPPING_END_EVENT) {
			depth--;
		} else if (type == YAML_STREAM_END_EVENT) {
			break;
		}
	}
	yaml_parser_delete(&parser);
	return status;
}

/* The overrides as the lint options take them: NULL-terminated ids. */
static int finish(loader *ld)
{
	mg_config *c = ld->config;
	size_t n = c->noverrides;
	const char **ids = mg_arena_alloc(c->arena, (n + 1) * sizeof(*ids));
	mg_severity *severities = mg_arena_alloc(c->arena, (n + 1) * sizeof(*severities));
	if (!ids || !severities)
		return config_fail_memory(ld);
	for (size_t i = 0; i < n; i++) {
		ids[i] = c->override_ids[i];
		severities[i] = c->override_severities[i];
	}
	ids[n] = NULL;
	c->override_ids = ids;
	c->override_severities = severities;
	return 0;
}

int mg_config_load(mg_config **out, const char *path, mg_error *err)
{
	yaml_parser_t parser;
	yaml_document_t doc, extra;
	bool parser_ready = false, doc_ready = false, extra_ready = false;
	char *data = NULL;
	size_t len = 0;
	mg_config *config = NULL;
	int status = -1;
	loader ld = {.path = path, .err = err};

	*out = NULL;
	if (!(data = mg_config_read_file(path, "configuration file", "check the path", &len, err)))
		goto cleanup;
	if (!(config = calloc(1, sizeof(*config))) || !(config->arena = mg_arena_new()) ||
	    !(config->path = mg_arena_strdup(config->arena, path))) {
		config_fail_memory(&ld);
		goto cleanup;
	}
	ld.config = config;
	if (check_depth(&ld, data, len) < 0)
		goto cleanup;
	if (!yaml_parser_initialize(&parser)) {
		config_fail_memory(&ld);
		goto cleanup;
	}
	parser_ready = true;
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	if (!yaml_parser_load(&parser, &doc)) {
		parser_error(&ld, &parser, data, len);
		goto cleanup;
	}
	doc_ready = true;
	ld.doc = &doc;
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	if (root && parse_root(&ld, root) < 0)
		goto cleanup;
	/* One document per file: a second one is a mistake, not more settings. */
	if (!yaml_parser_load(&parser, &extra)) {
		parser_error(&ld, &parser, data, len);
		goto cleanup;
	}
	extra_ready = true;
	yaml_node_t *second = yaml_document_get_root_node(&extra);
	if (second) {
		config_fail_at(&ld, second, "only one YAML document is allowed");
		goto cleanup;
	}
	if (finish(&ld) < 0)
		goto cleanup;
	*out = config;
	config = NULL;
	status = 0;
cleanup:
	if (extra_ready)
		yaml_document_delete(&extra);
	if (doc_ready)
		yaml_document_delete(&doc);
	if (parser_ready)
		yaml_parser_delete(&parser);
	mg_config_free(config);
	free(data);
	return status;
}

void mg_config_free(mg_config *config)
{
	if (!config)
		return;
	mg_arena_free(config->arena);
	free(config);
}
