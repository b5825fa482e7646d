/*
 * The configuration file: the schema as documented in docs/configuration.md,
 * every error with its exact message and position, and the upward search.
 */
#define _POSIX_C_SOURCE 200809L

#include "tests/unit/test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyzer/lint/config.h"
#include "analyzer/lint/glob.h"
#include "analyzer/lint/lint.h"
#include "util/limits.h"

static char config_path[1024];

/* Writes `text` as the configuration file and returns its path. */
static const char *write_config(const char *text)
{
	snprintf(config_path, sizeof(config_path), "%s", mg_test_write_file(".modelgraph.yml", text));
	return config_path;
}

static mg_config *load_ok(const char *text)
{
	mg_error err = {{0}};
	mg_config *config = NULL;
	const char *path = write_config(text);
	if (mg_config_load(&config, path, &err) != 0)
		fail_msg("loading failed: %s", err.message);
	assert_non_null(config);
	return config;
}

/* Loading `text` fails with "<path>:" followed by `expected`. */
static void load_fails(const char *text, const char *expected)
{
	mg_error err = {{0}};
	mg_config *config = (mg_config *)&err; /* must be reset to NULL */
	const char *path = write_config(text);
	assert_int_equal(mg_config_load(&config, path, &err), -1);
	assert_null(config);
	char want[1200];
	snprintf(want, sizeof(want), "%s:%s", path, expected);
	assert_string_equal(err.message, want);
}

static int teardown_group(void **state)
{
	(void)state;
	mg_test_tmpdir_remove();
	return 0;
}

/* ---- the schema ---- */

static const char full_config[] =
	"# the example of docs/configuration.md\n"
	"rules:\n"
	"  fk-missing-index: off\n"
	"  name-reserved-word:\n"
	"    severity: error\n"
	"    dialects: [postgresql, mysql]\n"
	"  table-isolated: \"warning\"\n"
	"ignore:\n"
	"  - rule: table-isolated\n"
	"    path: \"audit_*\"\n"
	"    reason: \"append-only log tables\"\n"
	"  - {rule: fk-missing-index, path: \"*.tenant_id\", reason: tiny tables}\n"
	"lint:\n"
	"  fail-on: warning\n"
	"  baseline: ci/baseline.json\n"
	"docs:\n"
	"  title: \"Our schema\"\n"
	"  format: markdown\n"
	"diagram:\n"
	"  columns: keys\n"
	"  group-by: schema\n"
	"  collapse-association: true\n";

static void full_config_loads(void **state)
{
	(void)state;
	mg_config *config = load_ok(full_config);
	assert_string_equal(mg_config_path(config), config_path);

	mg_lint_options options = {0};
	mg_config_apply(config, &options);
	assert_int_equal(options.noverrides, 3);
	assert_string_equal(options.override_ids[0], "fk-missing-index");
	assert_int_equal(options.override_severities[0], MG_SEVERITY_OFF);
	assert_string_equal(options.override_ids[1], "name-reserved-word");
	assert_int_equal(options.override_severities[1], MG_SEVERITY_ERROR);
	assert_string_equal(options.override_ids[2], "table-isolated");
	assert_int_equal(options.override_severities[2], MG_SEVERITY_WARNING);
	assert_null(options.override_ids[3]);
	assert_int_equal(options.dialects, MG_DIALECT_POSTGRESQL | MG_DIALECT_MYSQL);

	mg_severity severity = MG_SEVERITY_NOTE;
	assert_int_equal(mg_config_rule_severity(config, "fk-missing-index", &severity), 0);
	assert_int_equal(severity, MG_SEVERITY_OFF);
	assert_int_equal(mg_config_rule_severity(config, "index-redundant", &severity), -1);

	size_t n = 0;
	const mg_config_ignore *ignores = mg_config_ignores(config, &n);
	assert_int_equal(n, 2);
	assert_string_equal(ignores[0].rule, "table-isolated");
	assert_string_equal(ignores[0].pattern, "audit_*");
	assert_string_equal(ignores[0].reason, "append-only log tables");
	assert_string_equal(ignores[0].location.file, config_path);
	assert_int_equal(ignores[0].location.line, 9);
	assert_int_equal(ignores[0].location.column, 5);
	assert_string_equal(ignores[1].rule, "fk-missing-index");
	assert_string_equal(ignores[1].pattern, "*.tenant_id");
	assert_string_equal(ignores[1].reason, "tiny tables");
	assert_int_equal(ignores[1].location.line, 12);
	assert_int_equal(ignores[1].location.column, 5);

	assert_string_equal(mg_config_fail_on(config), "warning");
	char baseline[1100];
	snprintf(baseline, sizeof(baseline), "%s/ci/baseline.json", mg_test_tmpdir());
	assert_string_equal(mg_config_baseline(config), baseline);
	assert_string_equal(mg_config_docs_title(config), "Our schema");
	assert_string_equal(mg_config_docs_format(config), "markdown");
	assert_string_equal(mg_config_diagram_columns(config), "keys");
	assert_string_equal(mg_config_diagram_group_by(config), "schema");
	assert_int_equal(mg_config_diagram_collapse_association(config), 1);
	mg_config_free(config);
}

