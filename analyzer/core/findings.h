#ifndef MG_FINDINGS_H
#define MG_FINDINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "analyzer/core/arena.h"
#include "analyzer/core/graph.h"

/*
 * Findings are data: rules append them here, reporters print them. Nothing
 * below cli/ prints.
 */

typedef enum mg_severity {
	MG_SEVERITY_OFF,
	MG_SEVERITY_NOTE,
	MG_SEVERITY_WARNING,
	MG_SEVERITY_ERROR,
} mg_severity;

/* What kind of object a finding is about; reporters name it ("table \"post\""). */
typedef enum mg_object_kind {
	MG_OBJECT_TABLE,
	MG_OBJECT_COLUMN,
	MG_OBJECT_INDEX,
	MG_OBJECT_FOREIGN_KEY,
	MG_OBJECT_RELATIONSHIP,
} mg_object_kind;

/* Another place that explains a finding ("the referenced table is here"). */
typedef struct mg_related {
	const char *message;
	mg_object_kind object;
	const char *path;
	mg_location location;
} mg_related;

typedef struct mg_finding {
	const char *rule;        /* rule id, kebab-case */
	mg_severity severity;
	const char *message;     /* one line, impersonal */
	mg_object_kind object;
	const char *path;        /* object path: "post.user_id" */
	mg_location location;
	const char *fix;         /* how to fix it; NULL when the rule's hint says all */
	mg_related *related;
	size_t nrelated, related_cap;
} mg_finding;

typedef struct mg_findings {
	mg_arena *arena;         /* owns every string and array below */
	mg_finding *items;
	size_t count, cap;
	bool over_limit;         /* an append was refused: the findings limit was reached */
} mg_findings;

/* A new empty list, or NULL when out of memory; free with mg_findings_free. */
mg_findings *mg_findings_new(void);
void mg_findings_free(mg_findings *findings);

/*
 * Appends a finding; strings are copied. Returns it (valid until the next
 * append), or NULL when out of memory or when the list already holds as
 * many findings as the findings limit (util/limits.def) allows, which sets
 * over_limit.
 */
mg_finding *mg_findings_add(mg_findings *findings, const char *rule, mg_severity severity,
			    mg_object_kind object, const char *path, mg_location location,
			    const char *message);

/* Adds a related location to the most recent finding; 0 or -1. */
int mg_findings_add_related(mg_findings *findings, mg_object_kind object, const char *path,
			    mg_location location, const char *message);

/* Adds a related location to finding `index`; 0 or -1. */
int mg_findings_add_related_at(mg_findings *findings, size_t index, mg_object_kind object,
			       const char *path, mg_location location, const char *message);

/* Removes finding `index`, keeping the order of the others. */
void mg_findings_remove(mg_findings *findings, size_t index);

/* Sorts into the order every reporter prints: file, line, column, path, rule. */
void mg_findings_sort(mg_findings *findings);

/* How many findings have at least `severity`. */
size_t mg_findings_count_at_least(const mg_findings *findings, mg_severity severity);
size_t mg_findings_count(const mg_findings *findings, mg_severity severity);

const char *mg_severity_name(mg_severity severity);     /* "error", "warning", "note", "off" */
int mg_severity_parse(const char *text, mg_severity *out); /* 0, or -1 when unknown */
const char *mg_object_kind_name(mg_object_kind kind);    /* "table", "column", … */

#endif
