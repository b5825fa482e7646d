/*
 * The project configuration, `.modelgraph.yml`: finding it, reading it with
 * libyaml's document API, and checking every key and value against the
 * schema below (docs/configuration.md describes it for users).
 *
 * Positions come from libyaml's marks (0-based, printed 1-based); a
 * misspelt key, rule id or value is suggested from the candidates of its
 * place with the suggest module.
 */
#define _POSIX_C_SOURCE 200809L

#include "analyzer/lint/config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "analyzer/core/arena.h"
#include "analyzer/lint/glob.h"
#include "analyzer/read/input_file.h"
#include "analyzer/lint/reserved_words.h"
#include "analyzer/core/suggest.h"
#include "util/buf.h"

/* ---- the schema ---- */

/* The settings of the lint, docs and diagram sections: defaults for options. */
enum {
	SET_FAIL_ON,
	SET_BASELINE,
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
} setting_kind;

typedef struct setting {
	const char *section;
	const char *key;
	setting_kind kind;
	const char *const *choices; /* SETTING_CHOICE: NULL-terminated */
} setting;

static const char *const fail_on_values[] = {"error", "warning", "note", "never", NULL};
static const char *const docs_formats[] = {"html", "markdown", NULL};
static const char *const column_modes[] = {"all", "keys", "none", NULL};
static const char *const group_modes[] = {"file", "schema", "none", NULL};
static const char *const bool_values[] = {"true", "false", NULL};

static const setting settings[SETTING_COUNT] = {
	[SET_FAIL_ON] = {"lint", "fail-on", SETTING_CHOICE, fail_on_values},
	[SET_BASELINE] = {"lint", "baseline", SETTING_PATH, NULL},
	[SET_DOCS_TITLE] = {"docs", "title", SETTING_TEXT, NULL},
	[SET_DOCS_FORMAT] = {"docs", "format", SETTING_CHOICE, docs_formats},
	[SET_DIAGRAM_COLUMNS] = {"diagram", "columns", SETTING_CHOICE, column_modes},
	[SET_DIAGRAM_GROUP_BY] = {"diagram", "group-by", SETTING_CHOICE, group_modes},
	[SET_DIAGRAM_COLLAPSE] = {"diagram", "collapse-association", SETTING_CHOICE, bool_values},
};

static const char *const top_keys[] = {"rules", "ignore", "lint", "docs", "diagram"};
static const char *const ignore_keys[] = {"rule", "path", "reason"};
static const char *const severity_names[] = {"off", "note", "warning", "error"};

static const struct {
	const char *name;
	unsigned bit;
} dialects[] = {
	{"sqlite", MG_DIALECT_SQLITE},
	{"postgresql", MG_DIALECT_POSTGRESQL},
	{"mysql", MG_DIALECT_MYSQL},
};

