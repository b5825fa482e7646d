#include "analyzer/lint/suppress.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/core/name_index.h"
#include "analyzer/lint/suppress_index.h"

#define UNUSED_RULE "suppression-unused"

/* The severity suppression-unused runs at: options, then config, then catalog. */
mg_severity mg_suppress_severity(const char *rule_id, const mg_config *config,
				 const mg_lint_options *options)
{
	mg_severity severity;
	for (size_t i = 0; options && i < options->noverrides; i++)
		if (strcmp(options->override_ids[i], rule_id) == 0)
			return options->override_severities[i];
	if (mg_config_rule_severity(config, rule_id, &severity) == 0)
		return severity;
	const mg_rule *rule = mg_rule_find(rule_id);
	return rule ? rule->severity : MG_SEVERITY_WARNING;
}

static mg_severity unused_severity(const mg_config *config, const mg_lint_options *options)
{
	return mg_suppress_severity(UNUSED_RULE, config, options);
}

/* Keeps the findings whose `drop` flag is false, in order. */
static void compact(mg_findings *findings, const bool *drop)
{
	size_t kept = 0;
	for (size_t i = 0; i < findings->count; i++)
		if (!drop[i])
			findings->items[kept++] = findings->items[i];
	findings->count = kept;
}

/*
 * Step 1: configuration ignores. hits[k] counts the findings ignore k
 * matched. The ignores are indexed (suppress_index.h), so 20,000 of them
 * against as many findings take a moment, not minutes.
 */
static int apply_ignores(mg_findings *findings, const mg_config_ignore *ignores, size_t nignores,
			 size_t *hits, mg_suppress_stats *stats)
{
	if (!nignores)
		return 0;
	bool *drop = calloc(findings->count ? findings->count : 1, sizeof(*drop));
	mg_ignore_index *index = mg_ignore_index_new(ignores, nignores);
	if (!drop || !index) {
		free(drop);
		mg_ignore_index_free(index);
		return -1;
	}
	for (size_t i = 0; i < findings->count; i++) {
		const mg_finding *f = &findings->items[i];
		/* Every ignore that matches counts as used, so overlapping ignores are
		 * not reported as unused. */
		drop[i] = mg_ignore_index_match(index, f->rule, f->path, hits) > 0;
		stats->ignored += drop[i];
	}
	compact(findings, drop);
	free(drop);
	mg_ignore_index_free(index);
	return 0;
}

/* Step 2: an ignore that matched nothing is a finding. */
static int report_unused(mg_findings *findings, const mg_config_ignore *ignores, size_t nignores,
			 const size_t *hits, mg_severity severity, const mg_lint_options *options,
			 mg_suppress_stats *stats)
{
	for (size_t k = 0; k < nignores; k++) {
		/* An ignore of a rule this command does not run (a drift rule in lint)
		 * has had no chance to match. */
		if (hits[k] || !mg_rule_in_command(ignores[k].rule, options))
			continue;
		stats->unused_ignores++;
		if (severity == MG_SEVERITY_OFF)
			continue;
		const mg_config_ignore *ig = &ignores[k];
		size_t size = strlen(ig->rule) + strlen(ig->pattern) + 64;
		char *message = malloc(size);
		if (!message)
			return -1;
		snprintf(message, size, "the ignore of %s for \"%s\" matches no finding", ig->rule,
			 ig->pattern);
		mg_finding *f = mg_findings_add(findings, UNUSED_RULE, severity, MG_OBJECT_TABLE,
						ig->pattern, ig->location, message);
		free(message);
		if (!f)
			return -1;
	}
	return 0;
}

/*
 * The entries among [first, first + n) (alike in rule and path, so sorted by
 * message) whose message is `message`: returns the first, with their number
 * in *count.
 */
static size_t with_message(const mg_baseline_entry *entries, size_t first, size_t n,
			   const char *message, size_t *count)
{
	size_t bounds[2];
	for (int after = 0; after < 2; after++) {
		size_t lo = first, hi = first + n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			int c = mg_baseline_compare(message, entries[mid].message);
			if (c > 0 || (after && c == 0))
				lo = mid + 1;
			else
				hi = mid;
		}
		bounds[after] = lo;
	}
	*count = bounds[1] - bounds[0];
	return bounds[0];
}

/* The first entry at or after `j` no finding has taken yet: next[j] is j
 * while entry j is free (next[nentries] = nentries, past the last), and
 * points further once taken; paths are halved as they are walked. */
static size_t first_free(size_t *next, size_t j)
{
	while (next[j] != j) {
		next[j] = next[next[j]];
		j = next[j];
	}
	return j;
}

/*
 * Step 3: each baseline entry accepts one finding of its rule and path,
 * preferring one with its message. The first free entry of a range is
 * found in near-constant time, so many alike findings against many alike
 * entries take linear time, not quadratic.
 */
