/* Renders a parsed template against a view; the set that loads templates
 * and partials by name, each parsed once. */

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "render/template_internal.h"
#include "util/escape.h"

#define MAX_CONTEXT 256        /* nested sections on the context stack */
#define MAX_PARTIAL_DEPTH 64   /* partials inside partials */
#define MAX_PARTIALS 1000000   /* partials rendered by one render: a partial that
                                  includes itself twice would double each level */

/* A parsed template, by name and (for standalone partials) indentation. */
typedef struct set_entry {
	char *name;
	char *indent;
	mg_template *tmpl;
} set_entry;

struct mg_template_set {
	mg_template_loader loader;
	void *payload;
	set_entry *entries;
	size_t count, cap;
};

mg_template_set *mg_template_set_new(mg_template_loader loader, void *payload)
{
	mg_template_set *set = calloc(1, sizeof(*set));
	if (set) {
		set->loader = loader;
		set->payload = payload;
	}
	return set;
}

void mg_template_set_free(mg_template_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->count; i++) {
		free(set->entries[i].name);
		free(set->entries[i].indent);
		mg_template_free(set->entries[i].tmpl);
	}
	free(set->entries);
	free(set);
}

static char *copy_string(const char *s)
{
	size_t n = strlen(s) + 1;
	char *copy = malloc(n);
	if (copy)
		memcpy(copy, s, n);
	return copy;
}

/* The text with `indent` before each line, as a standalone partial's lines
 * are indented by the whitespace before its tag. */
static char *indent_text(const char *text, size_t len, const char *indent, size_t *out_len)
{
	size_t ilen = strlen(indent), lines = 1;
	for (size_t i = 0; i + 1 < len; i++)
		lines += text[i] == '\n';
	char *result = malloc(len + lines * ilen + 1);
	size_t n = 0;
	if (!result)
		return NULL;
	memcpy(result, indent, ilen);
	n = ilen;
	for (size_t i = 0; i < len; i++) {
		result[n++] = text[i];
		if (text[i] == '\n' && i + 1 < len) {
			memcpy(result + n, indent, ilen);
			n += ilen;
		}
	}
	result[n] = '\0';
	*out_len = n;
	return result;
}

/* The template `name` indented by `indent`; NULL with err->message[0] == 0
 * when the loader has none, NULL with a message when it does not parse. */
static const mg_template *get_indented(mg_template_set *set, const char *name, const char *indent,
				       mg_error *err)
{
	const mg_template *found = NULL;
	char *indented = NULL;
	set_entry entry = {0};
	err->message[0] = '\0';
	for (size_t i = 0; i < set->count; i++)
		if (strcmp(set->entries[i].name, name) == 0 && strcmp(set->entries[i].indent, indent) == 0)
			return set->entries[i].tmpl;
	size_t len = 0;
	const char *text = set->loader ? set->loader(name, &len, set->payload) : NULL;
	if (!text)
		goto cleanup;
	if (indent[0] && text && !(indented = indent_text(text, len, indent, &len))) {
		mg_error_set(err, "%s: out of memory", name);
		goto cleanup;
	}
	if (set->count == set->cap) {
		size_t cap = set->cap ? 2 * set->cap : 8;
		set_entry *grown = realloc(set->entries, cap * sizeof(*grown));
		if (!grown) {
			mg_error_set(err, "%s: out of memory", name);
			goto cleanup;
		}
		set->entries = grown;
		set->cap = cap;
	}
	entry.name = copy_string(name);
	entry.indent = copy_string(indent);
	if (!entry.name || !entry.indent) {
		mg_error_set(err, "%s: out of memory", name);
		goto cleanup;
	}
	if (!(entry.tmpl = mg_template_parse(name, indented ? indented : text, len, err)))
		goto cleanup;
	set->entries[set->count++] = entry;
	found = entry.tmpl;
	entry = (set_entry){0};
cleanup:
	free(entry.name);
	free(entry.indent);
	free(indented);
	return found;
}

const mg_template *mg_template_set_get(mg_template_set *set, const char *name, mg_error *err)
{
	const mg_template *tmpl = get_indented(set, name, "", err);
	if (!tmpl && !err->message[0])
		mg_error_set(err, "no template %s", name);
	return tmpl;
}

/* What one render works with. */
typedef struct renderer {
	mg_template_set *set;
	mg_template_escape escape;
	bool strict;
	mg_buf *out;
	mg_error *err;
	const mg_view *stack[MAX_CONTEXT];
	size_t depth;
	unsigned partial_depth;
	unsigned long partials;        /* rendered so far */
} renderer;