/* Options a rule takes besides `severity`; only name-reserved-word has one. */
static const struct {
	const char *rule;
	const char *key;
} rule_options[] = {
	{"name-reserved-word", "dialects"},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct mg_config {
	mg_arena *arena;                  /* owns everything below */
	const char *path;                 /* as given to mg_config_load */
	const char **override_ids;        /* rule ids, file order, NULL-terminated */
	mg_severity *override_severities; /* parallel to override_ids */
	size_t noverrides;
	size_t ids_cap, severities_cap;
	unsigned dialects;                /* MG_DIALECT_* bits; 0 when unset */
	mg_config_ignore *ignores;
	size_t nignores, ignores_cap;
	const char *settings[SETTING_COUNT]; /* NULL when unset */
};

/* ---- finding the file ---- */

static bool ends_with_slash(const char *s)
{
	size_t n = strlen(s);
	return n && s[n - 1] == '/';
}

/* `dir` joined with `name` into buf; "." is left out. -1 when it does not fit. */
static int join(char *buf, size_t size, const char *dir, const char *name)
{
	int n = strcmp(dir, ".") == 0
		    ? snprintf(buf, size, "%s", name)
		    : snprintf(buf, size, "%s%s%s", dir, ends_with_slash(dir) ? "" : "/", name);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

int mg_config_find(char *out, size_t size, const char *start_dir)
{
	char dir[4096], candidate[4096], up[4096];
	struct stat st, parent;

	if (!start_dir || !*start_dir)
		start_dir = ".";
	if (strlen(start_dir) >= sizeof(dir))
		return -1;
	memcpy(dir, start_dir, strlen(start_dir) + 1);
	for (;;) {
		if (join(candidate, sizeof(candidate), dir, MG_CONFIG_FILE_NAME) < 0)
			return -1;
		if (stat(candidate, &st) == 0) {
			if (strlen(candidate) >= size)
				return -1;
			memcpy(out, candidate, strlen(candidate) + 1);
			return 1;
		}
		if (join(up, sizeof(up), dir, "..") < 0)
			return -1;
		/* The root is its own parent. */
		if (stat(dir, &st) != 0 || stat(up, &parent) != 0 ||
		    (st.st_dev == parent.st_dev && st.st_ino == parent.st_ino))
			return 0;
		memcpy(dir, up, strlen(up) + 1);
	}
}

/* ---- reading a file ---- */

char *mg_config_read_file(const char *path, const char *what, const char *missing_hint,
			  size_t *out_len, mg_error *err)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		if (errno == ENOENT)
			mg_error_set(err, "%s: no such file; %s", path, missing_hint);
		else
			mg_error_set(err, "%s: cannot open: %s", path, strerror(errno));
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		mg_error_set(err, "%s: is a directory; name a %s", path, what);
		return NULL;
	}
	return mg_input_read_all(path, out_len, err);
}

/* ---- the loader ---- */

typedef struct loader {
	const char *path;
	yaml_document_t *doc;
	mg_config *config;
	mg_error *err;
} loader;