static int apply_baseline(mg_findings *findings, const mg_baseline *baseline,
			  mg_suppress_stats *stats)
{
	size_t nentries = 0;
	const mg_baseline_entry *entries = mg_baseline_entries(baseline, &nentries);
	size_t *next = malloc((nentries + 1) * sizeof(*next));
	bool *drop = calloc(findings->count ? findings->count : 1, sizeof(*drop));
	if (!next || !drop) {
		free(next);
		free(drop);
		return -1;
	}
	for (size_t j = 0; j <= nentries; j++)
		next[j] = j;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < findings->count; i++) {
			const mg_finding *f = &findings->items[i];
			if (drop[i])
				continue;
			size_t n = 0;
			size_t first = mg_baseline_lookup(baseline, f->rule, f->path, &n);
			if (n && pass == 0)
				first = with_message(entries, first, n, f->message, &n);
			size_t j = n ? first_free(next, first) : nentries;
			if (j >= first + n)
				continue;
			next[j] = j + 1;
			drop[i] = true;
			stats->baselined++;
		}
	}
	for (size_t j = 0; j < nentries; j++)
		stats->stale_entries += next[j] == j;
	compact(findings, drop);
	free(next);
	free(drop);
	return 0;
}

int mg_suppress_apply(mg_findings *findings, const mg_config *config, const mg_baseline *baseline,
		      const mg_lint_options *options, mg_suppress_stats *stats)
{
	mg_suppress_stats counts = {0};
	size_t nignores = 0;
	const mg_config_ignore *ignores = mg_config_ignores(config, &nignores);
	size_t *hits = calloc(nignores ? nignores : 1, sizeof(*hits));
	int status = -1;

	if (!hits)
		goto cleanup;
	/* Sorted first, so which of several alike findings an entry takes is fixed. */
	mg_findings_sort(findings);
	if (apply_ignores(findings, ignores, nignores, hits, &counts) < 0 ||
	    report_unused(findings, ignores, nignores, hits, unused_severity(config, options), options,
			  &counts) < 0 ||
	    apply_baseline(findings, baseline, &counts) < 0)
		goto cleanup;
	mg_findings_sort(findings);
	status = 0;
cleanup:
	if (stats)
		*stats = counts;
	free(hits);
	return status;
}

/* ---- MG_ALLOW annotations ---- */

#define WITHOUT_REASON_RULE "suppression-without-reason"

/*
 * The allows filed by path, and the foreign keys by path, so each finding
 * looks up the few allows that can cover it instead of trying every allow
 * (and, for a finding on a foreign key, every table).
 */
typedef struct allow_index {
	const mg_graph *graph;
	mg_name_index *by_path; /* allow path -> its first allow, as index + 1 */
	size_t *next;           /* per allow: the next one of its path, or SIZE_MAX */
	mg_name_index *fks;     /* foreign key path -> the first such key; made when needed */
	bool fks_failed;
	mg_name_index *indexes; /* index path -> the first such index; made when needed */
	bool indexes_failed;
} allow_index;

static int allow_index_init(allow_index *ix, const mg_graph *graph)
{
	*ix = (allow_index){.graph = graph};
	ix->by_path = mg_name_index_new(false);
	ix->next = malloc(graph->nallows * sizeof(*ix->next));
	if (!ix->by_path || !ix->next)
		return -1;
	/* From the last, so a path's allows chain in reading order. */
	for (size_t a = graph->nallows; a-- > 0;) {
		const char *path = graph->allows[a].path;
		uintptr_t head = (uintptr_t)mg_name_index_get(ix->by_path, path);
		ix->next[a] = head ? (size_t)head - 1 : SIZE_MAX;
		if (mg_name_index_put(ix->by_path, path, (void *)(uintptr_t)(a + 1)) < 0)
			return -1;
	}
	return 0;
}

static void allow_index_free(allow_index *ix)
{
	mg_name_index_free(ix->by_path);
	mg_name_index_free(ix->fks);
	mg_name_index_free(ix->indexes);
	free(ix->next);
}

/* The foreign key a finding is about, when it is about one; the first in
 * table order when several share its path. */
static const mg_foreign_key *finding_foreign_key(allow_index *ix, const mg_finding *f)
{
	if (f->object != MG_OBJECT_FOREIGN_KEY || !f->path || ix->fks_failed)
		return NULL;
	if (!ix->fks) {
		if (!(ix->fks = mg_name_index_new(false))) {
			ix->fks_failed = true;
			return NULL;
		}
		const mg_graph *graph = ix->graph;
		for (size_t i = 0; i < graph->ntables; i++)
			for (size_t k = 0; k < graph->tables[i]->nforeign_keys; k++) {
				mg_foreign_key *fk = graph->tables[i]->foreign_keys[k];
				if (!mg_name_index_get(ix->fks, fk->path) &&
				    mg_name_index_put(ix->fks, fk->path, fk) < 0) {
					ix->fks_failed = true;
					return NULL;
				}
			}
	}
	return mg_name_index_get(ix->fks, f->path);
}

/* The index a finding is about, when it is about one; the first in table
 * order when several share its path. */