/* The example of docs/configuration.md loads. */
static void documented_example_loads(void **state)
{
	(void)state;
	FILE *f = fopen(MG_TEST_SOURCE_DIR "/../../docs/configuration.md", "r");
	assert_non_null(f);
	static char doc[32768];
	size_t len = fread(doc, 1, sizeof(doc) - 1, f);
	fclose(f);
	doc[len] = '\0';
	const char *example = strstr(doc, "## Example\n");
	assert_non_null(example);
	const char *start = strstr(example, "```yaml\n");
	assert_non_null(start);
	start += strlen("```yaml\n");
	const char *end = strstr(start, "```");
	assert_non_null(end);
	char yaml[4096];
	assert_true((size_t)(end - start) < sizeof(yaml));
	memcpy(yaml, start, (size_t)(end - start));
	yaml[end - start] = '\0';
	mg_config *config = load_ok(yaml);
	size_t n = 0;
	mg_config_ignores(config, &n);
	assert_int_equal(n, 2);
	assert_string_equal(mg_config_diagram_columns(config), "keys");
	mg_config_free(config);
}

/* A byte order mark, as editors on Windows write one, is skipped (libyaml
 * reads it as YAML allows); positions count from the text after it. */
static void a_byte_order_mark_is_skipped(void **state)
{
	(void)state;
	mg_config *config = load_ok("\xEF\xBB\xBFrules:\n  table-isolated: off\n");
	mg_severity severity;
	assert_int_equal(mg_config_rule_severity(config, "table-isolated", &severity), 0);
	assert_int_equal(severity, MG_SEVERITY_OFF);
	mg_config_free(config);
	load_fails("\xEF\xBB\xBFrules:\n  table-isolatd: off\n",
		   "2:3: unknown rule \"table-isolatd\"; did you mean \"table-isolated\"?");
}

/* Lists and mappings nest at most nesting-depth deep, the document's own
 * mapping the first level; the first one past it is named. */
static void nesting_is_bounded(void **state)
{
	(void)state;
	char message[200];
	assert_int_equal(mg_limit_set("nesting-depth=4", message, sizeof(message)), 0);
	mg_config_free(load_ok("rules:\n  name-reserved-word: {dialects: [mysql]}\n"));
	load_fails("rules:\n  name-reserved-word: {dialects: [[mysql]]}\n",
		   "2:35: lists and mappings nested deeper than a configuration may be; the limit is "
		   "nesting-depth=4 levels; raise it with --limit nesting-depth=N");
	mg_limits_reset();
	load_fails("rules:\n  name-reserved-word: {dialects: [[mysql]]}\n",
		   "2:35: a dialect must be a scalar, not a list");
}

/* Anchors and aliases share a value or an entry; an alias names only a
 * node complete before it, so a document cannot refer to itself. */
static void anchors_and_aliases(void **state)
{
	(void)state;
	mg_config *config = load_ok("ignore:\n"
				    "  - &entry {rule: table-isolated, path: \"audit_*\", reason: &why legacy}\n"
				    "  - *entry\n"
				    "  - {rule: fk-missing-index, path: x, reason: *why}\n");
	size_t n = 0;
	const mg_config_ignore *ignores = mg_config_ignores(config, &n);
	assert_int_equal(n, 3);
	assert_string_equal(ignores[1].pattern, "audit_*");
	assert_int_equal(ignores[1].location.line, 2); /* the entry it names */
	assert_string_equal(ignores[2].reason, "legacy");
	mg_config_free(config);
	load_fails("lint: *nothing\n", "1:7: the alias \"*nothing\" names no anchor defined before it");
	load_fails("ignore: &self [*self]\n", "1:16: the alias \"*self\" names no anchor defined before it");
	load_fails("lint: &a {}\ndocs: &a {}\n", "2:7: the anchor \"a\" is already defined at line 1, column 7");
}

static void empty_files_are_empty_configurations(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"",
		"# nothing configured yet\n",
		"~\n",
		"---\n",
		"rules:\nignore:\nlint:\ndocs:\ndiagram:\n",
		"rules: {}\nignore: []\nlint: {}\ndocs: {}\ndiagram: {}\n",
	};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		mg_config *config = load_ok(texts[i]);
		mg_lint_options options = {.dialects = MG_DIALECT_SQLITE};
		mg_config_apply(config, &options);
		assert_int_equal(options.noverrides, 0);
		assert_non_null(options.override_ids);
		assert_null(options.override_ids[0]);
		assert_int_equal(options.dialects, MG_DIALECT_SQLITE); /* left alone */
		size_t n = 1;
		mg_config_ignores(config, &n);
		assert_int_equal(n, 0);
		assert_null(mg_config_fail_on(config));
		assert_null(mg_config_baseline(config));
		assert_null(mg_config_docs_title(config));
		assert_null(mg_config_docs_format(config));
		assert_null(mg_config_diagram_columns(config));
		assert_null(mg_config_diagram_group_by(config));
		assert_int_equal(mg_config_diagram_collapse_association(config), -1);
		mg_config_free(config);
	}
}

