/*
 * The `rules` section (a severity, or a mapping with the rule's options)
 * and the `ignore` section (rule, path pattern, reason) of
 * `.modelgraph.yml`.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/core/suggest.h"
#include "analyzer/lint/config_loader.h"
#include "analyzer/lint/glob.h"
#include "analyzer/lint/reserved_words.h"

static const char *const ignore_keys[] = {"rule", "path", "reason"};
static const char *const severity_names[] = {"off", "note", "warning", "error"};

static const struct {
	const char *name;
	unsigned bit;
} dialects[] = {
	{"sqlite", MG_DIALECT_SQLITE},
	{"postgresql", MG_DIALECT_POSTGRESQL},
	{"mysql", MG_DIALECT_MYSQL},
};

/* Options a rule takes besides `severity`. */
static const struct {
	const char *rule;
	const char *key;
} rule_options[] = {
	{"name-reserved-word", "dialects"},
	{"table-missing-column", "columns"},
	{"fk-action-not-allowed", "on-delete"},
	{"fk-action-not-allowed", "on-update"},
	{"table-too-many-columns", "max-columns"},
	{"table-too-many-columns", "max-large-columns"},
	{"name-casing", "tables"},
	{"name-casing", "columns"},
	{"name-casing", "table-names"},
};

static const char *const casings[] = {"snake_case", "camelCase", "PascalCase"};
static const char *const numbers[] = {"singular", "plural"};

static const char *const action_names[] = {"NO ACTION", "RESTRICT", "CASCADE", "SET NULL",
					   "SET DEFAULT"};

/* ---- rules ---- */

static const mg_rule *find_rule(loader *ld, const yaml_node_t *node)
{
	const mg_rule *rule = mg_rule_find(config_text_of(node));
	if (rule)
		return rule;
	size_t n = 0;
	const mg_rule *const *all = mg_rules_all(&n);
	const char *ids[256];
	if (n > COUNT(ids))
		n = COUNT(ids);
	for (size_t i = 0; i < n; i++)
		ids[i] = all[i]->id;
	const char *text = config_text_of(node);
	const char *near = mg_suggest_nearest(text, strlen(text), ids, n);
	if (near)
		config_fail_at(ld, node, "unknown rule \"%s\"; did you mean \"%s\"?", text, near);
	else
		config_fail_at(ld, node, "unknown rule \"%s\"; \"modelgraph rules\" lists them", text);
	return NULL;
}

static int parse_severity(loader *ld, const yaml_node_t *node, mg_severity *out)
{
	if (config_expect(ld, node, YAML_SCALAR_NODE, false, "\"severity\"") < 0)
		return -1;
	if (mg_severity_parse(config_text_of(node), out) == 0)
		return 0;
	return config_fail_choice(ld, node, severity_names, COUNT(severity_names), "invalid severity \"%s\"",
				  config_text_of(node));
}

static int add_override(loader *ld, const mg_rule *rule, mg_severity severity)
{
	mg_config *c = ld->config;
	size_t n = c->noverrides;
	if (MG_ARENA_PUSH(c->arena, c->override_ids, n, c->ids_cap, rule->id) < 0)
		return config_fail_memory(ld);
	n = c->noverrides;
	if (MG_ARENA_PUSH(c->arena, c->override_severities, n, c->severities_cap, severity) < 0)
		return config_fail_memory(ld);
	c->noverrides = n;
	return 0;
}

