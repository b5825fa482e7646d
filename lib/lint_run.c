/* The lint half of a run, sequenced once: configuration, baseline, sources,
 * lint, MG_ALLOW, ignores, baseline. */

#include <stdlib.h>
#include <string.h>

#include "analyzer/lint/baseline.h"
#include "analyzer/lint/config.h"
#include "analyzer/lint/lint.h"
#include "analyzer/lint/suppress.h"
#include "include/modelgraph/modelgraph.h"
#include "util/limits.h"

struct mg_lint_run {
	mg_config *config;
	mg_baseline *baseline;
	mg_graph *graph;
	mg_graph *against;              /* diff: the database; NULL for lint */
	mg_findings *findings;
	mg_lint_options lint_options;
	/* The request's --enable/--disable first, then the configuration's:
	 * the first match wins. */
	const char **override_ids;
	mg_severity *override_severities;
	mg_severity fail_threshold;     /* MG_SEVERITY_OFF: nothing fails */
};

int mg_project_config_load(mg_config **out, const char *path, mg_error *err)
{
	char found[4096];
	*out = NULL;
	if (!path) {
		int located = mg_config_find(found, sizeof(found), NULL);
		if (located == -1) {
			mg_error_set(err, "cannot look for %s in the parent directories: their relative path "
				     "is longer than %zu bytes; name the configuration with --config",
				     MG_CONFIG_FILE_NAME, sizeof(found) - 1);
			return -1;
		}
		if (located == -2) {
			mg_error_set(err, "%s: not applied: others can change it (another user owns it, or "
				     "its group or others may write it); fix that (chmod go-w), or name it "
				     "with --config to apply it anyway", found);
			return -1;
		}
		if (located == 0)
			return 0; /* no configuration: the defaults */
		path = found;
	}
	return mg_config_load(out, path, err);
}

static const mg_rule *rule_named(const char *id, const char *option, mg_error *err)
{
	const mg_rule *rule = mg_rule_find(id);
	if (rule)
		return rule;
	const char *near = mg_rule_nearest(id);
	if (near)
		mg_error_set(err, "--%s: unknown rule \"%s\"; did you mean \"%s\"?", option, id, near);
	else
		mg_error_set(err, "--%s: unknown rule \"%s\"; see modelgraph rules", option, id);
	return NULL;
}

/* Severity overrides: the request's, then the configuration's. */
static int build_lint_options(mg_lint_run *run, const mg_lint_request *request, mg_error *err)
{
	mg_lint_options from_config = {0};
	mg_config_apply(run->config, &from_config);
	size_t capacity = request->ndisable + request->nenable + from_config.noverrides;
	run->override_ids = calloc(capacity ? capacity : 1, sizeof(*run->override_ids));
	run->override_severities = calloc(capacity ? capacity : 1, sizeof(*run->override_severities));
	if (!run->override_ids || !run->override_severities) {
		mg_error_set(err, "out of memory");
		return -1;
	}
	size_t n = 0;
	for (size_t i = 0; i < request->ndisable; i++) {
		const mg_rule *rule = rule_named(request->disable[i], "disable", err);
		if (!rule)
			return -1;
		run->override_ids[n] = rule->id;
		run->override_severities[n++] = MG_SEVERITY_OFF;
	}
	for (size_t i = 0; i < request->nenable; i++) {
		const mg_rule *rule = rule_named(request->enable[i], "enable", err);
		if (!rule)
			return -1;
		run->override_ids[n] = rule->id;
		run->override_severities[n++] =
			rule->severity == MG_SEVERITY_OFF ? MG_SEVERITY_WARNING : rule->severity;
	}
	for (size_t i = 0; i < from_config.noverrides; i++) {
		run->override_ids[n] = from_config.override_ids[i];
		run->override_severities[n++] = from_config.override_severities[i];
	}
	run->lint_options = (mg_lint_options){
		.dialects = from_config.dialects,
		.target_dialects = from_config.target_dialects,
		.policy = from_config.policy,
		.override_ids = run->override_ids,
		.override_severities = run->override_severities,
		.noverrides = n,
	};
	return 0;
}

