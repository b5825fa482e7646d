/*
 * Loading `.modelgraph.yml`: libyaml's document, the top level and the
 * lint, docs and diagram sections, checked whole against the schema below
 * (docs/configuration.md describes it for users). The rules and ignores
 * are config_rules.c's.
 */
#define _POSIX_C_SOURCE 200809L

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/core/name_index.h"
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

/* ---- building the document ---- */

/*
 * The document is built here from libyaml's events rather than by
 * yaml_parser_load, for two reasons:
 *   - nesting is refused past the nesting-depth limit as it is met:
 *     libyaml's scanner takes time in the square of the depth of flow
 *     collections ("[[[[…"), so it must stop at the limit;
 *   - anchors are found through a hash table: libyaml's loader looks each
 *     anchor and alias up in a list, time in the square of their number.
 * An anchor names its node once the node is complete, so an alias inside
 * the node it names is undefined and the document has no cycles.
 */

typedef struct open_node {
	int id;       /* the collection's node */
	int key;      /* a mapping's key waiting for its value; 0 when none */
	char *anchor; /* the collection's anchor, registered when it ends; NULL */
} open_node;

typedef struct builder {
	loader *ld;
	yaml_document_t *doc;
	open_node *stack;
	size_t depth, cap;
	mg_arena *arena;        /* the anchors' names */
	mg_name_index *anchors; /* anchor -> node id */
} builder;

static int fail_at_mark(loader *ld, yaml_mark_t mark, const char *what)
{
	mg_error_set(ld->err, "%s:%zu:%zu: %s", ld->path, mark.line + 1, mark.column + 1, what);
	return -1;
}

/* Names node `id` by `anchor` (NULL: no anchor). */
static int register_anchor(builder *b, const char *anchor, int id)
{
	if (!anchor)
		return 0;
	uintptr_t previous = (uintptr_t)mg_name_index_get(b->anchors, anchor);
	if (previous) {
		yaml_mark_t first = yaml_document_get_node(b->doc, (int)previous)->start_mark;
		mg_error_set(b->ld->err, "%s:%zu:%zu: the anchor \"%s\" is already defined at line %zu, column %zu",
			     b->ld->path, yaml_document_get_node(b->doc, id)->start_mark.line + 1,
			     yaml_document_get_node(b->doc, id)->start_mark.column + 1, anchor,
			     first.line + 1, first.column + 1);
		return -1;
	}
	const char *name = mg_arena_strdup(b->arena, anchor);
	if (!name || mg_name_index_put(b->anchors, name, (void *)(uintptr_t)id) < 0)
		return config_fail_memory(b->ld);
	return 0;
}

/* Puts node `id` into the open collection, if any (else it is the root). */
static int attach(builder *b, int id)
{
	if (!b->depth)
		return 0;
	open_node *parent = &b->stack[b->depth - 1];
	yaml_node_t *node = yaml_document_get_node(b->doc, parent->id);
	int ok = 1;
	if (node->type == YAML_SEQUENCE_NODE) {
		ok = yaml_document_append_sequence_item(b->doc, parent->id, id);
	} else if (!parent->key) {
		parent->key = id;
	} else {
		ok = yaml_document_append_mapping_pair(b->doc, parent->id, parent->key, id);
		parent->key = 0;
	}
	return ok ? 0 : config_fail_memory(b->ld);
}

/* libyaml's default tags stand for no tag ("!" is the non-specific one). */
static yaml_char_t *tag_of(yaml_char_t *tag)
{
	return tag && strcmp((const char *)tag, "!") != 0 ? tag : NULL;
}

