/*
 * Lint cases for the rules on C models, in the manner of tests/lint: each
 * header under cases/ carries its expected findings as a comment on the line
 * where each must be reported,
 *
 *     int id  MG_COLUMN(primary_key, primary_key); // expect: annotation-syntax
 *
 * and the (line, rule) pairs of ALL its findings must equal those of its
 * expectations, as multisets. cases/<rule-id>.bad.h makes its rule fire,
 * cases/<rule-id>.good.h is the same model fixed plus near misses; every
 * rule that applies only to C models has both.
 */
#define _POSIX_C_SOURCE 200809L

#include "tests/c/c_test.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/lint/lint.h"

#define CASES_DIR MG_TEST_SOURCE_DIR "/cases"
#define EXPECT_MARK "expect:"

typedef struct pair {
	unsigned line;
	char rule[64];
} pair;

static int cmp_pairs(const void *a, const void *b)
{
	const pair *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return strcmp(x->rule, y->rule);
}

/* The expectations of a case: every "expect: a, b" after // on a line. */
static size_t read_expectations(const char *path, pair *out, size_t cap)
{
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	char line[4096];
	size_t n = 0;
	for (unsigned number = 1; fgets(line, sizeof(line), f); number++) {
		const char *comment = strstr(line, "// " EXPECT_MARK);
		if (!comment)
			continue;
		for (const char *p = comment + strlen("// " EXPECT_MARK); *p && *p != '\n';) {
			p += strspn(p, " ,");
			size_t len = strcspn(p, " ,\n");
			if (!len)
				break;
			assert_true(n < cap && len < sizeof(out[n].rule));
			out[n].line = number;
			memcpy(out[n].rule, p, len);
			out[n].rule[len] = '\0';
			n++;
			p += len;
		}
	}
	fclose(f);
	return n;
}

static void run_case(void **state)
{
	const char *name = *state;
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", CASES_DIR, name);
	mg_graph *g = mg_c_test_read(&(const char *){path}, 1, NULL);
	mg_findings *findings = mg_test_lint(g);

	pair expected[256], actual[256];
	size_t nexpected = read_expectations(path, expected, 256), nactual = 0;
	for (size_t i = 0; i < findings->count; i++) {
		const mg_finding *f = &findings->items[i];
		assert_true(nactual < 256);
		bool here = f->location.file && strcmp(f->location.file, path) == 0;
		actual[nactual].line = here ? f->location.line : 0;
		snprintf(actual[nactual].rule, sizeof(actual[nactual].rule), "%s", f->rule);
		nactual++;
	}
	qsort(expected, nexpected, sizeof(pair), cmp_pairs);
	qsort(actual, nactual, sizeof(pair), cmp_pairs);
	bool same = nexpected == nactual;
	for (size_t i = 0; same && i < nexpected; i++)
		same = cmp_pairs(&expected[i], &actual[i]) == 0;
	if (!same) {
		for (size_t i = 0; i < nexpected; i++)
			fprintf(stderr, "%s:%u: expected %s\n", name, expected[i].line, expected[i].rule);
		for (size_t i = 0; i < findings->count; i++)
			fprintf(stderr, "%s:%u:%u: found %s: %s\n", name, findings->items[i].location.line,
				findings->items[i].location.column, findings->items[i].rule,
				findings->items[i].message);
		fail_msg("%s: findings differ from the expectations", name);
	}
	if (strstr(name, ".bad.")) {
		char rule[128];
		snprintf(rule, sizeof(rule), "%.*s", (int)strcspn(name, "."), name);
		assert_true(mg_test_count_rule(findings, rule) > 0);
	}
	mg_findings_free(findings);
	mg_graph_free(g);
}

static void every_c_rule_has_cases(void **state)
{
	(void)state;
	size_t n = 0;
	const mg_rule *const *rules = mg_rules_all(&n);
	size_t missing = 0;
	for (size_t i = 0; i < n; i++) {
		if (rules[i]->sources & MG_RULE_SOURCE_DB)
			continue; /* tests/lint has the cases of the rules on any schema */
		for (int k = 0; k < 2; k++) {
			char path[1024];
			snprintf(path, sizeof(path), "%s/%s.%s.h", CASES_DIR, rules[i]->id, k ? "good" : "bad");
			FILE *f = fopen(path, "r");
			if (f)
				fclose(f);
			else {
				fprintf(stderr, "%s: missing\n", path);
				missing++;
			}
		}
	}
	assert_int_equal(missing, 0);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
	char *names[128];
	size_t count = 0;
	DIR *dir = opendir(CASES_DIR);
	if (!dir)
		return 1;
	for (struct dirent *e; (e = readdir(dir)) && count < 128;) {
		size_t len = strlen(e->d_name);
		if (len > 2 && strcmp(e->d_name + len - 2, ".h") == 0)
			names[count++] = strdup(e->d_name);
	}
	closedir(dir);
	qsort(names, count, sizeof(names[0]), cmp_names);
	struct CMUnitTest tests[129] = {cmocka_unit_test(every_c_rule_has_cases)};
	for (size_t i = 0; i < count; i++)
		tests[i + 1] = (struct CMUnitTest){.name = names[i], .test_func = run_case,
						   .initial_state = names[i]};
	int failed = _cmocka_run_group_tests("c_cases", tests, count + 1, NULL, NULL);
	for (size_t i = 0; i < count; i++)
		free(names[i]);
	return failed;
}