static void null_configuration_is_harmless(void **state)
{
	(void)state;
	mg_config_free(NULL);
	static const char *const ids[] = {"table-isolated", NULL};
	static const mg_severity severities[] = {MG_SEVERITY_ERROR};
	mg_lint_options options = {.override_ids = ids, .override_severities = severities,
				   .noverrides = 1, .dialects = MG_DIALECT_MYSQL};
	mg_config_apply(NULL, &options);
	assert_ptr_equal(options.override_ids, ids);
	assert_int_equal(options.noverrides, 1);
	assert_int_equal(options.dialects, MG_DIALECT_MYSQL);
	size_t n = 7;
	assert_null(mg_config_ignores(NULL, &n));
	assert_int_equal(n, 0);
	mg_severity severity;
	assert_int_equal(mg_config_rule_severity(NULL, "table-isolated", &severity), -1);
	assert_null(mg_config_path(NULL));
	assert_null(mg_config_fail_on(NULL));
	assert_null(mg_config_baseline(NULL));
	assert_null(mg_config_docs_title(NULL));
	assert_null(mg_config_docs_format(NULL));
	assert_null(mg_config_diagram_columns(NULL));
	assert_null(mg_config_diagram_group_by(NULL));
	assert_int_equal(mg_config_diagram_collapse_association(NULL), -1);
}

static void settings_take_every_listed_value(void **state)
{
	(void)state;
	static const char *const fail_on[] = {"error", "warning", "note", "never"};
	for (size_t i = 0; i < 4; i++) {
		char text[100];
		snprintf(text, sizeof(text), "lint:\n  fail-on: %s\n", fail_on[i]);
		mg_config *config = load_ok(text);
		assert_string_equal(mg_config_fail_on(config), fail_on[i]);
		mg_config_free(config);
	}
	mg_config *config = load_ok("diagram: {collapse-association: false, columns: none}\n"
				    "lint: {baseline: /abs/baseline.json}\n");
	assert_int_equal(mg_config_diagram_collapse_association(config), 0);
	assert_string_equal(mg_config_diagram_columns(config), "none");
	assert_string_equal(mg_config_baseline(config), "/abs/baseline.json");
	mg_config_free(config);
}

/* A configuration file in the working directory names the baseline as written. */
static void baseline_beside_a_config_named_without_directory(void **state)
{
	(void)state;
	char cwd[1024];
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	write_config("lint:\n  baseline: base.json\n");
	assert_int_equal(chdir(mg_test_tmpdir()), 0);
	mg_error err = {{0}};
	mg_config *config = NULL;
	assert_int_equal(mg_config_load(&config, ".modelgraph.yml", &err), 0);
	assert_string_equal(mg_config_baseline(config), "base.json");
	mg_config_free(config);
	assert_int_equal(chdir(cwd), 0);
}

static void severities_and_dialects_reach_lint(void **state)
{
	(void)state;
	mg_graph *graph = mg_test_load_sql("CREATE TABLE user (id INTEGER PRIMARY KEY);\n"
					   "CREATE TABLE log (id INTEGER PRIMARY KEY);\n");
	mg_findings *plain = mg_test_lint(graph);
	/* Once for a schema that declares no foreign key; USER is no SQLite word. */
	assert_int_equal(mg_test_count_rule(plain, "table-isolated"), 1);
	assert_int_equal(mg_test_count_rule(plain, "name-reserved-word"), 0);
	mg_findings_free(plain);

	/* lint.dialects names where a script runs. */
	static const struct {
		const char *dialects;
		size_t reserved;
	} targets[] = {{"[postgresql]", 1}, {"[mysql]", 0}, {"[sqlite, postgresql]", 1}};
	for (size_t i = 0; i < sizeof(targets) / sizeof(targets[0]); i++) {
		char text[300];
		snprintf(text, sizeof(text), "lint:\n  dialects: %s\n", targets[i].dialects);
		mg_config *config = load_ok(text);
		mg_lint_options options = {0};
		mg_config_apply(config, &options);
		mg_findings *findings = mg_findings_new();
		assert_int_equal(mg_lint(graph, &options, findings), 0);
		assert_int_equal(mg_test_count_rule(findings, "name-reserved-word"), targets[i].reserved);
		if (targets[i].reserved)
			assert_int_equal(mg_test_find_rule(findings, "name-reserved-word")->severity,
					 MG_SEVERITY_NOTE);
		mg_findings_free(findings);
		mg_config_free(config);
	}

	/* USER is reserved in PostgreSQL, not in MySQL. */
	static const struct {
		const char *dialects;
		size_t reserved;
	} cases[] = {{"[postgresql]", 1}, {"[mysql]", 0}, {"[sqlite, mysql]", 0}};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char text[300];
		snprintf(text, sizeof(text),
			 "rules:\n  table-isolated: off\n  name-reserved-word:\n"
			 "    severity: error\n    dialects: %s\n",
			 cases[i].dialects);
		mg_config *config = load_ok(text);
		mg_lint_options options = {0};
		mg_config_apply(config, &options);
		mg_findings *findings = mg_findings_new();
		assert_int_equal(mg_lint(graph, &options, findings), 0);
		assert_int_equal(mg_test_count_rule(findings, "table-isolated"), 0);
		assert_int_equal(mg_test_count_rule(findings, "name-reserved-word"), cases[i].reserved);
		if (cases[i].reserved)
			assert_int_equal(mg_test_find_rule(findings, "name-reserved-word")->severity,
					 MG_SEVERITY_ERROR);
		mg_findings_free(findings);
		mg_config_free(config);
	}
	mg_graph_free(graph);
}