int config_parse_dialects(loader *ld, const yaml_node_t *node, unsigned *out)
{
	const char *names[COUNT(dialects)];
	for (size_t i = 0; i < COUNT(dialects); i++)
		names[i] = dialects[i].name;
	if (config_expect(ld, node, YAML_SEQUENCE_NODE, false, "\"dialects\"") < 0)
		return -1;
	if (node->data.sequence.items.start == node->data.sequence.items.top)
		return config_fail_at(ld, node, "\"dialects\" needs at least one dialect");
	unsigned bits = 0;
	for (const yaml_node_item_t *it = node->data.sequence.items.start;
	     it < node->data.sequence.items.top; it++) {
		const yaml_node_t *item = yaml_document_get_node(ld->doc, *it);
		if (config_expect(ld, item, YAML_SCALAR_NODE, false, "a dialect") < 0)
			return -1;
		size_t i = 0;
		while (i < COUNT(dialects) && strcmp(config_text_of(item), dialects[i].name) != 0)
			i++;
		if (i == COUNT(dialects)) {
			return config_fail_choice(ld, item, names, COUNT(names), "unknown dialect \"%s\"",
						  config_text_of(item));
		}
		bits |= dialects[i].bit;
	}
	*out = bits;
	return 0;
}

/* A non-empty list of column names: table-missing-column's `columns`. */
static int parse_columns(loader *ld, const yaml_node_t *node, mg_lint_policy *policy)
{
	mg_config *c = ld->config;
	if (config_expect(ld, node, YAML_SEQUENCE_NODE, false, "\"columns\"") < 0)
		return -1;
	if (node->data.sequence.items.start == node->data.sequence.items.top)
		return config_fail_at(ld, node, "\"columns\" needs at least one column name");
	const char **names = c->required_columns;
	size_t n = policy->nrequired_columns;
	for (const yaml_node_item_t *it = node->data.sequence.items.start;
	     it < node->data.sequence.items.top; it++) {
		const yaml_node_t *item = yaml_document_get_node(ld->doc, *it);
		if (config_expect(ld, item, YAML_SCALAR_NODE, false, "a column name") < 0)
			return -1;
		if (config_is_null(item) || config_is_blank(config_text_of(item)))
			return config_fail_at(ld, item, "a column name cannot be empty");
		const char *name = mg_arena_strdup(c->arena, config_text_of(item));
		if (!name || MG_ARENA_PUSH(c->arena, names, n, c->required_cap, name) < 0)
			return config_fail_memory(ld);
	}
	c->required_columns = names;
	policy->required_columns = names;
	policy->nrequired_columns = n;
	return 0;
}

/* A non-empty list of referential actions, as bits 1u << mg_fk_action. */
static int parse_actions(loader *ld, const yaml_node_t *node, const char *key, unsigned *out)
{
	char what[64];
	if (config_expect(ld, node, YAML_SEQUENCE_NODE, false, config_quoted(what, sizeof(what), key)) < 0)
		return -1;
	if (node->data.sequence.items.start == node->data.sequence.items.top)
		return config_fail_at(ld, node, "\"%s\" needs at least one action", key);
	unsigned bits = 0;
	for (const yaml_node_item_t *it = node->data.sequence.items.start;
	     it < node->data.sequence.items.top; it++) {
		const yaml_node_t *item = yaml_document_get_node(ld->doc, *it);
		if (config_expect(ld, item, YAML_SCALAR_NODE, false, "an action") < 0)
			return -1;
		mg_fk_action action = mg_fk_action_parse(config_text_of(item));
		if (action == MG_ACTION_NONE) {
			return config_fail_choice(ld, item, action_names, COUNT(action_names),
						  "unknown action \"%s\"", config_text_of(item));
		}
		bits |= 1u << action;
	}
	*out = bits;
	return 0;
}

/* A whole number of at least 1. */
static int parse_count(loader *ld, const yaml_node_t *node, const char *key, size_t *out)
{
	char what[64];
	if (config_expect(ld, node, YAML_SCALAR_NODE, false, config_quoted(what, sizeof(what), key)) < 0)
		return -1;
	const char *text = config_text_of(node);
	char *end = NULL;
	unsigned long value = strtoul(text, &end, 10);
	if (!*text || *end || text[0] == '-' || text[0] == '+' || value == 0 || value > 100000)
		return config_fail_at(ld, node, "\"%s\" must be a whole number from 1 to 100000, not \"%s\"",
				      key, text);
	*out = (size_t)value;
	return 0;
}