static int load_baseline(mg_lint_run *run, const mg_lint_request *request, mg_error *err)
{
	if (request->ignore_baseline)
		return 0;
	const char *path = request->baseline_path ? request->baseline_path
						  : mg_config_baseline(run->config);
	if (!path)
		return 0;
	return mg_baseline_load(&run->baseline, path, err);
}

/* The lowest severity that fails the run; OFF means nothing does. */
static mg_severity fail_threshold(const mg_lint_request *request, const mg_config *config)
{
	const char *level = request->fail_on;
	if (!level)
		level = mg_config_fail_on(config);
	if (!level)
		level = "error";
	mg_severity severity = MG_SEVERITY_OFF;
	if (strcmp(level, "never") != 0 && mg_severity_parse(level, &severity) < 0)
		severity = MG_SEVERITY_ERROR;
	return severity;
}

int mg_lint_run_new(mg_lint_run **out, const mg_lint_request *request, mg_error *err)
{
	mg_lint_run *run = calloc(1, sizeof(*run));
	*out = NULL;
	if (!run) {
		mg_error_set(err, "out of memory");
		return -1;
	}
	if ((!request->no_config && mg_project_config_load(&run->config, request->config_path, err) < 0) ||
	    build_lint_options(run, request, err) < 0 || load_baseline(run, request, err) < 0)
		goto fail;
	run->fail_threshold = fail_threshold(request, run->config);
	run->graph = mg_load(request->sources, request->nsources, request->read, err);
	if (!run->graph)
		goto fail;
	if (request->nagainst) {
		run->against = mg_load(request->against, request->nagainst, request->read, err);
		if (!run->against)
			goto fail;
		run->lint_options.against = run->against;
	}
	run->findings = mg_findings_new();
	if (!run->findings || mg_lint(run->graph, &run->lint_options, run->findings) < 0 ||
	    mg_suppress_apply_allows(run->findings, run->graph, run->config, &run->lint_options) < 0 ||
	    mg_suppress_apply(run->findings, run->config, run->baseline, &run->lint_options, NULL) < 0) {
		if (run->findings && run->findings->over_limit)
			mg_error_set(err, "the run found more findings than one run may record; turn off the "
				     "rules that find most, or " MG_LIMIT_ADVICE_FMT,
				     MG_LIMIT_ADVICE_ARGS(MG_LIMIT_FINDINGS));
		else
			mg_error_set(err, "out of memory while linting");
		goto fail;
	}
	*out = run;
	return 0;
fail:
	mg_lint_run_free(run);
	return -1;
}

const mg_graph *mg_lint_run_graph(const mg_lint_run *run)
{
	return run->graph;
}

const mg_graph *mg_lint_run_against(const mg_lint_run *run)
{
	return run->against;
}

const mg_findings *mg_lint_run_findings(const mg_lint_run *run)
{
	return run->findings;
}

bool mg_lint_run_fails(const mg_lint_run *run)
{
	return run->fail_threshold != MG_SEVERITY_OFF &&
	       mg_findings_count_at_least(run->findings, run->fail_threshold) > 0;
}

void mg_lint_run_free(mg_lint_run *run)
{
	if (!run)
		return;
	mg_findings_free(run->findings);
	mg_graph_free(run->graph);
	mg_graph_free(run->against);
	mg_baseline_free(run->baseline);
	mg_config_free(run->config);
	free(run->override_ids);
	free(run->override_severities);
	free(run);
}

int mg_report_write(const char *format, const mg_findings *findings,
		    const mg_report_settings *settings, mg_buf *out)
{
	const mg_reporter *reporter = mg_reporter_find(format);
	if (!reporter)
		return -1;
	reporter->write(findings, settings, out);
	return 0;
}