/* ---- errors: keys ---- */

static void unknown_keys_suggest_or_list(void **state)
{
	(void)state;
	load_fails("ignor:\n  - rule: table-isolated\n",
		   "1:1: unknown key \"ignor\"; did you mean \"ignore\"?");
	load_fails("lint: {}\ncolour: blue\n",
		   "2:1: unknown key \"colour\"; expected rules, ignore, lint, docs or diagram");
	load_fails("docs:\n  titel: x\n", "2:3: unknown key \"titel\" in \"docs\"; did you mean \"title\"?");
	load_fails("lint:\n  fail_on: error\n",
		   "2:3: unknown key \"fail_on\" in \"lint\"; did you mean \"fail-on\"?");
	load_fails("diagram:\n  layout: dot\n",
		   "2:3: unknown key \"layout\" in \"diagram\"; expected columns, group-by or "
		   "collapse-association");
	load_fails("rules:\n  name-reserved-word:\n    dialect: [mysql]\n",
		   "3:5: unknown key \"dialect\" in rule \"name-reserved-word\"; did you mean "
		   "\"dialects\"?");
	load_fails("rules:\n  fk-missing-index:\n    dialects: [mysql]\n",
		   "3:5: unknown key \"dialects\" in rule \"fk-missing-index\"; expected severity");
	load_fails("ignore:\n  - rule: table-isolated\n    path: a\n    reasons: b\n",
		   "4:5: unknown key \"reasons\" in an ignore entry; did you mean \"reason\"?");
	load_fails("ignore:\n  - rule: table-isolated\n    path: a\n    because: b\n",
		   "4:5: unknown key \"because\" in an ignore entry; expected rule, path or reason");
}

static void keys_are_scalars_given_once(void **state)
{
	(void)state;
	load_fails("lint: {}\nlint: {}\n", "2:1: duplicate key \"lint\"");
	load_fails("rules:\n  table-isolated: off\n  table-isolated: note\n",
		   "3:3: duplicate key \"table-isolated\"");
	load_fails("? [a]\n: b\n", "1:3: a key must be a scalar, not a list");
	load_fails("docs:\n  \"ti\\0tle\": x\n", "2:3: a key contains a NUL character");
	load_fails("docs:\n  title: \"a\\0b\"\n", "2:10: \"title\" contains a NUL character");
	/* The first problem in the file's order, whichever kind it is. */
	load_fails("lint: {}\ndocs: {}\ndocs: {}\nlint: {}\n? [a]\n: b\n", "3:1: duplicate key \"docs\"");
	load_fails("lint: {}\ndocs: {}\n? [a]\n: b\nlint: {}\n", "3:3: a key must be a scalar, not a list");
	load_fails("lint: {}\ndocs: {}\nlint: {}\ndocs: {}\n", "3:1: duplicate key \"lint\"");
}

/* ---- errors: rules ---- */

static void rule_errors(void **state)
{
	(void)state;
	load_fails("rules:\n  fk-mising-index: off\n",
		   "2:3: unknown rule \"fk-mising-index\"; did you mean \"fk-missing-index\"?");
	load_fails("rules:\n  no-such-thing: off\n",
		   "2:3: unknown rule \"no-such-thing\"; \"modelgraph rules\" lists them");
	load_fails("rules:\n  fk-missing-index: eror\n",
		   "2:21: invalid severity \"eror\"; did you mean \"error\"?");
	load_fails("rules:\n  fk-missing-index: fatal\n",
		   "2:21: invalid severity \"fatal\"; expected off, note, warning or error");
	load_fails("rules:\n  fk-missing-index:\n",
		   "2:20: invalid severity \"\"; expected off, note, warning or error");
	load_fails("rules:\n  fk-missing-index:\n    severity: Warning\n",
		   "3:15: invalid severity \"Warning\"; did you mean \"warning\"?");
	load_fails("rules:\n  fk-missing-index:\n    severity: [error]\n",
		   "3:15: \"severity\" must be a scalar, not a list");
	load_fails("rules:\n  fk-missing-index: [off]\n",
		   "2:21: rule \"fk-missing-index\" takes a severity or a mapping, not a list");
	load_fails("rules: [fk-missing-index]\n", "1:8: \"rules\" must be a mapping, not a list");
	load_fails("rules: off\n", "1:8: \"rules\" must be a mapping, not a scalar");
}