/* A name looked up the mustache way: the first part from the innermost
 * context that has it, the rest within that value only. */
static const mg_view *lookup(const renderer *r, const mg_template_node *node)
{
	if (node->nparts == 0)
		return r->depth ? r->stack[r->depth - 1] : NULL;
	const mg_view *value = NULL;
	for (size_t i = r->depth; i-- > 0 && !value;)
		value = mg_view_get(r->stack[i], node->parts[0]);
	for (size_t i = 1; i < node->nparts && value; i++)
		value = mg_view_get(value, node->parts[i]);
	return value;
}

static void interpolate(renderer *r, const mg_template_node *node)
{
	const mg_view *value = lookup(r, node);
	if (!value)
		return;
	if (value->kind == MG_VIEW_BOOL) {
		mg_buf_puts(r->out, value->boolean ? "true" : "false");
		return;
	}
	if (value->kind != MG_VIEW_STRING)
		return;
	if (node->kind == MG_TNODE_RAW && (value->markup || !r->strict))
		mg_buf_puts(r->out, value->string);
	else
		r->escape(r->out, value->string);
}

static int render_nodes(renderer *r, const mg_template_node *nodes, size_t count);

static int push_context(renderer *r, const mg_view *value, const mg_template_node *node)
{
	if (r->depth == MAX_CONTEXT) {
		mg_error_set(r->err, "line %u: sections nest too deep", node->line);
		return -1;
	}
	r->stack[r->depth++] = value;
	return 0;
}

static int render_section(renderer *r, const mg_template_node *node)
{
	const mg_view *value = lookup(r, node);
	int result = 0;
	if (node->kind == MG_TNODE_INVERTED)
		return mg_view_truthy(value) ? 0 : render_nodes(r, node->children, node->nchildren);
	if (!mg_view_truthy(value))
		return 0;
	if (value->kind == MG_VIEW_LIST) {
		for (size_t i = 0; i < value->nitems && result == 0; i++) {
			if ((result = push_context(r, value->items[i], node)) == 0) {
				result = render_nodes(r, node->children, node->nchildren);
				r->depth--;
			}
		}
		return result;
	}
	if ((result = push_context(r, value, node)) == 0) {
		result = render_nodes(r, node->children, node->nchildren);
		r->depth--;
	}
	return result;
}

static int render_partial(renderer *r, const mg_template_node *node)
{
	mg_error partial_err;
	if (r->partial_depth >= MAX_PARTIAL_DEPTH || ++r->partials > MAX_PARTIALS) {
		mg_error_set(r->err, "partial %s: partials nest too deep (does it include itself?)", node->text);
		return -1;
	}
	const mg_template *tmpl = get_indented(r->set, node->text, node->indent, &partial_err);
	if (!tmpl) {
		if (!partial_err.message[0])
			return 0; /* no such partial: nothing, as the spec says */
		*r->err = partial_err;
		return -1;
	}
	r->partial_depth++;
	int result = render_nodes(r, tmpl->nodes, tmpl->nnodes);
	r->partial_depth--;
	return result;
}

static int render_nodes(renderer *r, const mg_template_node *nodes, size_t count)
{
	int result = 0;
	for (size_t i = 0; i < count && result == 0; i++) {
		const mg_template_node *node = &nodes[i];
		switch (node->kind) {
		case MG_TNODE_TEXT: mg_buf_put(r->out, node->text, node->len); break;
		case MG_TNODE_VARIABLE:
		case MG_TNODE_RAW: interpolate(r, node); break;
		case MG_TNODE_SECTION:
		case MG_TNODE_INVERTED: result = render_section(r, node); break;
		case MG_TNODE_PARTIAL: result = render_partial(r, node); break;
		default: assert(0); break;
		}
	}
	return result;
}

int mg_template_render(mg_template_set *set, const mg_template *tmpl, const mg_view *view,
		       const mg_template_options *options, mg_buf *out, mg_error *err)
{
	renderer *r = calloc(1, sizeof(*r));
	int result = -1;
	if (!r) {
		mg_error_set(err, "%s: out of memory", tmpl->name);
		goto cleanup;
	}
	r->set = set;
	r->escape = options && options->escape ? options->escape : mg_escape_html;
	r->strict = options && options->strict;
	r->out = out;
	r->err = err;
	if (view)
		r->stack[r->depth++] = view;
	result = render_nodes(r, tmpl->nodes, tmpl->nnodes);
	if (result == 0 && out->failed) {
		mg_error_set(err, "%s: out of memory", tmpl->name);
		result = -1;
	}
cleanup:
	free(r);
	return result;
}