static const mg_index *finding_index(allow_index *ix, const mg_finding *f)
{
	if (f->object != MG_OBJECT_INDEX || !f->path || ix->indexes_failed)
		return NULL;
	if (!ix->indexes) {
		if (!(ix->indexes = mg_name_index_new(false))) {
			ix->indexes_failed = true;
			return NULL;
		}
		const mg_graph *graph = ix->graph;
		for (size_t i = 0; i < graph->ntables; i++)
			for (size_t k = 0; k < graph->tables[i]->nindexes; k++) {
				mg_index *index = graph->tables[i]->indexes[k];
				if (!mg_name_index_get(ix->indexes, index->path) &&
				    mg_name_index_put(ix->indexes, index->path, index) < 0) {
					ix->indexes_failed = true;
					return NULL;
				}
			}
	}
	return mg_name_index_get(ix->indexes, f->path);
}

/* Counts in hits[] the allows of `path` with the finding's rule; true when
 * there was one. */
static bool allows_at(const allow_index *ix, const char *path, const mg_finding *f, size_t *hits)
{
	bool any = false;
	uintptr_t head = (uintptr_t)mg_name_index_get(ix->by_path, path);
	for (size_t a = head ? (size_t)head - 1 : SIZE_MAX; a != SIZE_MAX; a = ix->next[a])
		if (strcmp(ix->graph->allows[a].rule, f->rule) == 0) {
			hits[a]++;
			any = true;
		}
	return any;
}

/*
 * Counts in hits[] the allows that cover `f`, each once: one on its object,
 * one on its table (a struct-level allow covers the struct's fields, keys
 * and relationships), one on the field that holds the first column of a
 * foreign key or an index. True when there was one; -1 when out of memory.
 */
static int covering_allows(allow_index *ix, const mg_finding *f, size_t *hits)
{
	if (!f->path)
		return 0;
	bool any = allows_at(ix, f->path, f, hits);
	const char *dot = strchr(f->path, '.');
	if (dot) { /* the table: the path up to its first dot, which its own path lacks */
		size_t len = (size_t)(dot - f->path);
		char *table = malloc(len + 1);
		if (!table)
			return -1;
		memcpy(table, f->path, len);
		table[len] = '\0';
		any |= allows_at(ix, table, f, hits);
		free(table);
	}
	const mg_foreign_key *fk = finding_foreign_key(ix, f);
	if (ix->fks_failed)
		return -1;
	if (fk && fk->ncolumns && strcmp(fk->columns[0]->path, f->path) != 0 &&
	    strchr(fk->columns[0]->path, '.'))
		any |= allows_at(ix, fk->columns[0]->path, f, hits);
	/* An index's first column, as index=true declares it on the field. */
	const mg_index *index = finding_index(ix, f);
	if (ix->indexes_failed)
		return -1;
	if (index && index->ncolumns && index->columns[0] && strcmp(index->columns[0]->path, f->path) != 0 &&
	    strchr(index->columns[0]->path, '.'))
		any |= allows_at(ix, index->columns[0]->path, f, hits);
	return any;
}

static int report_allow(mg_findings *findings, const char *rule, mg_severity severity,
			const mg_allow *allow, const char *what)
{
	if (severity == MG_SEVERITY_OFF)
		return 0;
	const char *message = mg_arena_printf(findings->arena, "MG_ALLOW(%s) on \"%s\" %s", allow->rule,
					      allow->path, what);
	return message && mg_findings_add(findings, rule, severity,
					  strchr(allow->path, '.') ? MG_OBJECT_COLUMN : MG_OBJECT_TABLE,
					  allow->path, allow->location, message)
		       ? 0
		       : -1;
}

int mg_suppress_apply_allows(mg_findings *findings, const mg_graph *graph, const mg_config *config,
			     const mg_lint_options *options)
{
	if (!graph->nallows)
		return 0;
	int status = -1;
	bool *drop = calloc(findings->count ? findings->count : 1, sizeof(*drop));
	size_t *hits = calloc(graph->nallows, sizeof(*hits));
	allow_index index;
	bool index_ready = allow_index_init(&index, graph) == 0;
	if (!drop || !hits || !index_ready)
		goto cleanup;
	for (size_t i = 0; i < findings->count; i++) {
		int covered = covering_allows(&index, &findings->items[i], hits);
		if (covered < 0)
			goto cleanup;
		drop[i] = covered > 0;
	}
	compact(findings, drop);
	mg_severity unused = mg_suppress_severity(UNUSED_RULE, config, options);
	mg_severity without_reason = mg_suppress_severity(WITHOUT_REASON_RULE, config, options);
	for (size_t a = 0; a < graph->nallows; a++) {
		const mg_allow *allow = &graph->allows[a];
		if (!mg_rule_in_command(allow->rule, options))
			continue; /* the other command's to judge */
		if ((!allow->reason || !*allow->reason) &&
		    report_allow(findings, WITHOUT_REASON_RULE, without_reason, allow,
				 "gives no reason; write MG_ALLOW(rule, \"why\")") < 0)
			goto cleanup;
		if (!hits[a] && report_allow(findings, UNUSED_RULE, unused, allow, "matches no finding") < 0)
			goto cleanup;
	}
	mg_findings_sort(findings);
	status = 0;
cleanup:
	allow_index_free(&index);
	free(drop);
	free(hits);
	return status;
}