/* One of `choices`, kept as the choice's own (static) string. */
static int parse_word(loader *ld, const yaml_node_t *node, const char *key,
		      const char *const *choices, size_t n, const char **out)
{
	char what[64];
	if (config_expect(ld, node, YAML_SCALAR_NODE, false, config_quoted(what, sizeof(what), key)) < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(config_text_of(node), choices[i]) == 0) {
			*out = choices[i];
			return 0;
		}
	return config_fail_choice(ld, node, choices, n, "invalid value \"%s\" for \"%s\"",
				  config_text_of(node), key);
}

/* `rule-id: {severity: …, option: …}` */
static int parse_rule_mapping(loader *ld, const mg_rule *rule, const yaml_node_t *map)
{
	const char *keys[1 + COUNT(rule_options)] = {"severity"};
	size_t nkeys = 1;
	for (size_t i = 0; i < COUNT(rule_options); i++)
		if (strcmp(rule_options[i].rule, rule->id) == 0)
			keys[nkeys++] = rule_options[i].key;

	if (config_check_keys(ld, map) < 0)
		return -1;
	bool severity_given = false, option_given = false;
	const yaml_node_t *key, *value;
	FOR_EACH_PAIR(ld, map, key, value) {
		const char *name = config_text_of(key);
		size_t k = 0;
		while (k < nkeys && strcmp(name, keys[k]) != 0)
			k++;
		if (k == nkeys) {
			char context[300];
			snprintf(context, sizeof(context), " in rule \"%s\"", rule->id);
			return config_fail_unknown_key(ld, key, context, keys, nkeys);
		}
		mg_lint_policy *policy = &ld->config->policy;
		int r = 0;
		if (strcmp(name, "severity") == 0) {
			mg_severity severity;
			if (parse_severity(ld, value, &severity) < 0 ||
			    add_override(ld, rule, severity) < 0)
				return -1;
			severity_given = true;
			continue;
		} else if (strcmp(name, "dialects") == 0) {
			r = config_parse_dialects(ld, value, &ld->config->dialects);
		} else if (strcmp(name, "columns") == 0 && strcmp(rule->id, "table-missing-column") == 0) {
			r = parse_columns(ld, value, policy);
		} else if (strcmp(name, "on-delete") == 0) {
			r = parse_actions(ld, value, name, &policy->allowed_on_delete);
		} else if (strcmp(name, "on-update") == 0) {
			r = parse_actions(ld, value, name, &policy->allowed_on_update);
		} else if (strcmp(name, "max-columns") == 0) {
			r = parse_count(ld, value, name, &policy->max_columns);
		} else if (strcmp(name, "max-large-columns") == 0) {
			r = parse_count(ld, value, name, &policy->max_large_columns);
		} else if (strcmp(name, "tables") == 0) {
			r = parse_word(ld, value, name, casings, COUNT(casings), &policy->table_case);
		} else if (strcmp(name, "columns") == 0 && strcmp(rule->id, "name-casing") == 0) {
			r = parse_word(ld, value, name, casings, COUNT(casings), &policy->column_case);
		} else if (strcmp(name, "table-names") == 0) {
			r = parse_word(ld, value, name, numbers, COUNT(numbers), &policy->table_number);
		}
		if (r < 0)
			return -1;
		option_given = true;
	}
	/* A policy rule, off by default, runs once its policy is written down. */
	if (option_given && !severity_given && rule->severity == MG_SEVERITY_OFF &&
	    add_override(ld, rule, MG_SEVERITY_WARNING) < 0)
		return -1;
	return 0;
}

