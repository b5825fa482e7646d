/*
 * Mermaid erDiagram from a diagram selection. Mermaid's grammar has no
 * escapes, so every name goes out in a form its lexer cannot misread: an
 * entity whose name is a plain identifier (and no keyword) keeps it, any
 * other gets the id "t-" + mg_diagram_id(name) and its name as a quoted
 * alias; types are rewritten to letters, digits, _ - ( ) [ ]; comments and
 * labels lose their double quotes.
 */
#include <string.h>

#include "render/diagram.h"
#include "render/diagram_text.h"
#include "util/escape.h"
#include "util/text.h"

/* Words Mermaid's erDiagram lexer takes before a name. */
static const char *const keywords[] = {
	"erDiagram", "one", "many", "only", "zero", "to", "optionally", "u", "style", "classDef",
	"class", "subgraph", "end", "direction", "accTitle", "accDescr", "pk", "fk", "uk", NULL,
};

static bool plain_identifier(const char *s)
{
	if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')))
		return false;
	for (const char *p = s; *p; p++)
		if (!mg_ascii_isalnum(*p) && *p != '_')
			return false;
	for (size_t i = 0; keywords[i]; i++)
		if (mg_ascii_casecmp(s, keywords[i]) == 0)
			return false;
	return true;
}

/* The entity id of a table; true when it differs from the name. */
static bool put_entity_id(mg_buf *out, const char *name)
{
	if (plain_identifier(name)) {
		mg_buf_puts(out, name);
		return false;
	}
	mg_buf_puts(out, "t-");
	mg_diagram_id(out, name);
	return true;
}

/* A type in Mermaid's attribute-word grammar: letters, digits, _ - ( ) [ ];
 * a space becomes '_', a comma '-'; it starts with a letter. */
