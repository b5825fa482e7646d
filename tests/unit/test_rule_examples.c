/* The examples in the rule catalog are real: each "fires on" example makes
 * its rule fire, each "does not fire on" example does not, read through
 * the same readers users run (SQL as a DDL script, C as an annotated
 * header). So `explain`, docs/rules.md and SARIF's help never show an
 * example that lies. */

#include "tests/unit/test_support.h"

#include <stdio.h>
#include <string.h>

#include "analyzer/lint/config.h"
#include "analyzer/lint/lint.h"
#include "lib/load.h"

static int teardown(void **state)
{
	(void)state;
	mg_test_tmpdir_remove();
	return 0;
}

/* How many findings of `rule` the example produces; -1 when it does not
 * even load. C examples are fragments of a header: the annotations header
 * is included for them. */
static long fire_count(const mg_rule *rule, const char *file_name, const char *text)
{
	/* An example of how sources combine is several sources, each after a
	 * line "-- another source:". */
	static const char marker[] = "\n-- another source:\n";
	char source[8192], names[4][256], paths[4][4096];
	const char *sources[4];
	size_t nsources = 0;
	bool c = strstr(file_name, ".h") != NULL;
	for (const char *part = text; part && nsources < 4; nsources++) {
		const char *end = strstr(part, marker);
		int len = end ? (int)(end - part) : (int)strlen(part);
		snprintf(source, sizeof(source), "%s%.*s\n",
			 c && !strstr(text, "#include") ? "#include <modelgraph/annotations.h>\n" : "", len, part);
		snprintf(names[nsources], sizeof(names[0]), "%zu-%s", nsources + 1, file_name);
		snprintf(paths[nsources], sizeof(paths[0]), "%s", mg_test_write_file(names[nsources], source));
		sources[nsources] = paths[nsources];
		part = end ? end + strlen(marker) : NULL;
	}
	mg_error err = {{0}};
	/* A drift rule's example is the models, then "-- the database:" and the
	 * database, which diff compares them with. */
	mg_graph *against = NULL;
	if (rule->sources & MG_RULE_SOURCE_DIFF) {
		const char *db = strstr(text, "\n-- the database:\n");
		if (!db) {
			fprintf(stderr, "%s: a drift example without \"-- the database:\"\n%s\n", rule->id, text);
			return -1;
		}
		snprintf(source, sizeof(source), "%.*s\n", (int)(db - text), text);
		snprintf(paths[0], sizeof(paths[0]), "%s", mg_test_write_file("models.sql", source));
		snprintf(paths[1], sizeof(paths[1]), "%s", mg_test_write_file("database.sql", db + 1));
		sources[0] = paths[0];
		nsources = 1;
		const char *db_source = paths[1];
		if (!(against = mg_load(&db_source, 1, NULL, &err))) {
			fprintf(stderr, "%s: an example does not load: %s\n%s\n", rule->id, err.message, text);
			return -1;
		}
	}
	mg_graph *graph = mg_load(sources, nsources, NULL, &err);
	if (!graph) {
		fprintf(stderr, "%s: an example does not load: %s\n%s\n", rule->id, err.message, text);
		mg_graph_free(against);
		return -1;
	}
	/* The examples of a dialect's rule run with the configuration they name. */
	mg_lint_options options = {0};
	mg_config *config = NULL;
	if (rule->example_config) {
		const char *path = mg_test_write_file("example.yml", rule->example_config);
		if (mg_config_load(&config, path, &err) < 0) {
			fprintf(stderr, "%s: the example configuration does not load: %s\n", rule->id,
				err.message);
			mg_graph_free(graph);
			return -1;
		}
		mg_config_apply(config, &options);
	}
	options.against = against;
	mg_findings *findings = mg_findings_new();
	assert_non_null(findings);
	assert_int_equal(mg_lint(graph, &options, findings), 0);
	long n = (long)mg_test_count_rule(findings, rule->id);
	mg_findings_free(findings);
	mg_config_free(config);
	mg_graph_free(graph);
	mg_graph_free(against);
	return n;
}

static void check_pair(const mg_rule *rule, const char *language, const char *bad, const char *good,
		       size_t *problems)
{
	char name[160];
	if (!bad && !good)
		return;
	if (!bad || !good) {
		fprintf(stderr, "%s: the %s example lacks its %s half\n", rule->id, language, bad ? "good" : "bad");
		(*problems)++;
		return;
	}
	snprintf(name, sizeof(name), "%s.%s", rule->id, strcmp(language, "c") == 0 ? "h" : "sql");
	long fired = fire_count(rule, name, bad);
	if (fired <= 0) {
		if (fired == 0)
			fprintf(stderr, "%s: the %s example that should fire does not:\n%s\n", rule->id, language, bad);
		(*problems)++;
	}
	fired = fire_count(rule, name, good);
	if (fired != 0) {
		if (fired > 0)
			fprintf(stderr, "%s: the fixed %s example still fires:\n%s\n", rule->id, language, good);
		(*problems)++;
	}
}

