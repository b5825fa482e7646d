#ifndef MG_SUPPRESS_H
#define MG_SUPPRESS_H

#include <stddef.h>

#include "analyzer/lint/baseline.h"
#include "analyzer/lint/config.h"
#include "analyzer/core/findings.h"
#include "analyzer/lint/lint.h"

/*
 * Suppression, after lint and before reporting: the configuration's
 * ignores and the baseline take away the findings they accept, and an
 * ignore that accepts nothing is reported itself (suppression-unused), so
 * stale ignores do not pile up.
 */

/* What a run of mg_suppress_apply did; for a summary line. */
typedef struct mg_suppress_stats {
	size_t ignored;        /* findings removed by configuration ignores */
	size_t baselined;      /* findings removed by the baseline */
	size_t unused_ignores; /* ignores that matched no finding */
	size_t stale_entries;  /* baseline entries that matched no finding (dropped quietly) */
} mg_suppress_stats;

/*
 * Filters `findings` in place, in three steps:
 *
 *   1. a finding is removed when some ignore of `config` has its rule and a
 *      pattern matching its object path (glob.h);
 *   2. each ignore that removed nothing becomes a `suppression-unused`
 *      finding (unless its rule is one the command does not run:
 *      mg_rule_in_command): located at its entry in the configuration file, with its
 *      pattern as the object path, at that rule's severity (from `options`'
 *      overrides, else the configuration's, else the catalog's; none when
 *      it is off);
 *   3. the `baseline` removes the findings it lists, one per entry: first
 *      those whose message is the entry's too, then any with the entry's
 *      rule and path. The baseline applies to step 2's findings as well, so
 *      a baseline written from the result accepts all of it.
 *
 * The result is sorted with mg_findings_sort. `config`, `baseline`,
 * `options` and `stats` may each be NULL. Returns 0, or -1 when out of
 * memory (`findings` is then partly filtered).
 */
int mg_suppress_apply(mg_findings *findings, const mg_config *config, const mg_baseline *baseline,
		      const mg_lint_options *options, mg_suppress_stats *stats);

/*
 * Applies the MG_ALLOW(rule, "reason") annotations of a C graph, before
 * mg_suppress_apply: a finding of the rule is removed when the allow is on
 * its object, on its table (a struct-level allow covers the struct's
 * fields, keys and relationships), or on the field that holds the first
 * column of a foreign key or an index. An allow without a reason is a
 * `suppression-without-reason` finding (the finding it covers stays
 * suppressed); one that removed nothing is `suppression-unused`; both at
 * the allow's line. Allows of rules the command does not run are left for
 * the command that does. Returns 0, or -1 when out of memory.
 */
int mg_suppress_apply_allows(mg_findings *findings, const mg_graph *graph, const mg_config *config,
			     const mg_lint_options *options);

/* The severity a suppression rule runs at: the command line's or the
 * configuration's override, else the catalog's default. */
mg_severity mg_suppress_severity(const char *rule_id, const mg_config *config,
				 const mg_lint_options *options);

#endif
