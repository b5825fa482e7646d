/*
 * Node labels of graphviz diagrams: a table as an HTML-like table, its name
 * on top, then one row per column with marks, name and type. All text goes
 * through mg_escape_dot_html, so a name never becomes markup.
 */
#include <string.h>

#include "render/diagram_dot.h"
#include "render/diagram_text.h"
#include "util/escape.h"

static const mg_diagram_palette palettes[] = {
	[MG_THEME_LIGHT] = {.background = "#ffffff", .text = "#1f2328", .table = "#ffffff",
			    .header = "#dbe7f5", .header_text = "#0b2a4a", .border = "#57606a",
			    .muted = "#57606a", .edge = "#4a5560", .cluster = "#f6f8fa",
			    .cluster_border = "#8c959f", .stub = "#fff8e1"},
	[MG_THEME_DARK] = {.background = "#0d1117", .text = "#e6edf3", .table = "#161b22",
			   .header = "#1f3b5c", .header_text = "#f0f6fc", .border = "#8b949e",
			   .muted = "#9da7b3", .edge = "#9da7b3", .cluster = "#11161d",
			   .cluster_border = "#6e7681", .stub = "#2d2a1e"},
};

const mg_diagram_palette *mg_diagram_palette_of(mg_diagram_theme theme)
{
	return (size_t)theme < sizeof(palettes) / sizeof(palettes[0]) ? &palettes[theme] : &palettes[0];
}

static void put_column_row(mg_buf *out, const mg_diagram *d, size_t node, const mg_column *c)
{
	const mg_diagram_palette *pal = mg_diagram_palette_of(d->options.theme);
	mg_buf id = MG_BUF_INIT;
	mg_diagram_id(&id, c->name);
	const char *port = id.data ? id.data : "";
	mg_buf marks = MG_BUF_INIT;
	mg_diagram_column_keys(d->nodes[node].table, c, &marks);
	mg_buf_printf(out, "<TR><TD PORT=\"%s_w\" ALIGN=\"LEFT\">", port);
	if (marks.len) /* graphviz refuses an empty <FONT> */
		mg_buf_printf(out, "<FONT COLOR=\"%s\" POINT-SIZE=\"9\">%s</FONT>", pal->muted, marks.data);
	mg_buf_puts(out, "</TD>");
	mg_buf_puts(out, "<TD ALIGN=\"LEFT\">");
	if (c->pk_position)
		mg_buf_puts(out, "<U>");
	mg_escape_dot_html(out, c->name);
	if (c->pk_position)
		mg_buf_puts(out, "</U>");
	mg_buf_printf(out, "</TD><TD PORT=\"%s_e\" ALIGN=\"LEFT\">", port);
	const char *type = mg_diagram_column_type(c);
	bool null_mark = c->nullable && !c->pk_position && c->table->kind != MG_TABLE_VIEW;
	if (*type || null_mark) {
		mg_buf_printf(out, "<FONT COLOR=\"%s\">", pal->muted);
		mg_escape_dot_html(out, type);
		mg_buf_puts(out, null_mark ? (*type ? " NULL" : "NULL") : "");
		mg_buf_puts(out, "</FONT>");
	}
	mg_buf_puts(out, "</TD></TR>");
	mg_buf_free(&marks);
	mg_buf_free(&id);
}

void mg_diagram_node_label(const mg_diagram *d, size_t index, mg_buf *out)
{
	const mg_diagram_palette *pal = mg_diagram_palette_of(d->options.theme);
	const mg_table *t = d->nodes[index].table;
	mg_buf_printf(out, "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\" "
			   "COLOR=\"%s\" BGCOLOR=\"%s\"%s>",
		      pal->border, pal->table, t->kind == MG_TABLE_VIEW ? " STYLE=\"ROUNDED\"" : "");
	mg_buf_printf(out, "<TR><TD COLSPAN=\"3\" BGCOLOR=\"%s\"><FONT COLOR=\"%s\"><B>", pal->header,
		      pal->header_text);
	mg_escape_dot_html(out, t->name);
	mg_buf_puts(out, "</B>");
	if (t->kind == MG_TABLE_VIEW)
		mg_buf_puts(out, " <I>(view)</I>");
	else if (t->kind == MG_TABLE_ASSOCIATION)
		mg_buf_puts(out, " <I>(association)</I>");
	mg_buf_puts(out, "</FONT></TD></TR>");
	size_t shown = 0;
	for (size_t i = 0; i < t->ncolumns; i++) {
		if (!mg_diagram_shows_column(d, index, t->columns[i]))
			continue;
		put_column_row(out, d, index, t->columns[i]);
		shown++;
	}
	if (shown < t->ncolumns && d->options.columns != MG_COLUMNS_NONE)
		mg_buf_printf(out, "<TR><TD COLSPAN=\"3\" ALIGN=\"LEFT\"><FONT COLOR=\"%s\" POINT-SIZE=\"9\">"
				   "%zu more column%s</FONT></TD></TR>",
			      pal->muted, t->ncolumns - shown, t->ncolumns - shown == 1 ? "" : "s");
	mg_buf_puts(out, "</TABLE>");
}

void mg_diagram_port(const mg_diagram *d, size_t node, const mg_column *column, const char *side,
		     mg_buf *out)
{
	if (!column || !mg_diagram_shows_column(d, node, column))
		return;
	mg_diagram_id(out, column->name);
	mg_buf_printf(out, "%s:%c", side, side[1]);
}
