/* Findings as JUnit XML, for CI dashboards: one test suite per rule of the
 * catalog the command runs; a rule without findings is one passing test case, a rule with
 * findings has one failing test case per finding (named by its object path).
 * The schema (Jenkins' JUnit.xsd) allows one failure per test case, hence a
 * suite per rule rather than a case per rule. Output is deterministic, so
 * the required timestamp is the epoch and the host is "modelgraph". */

#include <string.h>

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

static void write_suite(mg_buf *out, size_t id, const mg_rule *rule, const mg_findings *findings)
{
	size_t failures = 0;
	for (size_t i = 0; i < findings->count; i++)
		failures += strcmp(findings->items[i].rule, rule->id) == 0;
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
	for (size_t i = 0; i < findings->count; i++) {
		const mg_finding *f = &findings->items[i];
		if (strcmp(f->rule, rule->id) != 0)
			continue;
		mg_buf_puts(out, "    <testcase");
		write_attribute(out, "name", f->path);
		write_attribute(out, "classname", rule->id);
		mg_buf_puts(out, " time=\"0\">\n");
		write_failure(out, f);
		mg_buf_puts(out, "    </testcase>\n");
	}
	mg_buf_puts(out, "    <system-out/>\n    <system-err/>\n  </testsuite>\n");
}

static bool has_findings(const mg_rule *rule, const mg_findings *findings)
{
	for (size_t i = 0; i < findings->count; i++)
		if (strcmp(findings->items[i].rule, rule->id) == 0)
			return true;
	return false;
}

void mg_report_junit(const mg_findings *findings, bool diff, mg_buf *out)
{
	size_t nrules;
	const mg_rule *const *rules = mg_rules_all(&nrules);
	mg_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
	for (size_t i = 0; i < nrules; i++)
		/* A rule the command does not run passes nothing; but suppressions
		 * are judged in both. */
		if (((rules[i]->sources & MG_RULE_SOURCE_DIFF) != 0) == diff || has_findings(rules[i], findings))
			write_suite(out, i, rules[i], findings);
	mg_buf_puts(out, "</testsuites>\n");
}