static void put_type(mg_buf *out, const char *type)
{
	size_t start = out->len;
	for (const unsigned char *p = (const unsigned char *)type; *p; p++) {
		char c = (char)*p;
		if (out->len == start && !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
			mg_buf_puts(out, "t_");
		if (mg_ascii_isalnum(c) || strchr("_-()[]", c))
			mg_buf_putc(out, c);
		else if (c == ',')
			mg_buf_putc(out, '-');
		else
			mg_buf_putc(out, '_');
	}
	if (out->len == start)
		mg_buf_puts(out, "any");
}

static void escape_text(mg_buf *out, const char *text)
{
	mg_escape_diagram_text(out, text, 0);
}

static void put_entity(mg_buf *out, const mg_diagram *d, size_t index)
{
	const mg_table *t = d->nodes[index].table;
	mg_buf_puts(out, "    ");
	if (put_entity_id(out, t->name)) {
		mg_buf_puts(out, "[\"");
		mg_escape_diagram_text(out, t->name, 0);
		mg_buf_puts(out, "\"]");
	}
	if (d->options.columns == MG_COLUMNS_NONE) {
		mg_buf_putc(out, '\n');
		return;
	}
	mg_buf_puts(out, " {\n");
	size_t shown = 0;
	for (size_t i = 0; i < t->ncolumns; i++) {
		const mg_column *c = t->columns[i];
		if (!mg_diagram_shows_column(d, index, c))
			continue;
		shown++;
		mg_buf_puts(out, "        ");
		put_type(out, mg_diagram_column_type(c));
		mg_buf_putc(out, ' ');
		bool renamed = !plain_identifier(c->name);
		if (renamed) {
			mg_buf_puts(out, "c-");
			mg_diagram_id(out, c->name);
		} else {
			mg_buf_puts(out, c->name);
		}
		mg_buf keys = MG_BUF_INIT;
		mg_diagram_column_keys(t, c, &keys);
		if (keys.len)
			mg_buf_printf(out, " %s", keys.data);
		mg_buf_free(&keys);
		bool null_mark = c->nullable && !c->pk_position && t->kind != MG_TABLE_VIEW;
		if (renamed || c->comment || null_mark) {
			mg_buf_puts(out, " \"");
			size_t start = out->len;
			if (renamed) {
				mg_buf_puts(out, "column ");
				mg_escape_diagram_text(out, c->name, 0);
			}
			if (null_mark)
				mg_buf_puts(out, out->len > start ? ", nullable" : "nullable");
			if (c->comment) {
				if (out->len > start)
					mg_buf_puts(out, ": ");
				mg_escape_diagram_text(out, c->comment, 0);
			}
			mg_buf_putc(out, '"');
		}
		mg_buf_putc(out, '\n');
	}
	if (shown < t->ncolumns && d->options.columns != MG_COLUMNS_NONE)
		mg_buf_printf(out, "        more columns \"%zu not shown\"\n", t->ncolumns - shown);
	mg_buf_puts(out, "    }\n");
}

static void render(const mg_diagram *d, mg_buf *out)
{
	mg_buf_puts(out, "erDiagram\n");
	for (size_t i = 0; i < d->nnodes; i++)
		put_entity(out, d, i);
	for (size_t i = 0; i < d->nedges; i++) {
		const mg_diagram_edge *e = &d->edges[i];
		mg_buf_puts(out, "    ");
		put_entity_id(out, d->nodes[e->parent].table->name);
		mg_buf_printf(out, " %s%s%s ", mg_diagram_marker(e->parent_end, true), e->dashed ? ".." : "--",
			      mg_diagram_marker(e->child_end, false));
		put_entity_id(out, d->nodes[e->child].table->name);
		mg_buf_puts(out, " : \"");
		mg_diagram_edge_label(d, e, escape_text, ": ", out);
		mg_buf_puts(out, "\"\n");
	}
	/* Stubs: tables cut off at the border are counted, never dropped silently. */
	for (size_t i = 0; i < d->nnodes; i++) {
		if (!d->nodes[i].more)
			continue;
		mg_buf_printf(out, "    more-%s[\"+%zu more\"]\n", d->nodes[i].id, d->nodes[i].more);
		mg_buf_puts(out, "    ");
		put_entity_id(out, d->nodes[i].table->name);
		mg_buf_printf(out, " |o..o| more-%s : \"not drawn\"\n", d->nodes[i].id);
	}
}

/* Mermaid's defaults: maxTextSize and maxEdges. */
enum { MERMAID_MAX_TEXT = 50000, MERMAID_MAX_EDGES = 500 };

static size_t columns_left_out(const mg_diagram *d)
{
	size_t n = 0;
	for (size_t i = 0; i < d->nnodes; i++)
		for (size_t k = 0; k < d->nodes[i].table->ncolumns; k++)
			n += !mg_diagram_shows_column(d, i, d->nodes[i].table->columns[k]);
	return n;
}

void mg_render_mermaid(const mg_diagram *d, mg_buf *out, mg_buf *notes)
{
	static const mg_diagram_columns fewer[] = {MG_COLUMNS_KEYS, MG_COLUMNS_NONE};
	static const char *const fewer_names[] = {"keys", "none"};
	static const char *const fewer_text[] = {"listed only key columns", "listed no columns"};
	size_t start = out->len;
	render(d, out);
	size_t edges = d->nedges;
	for (size_t i = 0; i < d->nnodes; i++)
		edges += d->nodes[i].more > 0;
	/* Too much text: list fewer columns, and say what was left out. */
	for (size_t i = 0; i < 2 && out->len - start > MERMAID_MAX_TEXT; i++) {
		if (d->options.columns == fewer[i] || (i == 0 && d->options.columns == MG_COLUMNS_NONE))
			continue;
		mg_diagram reduced = *d;
		reduced.options.columns = fewer[i];
		out->len = start;
		render(&reduced, out);
		if (notes)
			mg_buf_printf(notes, "Mermaid's default limit is %d characters: %s (--columns %s), "
					     "%zu columns left out\n",
				      MERMAID_MAX_TEXT, fewer_text[i], fewer_names[i], columns_left_out(&reduced));
	}
	if (notes && (out->len - start > MERMAID_MAX_TEXT || edges > MERMAID_MAX_EDGES))
		mg_buf_printf(notes, "this Mermaid diagram (%zu characters, %zu relationships) is over Mermaid's "
				     "default limits (%d, %d): split it with -o DIR, or draw less with --table T --depth N\n",
			      out->len - start, edges, MERMAID_MAX_TEXT, MERMAID_MAX_EDGES);
	if (out->data)
		out->data[out->len] = '\0';
}
