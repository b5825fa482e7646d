/* The configuration's accessors: what a load found, for its callers. */
#include "analyzer/lint/config_loader.h"

const char *mg_config_path(const mg_config *config)
{
	return config ? config->path : NULL;
}

void mg_config_apply(const mg_config *config, mg_lint_options *out)
{
	if (!config)
		return;
	out->override_ids = config->override_ids;
	out->override_severities = config->override_severities;
	out->noverrides = config->noverrides;
	if (config->dialects)
		out->dialects = config->dialects;
	if (config->target_dialects)
		out->target_dialects = config->target_dialects;
	out->policy = config->policy;
}

int mg_config_rule_severity(const mg_config *config, const char *rule_id, mg_severity *out)
{
	for (size_t i = 0; config && i < config->noverrides; i++)
		if (strcmp(config->override_ids[i], rule_id) == 0) {
			*out = config->override_severities[i];
			return 0;
		}
	return -1;
}

const mg_config_ignore *mg_config_ignores(const mg_config *config, size_t *out_count)
{
	*out_count = config ? config->nignores : 0;
	return config ? config->ignores : NULL;
}

static const char *get(const mg_config *config, size_t index)
{
	return config ? config->settings[index] : NULL;
}

const char *mg_config_fail_on(const mg_config *config) { return get(config, SET_FAIL_ON); }
const char *mg_config_baseline(const mg_config *config) { return get(config, SET_BASELINE); }
const char *mg_config_docs_title(const mg_config *config) { return get(config, SET_DOCS_TITLE); }
const char *mg_config_docs_format(const mg_config *config) { return get(config, SET_DOCS_FORMAT); }
const char *mg_config_diagram_columns(const mg_config *config)
{
	return get(config, SET_DIAGRAM_COLUMNS);
}
const char *mg_config_diagram_group_by(const mg_config *config)
{
	return get(config, SET_DIAGRAM_GROUP_BY);
}

int mg_config_diagram_collapse_association(const mg_config *config)
{
	const char *value = get(config, SET_DIAGRAM_COLLAPSE);
	return value ? strcmp(value, "true") == 0 : -1;
}
