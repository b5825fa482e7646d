/*
 * PlantUML entity diagram (information-engineering notation) from a diagram
 * selection. Entities are declared as `entity "name" as id`, the id being
 * "e_" + mg_diagram_id(name) with '_' doubled and '-' written as '_' (PlantUML
 * ids take neither '-' nor quotes; the mapping stays one to one); names, types and
 * labels go through mg_escape_diagram_text with creole escapes, so neither
 * quotes nor markup survive.
 */
#include "render/diagram.h"
#include "render/diagram_text.h"
#include "util/escape.h"

static void put_id(mg_buf *out, const char *prefix, const char *name)
{
	mg_buf id = MG_BUF_INIT;
	mg_diagram_id(&id, name);
	mg_buf_puts(out, prefix);
	for (const char *p = id.data; p && *p; p++) {
		if (*p == '_')
			mg_buf_puts(out, "__");
		else
			mg_buf_putc(out, *p == '-' ? '_' : *p);
	}
	if (id.failed)
		out->failed = 1;
	mg_buf_free(&id);
}

static void escape_text(mg_buf *out, const char *text)
{
	mg_escape_diagram_text(out, text, 1);
}

static void put_entity(mg_buf *out, const mg_diagram *d, size_t index, const char *indent)
{
	const mg_table *t = d->nodes[index].table;
	mg_buf_printf(out, "%sentity \"", indent);
	mg_escape_diagram_text(out, t->name, 1);
	mg_buf_puts(out, "\" as ");
	put_id(out, "e_", t->name);
	if (t->kind == MG_TABLE_VIEW)
		mg_buf_puts(out, " <<view>>");
	mg_buf_puts(out, " {\n");
	bool separated = false;
	size_t shown = 0;
	for (size_t i = 0; i < t->ncolumns; i++) {
		const mg_column *c = t->columns[i];
		if (!mg_diagram_shows_column(d, index, c))
			continue;
		if (!c->pk_position && !separated && t->npk) {
			mg_buf_printf(out, "%s  --\n", indent);
			separated = true;
		}
		shown++;
		bool mandatory = (!c->nullable || c->pk_position) && t->kind != MG_TABLE_VIEW;
		mg_buf_printf(out, "%s  %s", indent, mandatory ? "* " : "");
		mg_escape_diagram_text(out, c->name, 1);
		mg_buf_puts(out, " : ");
		mg_escape_diagram_text(out, mg_diagram_column_type(c), 1);
		mg_buf keys = MG_BUF_INIT;
		mg_diagram_column_keys(t, c, &keys);
		if (keys.len)
			mg_buf_printf(out, " <<%s>>", keys.data);
		mg_buf_free(&keys);
		mg_buf_putc(out, '\n');
	}
	if (shown < t->ncolumns && d->options.columns != MG_COLUMNS_NONE)
		mg_buf_printf(out, "%s  .. %zu more not shown ..\n", indent, t->ncolumns - shown);
	mg_buf_printf(out, "%s}\n", indent);
}

void mg_render_plantuml(const mg_diagram *d, mg_buf *out)
{
	mg_buf_puts(out, "@startuml\n"
			 "hide circle\n"
			 "hide empty members\n"
			 "skinparam linetype ortho\n");
	if (d->options.theme == MG_THEME_DARK)
		mg_buf_puts(out, "skinparam backgroundColor #0d1117\n"
				 "skinparam defaultFontColor #e6edf3\n"
				 "skinparam ArrowColor #9da7b3\n"
				 "skinparam ClassBackgroundColor #161b22\n"
				 "skinparam ClassBorderColor #8b949e\n"
				 "skinparam PackageBackgroundColor #11161d\n");
	for (size_t i = 0; i < d->nnodes; i++)
		if (!d->nodes[i].cluster)
			put_entity(out, d, i, "");
	for (size_t k = 0; k < d->nclusters; k++) {
		mg_buf_puts(out, "package \"");
		mg_escape_diagram_text(out, d->clusters[k], 1);
		mg_buf_puts(out, "\" {\n");
		for (size_t i = 0; i < d->nnodes; i++)
			if (d->nodes[i].cluster == d->clusters[k])
				put_entity(out, d, i, "  ");
		mg_buf_puts(out, "}\n");
	}
	for (size_t i = 0; i < d->nnodes; i++) {
		if (!d->nodes[i].more)
			continue;
		mg_buf_printf(out, "entity \"+%zu more\" as ", d->nodes[i].more);
		put_id(out, "more_", d->nodes[i].table->name);
		mg_buf_puts(out, " #line.dashed\n");
	}
	for (size_t i = 0; i < d->nedges; i++) {
		const mg_diagram_edge *e = &d->edges[i];
		put_id(out, "e_", d->nodes[e->parent].table->name);
		mg_buf_printf(out, " %s%s%s ", mg_diagram_marker(e->parent_end, true), e->dashed ? ".." : "--",
			      mg_diagram_marker(e->child_end, false));
		put_id(out, "e_", d->nodes[e->child].table->name);
		mg_buf_puts(out, " : ");
		size_t start = out->len;
		mg_diagram_edge_label(d, e, escape_text, ": ", out);
		if (out->len == start)
			out->len -= 3;
		mg_buf_putc(out, '\n');
	}
	for (size_t i = 0; i < d->nnodes; i++) {
		if (!d->nodes[i].more)
			continue;
		put_id(out, "e_", d->nodes[i].table->name);
		mg_buf_puts(out, " |o..o| ");
		put_id(out, "more_", d->nodes[i].table->name);
		mg_buf_puts(out, " : not drawn\n");
	}
	mg_buf_puts(out, "@enduml\n");
}
