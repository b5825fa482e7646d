/*
 * The configuration loader's helpers over libyaml's document API: positions
 * in messages (libyaml's marks are 0-based, printed 1-based), node kinds,
 * and did-you-mean for a misspelt key or value.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "analyzer/core/suggest.h"
#include "analyzer/lint/config_loader.h"

int config_fail_at(loader *ld, const yaml_node_t *node, const char *fmt, ...)
{
	char message[900];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	mg_error_set(ld->err, "%s:%zu:%zu: %s", ld->path, node->start_mark.line + 1,
		     node->start_mark.column + 1, message);
	return -1;
}

int config_fail_memory(loader *ld)
{
	mg_error_set(ld->err, "%s: out of memory", ld->path);
	return -1;
}

const char *config_type_name(yaml_node_type_t type)
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

const char *config_text_of(const yaml_node_t *node)
{
	return (const char *)node->data.scalar.value;
}

/* A plain empty, "~" or "null" scalar: YAML's null. */
bool config_is_null(const yaml_node_t *node)
{
	static const char *const nulls[] = {"", "~", "null", "Null", "NULL"};
	if (node->type != YAML_SCALAR_NODE || node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	for (size_t i = 0; i < COUNT(nulls); i++)
		if (strcmp(config_text_of(node), nulls[i]) == 0)
			return true;
	return false;
}

/* Blank: nothing but spaces, tabs and line breaks. */
bool config_is_blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

/*
 * Checks that `node` has `type`. Returns 1 when it has, 0 when it is a null
 * and `null_ok` (an empty section), -1 after setting the error.
 */
int config_expect(loader *ld, const yaml_node_t *node, yaml_node_type_t type, bool null_ok,
		  const char *what)
{
	if (node->type == type) {
		if (type == YAML_SCALAR_NODE &&
		    strlen(config_text_of(node)) != node->data.scalar.length)
			return config_fail_at(ld, node, "%s contains a NUL character", what);
		return 1;
	}
	if (null_ok && config_is_null(node))
		return 0;
	return config_fail_at(ld, node, "%s must be a %s, not a %s", what, config_type_name(type),
		       config_type_name(node->type));
}

/* "a", "a or b", "a, b or c" */
static void config_join_words(char *buf, size_t size, const char *const *words, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n && len < size; i++) {
		const char *sep = i == 0 ? "" : i + 1 == n ? " or " : ", ";
		int w = snprintf(buf + len, size - len, "%s%s", sep, words[i]);
		if (w < 0)
			break;
		len += (size_t)w;
	}
}

/*
 * Fails with `what` (already saying what was wrong, e.g. `unknown key
 * "ignor"`), then the nearest candidate or, when none is near, the list.
 */
int config_fail_choice(loader *ld, const yaml_node_t *node, const char *what,
		       const char *const *candidates, size_t n)
{
	const char *text = config_text_of(node);
	const char *near = mg_suggest_nearest(text, strlen(text), candidates, n);
	if (near)
		return config_fail_at(ld, node, "%s; did you mean \"%s\"?", what, near);
	char list[400];
	config_join_words(list, sizeof(list), candidates, n);
	return config_fail_at(ld, node, "%s; expected %s", what, list);
}

int config_fail_unknown_key(loader *ld, const yaml_node_t *key, const char *context,
			    const char *const *candidates, size_t n)
{
	char what[600];
	snprintf(what, sizeof(what), "unknown key \"%s\"%s", config_text_of(key), context);
	return config_fail_choice(ld, key, what, candidates, n);
}

/* Keys are scalars, each once. */
int config_check_keys(loader *ld, const yaml_node_t *map)
{
	const yaml_node_pair_t *start = map->data.mapping.pairs.start;
	for (const yaml_node_pair_t *p = start; p < map->data.mapping.pairs.top; p++) {
		const yaml_node_t *key = yaml_document_get_node(ld->doc, p->key);
		if (config_expect(ld, key, YAML_SCALAR_NODE, false, "a key") < 0)
			return -1;
		for (const yaml_node_pair_t *q = start; q < p; q++)
			if (strcmp(config_text_of(yaml_document_get_node(ld->doc, q->key)), config_text_of(key)) == 0)
				return config_fail_at(ld, key, "duplicate key \"%s\"", config_text_of(key));
	}
	return 0;
}

/* A quoted name for messages: "\"rules\"". */
const char *config_quoted(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "\"%s\"", name);
	return buf;
}
