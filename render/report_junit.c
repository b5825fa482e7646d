/* Findings as JUnit XML, for CI dashboards: one test suite per rule of the
 * catalog the command runs; a rule without findings is one passing test case, a rule with
 * findings has one failing test case per finding (named by its object path).
 * The schema (Jenkins' JUnit.xsd) allows one failure per test case, hence a
 * suite per rule rather than a case per rule. Output is deterministic, so
 * the required timestamp is the epoch and the host is "modelgraph". */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/core/name_index.h"
#include "analyzer/lint/lint.h"
#include "util/escape.h"
#include "render/render.h"

static void write_attribute(mg_buf *out, const char *name, const char *value)
{
	mg_buf_printf(out, " %s=\"", name);
	mg_escape_xml(out, value);
	mg_buf_putc(out, '"');
}

static void write_failure(mg_buf *out, const mg_finding *f)
{
	mg_buf_puts(out, "      <failure");
	write_attribute(out, "message", f->message);
	write_attribute(out, "type", mg_severity_name(f->severity));
	mg_buf_putc(out, '>');
	mg_escape_xml(out, f->location.file);
	if (f->location.line)
		mg_buf_printf(out, ":%u:%u", f->location.line, f->location.column);
	mg_buf_puts(out, ": ");
	mg_escape_xml(out, mg_object_kind_name(f->object));
	mg_buf_puts(out, " ");
	mg_escape_xml(out, f->path);
	mg_buf_puts(out, ": ");
	mg_escape_xml(out, f->message);
	mg_buf_puts(out, "</failure>\n");
}

/* One rule's suite; `mine` lists its findings (places in `findings`), in
 * report order. */
static void write_suite(mg_buf *out, size_t id, const mg_rule *rule, const mg_findings *findings,
			const size_t *mine, size_t failures)
{
	mg_buf_puts(out, "  <testsuite");
	write_attribute(out, "name", rule->id);
	write_attribute(out, "package", "modelgraph");
	mg_buf_printf(out, " id=\"%zu\" timestamp=\"1970-01-01T00:00:00\" hostname=\"modelgraph\""
			   " tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"0\" time=\"0\">\n",
		      id, failures ? failures : 1, failures);
	mg_buf_puts(out, "    <properties>\n      <property name=\"severity\"");
	write_attribute(out, "value", mg_severity_name(rule->severity));
	mg_buf_puts(out, "/>\n    </properties>\n");
	if (!failures) {
		mg_buf_puts(out, "    <testcase");
		write_attribute(out, "name", rule->id);
		write_attribute(out, "classname", rule->id);
		mg_buf_puts(out, " time=\"0\"/>\n");
	}
	for (size_t k = 0; k < failures; k++) {
		const mg_finding *f = &findings->items[mine[k]];
		mg_buf_puts(out, "    <testcase");
		write_attribute(out, "name", f->path);
		write_attribute(out, "classname", rule->id);
		mg_buf_puts(out, " time=\"0\">\n");
		write_failure(out, f);
		mg_buf_puts(out, "    </testcase>\n");
	}
	mg_buf_puts(out, "    <system-out/>\n    <system-err/>\n  </testsuite>\n");
}

/*
 * The findings grouped by rule in one pass (a scan of every finding for each
 * of the catalog's rules cost more than the rest of the report): group[r]
 * starts at first[r] of `order` and ends at first[r + 1]; a finding of no
 * catalogued rule is in no group. Returns -1 when out of memory.
 */
static int group_by_rule(const mg_findings *findings, size_t nrules, size_t **order, size_t **first)
{
	mg_name_index *by_id = mg_rule_places_new();
	size_t *rule_of = malloc((findings->count ? findings->count : 1) * sizeof(*rule_of));
	*order = malloc((findings->count ? findings->count : 1) * sizeof(**order));
	*first = calloc(nrules + 2, sizeof(**first));
	int result = -1;
	if (!by_id || !rule_of || !*order || !*first)
		goto done;
	/* Counts, shifted by two so that the running sum leaves first[r] at
	 * the start of group r; then each finding goes to its group's end. */
	for (size_t i = 0; i < findings->count; i++) {
		uintptr_t r = (uintptr_t)mg_name_index_get(by_id, findings->items[i].rule);
		rule_of[i] = r ? r - 1 : nrules;
		if (r)
			(*first)[r + 1]++;
	}
	for (size_t r = 1; r <= nrules + 1; r++)
		(*first)[r] += (*first)[r - 1];
	for (size_t i = 0; i < findings->count; i++)
		if (rule_of[i] < nrules)
			(*order)[(*first)[rule_of[i] + 1]++] = i;
	result = 0;
done:
	mg_name_index_free(by_id);
	free(rule_of);
	return result;
}

void mg_report_junit(const mg_findings *findings, bool diff, mg_buf *out)
{
	size_t nrules;
	const mg_rule *const *rules = mg_rules_all(&nrules);
	size_t *order = NULL, *first = NULL;
	if (group_by_rule(findings, nrules, &order, &first) < 0) {
		out->failed = 1;
		goto done;
	}
	mg_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
	for (size_t i = 0; i < nrules; i++) {
		size_t failures = first[i + 1] - first[i];
		/* A rule the command does not run passes nothing; but suppressions
		 * are judged in both. */
		if (((rules[i]->sources & MG_RULE_SOURCE_DIFF) != 0) == diff || failures)
			write_suite(out, i, rules[i], findings, order + first[i], failures);
	}
	mg_buf_puts(out, "</testsuites>\n");
done:
	free(order);
	free(first);
}
