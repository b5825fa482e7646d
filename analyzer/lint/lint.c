#include "analyzer/lint/lint.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/core/name_index.h"
#include "analyzer/core/suggest.h"
#include "util/buf.h"

#define MG_RULE(name) extern const mg_rule mg_rule_##name;
#include "analyzer/lint/rules/catalog.def"
#undef MG_RULE

static const mg_rule *const catalog[] = {
#define MG_RULE(name) &mg_rule_##name,
#include "analyzer/lint/rules/catalog.def"
#undef MG_RULE
};

const mg_rule *const *mg_rules_all(size_t *out_count)
{
	*out_count = sizeof(catalog) / sizeof(catalog[0]);
	return catalog;
}

/* The catalog is in id order (catalog.def, and a unit test holds it so):
 * reporters look up the rule of every finding, by halving. */
const mg_rule *mg_rule_find(const char *id)
{
	size_t low = 0, high = sizeof(catalog) / sizeof(catalog[0]);
	while (low < high) {
		size_t mid = low + (high - low) / 2;
		int c = strcmp(catalog[mid]->id, id);
		if (c == 0)
			return catalog[mid];
		if (c < 0)
			low = mid + 1;
		else
			high = mid;
	}
	return NULL;
}

mg_name_index *mg_rule_places_new(void)
{
	mg_name_index *places = mg_name_index_new(false);
	for (size_t i = 0; places && i < sizeof(catalog) / sizeof(catalog[0]); i++)
		if (mg_name_index_put(places, catalog[i]->id, (void *)(uintptr_t)(i + 1)) < 0) {
			mg_name_index_free(places);
			places = NULL;
		}
	return places;
}

const char *mg_rule_nearest(const char *id)
{
	const char *ids[sizeof(catalog) / sizeof(catalog[0])];
	for (size_t i = 0; i < sizeof(catalog) / sizeof(catalog[0]); i++)
		ids[i] = catalog[i]->id;
	return mg_suggest_nearest(id, strlen(id), ids, sizeof(catalog) / sizeof(catalog[0]));
}

static mg_severity effective_severity(const mg_rule *rule, const mg_lint_options *options)
{
	for (size_t i = 0; options && i < options->noverrides; i++)
		if (strcmp(options->override_ids[i], rule->id) == 0)
			return options->override_severities[i];
	return rule->severity;
}

/* Which MG_RULE_SOURCE_* kinds the graph holds. */
static unsigned graph_source_kinds(const mg_graph *graph)
{
	unsigned kinds = MG_RULE_SOURCE_DB; /* schema rules apply to every graph */
	for (size_t i = 0; i < graph->nsources; i++)
		if (graph->sources[i].kind == MG_SOURCE_C || graph->sources[i].kind == MG_SOURCE_JSON)
			kinds |= MG_RULE_SOURCE_C;
	return kinds;
}

/* The table a finding's object path starts with; NULL when none. */
static const mg_table *table_of_path(const mg_graph *graph, const char *path)
{
	const mg_table *t = mg_graph_find_table(graph, path);
	const char *dot = strchr(path, '.');
	if (t || !dot)
		return t;
	size_t len = (size_t)(dot - path);
	char *name = malloc(len + 1);
	if (!name)
		return NULL; /* the rule's own fix stays */
	memcpy(name, path, len);
	name[len] = '\0';
	t = mg_graph_find_table(graph, name);
	free(name);
	return t;
}

/* Findings from index `first` on, on C models and without a fix of their
 * own, get the rule's fix in the annotations' terms. */
static void fix_in_c_terms(const mg_graph *graph, const mg_rule *rule, mg_findings *findings,
			   size_t first)
{
	for (size_t i = first; rule->fix_c && i < findings->count; i++) {
		mg_finding *f = &findings->items[i];
		const mg_table *t = f->fix ? NULL : table_of_path(graph, f->path);
		if (t && t->source_index < graph->nsources &&
		    graph->sources[t->source_index].kind == MG_SOURCE_C)
			f->fix = rule->fix_c;
	}
}

/* True for the rules that report a mistake in an annotation's options:
 * the reader left the option out, so what follows from it is a consequence. */
static bool is_option_mistake(const char *rule)
{
	return strcmp(rule, "annotation-unknown-option") == 0 ||
	       strcmp(rule, "annotation-invalid-value") == 0;
}

/* True when the model at `path` misspells tablename=, so it got its default
 * name, and what names the intended one finds nothing. */
static bool misspells_tablename(const mg_graph *graph, const char *path)
{
	for (size_t i = 0; i < graph->nannotation_problems; i++) {
		const mg_annotation_problem *p = &graph->annotation_problems[i];
		if (p->kind == MG_ANNOTATION_PROBLEM_UNKNOWN_OPTION && p->subject == MG_SUBJECT_TABLE &&
		    p->suggestion && strcmp(p->suggestion, "tablename") == 0 && strcmp(p->path, path) == 0)
			return true;
	}
	return false;
}

/* Whether finding `c` follows from the option mistake `cause`: it is about
 * the same field, or (a misspelt tablename=) it says the model is linked to
 * nothing, or it is a foreign key that missed the table and seems to mean
 * this one. Another
 * option of a model (comment=) changes nothing other rules see. */
