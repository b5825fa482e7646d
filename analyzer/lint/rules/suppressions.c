/*
 * Rules on suppressions themselves. They are about configuration, not the
 * schema, so they have no check over the graph: the findings come from
 * where suppressions are applied (suppress.c, after lint). The
 * descriptors are here so the catalog, `explain`, the docs and severity
 * overrides know them like any other rule.
 */

#include "analyzer/lint/lint.h"

/* ---- suppression-unused ---- */

const mg_rule mg_rule_suppression_unused = {
	.id = "suppression-unused",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "An ignore in the configuration matches no finding.",
	.rationale = "An ignore outlives the problem it hid: the table was renamed, the rule fixed, "
		     "the pattern misspelt. Left in place it hides the next, unrelated finding that "
		     "happens to match, and readers of the configuration believe in a problem that "
		     "is gone.",
	.bad_config = "# .modelgraph.yml, and no table is named audit_*\n"
		   "ignore:\n"
		   "  - rule: table-isolated\n"
		   "    path: \"audit_*\"\n"
		   "    reason: \"append-only log tables\"",
	.good_config = "# .modelgraph.yml: the entry is gone, or its pattern names tables that exist\n"
		    "ignore:\n"
		    "  - rule: table-isolated\n"
		    "    path: \"audit_log\"\n"
		    "    reason: \"append-only log table\"",
	.fix = "Remove the ignore, or correct its rule or path so it matches what it was meant for.",
	.check = NULL, /* mg_suppress_apply reports each ignore that matched nothing */
};

/* ---- suppression-without-reason ---- */

/* A configuration ignore without a reason does not even load (config.c);
 * MG_ALLOW annotations (graph->allows) are checked where they are applied. */

const mg_rule mg_rule_suppression_without_reason = {
	.id = "suppression-without-reason",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "A suppression does not say why the finding is acceptable.",
	.rationale = "A suppression is a decision someone made about the model; without its reason "
		     "nobody can tell later whether it still holds, and suppressions become the way "
		     "to silence the linter rather than to record an exception.",
	.bad_c = "struct AuditLog {\n"
		   "    int id  MG_COLUMN(primary_key=true);\n"
		   "} MG_MODEL() MG_ALLOW(table-isolated);",
	.good_c = "struct AuditLog {\n"
		    "    int id  MG_COLUMN(primary_key=true);\n"
		    "} MG_MODEL() MG_ALLOW(table-isolated, \"append-only log, read by hand\");",
	.fix = "Add the reason: MG_ALLOW(rule, \"why\"), or `reason:` in the configuration's ignore.",
	.check = NULL, /* reported where suppressions are applied */
};