int config_parse_rules(loader *ld, const yaml_node_t *node)
{
	int r = config_expect(ld, node, YAML_MAPPING_NODE, true, "\"rules\"");
	if (r <= 0)
		return r;
	if (config_check_keys(ld, node) < 0)
		return -1;
	const yaml_node_t *key, *value;
	FOR_EACH_PAIR(ld, node, key, value) {
		const mg_rule *rule = find_rule(ld, key);
		if (!rule)
			return -1;
		if (value->type == YAML_SCALAR_NODE) {
			mg_severity severity;
			if (parse_severity(ld, value, &severity) < 0 || add_override(ld, rule, severity) < 0)
				return -1;
		} else if (value->type == YAML_MAPPING_NODE) {
			if (parse_rule_mapping(ld, rule, value) < 0)
				return -1;
		} else {
			return config_fail_at(ld, value, "rule \"%s\" takes a severity or a mapping, not a %s",
				       rule->id, config_type_name(value->type));
		}
	}
	return 0;
}

/* ---- ignores ---- */

/* A scalar member of an ignore entry, or NULL after the error. Missing or
 * blank: "needs". */
static const char *ignore_member(loader *ld, const yaml_node_t *entry, const yaml_node_t *value,
				 const char *name, const char *hint)
{
	char what[64];
	if (value && config_expect(ld, value, YAML_SCALAR_NODE, true, config_quoted(what, sizeof(what), name)) < 0)
		return NULL;
	if (!value || config_is_null(value) || config_is_blank(config_text_of(value))) {
		config_fail_at(ld, value ? value : entry, "ignore entry needs a \"%s\"%s", name, hint);
		return NULL;
	}
	return config_text_of(value);
}

static int parse_ignore(loader *ld, const yaml_node_t *entry)
{
	if (config_expect(ld, entry, YAML_MAPPING_NODE, false, "an ignore entry") < 0 ||
	    config_check_keys(ld, entry) < 0)
		return -1;
	const yaml_node_t *members[COUNT(ignore_keys)] = {NULL};
	const yaml_node_t *key, *value;
	FOR_EACH_PAIR(ld, entry, key, value) {
		size_t k = 0;
		while (k < COUNT(ignore_keys) && strcmp(config_text_of(key), ignore_keys[k]) != 0)
			k++;
		if (k == COUNT(ignore_keys))
			return config_fail_unknown_key(ld, key, " in an ignore entry", ignore_keys,
						COUNT(ignore_keys));
		members[k] = value;
	}

	const char *rule_id = ignore_member(ld, entry, members[0], "rule", "");
	if (!rule_id)
		return -1;
	const mg_rule *rule = find_rule(ld, members[0]);
	if (!rule)
		return -1;
	const char *pattern = ignore_member(ld, entry, members[1], "path",
					    ": a pattern over object paths, such as \"audit_*\"");
	if (!pattern)
		return -1;
	char problem[300];
	if (mg_glob_check(pattern, problem, sizeof(problem)) < 0)
		return config_fail_at(ld, members[1], "invalid pattern \"%s\": %s", pattern, problem);
	const char *reason = ignore_member(ld, entry, members[2], "reason",
					   ": say why these findings are acceptable");
	if (!reason)
		return -1;

	mg_config *c = ld->config;
	mg_config_ignore ignore = {
		.rule = rule->id,
		.pattern = mg_arena_strdup(c->arena, pattern),
		.reason = mg_arena_strdup(c->arena, reason),
		.location = {.file = c->path,
			     .line = (unsigned)entry->start_mark.line + 1,
			     .column = (unsigned)entry->start_mark.column + 1},
	};
	if (!ignore.pattern || !ignore.reason ||
	    MG_ARENA_PUSH(c->arena, c->ignores, c->nignores, c->ignores_cap, ignore) < 0)
		return config_fail_memory(ld);
	return 0;
}

int config_parse_ignores(loader *ld, const yaml_node_t *node)
{
	int r = config_expect(ld, node, YAML_SEQUENCE_NODE, true, "\"ignore\"");
	if (r <= 0)
		return r;
	for (const yaml_node_item_t *it = node->data.sequence.items.start;
	     it < node->data.sequence.items.top; it++)
		if (parse_ignore(ld, yaml_document_get_node(ld->doc, *it)) < 0)
			return -1;
	return 0;
}