/* Adds the node an event starts or is; -1 after setting the error. */
static int add_node(builder *b, const yaml_event_t *event)
{
	int id = 0;
	switch (event->type) {
	case YAML_ALIAS_EVENT:
		id = (int)(uintptr_t)mg_name_index_get(b->anchors, (const char *)event->data.alias.anchor);
		if (!id) {
			mg_error_set(b->ld->err, "%s:%zu:%zu: the alias \"*%s\" names no anchor defined before it",
				     b->ld->path, event->start_mark.line + 1, event->start_mark.column + 1,
				     (const char *)event->data.alias.anchor);
			return -1;
		}
		return attach(b, id);
	case YAML_SCALAR_EVENT:
		if (event->data.scalar.length > INT_MAX) /* libyaml's document counts in int */
			return fail_at_mark(b->ld, event->start_mark, "the value is too long for a configuration");
		id = yaml_document_add_scalar(b->doc, tag_of(event->data.scalar.tag),
					      event->data.scalar.value, (int)event->data.scalar.length,
					      event->data.scalar.style);
		break;
	case YAML_SEQUENCE_START_EVENT:
		id = yaml_document_add_sequence(b->doc, tag_of(event->data.sequence_start.tag),
						event->data.sequence_start.style);
		break;
	case YAML_MAPPING_START_EVENT:
		id = yaml_document_add_mapping(b->doc, tag_of(event->data.mapping_start.tag),
					       event->data.mapping_start.style);
		break;
	default:
		return 0;
	}
	if (!id)
		return config_fail_memory(b->ld);
	yaml_node_t *node = yaml_document_get_node(b->doc, id);
	node->start_mark = event->start_mark;
	node->end_mark = event->end_mark;
	if (attach(b, id) < 0)
		return -1;
	if (event->type == YAML_SCALAR_EVENT)
		return register_anchor(b, (const char *)event->data.scalar.anchor, id);

	const yaml_char_t *anchor = event->type == YAML_SEQUENCE_START_EVENT
					    ? event->data.sequence_start.anchor
					    : event->data.mapping_start.anchor;
	if (b->depth >= (size_t)mg_limit(MG_LIMIT_NESTING_DEPTH)) {
		mg_error_set(b->ld->err,
			     "%s:%zu:%zu: lists and mappings nested deeper than a configuration may be; "
			     MG_LIMIT_ADVICE_FMT,
			     b->ld->path, event->start_mark.line + 1, event->start_mark.column + 1,
			     MG_LIMIT_ADVICE_ARGS(MG_LIMIT_NESTING_DEPTH));
		return -1;
	}
	if (b->depth == b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 16;
		open_node *bigger = realloc(b->stack, cap * sizeof(*bigger));
		if (!bigger)
			return config_fail_memory(b->ld);
		b->stack = bigger;
		b->cap = cap;
	}
	char *name = anchor ? mg_arena_strdup(b->arena, (const char *)anchor) : NULL;
	if (anchor && !name)
		return config_fail_memory(b->ld);
	b->stack[b->depth++] = (open_node){.id = id, .anchor = name};
	return 0;
}

/* Ends the innermost collection. */
static int end_node(builder *b, const yaml_event_t *event)
{
	open_node *top = &b->stack[--b->depth];
	yaml_document_get_node(b->doc, top->id)->end_mark = event->end_mark;
	return register_anchor(b, top->anchor, top->id);
}

/* The next event, or -1 after setting the parser's error. */
static int next_event(loader *ld, yaml_parser_t *parser, yaml_event_t *event, const char *data,
		      size_t len)
{
	if (yaml_parser_parse(parser, event))
		return 0;
	parser_error(ld, parser, data, len);
	return -1;
}

/*
 * Reads the stream's first document into `doc` (initialized here, to be
 * deleted by the caller even on failure; without nodes when the stream is
 * empty). The parser is left after the document's end.
 */
static int build_document(loader *ld, yaml_parser_t *parser, yaml_document_t *doc, const char *data,
			  size_t len)
{
	if (!yaml_document_initialize(doc, NULL, NULL, NULL, 1, 1))
		return config_fail_memory(ld);
	builder b = {.ld = ld, .doc = doc, .arena = mg_arena_new(), .anchors = mg_name_index_new(false)};
	int status = -1;
	yaml_event_t event;
	if (!b.arena || !b.anchors) {
		config_fail_memory(ld);
		goto cleanup;
	}
	bool done = false;
	while (!done) {
		if (next_event(ld, parser, &event, data, len) < 0)
			goto cleanup;
		int r = 0;
		switch (event.type) {
		case YAML_STREAM_END_EVENT: /* an empty stream */
		case YAML_DOCUMENT_END_EVENT:
			done = true;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			r = end_node(&b, &event);
			break;
		default:
			r = add_node(&b, &event);
			break;
		}
		yaml_event_delete(&event);
		if (r < 0)
			goto cleanup;
	}
	status = 0;
cleanup:
	free(b.stack);
	mg_name_index_free(b.anchors);
	mg_arena_free(b.arena);
	return status;
}

/* After the first document, the stream must end: a second document is a
 * mistake, not more settings. */
static int expect_stream_end(loader *ld, yaml_parser_t *parser, const char *data, size_t len)
{
	yaml_event_t event;
	for (;;) {
		if (next_event(ld, parser, &event, data, len) < 0)
			return -1;
		yaml_event_type_t type = event.type;
		yaml_mark_t mark = event.start_mark;
		yaml_event_delete(&event);
		if (type == YAML_STREAM_END_EVENT)
			return 0;
		if (type != YAML_DOCUMENT_START_EVENT) /* the second document's first node */
			return fail_at_mark(ld, mark, "only one YAML document is allowed");
	}
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
	yaml_document_t doc;
	bool parser_ready = false, doc_ready = false;
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
	if (!yaml_parser_initialize(&parser)) {
		config_fail_memory(&ld);
		goto cleanup;
	}
	parser_ready = true;
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	int built = build_document(&ld, &parser, &doc, data, len);
	doc_ready = true;
	if (built < 0)
		goto cleanup;
	ld.doc = &doc;
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	if (root && parse_root(&ld, root) < 0)
		goto cleanup;
	if (root && expect_stream_end(&ld, &parser, data, len) < 0)
		goto cleanup;
	if (finish(&ld) < 0)
		goto cleanup;
	*out = config;
	config = NULL;
	status = 0;
cleanup:
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
