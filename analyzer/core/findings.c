#include "analyzer/core/findings.h"

#include <stdlib.h>
#include <string.h>

#include "util/limits.h"

mg_findings *mg_findings_new(void)
{
	mg_findings *findings = calloc(1, sizeof(*findings));
	if (!findings)
		return NULL;
	findings->arena = mg_arena_new();
	if (!findings->arena) {
		free(findings);
		return NULL;
	}
	return findings;
}

void mg_findings_free(mg_findings *findings)
{
	if (!findings)
		return;
	mg_arena_free(findings->arena);
	free(findings);
}

mg_finding *mg_findings_add(mg_findings *findings, const char *rule, mg_severity severity,
			    mg_object_kind object, const char *path, mg_location location,
			    const char *message)
{
	if (findings->count >= (unsigned long long)mg_limit(MG_LIMIT_FINDINGS)) {
		findings->over_limit = true;
		return NULL;
	}
	mg_arena *arena = findings->arena;
	mg_finding f = {
		.rule = mg_arena_strdup(arena, rule),
		.severity = severity,
		.message = mg_arena_strdup(arena, message),
		.object = object,
		.path = mg_arena_strdup(arena, path),
		.location = location,
	};
	f.location.file = mg_arena_strdup(arena, location.file);
	if (!f.rule || !f.message || !f.path ||
	    MG_ARENA_PUSH(arena, findings->items, findings->count, findings->cap, f) < 0)
		return NULL;
	return &findings->items[findings->count - 1];
}

int mg_findings_add_related(mg_findings *findings, mg_object_kind object, const char *path,
			    mg_location location, const char *message)
{
	if (!findings->count)
		return -1;
	return mg_findings_add_related_at(findings, findings->count - 1, object, path, location, message);
}

int mg_findings_add_related_at(mg_findings *findings, size_t index, mg_object_kind object,
			       const char *path, mg_location location, const char *message)
{
	if (index >= findings->count)
		return -1;
	mg_arena *arena = findings->arena;
	mg_finding *f = &findings->items[index];
	mg_related r = {
		.message = mg_arena_strdup(arena, message),
		.object = object,
		.path = mg_arena_strdup(arena, path),
		.location = location,
	};
	r.location.file = mg_arena_strdup(arena, location.file);
	if (!r.message || MG_ARENA_PUSH(arena, f->related, f->nrelated, f->related_cap, r) < 0)
		return -1;
	return 0;
}

void mg_findings_remove(mg_findings *findings, size_t index)
{
	if (index >= findings->count)
		return;
	memmove(&findings->items[index], &findings->items[index + 1],
		(findings->count - index - 1) * sizeof(findings->items[0]));
	findings->count--;
}

static int cmp_str(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int cmp_finding(const void *pa, const void *pb)
{
	const mg_finding *a = pa, *b = pb;
	int c = cmp_str(a->location.file, b->location.file);
	if (c)
		return c;
	if (a->location.line != b->location.line)
		return a->location.line < b->location.line ? -1 : 1;
	if (a->location.column != b->location.column)
		return a->location.column < b->location.column ? -1 : 1;
	if ((c = cmp_str(a->path, b->path)))
		return c;
	if ((c = strcmp(a->rule, b->rule)))
		return c;
	return strcmp(a->message, b->message);
}

void mg_findings_sort(mg_findings *findings)
{
	if (findings->count > 1)
		qsort(findings->items, findings->count, sizeof(mg_finding), cmp_finding);
}

size_t mg_findings_count_at_least(const mg_findings *findings, mg_severity severity)
{
	size_t n = 0;
	for (size_t i = 0; i < findings->count; i++)
		n += findings->items[i].severity >= severity;
	return n;
}

size_t mg_findings_count(const mg_findings *findings, mg_severity severity)
{
	size_t n = 0;
	for (size_t i = 0; i < findings->count; i++)
		n += findings->items[i].severity == severity;
	return n;
}

static const char *const severity_names[] = {
	[MG_SEVERITY_OFF] = "off",
	[MG_SEVERITY_NOTE] = "note",
	[MG_SEVERITY_WARNING] = "warning",
	[MG_SEVERITY_ERROR] = "error",
};

const char *mg_severity_name(mg_severity severity)
{
	return severity_names[severity];
}

int mg_severity_parse(const char *text, mg_severity *out)
{
	for (size_t i = 0; i < sizeof(severity_names) / sizeof(severity_names[0]); i++)
		if (strcmp(text, severity_names[i]) == 0) {
			*out = (mg_severity)i;
			return 0;
		}
	return -1;
}

const char *mg_object_kind_name(mg_object_kind kind)
{
	switch (kind) {
	case MG_OBJECT_TABLE: return "table";
	case MG_OBJECT_COLUMN: return "column";
	case MG_OBJECT_INDEX: return "index";
	case MG_OBJECT_FOREIGN_KEY: return "foreign key";
	case MG_OBJECT_RELATIONSHIP: return "relationship";
	}
	return "object";
}