static int fail_at(loader *ld, const yaml_node_t *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail_at(loader *ld, const yaml_node_t *node, const char *fmt, ...)
{
	mg_buf message = MG_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	mg_buf_vprintf(&message, fmt, ap);
	va_end(ap);
	mg_error_set(ld->err, "%s:%zu:%zu: %s", ld->path, node->start_mark.line + 1,
		     node->start_mark.column + 1, message.data && !message.failed ? message.data : "out of memory");
	mg_buf_free(&message);
	return -1;
}

static int fail_memory(loader *ld)
{
	mg_error_set(ld->err, "%s: out of memory", ld->path);
	return -1;
}

static const char *type_name(yaml_node_type_t type)
{
	switch (type) {
	case YAML_MAPPING_NODE:
		return "mapping";
	case YAML_SEQUENCE_NODE:
		return "list";
	case YAML_SCALAR_NODE:
		return "scalar";
	case YAML_NO_NODE:
		break;
	}
	return "nothing";
}

static const char *text_of(const yaml_node_t *node)
{
	return (const char *)node->data.scalar.value;
}

/* A plain empty, "~" or "null" scalar: YAML's null. */
static bool is_null(const yaml_node_t *node)
{
	static const char *const nulls[] = {"", "~", "null", "Null", "NULL"};
	if (node->type != YAML_SCALAR_NODE || node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	for (size_t i = 0; i < COUNT(nulls); i++)
		if (strcmp(text_of(node), nulls[i]) == 0)
			return true;
	return false;
}

/* Blank: nothing but spaces, tabs and line breaks. */
static bool is_blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

/*
 * Checks that `node` has `type`. Returns 1 when it has, 0 when it is a null
 * and `null_ok` (an empty section), -1 after setting the error.
 */
static int expect(loader *ld, const yaml_node_t *node, yaml_node_type_t type, bool null_ok,
		  const char *what)
{
	if (node->type == type) {
		if (type == YAML_SCALAR_NODE &&
		    strlen(text_of(node)) != node->data.scalar.length)
			return fail_at(ld, node, "%s contains a NUL character", what);
		return 1;
	}
	if (null_ok && is_null(node))
		return 0;
	return fail_at(ld, node, "%s must be a %s, not a %s", what, type_name(type),
		       type_name(node->type));
}

/* "a", "a or b", "a, b or c" */
static void join_words(mg_buf *out, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		mg_buf_printf(out, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", words[i]);
}

/*
 * Fails with what went wrong (printf-formatted, e.g. `unknown key
 * "ignor"`), then the nearest candidate or, when none is near, the list.
 */
static int fail_choice(loader *ld, const yaml_node_t *node, const char *const *candidates, size_t n,
		       const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static int fail_choice(loader *ld, const yaml_node_t *node, const char *const *candidates, size_t n,
		       const char *fmt, ...)
{
	mg_buf message = MG_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	mg_buf_vprintf(&message, fmt, ap);
	va_end(ap);
	const char *text = text_of(node);
	const char *near = mg_suggest_nearest(text, strlen(text), candidates, n);
	if (near) {
		mg_buf_printf(&message, "; did you mean \"%s\"?", near);
	} else {
		mg_buf_puts(&message, "; expected ");
		join_words(&message, candidates, n);
	}
	int result = message.failed ? fail_memory(ld) : fail_at(ld, node, "%s", message.data);
	mg_buf_free(&message);
	return result;
}

static int fail_unknown_key(loader *ld, const yaml_node_t *key, const char *context,
			    const char *const *candidates, size_t n)
{
	return fail_choice(ld, key, candidates, n, "unknown key \"%s\"%s", text_of(key), context);
}

/* Keys are scalars, each once. */
static int check_keys(loader *ld, const yaml_node_t *map)
{
	const yaml_node_pair_t *start = map->data.mapping.pairs.start;
	for (const yaml_node_pair_t *p = start; p < map->data.mapping.pairs.top; p++) {
		const yaml_node_t *key = yaml_document_get_node(ld->doc, p->key);
		if (expect(ld, key, YAML_SCALAR_NODE, false, "a key") < 0)
			return -1;
		for (const yaml_node_pair_t *q = start; q < p; q++)
			if (strcmp(text_of(yaml_document_get_node(ld->doc, q->key)), text_of(key)) == 0)
				return fail_at(ld, key, "duplicate key \"%s\"", text_of(key));
	}
	return 0;
}

#define FOR_EACH_PAIR(ld, map, key, value)                                                   \
	for (const yaml_node_pair_t *pair_ = (map)->data.mapping.pairs.start;                \
	     pair_ < (map)->data.mapping.pairs.top &&                                        \
	     ((key) = yaml_document_get_node((ld)->doc, pair_->key),                         \
	     (value) = yaml_document_get_node((ld)->doc, pair_->value), 1);                  \
	     pair_++)

/* A quoted name for messages: "\"rules\"". */
static const char *quoted(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "\"%s\"", name);
	return buf;
}

/* ---- rules ---- */

static const mg_rule *find_rule(loader *ld, const yaml_node_t *node)
{
	const mg_rule *rule = mg_rule_find(text_of(node));
	if (rule)
		return rule;
	size_t n = 0;
	const mg_rule *const *all = mg_rules_all(&n);
	const char *ids[256];
	if (n > COUNT(ids))
		n = COUNT(ids);
	for (size_t i = 0; i < n; i++)
		ids[i] = all[i]->id;
	const char *text = text_of(node);
	const char *near = mg_suggest_nearest(text, strlen(text), ids, n);
	if (near)
		fail_at(ld, node, "unknown rule \"%s\"; did you mean \"%s\"?", text, near);
	else
		fail_at(ld, node, "unknown rule \"%s\"; \"modelgraph rules\" lists them", text);
	return NULL;
}

static int parse_severity(loader *ld, const yaml_node_t *node, mg_severity *out)
{
	if (expect(ld, node, YAML_SCALAR_NODE, false, "\"severity\"") < 0)
		return -1;
	if (mg_severity_parse(text_of(node), out) == 0)
		return 0;
	return fail_choice(ld, node, severity_names, COUNT(severity_names), "invalid severity \"%s\"",
			   text_of(node));
}

static int add_override(loader *ld, const mg_rule *rule, mg_severity severity)
{
	mg_config *c = ld->config;
	size_t n = c->noverrides;
	if (MG_ARENA_PUSH(c->arena, c->override_ids, n, c->ids_cap, rule->id) < 0)
		return fail_memory(ld);
	n = c->noverrides;
	if (MG_ARENA_PUSH(c->arena, c->override_severities, n, c->severities_cap, severity) < 0)
		return fail_memory(ld);
	c->noverrides = n;
	return 0;
}

static int parse_dialects(loader *ld, const yaml_node_t *node)
{
	const char *names[COUNT(dialects)];
	for (size_t i = 0; i < COUNT(dialects); i++)
		names[i] = dialects[i].name;
	if (expect(ld, node, YAML_SEQUENCE_NODE, false, "\"dialects\"") < 0)
		return -1;
	if (node->data.sequence.items.start == node->data.sequence.items.top)
		return fail_at(ld, node, "\"dialects\" needs at least one dialect");
	unsigned bits = 0;
	for (const yaml_node_item_t *it = node->data.sequence.items.start;
	     it < node->data.sequence.items.top; it++) {
		const yaml_node_t *item = yaml_document_get_node(ld->doc, *it);
		if (expect(ld, item, YAML_SCALAR_NODE, false, "a dialect") < 0)
			return -1;
		size_t i = 0;
		while (i < COUNT(dialects) && strcmp(text_of(item), dialects[i].name) != 0)
			i++;
		if (i == COUNT(dialects)) {
			return fail_choice(ld, item, names, COUNT(names), "unknown dialect \"%s\"", text_of(item));
		}
		bits |= dialects[i].bit;
	}
	ld->config->dialects = bits;
	return 0;
}

/* `rule-id: {severity: …, option: …}` */
static int parse_rule_mapping(loader *ld, const mg_rule *rule, const yaml_node_t *map)
{
	const char *keys[1 + COUNT(rule_options)] = {"severity"};
	size_t nkeys = 1;
	for (size_t i = 0; i < COUNT(rule_options); i++)
		if (strcmp(rule_options[i].rule, rule->id) == 0)
			keys[nkeys++] = rule_options[i].key;

	if (check_keys(ld, map) < 0)
		return -1;
	const yaml_node_t *key, *value;
	FOR_EACH_PAIR(ld, map, key, value) {
		const char *name = text_of(key);
		size_t k = 0;
		while (k < nkeys && strcmp(name, keys[k]) != 0)
			k++;
		if (k == nkeys) {
			char context[300];
			snprintf(context, sizeof(context), " in rule \"%s\"", rule->id);
			return fail_unknown_key(ld, key, context, keys, nkeys);
		}
		if (strcmp(name, "severity") == 0) {
			mg_severity severity;
			if (parse_severity(ld, value, &severity) < 0 ||
			    add_override(ld, rule, severity) < 0)
				return -1;
		} else if (strcmp(name, "dialects") == 0) {
			if (parse_dialects(ld, value) < 0)
				return -1;
		}
	}
	return 0;
}

static int parse_rules(loader *ld, const yaml_node_t *node)
{
	int r = expect(ld, node, YAML_MAPPING_NODE, true, "\"rules\"");
	if (r <= 0)
		return r;
	if (check_keys(ld, node) < 0)
		return -1;
	const yaml_node_t *key, *value;
	FOR_EACH_PAIR(ld, node, key, value) {
		const mg_rule *rule = find_rule(ld, key);
		if (!rule)
			return -1;
		if (value->type == YAML_SCALAR_NODE) {
			mg_severity severity;
			if (parse_severity(ld, value, &severity) < 0 || add_override(ld, rule, severity) < 0)
				return -1;
		} else if (value->type == YAML_MAPPING_NODE) {
			if (parse_rule_mapping(ld, rule, value) < 0)
				return -1;
		} else {
			return fail_at(ld, value, "rule \"%s\" takes a severity or a mapping, not a %s",
				       rule->id, type_name(value->type));
		}
	}
	return 0;
}

/* ---- ignores ---- */

/* A scalar member of an ignore entry, or NULL after the error. Missing or
 * blank: "needs". */
static const char *ignore_member(loader *ld, const yaml_node_t *entry, const yaml_node_t *value,
				 const char *name, const char *hint)
{
	char what[64];
	if (value && expect(ld, value, YAML_SCALAR_NODE, true, quoted(what, sizeof(what), name)) < 0)
		return NULL;
	if (!value || is_null(value) || is_blank(text_of(value))) {
		fail_at(ld, value ? value : entry, "ignore entry needs a \"%s\"%s", name, hint);
		return NULL;
	}
	return text_of(value);
}

static int parse_ignore(loader *ld, const yaml_node_t *entry)
{
	if (expect(ld, entry, YAML_MAPPING_NODE, false, "an ignore entry") < 0 ||
	    check_keys(ld, entry) < 0)
		return -1;
	const yaml_node_t *members[COUNT(ignore_keys)] = {NULL};
	const yaml_node_t *key, *value;
	FOR_EACH_PAIR(ld, entry, key, value) {
		size_t k = 0;
		while (k < COUNT(ignore_keys) && strcmp(text_of(key), ignore_keys[k]) != 0)
			k++;
		if (k == COUNT(ignore_keys))
			return fail_unknown_key(ld, key, " in an ignore entry", ignore_keys,
						COUNT(ignore_keys));
		members[k] = value;
	}

	const char *rule_id = ignore_member(ld, entry, members[0], "rule", "");
	if (!rule_id)
		return -1;
	const mg_rule *rule = find_rule(ld, members[0]);
	if (!rule)
		return -1;
	const char *pattern = ignore_member(ld, entry, members[1], "path",
					    ": a pattern over object paths, such as \"audit_*\"");
	if (!pattern)
		return -1;
	char problem[300];
	if (mg_glob_check(pattern, problem, sizeof(problem)) < 0)
		return fail_at(ld, members[1], "invalid pattern \"%s\": %s", pattern, problem);
	const char *reason = ignore_member(ld, entry, members[2], "reason",
					   ": say why these findings are acceptable");
	if (!reason)
		return -1;

	mg_config *c = ld->config;
	mg_config_ignore ignore = {
		.rule = rule->id,
		.pattern = mg_arena_strdup(c->arena, pattern),
		.reason = mg_arena_strdup(c->arena, reason),
		.location = {.file = c->path,
			     .line = (unsigned)entry->start_mark.line + 1,
			     .column = (unsigned)entry->start_mark.column + 1},
	};
	if (!ignore.pattern || !ignore.reason ||
	    MG_ARENA_PUSH(c->arena, c->ignores, c->nignores, c->ignores_cap, ignore) < 0)
		return fail_memory(ld);
	return 0;
}

static int parse_ignores(loader *ld, const yaml_node_t *node)
{
	int r = expect(ld, node, YAML_SEQUENCE_NODE, true, "\"ignore\"");
	if (r <= 0)
		return r;
	for (const yaml_node_item_t *it = node->data.sequence.items.start;
	     it < node->data.sequence.items.top; it++)
		if (parse_ignore(ld, yaml_document_get_node(ld->doc, *it)) < 0)
			return -1;
	return 0;
}

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
	quoted(what, sizeof(what), s->key);
	if (expect(ld, value, YAML_SCALAR_NODE, false, what) < 0)
		return -1;
	const char *text = text_of(value);
	if (is_null(value) || is_blank(text))
		return fail_at(ld, value, "\"%s\" needs a value", s->key);
	mg_config *c = ld->config;
	switch (s->kind) {
	case SETTING_CHOICE: {
		size_t n = 0;
		while (s->choices[n] && strcmp(s->choices[n], text) != 0)
			n++;
		if (!s->choices[n]) {
			return fail_choice(ld, value, s->choices, n, "invalid value \"%s\" for \"%s\"", text, s->key);
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
	}
	return c->settings[index] ? 0 : fail_memory(ld);
}

static int parse_section(loader *ld, const char *section, const yaml_node_t *node)
{
	char what[64];
	int r = expect(ld, node, YAML_MAPPING_NODE, true, quoted(what, sizeof(what), section));
	if (r <= 0)
		return r;
	if (check_keys(ld, node) < 0)
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
					     strcmp(settings[i].key, text_of(key)) != 0))
			i++;
		if (i == SETTING_COUNT) {
			char context[100];
			snprintf(context, sizeof(context), " in \"%s\"", section);
			return fail_unknown_key(ld, key, context, keys, nkeys);
		}
		if (parse_setting(ld, i, value) < 0)
			return -1;
	}
	return 0;
}

/* ---- the document ---- */

static int parse_root(loader *ld, const yaml_node_t *root)
{
	int r = expect(ld, root, YAML_MAPPING_NODE, true, "the configuration");
	if (r <= 0)
		return r;
	if (check_keys(ld, root) < 0)
		return -1;
	const yaml_node_t *key, *value;
	FOR_EACH_PAIR(ld, root, key, value) {
		const char *name = text_of(key);
		if (strcmp(name, "rules") == 0)
			r = parse_rules(ld, value);
		else if (strcmp(name, "ignore") == 0)
			r = parse_ignores(ld, value);
		else if (strcmp(name, "lint") == 0 || strcmp(name, "docs") == 0 ||
			 strcmp(name, "diagram") == 0)
			r = parse_section(ld, name, value);
		else
			r = fail_unknown_key(ld, key, "", top_keys, COUNT(top_keys));
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
		fail_memory(ld);
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

/* The overrides as the lint options take them: NULL-terminated ids. */
static int finish(loader *ld)
{
	mg_config *c = ld->config;
	size_t n = c->noverrides;
	const char **ids = mg_arena_alloc(c->arena, (n + 1) * sizeof(*ids));
	mg_severity *severities = mg_arena_alloc(c->arena, (n + 1) * sizeof(*severities));
	if (!ids || !severities)
		return fail_memory(ld);
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
		fail_memory(&ld);
		goto cleanup;
	}
	ld.config = config;
	if (!yaml_parser_initialize(&parser)) {
		fail_memory(&ld);
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
		fail_at(&ld, second, "only one YAML document is allowed");
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

/* ---- accessors ---- */

const char *mg_config_path(const mg_config *config)
{
	return config ? config->path : NULL;
}

void mg_config_apply(const mg_config *config, mg_lint_options *out)
{
	if (!config)
		return;
	out->override_ids = config->override_ids;
	out->override_severities = config->override_severities;
	out->noverrides = config->noverrides;
	if (config->dialects)
		out->dialects = config->dialects;
}

int mg_config_rule_severity(const mg_config *config, const char *rule_id, mg_severity *out)
{
	for (size_t i = 0; config && i < config->noverrides; i++)
		if (strcmp(config->override_ids[i], rule_id) == 0) {
			*out = config->override_severities[i];
			return 0;
		}
	return -1;
}

const mg_config_ignore *mg_config_ignores(const mg_config *config, size_t *out_count)
{
	*out_count = config ? config->nignores : 0;
	return config ? config->ignores : NULL;
}

static const char *get(const mg_config *config, size_t index)
{
	return config ? config->settings[index] : NULL;
}

const char *mg_config_fail_on(const mg_config *config) { return get(config, SET_FAIL_ON); }
const char *mg_config_baseline(const mg_config *config) { return get(config, SET_BASELINE); }
const char *mg_config_docs_title(const mg_config *config) { return get(config, SET_DOCS_TITLE); }
const char *mg_config_docs_format(const mg_config *config) { return get(config, SET_DOCS_FORMAT); }
const char *mg_config_diagram_columns(const mg_config *config)
{
	return get(config, SET_DIAGRAM_COLUMNS);
}
const char *mg_config_diagram_group_by(const mg_config *config)
{
	return get(config, SET_DIAGRAM_GROUP_BY);
}

int mg_config_diagram_collapse_association(const mg_config *config)
{
	const char *value = get(config, SET_DIAGRAM_COLLAPSE);
	return value ? strcmp(value, "true") == 0 : -1;
}