/* The policy rules take their policy from the configuration, and run once
 * it is written down (at warning, unless a severity is given). */
static void policies_reach_lint(void **state)
{
	(void)state;
	mg_graph *graph = mg_test_load_sql("CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
					   "CREATE TABLE post (id INTEGER PRIMARY KEY,\n"
					   "  user_id INTEGER REFERENCES users (id) ON DELETE CASCADE);\n"
					   "CREATE INDEX ix_post_user ON post (user_id);\n");
	mg_findings *plain = mg_test_lint(graph);
	assert_int_equal(mg_test_count_rule(plain, "table-missing-column"), 0);
	assert_int_equal(mg_test_count_rule(plain, "fk-action-not-allowed"), 0);
	mg_findings_free(plain);

	mg_config *config = load_ok("rules:\n"
				    "  table-missing-column:\n    columns: [created_at, tenant_id]\n"
				    "  fk-action-not-allowed:\n    severity: error\n"
				    "    on-delete: [restrict, set null]\n");
	mg_lint_options options = {0};
	mg_config_apply(config, &options);
	assert_int_equal(options.policy.nrequired_columns, 2);
	assert_string_equal(options.policy.required_columns[1], "tenant_id");
	assert_int_equal(options.policy.allowed_on_delete,
			 (1u << MG_ACTION_RESTRICT) | (1u << MG_ACTION_SET_NULL));
	mg_findings *findings = mg_findings_new();
	assert_int_equal(mg_lint(graph, &options, findings), 0);
	assert_int_equal(mg_test_count_rule(findings, "table-missing-column"), 4);
	assert_int_equal(mg_test_find_rule(findings, "table-missing-column")->severity, MG_SEVERITY_WARNING);
	const mg_finding *f = mg_test_find_rule(findings, "fk-action-not-allowed");
	assert_int_equal(f->severity, MG_SEVERITY_ERROR);
	assert_string_equal(f->message, "foreign key \"post_user_id_fkey\" is ON DELETE CASCADE; the "
					"project allows RESTRICT, SET NULL");
	mg_findings_free(findings);
	mg_config_free(config);
	mg_graph_free(graph);
}

static void policy_errors(void **state)
{
	(void)state;
	load_fails("rules:\n  fk-action-not-allowed:\n    on-delete: [CASCADE, DELETE]\n",
		   "3:26: unknown action \"DELETE\"; expected NO ACTION, RESTRICT, CASCADE, SET NULL or "
		   "SET DEFAULT");
	load_fails("rules:\n  fk-action-not-allowed:\n    on-delete: [SET NUL]\n",
		   "3:17: unknown action \"SET NUL\"; did you mean \"SET NULL\"?");
	load_fails("rules:\n  table-missing-column:\n    columns: []\n",
		   "3:14: \"columns\" needs at least one column name");
	load_fails("rules:\n  table-too-many-columns:\n    max-columns: 0\n",
		   "3:18: \"max-columns\" must be a whole number from 1 to 100000, not \"0\"");
	load_fails("rules:\n  table-too-many-columns:\n    max-columns: lots\n",
		   "3:18: \"max-columns\" must be a whole number from 1 to 100000, not \"lots\"");
	load_fails("rules:\n  name-casing:\n    tables: snake\n",
		   "3:13: invalid value \"snake\" for \"tables\"; did you mean \"snake_case\"?");
	load_fails("rules:\n  name-casing:\n    table-names: many\n",
		   "3:18: invalid value \"many\" for \"table-names\"; expected singular or plural");
	load_fails("rules:\n  table-missing-column:\n    column: [created_at]\n",
		   "3:5: unknown key \"column\" in rule \"table-missing-column\"; did you mean "
		   "\"columns\"?");
}

