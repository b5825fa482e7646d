#include "analyzer/lint/rules/relationships.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *mg_rel_model_name(const mg_table *table)
{
	return table->struct_name ? table->struct_name : table->name;
}

const char *mg_rel_name(char *buf, size_t size, const mg_relationship *r)
{
	snprintf(buf, size, "%s.%s", mg_rel_model_name(r->source), r->name);
	return buf;
}

const char *mg_rel_fk_text(char *buf, size_t size, const mg_foreign_key *fk)
{
	size_t used = (size_t)snprintf(buf, size, "\"%s\"(", fk->child->name);
	for (size_t i = 0; i < fk->ncolumns && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s\"%s\"", i ? ", " : "",
					 fk->columns[i]->name);
	if (used < size)
		snprintf(buf + used, size - used, ")");
	return buf;
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
	char message[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	return mg_report(ctx, MG_OBJECT_RELATIONSHIP, r->path, r->location, "%s", message);
}

void mg_rel_set_fix(mg_rule_context *ctx, mg_finding *finding, const char *fmt, ...)
{
	if (!finding)
		return;
	char text[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	/* Written like the rules' own fixes: a sentence, capital first. */
	if (text[0] >= 'a' && text[0] <= 'z')
		text[0] = (char)(text[0] - 'a' + 'A');
	size_t len = strlen(text);
	if (len && len + 1 < sizeof(text) && !strchr(".?!;", text[len - 1])) {
		text[len] = '.';
		text[len + 1] = '\0';
	}
	finding->fix = mg_arena_strdup(ctx->findings->arena, text);
	if (!finding->fix)
		ctx->failed = 1;
}

void mg_rel_related(mg_rule_context *ctx, const mg_relationship *r)
{
	char name[300], by[300], message[700];
	if (r->from_backref)
		snprintf(message, sizeof(message), "backref \"%s\" is made by \"%s\" here",
			 mg_rel_name(name, sizeof(name), r), mg_rel_name(by, sizeof(by), r->inverse));
	else
		snprintf(message, sizeof(message), "\"%s\" is declared here", mg_rel_name(name, sizeof(name), r));
	mg_report_related(ctx, MG_OBJECT_RELATIONSHIP, r->path, r->location, message);
}

void mg_rel_related_table(mg_rule_context *ctx, const mg_table *t)
{
	char message[600];
	if (t->struct_name)
		snprintf(message, sizeof(message), "\"%s\" (struct %s) is declared here", t->name, t->struct_name);
	else
		snprintf(message, sizeof(message), "\"%s\" is declared here", t->name);
	mg_report_related(ctx, MG_OBJECT_TABLE, t->path, t->location, message);
}

void mg_rel_related_column(mg_rule_context *ctx, const mg_column *c)
{
	char message[600];
	snprintf(message, sizeof(message), "column \"%s\" is declared here", c->path);
	mg_report_related(ctx, MG_OBJECT_COLUMN, c->path, c->location, message);
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
