/* Mustache text into a tree of nodes, once; template_render.c walks it. */

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "render/template_internal.h"

#define MAX_DELIMITER 16  /* longest delimiter a {{=a b=}} tag may set */
#define MAX_NESTING 100   /* sections inside sections */

typedef struct parser {
	mg_template *tmpl;
	const char *src;
	size_t len;
	size_t pos;               /* next byte to read */
	char open[MAX_DELIMITER + 1];
	char close[MAX_DELIMITER + 1];
	size_t open_len, close_len;
	mg_error *err;
} parser;

typedef struct node_list {
	mg_template_node *items;
	size_t count, cap;
} node_list;

static unsigned line_at(const parser *p, size_t pos)
{
	unsigned line = 1;
	for (size_t i = 0; i < pos && i < p->len; i++)
		if (p->src[i] == '\n')
			line++;
	return line;
}

static int fail(parser *p, size_t pos, const char *message)
{
	mg_error_set(p->err, "%s:%u: %s", p->tmpl->name, line_at(p, pos), message);
	return -1;
}

/* Where `needle` next occurs at or after `from`, or (size_t)-1. */
static size_t find(const parser *p, size_t from, const char *needle, size_t nlen)
{
	if (nlen == 0 || p->len < nlen)
		return (size_t)-1;
	for (size_t i = from; i + nlen <= p->len; i++)
		if (p->src[i] == needle[0] && memcmp(p->src + i, needle, nlen) == 0)
			return i;
	return (size_t)-1;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_space(char c)
{
	return is_blank(c) || c == '\n' || c == '\r';
}

static int push(parser *p, node_list *list, mg_template_node node)
{
	if (MG_ARENA_PUSH(p->tmpl->arena, list->items, list->count, list->cap, node) < 0) {
		mg_error_set(p->err, "%s: out of memory", p->tmpl->name);
		return -1;
	}
	return 0;
}

static int push_text(parser *p, node_list *list, size_t from, size_t to)
{
	if (to <= from)
		return 0;
	return push(p, list, (mg_template_node){.kind = MG_TNODE_TEXT, .text = p->src + from, .len = to - from});
}

/* Splits a tag's name at dots into node->parts; "." alone is the implicit
 * iterator (no parts). */
static int split_name(parser *p, mg_template_node *node, const char *name, size_t len, size_t pos)
{
	if (len == 0)
		return fail(p, pos, "a tag without a name");
	if (len == 1 && name[0] == '.')
		return 0;
	size_t nparts = 1;
	for (size_t i = 0; i < len; i++)
		nparts += name[i] == '.';
	node->parts = mg_arena_alloc(p->tmpl->arena, nparts * sizeof(*node->parts));
	if (!node->parts)
		return fail(p, pos, "out of memory");
	size_t start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && name[i] != '.')
			continue;
		if (i == start)
			return fail(p, pos, "an empty part in a dotted name");
		if (!(node->parts[node->nparts++] = mg_arena_strndup(p->tmpl->arena, name + start, i - start)))
			return fail(p, pos, "out of memory");
		start = i + 1;
	}
	return 0;
}

/* {{=<% %>=}}: the content between the equals signs sets both delimiters. */
static int set_delimiters(parser *p, const char *content, size_t len, size_t pos)
{
	size_t i = 0, open_start, open_end, close_start, close_end;
	while (i < len && is_space(content[i]))
		i++;
	open_start = i;
	while (i < len && !is_space(content[i]))
		i++;
	open_end = i;
	while (i < len && is_space(content[i]))
		i++;
	close_start = i;
	while (i < len && !is_space(content[i]))
		i++;
	close_end = i;
	while (i < len && is_space(content[i]))
		i++;
	size_t olen = open_end - open_start, clen = close_end - close_start;
	if (olen == 0 || clen == 0 || i != len || olen > MAX_DELIMITER || clen > MAX_DELIMITER ||
	    memchr(content + open_start, '=', olen) || memchr(content + close_start, '=', clen))
		return fail(p, pos, "a set-delimiter tag needs two delimiters without spaces or '=': {{=<% %>=}}");
	memcpy(p->open, content + open_start, olen);
	p->open[olen] = '\0';
	p->open_len = olen;
	memcpy(p->close, content + close_start, clen);
	p->close[clen] = '\0';
	p->close_len = clen;
	return 0;
}

/* One tag, as the scanner found it. */
typedef struct tag {
	char type;         /* '#', '^', '/', '!', '>', '=', '&', '{' or 0 for a variable */
	size_t start, end; /* from the opening delimiter to after the closing one */
	const char *content; /* the trimmed name (or, for '=', the delimiters) */
	size_t content_len;
} tag;

static int scan_tag(parser *p, size_t start, tag *out)
{
	size_t after = start + p->open_len;
	char type = after < p->len && strchr("#^/!>=&{", p->src[after]) && p->src[after] ? p->src[after] : 0;
	size_t body = after + (type ? 1 : 0);
	char closing[MAX_DELIMITER + 2];
	size_t closing_len = 0;
	if (type == '{' || type == '=')
		closing[closing_len++] = type == '{' ? '}' : '=';
	memcpy(closing + closing_len, p->close, p->close_len);
	closing_len += p->close_len;
	size_t end = find(p, body, closing, closing_len);
	if (end == (size_t)-1)
		return fail(p, start, "a tag that is never closed");
	size_t a = body, b = end;
	while (a < b && is_space(p->src[a]))
		a++;
	while (b > a && is_space(p->src[b - 1]))
		b--;
	*out = (tag){.type = type, .start = start, .end = end + closing_len,
		     .content = p->src + a, .content_len = b - a};
	return 0;
}