static void dialect_errors(void **state)
{
	(void)state;
	load_fails("rules:\n  name-reserved-word:\n    dialects: [postgres]\n",
		   "3:16: unknown dialect \"postgres\"; did you mean \"postgresql\"?");
	load_fails("rules:\n  name-reserved-word:\n    dialects: [mysql, oracle]\n",
		   "3:23: unknown dialect \"oracle\"; expected sqlite, postgresql or mysql");
	load_fails("rules:\n  name-reserved-word:\n    dialects: mysql\n",
		   "3:15: \"dialects\" must be a list, not a scalar");
	load_fails("rules:\n  name-reserved-word:\n    dialects: []\n",
		   "3:15: \"dialects\" needs at least one dialect");
	load_fails("lint:\n  dialects: [postgre]\n",
		   "2:14: unknown dialect \"postgre\"; did you mean \"postgresql\"?");
	load_fails("lint:\n  dialects: postgresql\n", "2:13: \"dialects\" must be a list, not a scalar");
	load_fails("lint:\n  dialect: [mysql]\n",
		   "2:3: unknown key \"dialect\" in \"lint\"; did you mean \"dialects\"?");
	load_fails("rules:\n  name-reserved-word:\n    dialects: [[mysql]]\n",
		   "3:16: a dialect must be a scalar, not a list");
}

/* ---- errors: ignores ---- */

static void ignore_errors(void **state)
{
	(void)state;
	load_fails("ignore:\n  - rule: table-isolated\n    path: \"audit_*\"\n",
		   "2:5: ignore entry needs a \"reason\": say why these findings are acceptable");
	load_fails("ignore:\n  - rule: table-isolated\n    path: \"audit_*\"\n    reason: \"  \"\n",
		   "4:13: ignore entry needs a \"reason\": say why these findings are acceptable");
	load_fails("ignore:\n  - rule: table-isolated\n    path: \"audit_*\"\n    reason:\n",
		   "4:12: ignore entry needs a \"reason\": say why these findings are acceptable");
	load_fails("ignore:\n  - path: \"audit_*\"\n    reason: logs\n",
		   "2:5: ignore entry needs a \"rule\"");
	load_fails("ignore:\n  - rule: table-isolated\n    reason: logs\n",
		   "2:5: ignore entry needs a \"path\": a pattern over object paths, such as "
		   "\"audit_*\"");
	load_fails("ignore:\n  - rule: table-isolated\n    path: \"\"\n    reason: logs\n",
		   "3:11: ignore entry needs a \"path\": a pattern over object paths, such as "
		   "\"audit_*\"");
	load_fails("ignore:\n  - rule: table-isolatd\n    path: a\n    reason: logs\n",
		   "2:11: unknown rule \"table-isolatd\"; did you mean \"table-isolated\"?");
	load_fails("ignore:\n  - rule: table-isolated\n    path: [a, b]\n    reason: logs\n",
		   "3:11: \"path\" must be a scalar, not a list");
	load_fails("ignore:\n  - rule: table-isolated\n    path: \"audit_[\"\n    reason: logs\n",
		   "3:11: invalid pattern \"audit_[\": \"[\" without a closing \"]\"");
	load_fails("ignore:\n  - rule: table-isolated\n    path: \"t[z-a]\"\n    reason: logs\n",
		   "3:11: invalid pattern \"t[z-a]\": reversed range \"z-a\"");
	load_fails("ignore:\n  - rule: table-isolated\n    path: \"t\\\\\"\n    reason: logs\n",
		   "3:11: invalid pattern \"t\\\": \"\\\" at the end escapes nothing");
	load_fails("ignore:\n  - table-isolated\n", "2:5: an ignore entry must be a mapping, not a scalar");
	load_fails("ignore:\n  -\n", "2:4: an ignore entry must be a mapping, not a scalar");
	load_fails("ignore:\n  rule: table-isolated\n", "2:3: \"ignore\" must be a list, not a mapping");
}

/* ---- errors: lint, docs, diagram ---- */

static void setting_errors(void **state)
{
	(void)state;
	load_fails("lint: strict\n", "1:7: \"lint\" must be a mapping, not a scalar");
	load_fails("docs: [a]\n", "1:7: \"docs\" must be a mapping, not a list");
	load_fails("lint:\n  fail-on: [error]\n", "2:12: \"fail-on\" must be a scalar, not a list");
	load_fails("lint:\n  fail-on: warn\n",
		   "2:12: invalid value \"warn\" for \"fail-on\"; did you mean \"warning\"?");
	load_fails("lint:\n  fail-on: always\n",
		   "2:12: invalid value \"always\" for \"fail-on\"; expected error, warning, note or "
		   "never");
	load_fails("lint:\n  fail-on: nevr\n",
		   "2:12: invalid value \"nevr\" for \"fail-on\"; did you mean \"never\"?");
	load_fails("docs:\n  title:\n", "2:9: \"title\" needs a value");
	load_fails("docs:\n  title: \"\"\n", "2:10: \"title\" needs a value");
	load_fails("docs:\n  format: pdf\n",
		   "2:11: invalid value \"pdf\" for \"format\"; expected html or markdown");
	load_fails("diagram:\n  columns: key\n",
		   "2:12: invalid value \"key\" for \"columns\"; did you mean \"keys\"?");
	load_fails("diagram:\n  columns: every\n",
		   "2:12: invalid value \"every\" for \"columns\"; expected all, keys, related or none");
	load_fails("diagram:\n  group-by: schemas\n",
		   "2:13: invalid value \"schemas\" for \"group-by\"; did you mean \"schema\"?");
	load_fails("diagram:\n  collapse-association: yes\n",
		   "2:25: invalid value \"yes\" for \"collapse-association\"; expected true or false");
	load_fails("lint:\n  baseline: {file: x}\n", "2:13: \"baseline\" must be a scalar, not a mapping");
}

