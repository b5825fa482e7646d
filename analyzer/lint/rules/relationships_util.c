#include "analyzer/lint/rules/relationships.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/buf.h"

const char *mg_rel_model_name(const mg_table *table)
{
	return table->struct_name ? table->struct_name : table->name;
}

const char *mg_rel_name(mg_rule_context *ctx, const mg_relationship *r)
{
	return mg_rule_printf(ctx, "%s.%s", r->subclass ? r->subclass : mg_rel_model_name(r->source), r->name);
}

const char *mg_rel_fk_text(mg_rule_context *ctx, const mg_foreign_key *fk)
{
	mg_buf text = MG_BUF_INIT;
	mg_buf_printf(&text, "\"%s\"(", fk->child->name);
	for (size_t i = 0; i < fk->ncolumns; i++)
		mg_buf_printf(&text, "%s\"%s\"", i ? ", " : "", fk->columns[i]->name);
	mg_buf_puts(&text, ")");
	return mg_rule_take(ctx, &text);
}

bool mg_rel_is_declared(const mg_relationship *r)
{
	return !r->derived && !r->from_backref;
}

bool mg_rel_lacks_remote_side(const mg_relationship *r)
{
	return r->source == r->target && !r->secondary && r->join == MG_JOIN_OK &&
	       r->nremote_side == 0 && r->direction == MG_CARD_ONE_TO_MANY &&
	       (r->c_collection == MG_FALSE || r->uselist == MG_FALSE);
}

mg_finding *mg_report_relationship(mg_rule_context *ctx, const mg_relationship *r, const char *fmt, ...)
{
	mg_buf message = MG_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	mg_buf_vprintf(&message, fmt, ap);
	va_end(ap);
	return mg_report(ctx, MG_OBJECT_RELATIONSHIP, r->path, r->location, "%s", mg_rule_take(ctx, &message));
}

void mg_rel_set_fix(mg_rule_context *ctx, mg_finding *finding, const char *fmt, ...)
{
	if (!finding)
		return;
	mg_buf text = MG_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	mg_buf_vprintf(&text, fmt, ap);
	va_end(ap);
	/* Written like the rules' own fixes: a sentence, capital first. */
	if (!text.failed && text.len && text.data[0] >= 'a' && text.data[0] <= 'z')
		text.data[0] = (char)(text.data[0] - 'a' + 'A');
	if (!text.failed && text.len && !strchr(".?!;", text.data[text.len - 1]))
		mg_buf_putc(&text, '.');
	finding->fix = mg_rule_take(ctx, &text);
}

void mg_rel_related(mg_rule_context *ctx, const mg_relationship *r)
{
	const char *message;
	if (r->from_backref)
		message = mg_rule_printf(ctx, "backref \"%s\" is made by \"%s\" here", mg_rel_name(ctx, r),
					 mg_rel_name(ctx, r->inverse));
	else
		message = mg_rule_printf(ctx, "\"%s\" is declared here", mg_rel_name(ctx, r));
	mg_report_related(ctx, MG_OBJECT_RELATIONSHIP, r->path, r->location, message);
}

void mg_rel_related_table(mg_rule_context *ctx, const mg_table *t)
{
	const char *message = t->struct_name
				      ? mg_rule_printf(ctx, "\"%s\" (struct %s) is declared here", t->name, t->struct_name)
				      : mg_rule_printf(ctx, "\"%s\" is declared here", t->name);
	mg_report_related(ctx, MG_OBJECT_TABLE, t->path, t->location, message);
}

void mg_rel_related_column(mg_rule_context *ctx, const mg_column *c)
{
	mg_report_related(ctx, MG_OBJECT_COLUMN, c->path, c->location,
			  mg_rule_printf(ctx, "column \"%s\" is declared here", c->path));
}

const mg_table *mg_rel_find_named(const mg_graph *graph, const char *name)
{
	for (size_t i = 0; i < graph->ntables; i++)
		if (graph->tables[i]->struct_name && strcmp(graph->tables[i]->struct_name, name) == 0)
			return graph->tables[i];
	return mg_graph_find_table(graph, name);
}

bool mg_rel_overlaps_names(const mg_relationship *r, const char *name)
{
	for (size_t i = 0; i < r->noverlaps; i++) {
		const char *entry = r->overlaps[i];
		const char *dot = strrchr(entry, '.');
		if (strcmp(dot ? dot + 1 : entry, name) == 0)
			return true;
	}
	return false;
}

bool mg_rel_cascade_has(const char *cascade, const char *rule)
{
	size_t len = strlen(rule);
	for (const char *p = cascade; p && *p;) {
		while (*p == ',' || mg_ascii_isspace(*p))
			p++;
		size_t n = 0;
		while (p[n] && p[n] != ',' && !mg_ascii_isspace(p[n]))
			n++;
		bool same = n == len;
		for (size_t i = 0; same && i < n; i++)
			same = mg_ascii_tolower(p[i]) == rule[i] || (p[i] == '_' && rule[i] == '-');
		if (same)
			return true;
		p += n;
	}
	return false;
}

void mg_rel_each(mg_rule_context *ctx, bool declared_only, mg_rel_check check)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables && !ctx->failed; i++) {
		const mg_table *t = g->tables[i];
		for (size_t j = 0; j < t->nrelationships; j++) {
			const mg_relationship *r = t->relationships[j];
			if (!r->derived && (!declared_only || !r->from_backref))
				check(ctx, r);
		}
	}
}

void mg_rel_each_declared(mg_rule_context *ctx, mg_rel_check check)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables && !ctx->failed; i++) {
		const mg_table *t = g->tables[i];
		for (size_t j = 0; j < t->nrelationships; j++)
			if (mg_rel_is_declared(t->relationships[j]))
				check(ctx, t->relationships[j]);
	}
}