/*
 * A section, inverted section, closing, comment, partial or set-delimiter
 * tag alone on its line (but for blanks) is standalone: the whole line goes,
 * its newline too. Returns whether it is, with the line's start and where
 * the text after the line begins.
 */
static bool standalone(const parser *p, const tag *t, size_t *line_start, size_t *next)
{
	if (!t->type || t->type == '&' || t->type == '{')
		return false;
	size_t ls = t->start;
	while (ls > 0 && p->src[ls - 1] != '\n') {
		if (!is_blank(p->src[ls - 1]))
			return false;
		ls--;
	}
	size_t e = t->end;
	while (e < p->len && is_blank(p->src[e]))
		e++;
	if (e < p->len && p->src[e] == '\r' && e + 1 < p->len && p->src[e + 1] == '\n')
		e += 2;
	else if (e < p->len && p->src[e] == '\n')
		e++;
	else if (e < p->len)
		return false;
	*line_start = ls;
	*next = e;
	return true;
}

static int parse_block(parser *p, node_list *out, const tag *opening, unsigned depth);

static int parse_section(parser *p, node_list *out, const tag *t, unsigned depth)
{
	mg_template_node node = {.kind = t->type == '#' ? MG_TNODE_SECTION : MG_TNODE_INVERTED,
				 .line = line_at(p, t->start)};
	node_list children = {0};
	if (depth >= MAX_NESTING)
		return fail(p, t->start, "sections nest too deep");
	if (split_name(p, &node, t->content, t->content_len, t->start) < 0 ||
	    parse_block(p, &children, t, depth + 1) < 0)
		return -1;
	node.children = children.items;
	node.nchildren = children.count;
	return push(p, out, node);
}

/* Parses nodes into `out` until the end of the text, or until the closing
 * tag of `opening` when it is given. */
static int parse_block(parser *p, node_list *out, const tag *opening, unsigned depth)
{
	for (;;) {
		size_t text_start = p->pos;
		size_t start = find(p, p->pos, p->open, p->open_len);
		if (start == (size_t)-1) {
			if (push_text(p, out, text_start, p->len) < 0)
				return -1;
			p->pos = p->len;
			if (opening)
				return fail(p, opening->start, "a section that is never closed");
			return 0;
		}
		tag t;
		if (scan_tag(p, start, &t) < 0)
			return -1;
		size_t line_start, next;
		bool alone = standalone(p, &t, &line_start, &next);
		if (push_text(p, out, text_start, alone ? line_start : t.start) < 0)
			return -1;
		p->pos = alone ? next : t.end;
		mg_template_node node = {.line = line_at(p, t.start), .indent = ""};
		switch (t.type) {
		case '!':
			break;
		case '=':
			if (set_delimiters(p, t.content, t.content_len, t.start) < 0)
				return -1;
			break;
		case '#':
		case '^':
			if (parse_section(p, out, &t, depth) < 0)
				return -1;
			break;
		case '/':
			if (!opening)
				return fail(p, t.start, "a closing tag without its section");
			if (t.content_len != opening->content_len ||
			    memcmp(t.content, opening->content, t.content_len) != 0)
				return fail(p, t.start, "a closing tag that does not match the open section");
			return 0;
		case '>':
			node.kind = MG_TNODE_PARTIAL;
			if (t.content_len == 0)
				return fail(p, t.start, "a partial without a name");
			node.text = mg_arena_strndup(p->tmpl->arena, t.content, t.content_len);
			if (alone)
				node.indent = mg_arena_strndup(p->tmpl->arena, p->src + line_start,
							       t.start - line_start);
			if (!node.text || !node.indent)
				return fail(p, t.start, "out of memory");
			if (push(p, out, node) < 0)
				return -1;
			break;
		default:
			node.kind = t.type ? MG_TNODE_RAW : MG_TNODE_VARIABLE;
			if (split_name(p, &node, t.content, t.content_len, t.start) < 0 || push(p, out, node) < 0)
				return -1;
			break;
		}
	}
}

mg_template *mg_template_parse(const char *name, const char *source, size_t len, mg_error *err)
{
	mg_template *tmpl = calloc(1, sizeof(*tmpl)), *result = NULL;
	parser p = {.len = len, .open = "{{", .close = "}}", .open_len = 2, .close_len = 2, .err = err};
	node_list nodes = {0};
	/* The nodes point into a copy of the text the template owns. */
	if (!tmpl || !(tmpl->arena = mg_arena_new()) || !(tmpl->name = mg_arena_strdup(tmpl->arena, name)) ||
	    !(p.src = mg_arena_strndup(tmpl->arena, source, len))) {
		mg_error_set(err, "%s: out of memory", name);
		goto cleanup;
	}
	p.tmpl = tmpl;
	if (parse_block(&p, &nodes, NULL, 0) < 0)
		goto cleanup;
	tmpl->nodes = nodes.items;
	tmpl->nnodes = nodes.count;
	result = tmpl;
	tmpl = NULL;
cleanup:
	mg_template_free(tmpl);
	return result;
}

void mg_template_free(mg_template *tmpl)
{
	if (!tmpl)
		return;
	mg_arena_free(tmpl->arena);
	free(tmpl);
}