/* ---- errors: the document ---- */

static void document_errors(void **state)
{
	(void)state;
	load_fails("strict\n", "1:1: the configuration must be a mapping, not a scalar");
	load_fails("- rules\n", "1:1: the configuration must be a mapping, not a list");
	load_fails("lint: {}\n---\ndocs: {}\n", "3:1: only one YAML document is allowed");
	load_fails("rules:\n  a: b\n c: d\n",
		   "3:2: did not find expected key (while parsing a block mapping at line 1, "
		   "column 1)");
	load_fails("docs:\n  title: \"Our schema\n",
		   "3:1: found unexpected end of stream (while scanning a quoted scalar at line 2, "
		   "column 10)");
	load_fails("docs: {title: x]\n",
		   "1:16: did not find expected ',' or '}' (while parsing a flow mapping at line 1, "
		   "column 7)");
	load_fails("docs:\n  title: ab\xff\n", "2:12: invalid leading UTF-8 octet (byte 0xFF)");
	load_fails("docs:\n  title: a\x01\n", "2:11: control characters are not allowed (byte 0x01)");
}

static void file_errors(void **state)
{
	(void)state;
	mg_error err = {{0}};
	mg_config *config = NULL;
	char path[1100], want[1300];

	snprintf(path, sizeof(path), "%s/missing.yml", mg_test_tmpdir());
	assert_int_equal(mg_config_load(&config, path, &err), -1);
	assert_null(config);
	snprintf(want, sizeof(want), "%s: no such file; check the path", path);
	assert_string_equal(err.message, want);

	snprintf(path, sizeof(path), "%s/adir", mg_test_tmpdir());
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(mg_config_load(&config, path, &err), -1);
	snprintf(want, sizeof(want), "%s: is a directory; name a configuration file", path);
	assert_string_equal(err.message, want);

	if (geteuid() != 0) { /* root reads anything */
		const char *locked = write_config("lint: {}\n");
		assert_int_equal(chmod(locked, 0), 0);
		assert_int_equal(mg_config_load(&config, locked, &err), -1);
		snprintf(want, sizeof(want), "%s: cannot open: Permission denied", locked);
		assert_string_equal(err.message, want);
		assert_int_equal(chmod(locked, 0600), 0);
	}
}

/* ---- finding the file ---- */

static char tree[1024];

/* TMP/tree/.modelgraph.yml and TMP/tree/a/b/c. */
static void make_tree(void)
{
	char path[1200];
	snprintf(tree, sizeof(tree), "%s/tree", mg_test_tmpdir());
	static const char *const dirs[] = {"", "/a", "/a/b", "/a/b/c"};
	for (size_t i = 0; i < 4; i++) {
		snprintf(path, sizeof(path), "%s%s", tree, dirs[i]);
		assert_true(mkdir(path, 0700) == 0 || access(path, F_OK) == 0);
	}
	snprintf(path, sizeof(path), "%s/.modelgraph.yml", tree);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("lint: {fail-on: note}\n", f);
	assert_int_equal(fclose(f), 0);
}

static void same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	assert_int_equal(stat(a, &sa), 0);
	assert_int_equal(stat(b, &sb), 0);
	assert_true(sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino);
}

static void config_is_found_upward(void **state)
{
	(void)state;
	make_tree();
	char start[1100], found[2048], want[2048], top[1100];
	snprintf(start, sizeof(start), "%s/a/b/c", tree);
	snprintf(top, sizeof(top), "%s/.modelgraph.yml", tree);
	assert_int_equal(mg_config_find(found, sizeof(found), start), 1);
	snprintf(want, sizeof(want), "%s/a/b/c/../../../.modelgraph.yml", tree);
	assert_string_equal(found, want);
	same_file(found, top);

	/* The found path loads. */
	mg_error err = {{0}};
	mg_config *config = NULL;
	assert_int_equal(mg_config_load(&config, found, &err), 0);
	assert_string_equal(mg_config_fail_on(config), "note");
	mg_config_free(config);

	/* In the start directory itself, with or without a trailing slash. */
	assert_int_equal(mg_config_find(found, sizeof(found), tree), 1);
	assert_string_equal(found, top);
	snprintf(start, sizeof(start), "%s/", tree);
	assert_int_equal(mg_config_find(found, sizeof(found), start), 1);
	assert_string_equal(found, top);

	/* Too small for the path: -1, whatever was found. */
	assert_int_equal(mg_config_find(found, 8, tree), -1);
}

