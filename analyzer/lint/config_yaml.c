/*
 * The configuration loader's helpers over libyaml's document API: positions
 * in messages (libyaml's marks are 0-based, printed 1-based), node kinds,
 * and did-you-mean for a misspelt key or value.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/core/suggest.h"
#include "analyzer/lint/config_loader.h"
#include "util/buf.h"

int config_fail_at(loader *ld, const yaml_node_t *node, const char *fmt, ...)
{
	mg_buf message = MG_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	mg_buf_vprintf(&message, fmt, ap);
	va_end(ap);
	mg_error_set(ld->err, "%s:%zu:%zu: %s", ld->path, node->start_mark.line + 1,
		     node->start_mark.column + 1,
		     message.data && !message.failed ? message.data : "out of memory");
	mg_buf_free(&message);
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
static void config_join_words(mg_buf *out, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		mg_buf_printf(out, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", words[i]);
}

int config_fail_choice(loader *ld, const yaml_node_t *node, const char *const *candidates, size_t n,
		       const char *fmt, ...)
{
	mg_buf message = MG_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	mg_buf_vprintf(&message, fmt, ap);
	va_end(ap);
	const char *text = config_text_of(node);
	const char *near = mg_suggest_nearest(text, strlen(text), candidates, n);
	if (near) {
		mg_buf_printf(&message, "; did you mean \"%s\"?", near);
	} else {
		mg_buf_puts(&message, "; expected ");
		config_join_words(&message, candidates, n);
	}
	int result = message.failed ? config_fail_memory(ld) : config_fail_at(ld, node, "%s", message.data);
	mg_buf_free(&message);
	return result;
}

int config_fail_unknown_key(loader *ld, const yaml_node_t *key, const char *context,
			    const char *const *candidates, size_t n)
{
	return config_fail_choice(ld, key, candidates, n, "unknown key \"%s\"%s", config_text_of(key),
				  context);
}

typedef struct key_at {
	const char *text;
	size_t index; /* among the mapping's pairs */
} key_at;

static int compare_keys(const void *pa, const void *pb)
{
	const key_at *a = pa, *b = pb;
	int c = strcmp(a->text, b->text);
	return c ? c : (a->index > b->index) - (a->index < b->index);
}

/*
 * Keys are scalars, each once. The first problem in the file's order is
 * reported: a key that is not a scalar, or the second of two alike keys.
 * Duplicates are found by sorting, so a mapping of many keys takes
 * n log n time, not n².
 */
int config_check_keys(loader *ld, const yaml_node_t *map)
{
	const yaml_node_pair_t *start = map->data.mapping.pairs.start;
	size_t n = (size_t)(map->data.mapping.pairs.top - start);
	size_t bad = n; /* the first key that is not a scalar, or n */
	for (size_t i = 0; i < n && bad == n; i++) {
		const yaml_node_t *key = yaml_document_get_node(ld->doc, start[i].key);
		if (key->type != YAML_SCALAR_NODE || strlen(config_text_of(key)) != key->data.scalar.length)
			bad = i;
	}
	size_t duplicate = n; /* the first key alike an earlier one, or n */
	if (bad > 1) {
		key_at *keys = malloc(bad * sizeof(*keys));
		if (!keys)
			return config_fail_memory(ld);
		for (size_t i = 0; i < bad; i++)
			keys[i] = (key_at){config_text_of(yaml_document_get_node(ld->doc, start[i].key)), i};
		qsort(keys, bad, sizeof(*keys), compare_keys);
		for (size_t i = 1; i < bad; i++)
			if (keys[i].index < duplicate && strcmp(keys[i - 1].text, keys[i].text) == 0)
				duplicate = keys[i].index;
		free(keys);
	}
	if (duplicate < bad) {
		const yaml_node_t *key = yaml_document_get_node(ld->doc, start[duplicate].key);
		return config_fail_at(ld, key, "duplicate key \"%s\"", config_text_of(key));
	}
	if (bad < n)
		return config_expect(ld, yaml_document_get_node(ld->doc, start[bad].key), YAML_SCALAR_NODE,
				     false, "a key") < 0 ? -1 : 0;
	return 0;
}

/* A quoted name for messages: "\"rules\"". */
const char *config_quoted(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "\"%s\"", name);
	return buf;
}