static bool is_consequence(const mg_graph *graph, const mg_finding *cause, const mg_finding *c)
{
	if (strncmp(c->rule, "annotation-", 11) == 0 || strncmp(c->rule, "suppression-", 12) == 0 ||
	    strncmp(c->rule, "name-", 5) == 0)
		return false;
	bool table_name = cause->object == MG_OBJECT_TABLE && misspells_tablename(graph, cause->path);
	/* A model named otherwise loses the links that named it. */
	if (strcmp(c->path, cause->path) == 0)
		return cause->object != MG_OBJECT_TABLE || (table_name && strcmp(c->rule, "table-isolated") == 0);
	if (strcmp(c->rule, "fk-target-missing") != 0 || !table_name)
		return false;
	for (size_t k = 0; k < c->nrelated; k++)
		if (c->related[k].object == MG_OBJECT_TABLE && strcmp(c->related[k].path, cause->path) == 0)
			return true;
	return false;
}

/*
 * One root cause, one finding: a misspelt or invalid option leaves the
 * option out, and other rules then report what its absence does (backred=
 * gives a relationship without inverse). Those findings become notes of the
 * option's finding. Returns 0 or -1.
 */
static int fold_consequences(const mg_graph *graph, mg_findings *findings)
{
	for (size_t i = 0; i < findings->count; i++) {
		if (!is_option_mistake(findings->items[i].rule))
			continue;
		for (size_t j = 0; j < findings->count;) {
			const mg_finding *c = &findings->items[j];
			if (j == i || !is_consequence(graph, &findings->items[i], c)) {
				j++;
				continue;
			}
			/* Its own did-you-mean guessed at the cause, which is now known. */
			const char *guess = strstr(c->message, "; did you mean");
			int len = guess ? (int)(guess - c->message) : (int)strlen(c->message);
			const char *note = mg_arena_printf(findings->arena, "so: %.*s [%s]", len, c->message,
							   c->rule);
			if (!note ||
			    mg_findings_add_related_at(findings, i, c->object, c->path, c->location, note) < 0)
				return -1;
			mg_findings_remove(findings, j);
			if (j < i)
				i--;
		}
	}
	return 0;
}

static bool rule_in_command(const mg_rule *rule, const mg_lint_options *options)
{
	return ((rule->sources & MG_RULE_SOURCE_DIFF) != 0) == (options && options->against);
}

bool mg_rule_in_command(const char *rule_id, const mg_lint_options *options)
{
	const mg_rule *rule = mg_rule_find(rule_id);
	return !rule || rule_in_command(rule, options);
}

int mg_lint(const mg_graph *graph, const mg_lint_options *options, mg_findings *findings)
{
	/* diff compares two schemas and runs the drift rules alone. */
	unsigned kinds = options && options->against ? MG_RULE_SOURCE_DIFF : graph_source_kinds(graph);
	for (size_t i = 0; i < sizeof(catalog) / sizeof(catalog[0]); i++) {
		const mg_rule *rule = catalog[i];
		mg_rule_context ctx = {
			.graph = graph,
			.rule = rule,
			.options = options,
			.severity = effective_severity(rule, options),
			.findings = findings,
		};
		if (ctx.severity == MG_SEVERITY_OFF || !(rule->sources & kinds) ||
		    !rule_in_command(rule, options) || !rule->check)
			continue;
		size_t first = findings->count;
		rule->check(&ctx);
		if (ctx.failed)
			return -1;
		fix_in_c_terms(graph, rule, findings, first);
	}
	if (fold_consequences(graph, findings) < 0)
		return -1;
	mg_findings_sort(findings);
	return 0;
}

static mg_finding *report_v(mg_rule_context *ctx, mg_object_kind object, const char *path,
			    mg_location location, const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));

static mg_finding *report_v(mg_rule_context *ctx, mg_object_kind object, const char *path,
			    mg_location location, const char *fmt, va_list ap)
{
	mg_buf message = MG_BUF_INIT;
	mg_buf_vprintf(&message, fmt, ap);
	mg_finding *f = message.failed ? NULL
				       : mg_findings_add(ctx->findings, ctx->rule->id, ctx->severity, object,
							 path, location, message.data ? message.data : "");
	mg_buf_free(&message);
	if (!f)
		ctx->failed = 1;
	return f;
}

mg_finding *mg_report(mg_rule_context *ctx, mg_object_kind object, const char *path,
		      mg_location location, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mg_finding *f = report_v(ctx, object, path, location, fmt, ap);
	va_end(ap);
	return f;
}

mg_finding *mg_report_table(mg_rule_context *ctx, const mg_table *table, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mg_finding *f = report_v(ctx, MG_OBJECT_TABLE, table->path, table->location, fmt, ap);
	va_end(ap);
	return f;
}

mg_finding *mg_report_column(mg_rule_context *ctx, const mg_column *column, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mg_finding *f = report_v(ctx, MG_OBJECT_COLUMN, column->path, column->location, fmt, ap);
	va_end(ap);
	return f;
}

mg_finding *mg_report_fk(mg_rule_context *ctx, const mg_foreign_key *fk, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mg_finding *f = report_v(ctx, MG_OBJECT_FOREIGN_KEY, fk->path, fk->location, fmt, ap);
	va_end(ap);
	return f;
}

const char *mg_rule_take(mg_rule_context *ctx, mg_buf *buf)
{
	const char *text = buf->failed ? NULL : mg_arena_strdup(ctx->findings->arena, buf->data ? buf->data : "");
	mg_buf_free(buf);
	if (!text)
		ctx->failed = 1;
	return text ? text : "";
}

const char *mg_rule_printf(mg_rule_context *ctx, const char *fmt, ...)
{
	mg_buf text = MG_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	mg_buf_vprintf(&text, fmt, ap);
	va_end(ap);
	return mg_rule_take(ctx, &text);
}

void mg_report_related(mg_rule_context *ctx, mg_object_kind object, const char *path,
		       mg_location location, const char *message)
{
	if (mg_findings_add_related(ctx->findings, object, path, location, message) < 0)
		ctx->failed = 1;
}