static void nearest_config_wins(void **state)
{
	(void)state;
	make_tree();
	char path[1200], start[1100], found[2048], want[2048];
	snprintf(path, sizeof(path), "%s/a/.modelgraph.yml", tree);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fclose(f), 0);
	snprintf(start, sizeof(start), "%s/a/b/c", tree);
	assert_int_equal(mg_config_find(found, sizeof(found), start), 1);
	snprintf(want, sizeof(want), "%s/a/b/c/../../.modelgraph.yml", tree);
	assert_string_equal(found, want);
	same_file(found, path);
	assert_int_equal(unlink(path), 0);
}

static void working_directory_is_the_default_start(void **state)
{
	(void)state;
	make_tree();
	char cwd[1024], start[1100], found[256];
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	snprintf(start, sizeof(start), "%s/a/b", tree);
	assert_int_equal(chdir(start), 0);
	assert_int_equal(mg_config_find(found, sizeof(found), NULL), 1);
	assert_string_equal(found, "../../.modelgraph.yml");
	assert_int_equal(mg_config_find(found, sizeof(found), ""), 1);
	assert_string_equal(found, "../../.modelgraph.yml");
	assert_int_equal(mg_config_find(found, sizeof(found), "."), 1);
	assert_string_equal(found, "../../.modelgraph.yml");
	assert_int_equal(chdir(tree), 0);
	assert_int_equal(mg_config_find(found, sizeof(found), NULL), 1);
	assert_string_equal(found, ".modelgraph.yml");
	assert_int_equal(chdir(cwd), 0);
}

/* The repository root (a directory holding .git) ends the search: a
 * configuration above the checkout belongs to somebody else. */
static void search_stops_at_a_repository_root(void **state)
{
	(void)state;
	make_tree();
	char git[1200], start[1100], found[2048];
	snprintf(git, sizeof(git), "%s/a/.git", tree);
	assert_int_equal(mkdir(git, 0700), 0);
	snprintf(start, sizeof(start), "%s/a/b/c", tree);
	assert_int_equal(mg_config_find(found, sizeof(found), start), 0);
	/* A .git file (a worktree or submodule) counts too. */
	assert_int_equal(rmdir(git), 0);
	FILE *f = fopen(git, "w");
	assert_non_null(f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(mg_config_find(found, sizeof(found), start), 0);
	assert_int_equal(unlink(git), 0);
	assert_int_equal(mg_config_find(found, sizeof(found), start), 1);
}

/* A file others can change is found but not trusted: -2, with its path. */
static void configuration_others_can_write_is_not_trusted(void **state)
{
	(void)state;
	make_tree();
	char path[1200], start[1100], found[2048];
	snprintf(path, sizeof(path), "%s/.modelgraph.yml", tree);
	snprintf(start, sizeof(start), "%s/a", tree);
	static const mode_t modes[] = {0666, 0620, 0602};
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		assert_int_equal(chmod(path, modes[i]), 0);
		assert_int_equal(mg_config_find(found, sizeof(found), start), -2);
		same_file(found, path);
	}
	assert_int_equal(chmod(path, 0644), 0);
	assert_int_equal(mg_config_find(found, sizeof(found), start), 1);
}

static void search_stops_at_the_root(void **state)
{
	(void)state;
	char found[256] = "untouched";
	if (access("/" MG_CONFIG_FILE_NAME, F_OK) == 0)
		skip();
	assert_int_equal(mg_config_find(found, sizeof(found), "/"), 0);
	assert_string_equal(found, "untouched");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(full_config_loads),
		cmocka_unit_test(documented_example_loads),
		cmocka_unit_test(a_byte_order_mark_is_skipped),
		cmocka_unit_test(nesting_is_bounded),
		cmocka_unit_test(anchors_and_aliases),
		cmocka_unit_test(empty_files_are_empty_configurations),
		cmocka_unit_test(null_configuration_is_harmless),
		cmocka_unit_test(settings_take_every_listed_value),
		cmocka_unit_test(baseline_beside_a_config_named_without_directory),
		cmocka_unit_test(severities_and_dialects_reach_lint),
		cmocka_unit_test(policies_reach_lint),
		cmocka_unit_test(policy_errors),
		cmocka_unit_test(unknown_keys_suggest_or_list),
		cmocka_unit_test(keys_are_scalars_given_once),
		cmocka_unit_test(rule_errors),
		cmocka_unit_test(dialect_errors),
		cmocka_unit_test(ignore_errors),
		cmocka_unit_test(setting_errors),
		cmocka_unit_test(document_errors),
		cmocka_unit_test(file_errors),
		cmocka_unit_test(config_is_found_upward),
		cmocka_unit_test(nearest_config_wins),
		cmocka_unit_test(working_directory_is_the_default_start),
		cmocka_unit_test(search_stops_at_a_repository_root),
		cmocka_unit_test(configuration_others_can_write_is_not_trusted),
		cmocka_unit_test(search_stops_at_the_root),
	};
	return cmocka_run_group_tests(tests, NULL, teardown_group);
}