static void catalog_examples_fire_as_documented(void **state)
{
	(void)state;
	size_t n, problems = 0;
	const mg_rule *const *rules = mg_rules_all(&n);
	for (size_t i = 0; i < n; i++) {
		if (!rules[i]->check)
			continue; /* judged outside lint: tested where it is reported */
		check_pair(rules[i], "sql", rules[i]->bad_sql, rules[i]->good_sql, &problems);
		check_pair(rules[i], "c", rules[i]->bad_c, rules[i]->good_c, &problems);
		if (!rules[i]->bad_sql && !rules[i]->bad_c) {
			fprintf(stderr, "%s: no example\n", rules[i]->id);
			problems++;
		}
	}
	assert_int_equal(problems, 0);
}

/* A fix is a sentence: capital first, full stop last, so every fix line of
 * a report starts and ends the same way. */
static bool is_sentence(const char *text)
{
	size_t len = text ? strlen(text) : 0;
	return len > 1 && text[0] >= 'A' && text[0] <= 'Z' && text[len - 1] == '.';
}

static void catalog_fixes_are_sentences(void **state)
{
	(void)state;
	size_t n, problems = 0;
	const mg_rule *const *rules = mg_rules_all(&n);
	for (size_t i = 0; i < n; i++) {
		if (!is_sentence(rules[i]->fix)) {
			fprintf(stderr, "%s: fix \"%s\" is no sentence\n", rules[i]->id, rules[i]->fix);
			problems++;
		}
		if (rules[i]->fix_c && !is_sentence(rules[i]->fix_c)) {
			fprintf(stderr, "%s: fix_c \"%s\" is no sentence\n", rules[i]->id, rules[i]->fix_c);
			problems++;
		}
	}
	assert_int_equal(problems, 0);
}

/* explain speaks to C applications without an ORM too: a rule on C models
 * whose rationale speaks of SQLAlchemy says what it means without one. */
/* mg_rule_find halves the catalog: it must be in strict id order. */
static void catalog_is_in_id_order(void **state)
{
	(void)state;
	size_t n;
	const mg_rule *const *rules = mg_rules_all(&n);
	for (size_t i = 0; i + 1 < n; i++)
		if (strcmp(rules[i]->id, rules[i + 1]->id) >= 0)
			fail_msg("catalog.def: %s is listed before %s", rules[i]->id, rules[i + 1]->id);
	for (size_t i = 0; i < n; i++)
		assert_ptr_equal(mg_rule_find(rules[i]->id), rules[i]);
	assert_null(mg_rule_find("aaa"));
	assert_null(mg_rule_find("rel-remote-side"));
	assert_null(mg_rule_find("zzz"));
}

static void c_rules_speak_to_applications_without_orm(void **state)
{
	(void)state;
	size_t n, problems = 0;
	const mg_rule *const *rules = mg_rules_all(&n);
	for (size_t i = 0; i < n; i++) {
		const mg_rule *r = rules[i];
		bool orm_words = strstr(r->rationale, "SQLAlchemy") || strstr(r->rationale, "ORM") ||
				 strstr(r->rationale, "mapper");
		if ((r->sources & MG_RULE_SOURCE_C) && strncmp(r->id, "rel-", 4) == 0 && !r->without_orm) {
			fprintf(stderr, "%s: a relationship rule without without_orm\n", r->id);
			problems++;
		} else if (orm_words && (r->sources == MG_RULE_SOURCE_C) && !r->without_orm &&
			   strncmp(r->id, "annotation-", 11) != 0) {
			fprintf(stderr, "%s: speaks of the ORM only\n", r->id);
			problems++;
		}
		if (r->without_orm && strncmp(r->without_orm, "Without an ORM, ", 16) != 0) {
			fprintf(stderr, "%s: without_orm should open with \"Without an ORM, \"\n", r->id);
			problems++;
		}
	}
	assert_int_equal(problems, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(catalog_examples_fire_as_documented),
		cmocka_unit_test(catalog_fixes_are_sentences),
		cmocka_unit_test(catalog_is_in_id_order),
		cmocka_unit_test(c_rules_speak_to_applications_without_orm),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
