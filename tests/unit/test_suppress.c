/*
 * Suppression: glob patterns, configuration ignores, suppression-unused,
 * and count-aware baselines, alone and through lint on a real schema.
 */
#define _POSIX_C_SOURCE 200809L

#include "tests/unit/test_support.h"

#include <stdio.h>
#include <string.h>

#include "analyzer/lint/baseline.h"
#include "analyzer/lint/config.h"
#include "analyzer/lint/glob.h"
#include "analyzer/lint/lint.h"
#include "analyzer/lint/suppress.h"
#include "analyzer/lint/suppress_index.h"
#include "analyzer/read/readers.h"

static int teardown_group(void **state)
{
	(void)state;
	mg_test_tmpdir_remove();
	return 0;
}

/* ---- glob ---- */

static const struct {
	const char *pattern, *text;
	bool match;
} glob_cases[] = {
	/* literals */
	{"", "", true},
	{"", "a", false},
	{"post", "post", true},
	{"post", "posts", false},
	{"post", "pos", false},
	{"Post", "post", false}, /* case matters */
	/* * */
	{"*", "", true},
	{"*", "anything.at.all", true},
	{"audit_*", "audit_log", true},
	{"audit_*", "audit_", true},
	{"audit_*", "audit_log.user_id", true}, /* dots too */
	{"audit_*", "my_audit_log", false},
	{"*.created_at", "post.created_at", true},
	{"*.created_at", "created_at", false},
	{"*_id", "post.user_id", true},
	{"a*b*c", "abc", true},
	{"a*b*c", "a.b.c", true},
	{"a*b*c", "acb", false},
	{"a*b*c", "abcbc", true},
	{"a**b", "ab", true},
	{"*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false},
	{"*x", "xxxxy", false},
	{"*ab", "aab", true},
	/* ? */
	{"?", "a", true},
	{"?", "", false},
	{"?", "ab", false},
	{"post.?d", "post.id", true},
	{"t?", "t\xc3\xa9", true},        /* one character, two bytes */
	{"t??", "t\xc3\xa9", false},
	{"t?", "t\xff", true},            /* a bad byte is one character */
	/* classes */
	{"user_[0-9]", "user_7", true},
	{"user_[0-9]", "user_x", false},
	{"user_[0-9]", "user_", false},
	{"[abc]", "b", true},
	{"[abc]", "d", false},
	{"[!abc]", "d", true},
	{"[!abc]", "a", false},
	{"[^abc]", "d", true},
	{"[^abc]", "c", false},
	{"[]a]", "]", true},
	{"[]a]", "a", true},
	{"[!]a]", "]", false},
	{"[!]a]", "b", true},
	{"[a-]", "-", true},
	{"[-a]", "-", true},
	{"[a-c-e]", "-", true},
	{"[a-c-e]", "d", false},
	{"[\\]]", "]", true},
	{"[a\\-z]", "-", true},
	{"[a\\-z]", "b", false},
	{"[\xc3\xa0-\xc3\xbf]", "\xc3\xa9", true}, /* à-ÿ holds é */
	{"[\xc3\xa0-\xc3\xbf]", "e", false},
	{"[!a]", "\xc3\xa9", true},
	{"[.]", ".", true},
	{"[*]", "*", true},
	{"[*]", "x", false},
	/* escapes */
	{"a\\*", "a*", true},
	{"a\\*", "ab", false},
	{"a\\?", "a?", true},
	{"a\\[b]", "a[b]", true},
	{"a\\\\", "a\\", true},
	{"\\a", "a", true},
	/* malformed patterns still mean something */
	{"audit_[", "audit_[", true},
	{"audit_[", "audit_x", false},
	{"a[b", "a[b", true},
	{"a\\", "a\\", true},
	{"[z-a]", "m", false},
	{"[z-a]", "z", false},
	{"[!z-a]", "m", true},
};

static void glob_matches(void **state)
{
	(void)state;
	size_t failures = 0;
	for (size_t i = 0; i < sizeof(glob_cases) / sizeof(glob_cases[0]); i++) {
		bool got = mg_glob_match(glob_cases[i].pattern, glob_cases[i].text);
		if (got != glob_cases[i].match) {
			fprintf(stderr, "glob \"%s\" on \"%s\": %s, expected %s\n", glob_cases[i].pattern,
				glob_cases[i].text, got ? "match" : "no match",
				glob_cases[i].match ? "match" : "no match");
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

static void glob_check(void **state)
{
	(void)state;
	static const struct {
		const char *pattern, *problem;
	} cases[] = {
		{"", NULL},
		{"audit_*", NULL},
		{"[]]", NULL},
		{"[!]]", NULL},
		{"a\\[", NULL},
		{"[a-]", NULL},
		{"[", "\"[\" without a closing \"]\""},
		{"audit_[", "\"[\" without a closing \"]\""},
		{"[]", "\"[\" without a closing \"]\""},
		{"[!]", "\"[\" without a closing \"]\""},
		{"[a\\]", "\"[\" without a closing \"]\""},
		{"a\\", "\"\\\" at the end escapes nothing"},
		{"[z-a]", "reversed range \"z-a\""},
		{"[a-cz-b]", "reversed range \"z-b\""},
		{"[\\z-\\a]", "reversed range \"\\z-\\a\""},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char problem[200] = "";
		int rc = mg_glob_check(cases[i].pattern, problem, sizeof(problem));
		if (!cases[i].problem) {
			assert_int_equal(rc, 0);
			assert_string_equal(problem, "");
		} else {
			assert_int_equal(rc, -1);
			assert_string_equal(problem, cases[i].problem);
		}
	}
}

static void glob_characters(void **state)
{
	(void)state;
	uint32_t cp = 0;
	assert_int_equal(mg_glob_char("a", &cp), 1);
	assert_int_equal(cp, 'a');
	assert_int_equal(mg_glob_char("\xc3\xa9", &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(mg_glob_char("\xe2\x82\xac", &cp), 3);
	assert_int_equal(cp, 0x20AC);
	assert_int_equal(mg_glob_char("\xf0\x9f\x98\x80", &cp), 4);
	assert_int_equal(cp, 0x1F600);
	/* bad: stray continuation, overlong, surrogate, past U+10FFFF, cut short */
	static const char *const bad[] = {"\x80", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
					  "\xc3", "\xe2\x82", "\xff"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(mg_glob_char(bad[i], &cp), 1);
		assert_int_equal(cp, 0xDC00 + (unsigned char)bad[i][0]);
	}
}

static void glob_literal_ends(void **state)
{
	(void)state;
	static const struct {
		const char *pattern, *prefix, *suffix;
		bool literal;
	} cases[] = {
		{"", "", "", true},
		{"post", "post", "post", true},
		{"audit_*", "audit_", "", false},
		{"*.created_at", "", ".created_at", false},
		{"a*b?c", "a", "c", false},
		{"user_[0-9]", "user_", "", false},
		{"x[ab]y", "x", "y", false},
		{"\\*x*", "*x", "", false},
		{"a\\[b\\]", "a[b]", "a[b]", true},
		{"a[b", "a[b", "a[b", true}, /* no closing "]": a plain "[" */
		{"a\\", "a\\", "a\\", true},
		{"\xc3\xa9t\xc3\xa9*", "\xc3\xa9t\xc3\xa9", "", false},
		{"*\xc3", "", "\xc3", false},
		{"**", "", "", false},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char prefix[64], suffix[64];
		size_t prefix_len = 99, suffix_len = 99;
		bool literal = mg_glob_literal_ends(cases[i].pattern, prefix, &prefix_len, suffix, &suffix_len);
		if (literal != cases[i].literal || prefix_len != strlen(cases[i].prefix) ||
		    memcmp(prefix, cases[i].prefix, prefix_len) != 0 ||
		    suffix_len != strlen(cases[i].suffix) || memcmp(suffix, cases[i].suffix, suffix_len) != 0)
			fail_msg("\"%s\": literal %d, prefix \"%.*s\", suffix \"%.*s\"", cases[i].pattern,
				 literal, (int)prefix_len, prefix, (int)suffix_len, suffix);
	}
}

/* ---- the index of ignores ---- */

/* Every case of glob_cases through an index of that one ignore. */
static void index_matches_as_glob_does(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(glob_cases) / sizeof(glob_cases[0]); i++) {
		mg_config_ignore ignore = {.rule = "table-isolated", .pattern = glob_cases[i].pattern};
		mg_ignore_index *index = mg_ignore_index_new(&ignore, 1);
		assert_non_null(index);
		size_t hits = 0;
		size_t n = mg_ignore_index_match(index, "table-isolated", glob_cases[i].text, &hits);
		if (n != glob_cases[i].match || hits != n)
			fail_msg("index of \"%s\" on \"%s\": %zu", glob_cases[i].pattern, glob_cases[i].text, n);
		assert_int_equal(mg_ignore_index_match(index, "table-isolate", glob_cases[i].text, &hits), 0);
		mg_ignore_index_free(index);
	}
}

static uint32_t next_random(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 16;
}

/* A string of up to `max` pieces drawn from `pieces`. */
static void random_text(char *out, size_t size, const char *const *pieces, size_t npieces, size_t max,
			uint32_t *seed)
{
	out[0] = '\0';
	size_t n = next_random(seed) % (max + 1);
	for (size_t i = 0; i < n; i++)
		strncat(out, pieces[next_random(seed) % npieces], size - strlen(out) - 1);
}

/* Many patterns, duplicates and overlaps among them, two rules, and paths
 * with UTF-8 and bytes that are not: each ignore matches exactly the paths
 * mg_glob_match says it matches. */
static void index_agrees_with_matching_one_by_one(void **state)
{
	(void)state;
	static const char *const pattern_pieces[] = {"a", "b", ".", "*", "?", "[ab]", "[!a]", "\\*", "\\",
						     "\xc3\xa9", "\xc3", "\xa9", "[", "ab", "a."};
	static const char *const path_pieces[] = {"a", "b", ".", "*", "\xc3\xa9", "\xc3", "\xa9", "[",
						  "\\", "ab"};
	static const char *const rules[] = {"table-isolated", "fk-missing-index"};
	enum { NIGNORES = 400, NPATHS = 400 };
	static char patterns[NIGNORES][64];
	static mg_config_ignore ignores[NIGNORES];
	uint32_t seed = 42;
	for (size_t k = 0; k < NIGNORES; k++) {
		random_text(patterns[k], sizeof(patterns[k]), pattern_pieces,
			    sizeof(pattern_pieces) / sizeof(pattern_pieces[0]), 6, &seed);
		ignores[k] = (mg_config_ignore){.rule = rules[next_random(&seed) % 2], .pattern = patterns[k]};
	}
	mg_ignore_index *index = mg_ignore_index_new(ignores, NIGNORES);
	assert_non_null(index);
	size_t matched = 0;
	for (size_t i = 0; i < NPATHS; i++) {
		char path[64];
		random_text(path, sizeof(path), path_pieces, sizeof(path_pieces) / sizeof(path_pieces[0]), 6,
			    &seed);
		const char *rule = rules[i % 2];
		size_t hits[NIGNORES] = {0};
		size_t n = mg_ignore_index_match(index, rule, path, hits), expected = 0;
		for (size_t k = 0; k < NIGNORES; k++) {
			bool match = strcmp(ignores[k].rule, rule) == 0 && mg_glob_match(ignores[k].pattern, path);
			if (hits[k] != match)
				fail_msg("\"%s\" on \"%s\": index %zu, one by one %d", ignores[k].pattern, path,
					 hits[k], match);
			expected += match;
		}
		assert_int_equal(n, expected);
		matched += n;
	}
	assert_true(matched > NPATHS); /* the test matches plenty, not only misses */
	mg_ignore_index_free(index);
}

/* ---- suppression ---- */

static mg_config *load_config(const char *text)
{
	mg_error err = {{0}};
	mg_config *config = NULL;
	const char *path = mg_test_write_file(".modelgraph.yml", text);
	if (mg_config_load(&config, path, &err) != 0)
		fail_msg("config: %s", err.message);
	return config;
}

static mg_baseline *load_baseline(const char *entries)
{
	char text[4096];
	snprintf(text, sizeof(text),
		 "{\"format\": \"modelgraph-baseline\", \"version\": 1, \"findings\": [%s]}", entries);
	mg_error err = {{0}};
	mg_baseline *baseline = NULL;
	const char *path = mg_test_write_file("baseline.json", text);
	if (mg_baseline_load(&baseline, path, &err) != 0)
		fail_msg("baseline: %s", err.message);
	return baseline;
}

static void add(mg_findings *findings, const char *rule, const char *path, unsigned line,
		const char *message)
{
	mg_location at = {.file = "schema.sql", .line = line, .column = 1};
	assert_non_null(mg_findings_add(findings, rule, MG_SEVERITY_WARNING, MG_OBJECT_TABLE, path, at,
					message));
}

/* The findings as "rule path line" lines, in order. */
static const char *listing(const mg_findings *findings)
{
	static char text[4096];
	size_t len = 0;
	text[0] = '\0';
	for (size_t i = 0; i < findings->count; i++) {
		const mg_finding *f = &findings->items[i];
		len += (size_t)snprintf(text + len, sizeof(text) - len, "%s %s %u\n", f->rule, f->path,
					f->location.line);
		assert_true(len < sizeof(text));
	}
	return text;
}

static void nothing_to_apply_only_sorts(void **state)
{
	(void)state;
	mg_findings *findings = mg_findings_new();
	add(findings, "table-isolated", "b", 2, "m");
	add(findings, "table-isolated", "a", 1, "m");
	mg_suppress_stats stats = {1, 1, 1, 1};
	assert_int_equal(mg_suppress_apply(findings, NULL, NULL, NULL, &stats), 0);
	assert_string_equal(listing(findings), "table-isolated a 1\ntable-isolated b 2\n");
	assert_int_equal(stats.ignored + stats.baselined + stats.unused_ignores + stats.stale_entries, 0);
	assert_int_equal(mg_suppress_apply(findings, NULL, NULL, NULL, NULL), 0); /* stats optional */
	mg_findings_free(findings);
}

static void ignores_remove_by_rule_and_pattern(void **state)
{
	(void)state;
	mg_config *config = load_config("ignore:\n"
					"  - rule: table-isolated\n"
					"    path: \"audit_*\"\n"
					"    reason: append-only logs\n"
					"  - rule: fk-missing-index\n"
					"    path: \"*.fk_tenant\"\n"
					"    reason: few tenants\n");
	mg_findings *findings = mg_findings_new();
	add(findings, "table-isolated", "audit_log", 1, "m");
	add(findings, "table-isolated", "audit_login", 2, "m");
	add(findings, "table-isolated", "post", 3, "m");
	add(findings, "table-no-primary-key", "audit_log", 4, "m"); /* another rule */
	add(findings, "fk-missing-index", "post.fk_tenant", 5, "m");
	add(findings, "fk-missing-index", "post.fk_user", 6, "m");
	mg_suppress_stats stats;
	assert_int_equal(mg_suppress_apply(findings, config, NULL, NULL, &stats), 0);
	assert_string_equal(listing(findings), "table-isolated post 3\n"
					       "table-no-primary-key audit_log 4\n"
					       "fk-missing-index post.fk_user 6\n");
	assert_int_equal(stats.ignored, 3);
	assert_int_equal(stats.unused_ignores, 0);
	assert_int_equal(stats.baselined, 0);
	mg_findings_free(findings);
	mg_config_free(config);
}

static const char unused_config[] = "rules:\n"
				    "  table-isolated: note\n"
				    "ignore:\n"
				    "  - rule: table-isolated\n"
				    "    path: \"audit_*\"\n"
				    "    reason: append-only logs\n"
				    "  - rule: table-isolated\n"
				    "    path: \"*_log\"\n"
				    "    reason: overlapping, used too\n"
				    "  - rule: index-redundant\n"
				    "    path: \"post.*\"\n"
				    "    reason: gone since\n";

static void unused_ignores_are_reported(void **state)
{
	(void)state;
	mg_config *config = load_config(unused_config);
	mg_findings *findings = mg_findings_new();
	add(findings, "table-isolated", "audit_log", 1, "m");
	mg_suppress_stats stats;
	assert_int_equal(mg_suppress_apply(findings, config, NULL, NULL, &stats), 0);
	assert_int_equal(stats.ignored, 1);
	assert_int_equal(stats.unused_ignores, 1);
	assert_int_equal(findings->count, 1);
	const mg_finding *f = &findings->items[0];
	assert_string_equal(f->rule, "suppression-unused");
	assert_int_equal(f->severity, MG_SEVERITY_WARNING);
	assert_string_equal(f->path, "post.*");
	assert_string_equal(f->message, "the ignore of index-redundant for \"post.*\" matches no finding");
	assert_string_equal(f->location.file, mg_config_path(config));
	assert_int_equal(f->location.line, 10);
	assert_int_equal(f->location.column, 5);
	mg_findings_free(findings);
	mg_config_free(config);
}

static void unused_severity_follows_overrides(void **state)
{
	(void)state;
	static const struct {
		const char *config_severity;  /* in the configuration; NULL: none */
		const char *option_severity;  /* in the lint options; NULL: none */
		size_t count;
		mg_severity severity;
	} cases[] = {
		{NULL, NULL, 1, MG_SEVERITY_WARNING},
		{"error", NULL, 1, MG_SEVERITY_ERROR},
		{"off", NULL, 0, MG_SEVERITY_OFF},
		{"off", "note", 1, MG_SEVERITY_NOTE},
		{"error", "off", 0, MG_SEVERITY_OFF},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char text[400];
		snprintf(text, sizeof(text), "%s%s%s\nignore:\n  - {rule: index-redundant, path: x, reason: y}\n",
			 cases[i].config_severity ? "rules:\n  suppression-unused: " : "",
			 cases[i].config_severity ? cases[i].config_severity : "",
			 cases[i].config_severity ? "" : "rules: {}");
		mg_config *config = load_config(text);
		const char *ids[] = {"suppression-unused", NULL};
		mg_severity severities[1] = {MG_SEVERITY_OFF};
		mg_lint_options options = {0};
		if (cases[i].option_severity) {
			assert_int_equal(mg_severity_parse(cases[i].option_severity, &severities[0]), 0);
			options = (mg_lint_options){.override_ids = ids, .override_severities = severities,
						    .noverrides = 1};
		}
		mg_findings *findings = mg_findings_new();
		mg_suppress_stats stats;
		assert_int_equal(mg_suppress_apply(findings, config,
						   NULL, cases[i].option_severity ? &options : NULL,
						   &stats),
				 0);
		assert_int_equal(stats.unused_ignores, 1);
		assert_int_equal(findings->count, cases[i].count);
		if (cases[i].count)
			assert_int_equal(findings->items[0].severity, cases[i].severity);
		mg_findings_free(findings);
		mg_config_free(config);
	}
}

static void baseline_counts_alike_findings(void **state)
{
	(void)state;
	mg_baseline *baseline = load_baseline("{\"rule\": \"table-isolated\", \"path\": \"log\"},"
					      "{\"rule\": \"fk-missing-index\", \"path\": \"a.fk\"},"
					      "{\"rule\": \"fk-missing-index\", \"path\": \"a.fk\"},"
					      "{\"rule\": \"fk-missing-index\", \"path\": \"gone.fk\"}");
	mg_findings *findings = mg_findings_new();
	/* one entry, two findings: the new duplicate stays */
	add(findings, "table-isolated", "log", 1, "m");
	add(findings, "table-isolated", "log", 2, "m");
	/* two entries, two findings: both go, wherever they moved */
	add(findings, "fk-missing-index", "a.fk", 70, "m");
	add(findings, "fk-missing-index", "a.fk", 80, "m");
	/* same path, another rule: stays */
	add(findings, "fk-type-mismatch", "a.fk", 90, "m");
	mg_suppress_stats stats;
	assert_int_equal(mg_suppress_apply(findings, NULL, baseline, NULL, &stats), 0);
	assert_string_equal(listing(findings), "table-isolated log 2\nfk-type-mismatch a.fk 90\n");
	assert_int_equal(stats.baselined, 3);
	assert_int_equal(stats.stale_entries, 1); /* gone.fk: dropped quietly */
	assert_int_equal(stats.ignored + stats.unused_ignores, 0);
	mg_findings_free(findings);
	mg_baseline_free(baseline);
}

/* With several findings on one object, an entry takes the one with its message first. */
static void baseline_prefers_the_same_message(void **state)
{
	(void)state;
	mg_baseline *baseline = load_baseline(
	    "{\"rule\": \"fk-type-mismatch\", \"path\": \"a.fk\", \"message\": \"column b\"}");
	mg_findings *findings = mg_findings_new();
	add(findings, "fk-type-mismatch", "a.fk", 1, "column a (new)");
	add(findings, "fk-type-mismatch", "a.fk", 2, "column b");
	assert_int_equal(mg_suppress_apply(findings, NULL, baseline, NULL, NULL), 0);
	assert_int_equal(findings->count, 1);
	assert_string_equal(findings->items[0].message, "column a (new)");
	mg_findings_free(findings);
	mg_baseline_free(baseline);

	/* A reworded message still matches by rule and path. */
	baseline = load_baseline(
	    "{\"rule\": \"fk-type-mismatch\", \"path\": \"a.fk\", \"message\": \"old wording\"}");
	findings = mg_findings_new();
	add(findings, "fk-type-mismatch", "a.fk", 1, "new wording");
	assert_int_equal(mg_suppress_apply(findings, NULL, baseline, NULL, NULL), 0);
	assert_int_equal(findings->count, 0);
	mg_findings_free(findings);
	mg_baseline_free(baseline);
}

/* Entries alike in rule and path, some alike in message too: each message
 * takes its own entries first, in any order of findings, and what is left
 * takes the entries left, one each. */
static void baseline_alike_entries_each_taken_once(void **state)
{
	(void)state;
	mg_baseline *baseline = load_baseline(
	    "{\"rule\": \"fk-type-mismatch\", \"path\": \"a.fk\", \"message\": \"c\"},"
	    "{\"rule\": \"fk-type-mismatch\", \"path\": \"a.fk\", \"message\": \"a\"},"
	    "{\"rule\": \"fk-type-mismatch\", \"path\": \"a.fk\", \"message\": \"a\"},"
	    "{\"rule\": \"fk-type-mismatch\", \"path\": \"a.fk\", \"message\": \"x\"},"
	    "{\"rule\": \"fk-type-mismatch\", \"path\": \"b.fk\", \"message\": \"a\"},"
	    "{\"rule\": \"fk-duplicate\", \"path\": \"a.fk\", \"message\": \"a\"}");
	mg_findings *findings = mg_findings_new();
	add(findings, "fk-type-mismatch", "a.fk", 1, "a");
	add(findings, "fk-type-mismatch", "a.fk", 2, "b");
	add(findings, "fk-type-mismatch", "a.fk", 3, "a");
	add(findings, "fk-type-mismatch", "a.fk", 4, "a");
	add(findings, "fk-type-mismatch", "a.fk", 5, "c");
	add(findings, "fk-type-mismatch", "a.fk", 6, "d");
	mg_suppress_stats stats;
	assert_int_equal(mg_suppress_apply(findings, NULL, baseline, NULL, &stats), 0);
	/* By message: lines 1 and 3 take the a's, line 5 the c; then the x
	 * goes to the first finding left (line 2): lines 4 and 6 stay. */
	assert_int_equal(stats.baselined, 4);
	assert_int_equal(stats.stale_entries, 2);
	assert_string_equal(listing(findings), "fk-type-mismatch a.fk 4\nfk-type-mismatch a.fk 6\n");
	mg_findings_free(findings);
	mg_baseline_free(baseline);
}

/* ---- MG_ALLOW ---- */

static void add_on(mg_findings *findings, const char *rule, mg_object_kind object, const char *path,
		   unsigned line)
{
	mg_location at = {.file = "models.h", .line = line, .column = 1};
	assert_non_null(mg_findings_add(findings, rule, MG_SEVERITY_WARNING, object, path, at, "m"));
}

/* An allow covers a finding on its object, on anything of its table when it
 * is on the table, and a foreign key's finding when it is on the field of
 * the key's first column, also when the key is named as that field. */
static void allows_cover_object_table_and_foreign_key(void **state)
{
	(void)state;
	const char *path = mg_test_write_file(
	    "allows.json",
	    "{\"format\": \"modelgraph-graph\", \"version\": 1, \"tables\": ["
	    " {\"name\": \"author\", \"columns\": [{\"name\": \"id\"}], \"primary_key\": [\"id\"]},"
	    " {\"name\": \"book\", \"columns\": [{\"name\": \"id\"}, {\"name\": \"author_id\"}, {\"name\": \"editor_id\"}],"
	    "  \"foreign_keys\": [{\"name\": \"fk_author\", \"columns\": [\"author_id\"], \"ref_table\": \"author\"},"
	    "                    {\"name\": \"editor_id\", \"columns\": [\"editor_id\"], \"ref_table\": \"author\"}]},"
	    " {\"name\": \"log\", \"columns\": [{\"name\": \"at\"}]}],"
	    " \"allows\": ["
	    "  {\"rule\": \"fk-missing-index\", \"path\": \"book.author_id\", \"reason\": \"few\"},"
	    "  {\"rule\": \"fk-missing-index\", \"path\": \"book.editor_id\", \"reason\": \"few\"},"
	    "  {\"rule\": \"table-no-primary-key\", \"path\": \"log\", \"reason\": \"append only\"},"
	    "  {\"rule\": \"column-type-inconsistent\", \"path\": \"log\", \"reason\": \"legacy\"},"
	    "  {\"rule\": \"fk-type-mismatch\", \"path\": \"book.author_id\"},"
	    "  {\"rule\": \"table-isolated\", \"path\": \"nothing\", \"reason\": \"gone\"}]}");
	mg_graph *graph = mg_graph_new();
	mg_error err = {{0}};
	if (mg_read_json(graph, path, &err) < 0)
		fail_msg("%s", err.message);
	mg_findings *findings = mg_findings_new();
	add_on(findings, "fk-missing-index", MG_OBJECT_FOREIGN_KEY, "book.fk_author", 1);
	add_on(findings, "fk-missing-index", MG_OBJECT_FOREIGN_KEY, "book.editor_id", 2);
	add_on(findings, "table-no-primary-key", MG_OBJECT_TABLE, "log", 3);
	add_on(findings, "column-type-inconsistent", MG_OBJECT_COLUMN, "log.at", 4);
	add_on(findings, "table-no-primary-key", MG_OBJECT_TABLE, "book", 5);       /* no allow */
	add_on(findings, "fk-type-mismatch", MG_OBJECT_FOREIGN_KEY, "book.fk_author", 6); /* covered */
	add_on(findings, "fk-duplicate", MG_OBJECT_FOREIGN_KEY, "book.fk_author", 7); /* another rule */
	assert_int_equal(mg_suppress_apply_allows(findings, graph, NULL, NULL), 0);
	static char text[4096];
	size_t len = 0;
	for (size_t i = 0; i < findings->count; i++)
		len += (size_t)snprintf(text + len, sizeof(text) - len, "%s %s\n", findings->items[i].rule,
					findings->items[i].path);
	assert_string_equal(text, "suppression-without-reason book.author_id\n"
				  "suppression-unused nothing\n"
				  "table-no-primary-key book\n"
				  "fk-duplicate book.fk_author\n");
	mg_findings_free(findings);
	mg_graph_free(graph);
}

/* Ignores act before the baseline: a finding both accept uses the ignore. */
static void ignores_before_baseline(void **state)
{
	(void)state;
	mg_config *config =
	    load_config("ignore:\n  - {rule: table-isolated, path: log, reason: alone by design}\n");
	mg_baseline *baseline = load_baseline("{\"rule\": \"table-isolated\", \"path\": \"log\"}");
	mg_findings *findings = mg_findings_new();
	add(findings, "table-isolated", "log", 1, "m");
	add(findings, "table-isolated", "log", 2, "m");
	mg_suppress_stats stats;
	assert_int_equal(mg_suppress_apply(findings, config, baseline, NULL, &stats), 0);
	assert_int_equal(findings->count, 0);
	assert_int_equal(stats.ignored, 2);
	assert_int_equal(stats.baselined, 0);
	assert_int_equal(stats.stale_entries, 1);
	mg_findings_free(findings);
	mg_baseline_free(baseline);
	mg_config_free(config);
}

/* ---- through lint, on a real schema ---- */

#define SCHEMA                                                         \
	"CREATE TABLE user (id INTEGER PRIMARY KEY);\n"                  \
	"CREATE TABLE audit_log (id INTEGER PRIMARY KEY, msg TEXT);\n"   \
	"CREATE TABLE post (\n"                                          \
	"  id INTEGER PRIMARY KEY,\n"                                    \
	"  user_id INTEGER REFERENCES user(id)\n"                        \
	");\n"
static const char schema[] = SCHEMA;
/* One more unindexed foreign key, declared first so every other line moves. */
static const char grown_schema[] = "CREATE TABLE comment (\n"
				   "  id INTEGER PRIMARY KEY,\n"
				   "  user_id INTEGER REFERENCES user(id)\n"
				   ");\n" SCHEMA;

/* Lint, ignores, then a baseline written from the result: the next run is clean. */
static void written_baseline_accepts_everything(void **state)
{
	(void)state;
	mg_graph *graph = mg_test_load_sql(schema);
	mg_config *config = load_config("ignore:\n"
					"  - rule: table-isolated\n"
					"    path: \"audit_*\"\n"
					"    reason: append-only logs\n"
					"  - rule: table-isolated\n"
					"    path: \"session*\"\n"
					"    reason: dropped last year\n");
	mg_lint_options options = {0};
	mg_config_apply(config, &options);
	options.target_dialects = MG_DIALECT_POSTGRESQL; /* where "user" is reserved */

	mg_findings *findings = mg_findings_new();
	assert_int_equal(mg_lint(graph, &options, findings), 0);
	size_t linted = findings->count;
	assert_int_equal(mg_test_count_rule(findings, "table-isolated"), 1);
	assert_int_equal(mg_suppress_apply(findings, config, NULL, &options, NULL), 0);
	assert_int_equal(mg_test_count_rule(findings, "table-isolated"), 0);
	assert_int_equal(mg_test_count_rule(findings, "suppression-unused"), 1);
	assert_int_equal(findings->count, linted); /* one ignored, one unused reported */
	assert_non_null(mg_test_find_rule(findings, "name-reserved-word"));
	assert_non_null(mg_test_find_rule(findings, "fk-missing-index"));

	mg_buf out = MG_BUF_INIT;
	mg_baseline_write(findings, &out);
	assert_false(out.failed);
	mg_error err = {{0}};
	mg_baseline *baseline = NULL;
	assert_int_equal(mg_baseline_load(&baseline, mg_test_write_file("written.json", out.data), &err),
			 0);
	mg_buf_free(&out);
	mg_findings_free(findings);

	findings = mg_findings_new();
	assert_int_equal(mg_lint(graph, &options, findings), 0);
	mg_suppress_stats stats;
	assert_int_equal(mg_suppress_apply(findings, config, baseline, &options, &stats), 0);
	assert_string_equal(listing(findings), "");
	assert_int_equal(stats.ignored, 1);
	assert_int_equal(stats.unused_ignores, 1);
	assert_int_equal(stats.baselined, linted);
	assert_int_equal(stats.stale_entries, 0);
	mg_findings_free(findings);

	/* A new finding still fails; the old ones match though their lines moved. */
	mg_graph *grown = mg_test_load_sql(grown_schema);
	findings = mg_findings_new();
	assert_int_equal(mg_lint(grown, &options, findings), 0);
	assert_int_equal(mg_suppress_apply(findings, config, baseline, &options, &stats), 0);
	assert_int_equal(mg_test_count_rule(findings, "fk-missing-index"), 1);
	assert_non_null(strstr(mg_test_find_rule(findings, "fk-missing-index")->path, "comment."));
	assert_int_equal(stats.baselined, linted);
	assert_int_equal(stats.stale_entries, 0);
	mg_findings_free(findings);
	mg_graph_free(grown);

	mg_baseline_free(baseline);
	mg_config_free(config);
	mg_graph_free(graph);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(glob_matches),
		cmocka_unit_test(glob_check),
		cmocka_unit_test(glob_characters),
		cmocka_unit_test(glob_literal_ends),
		cmocka_unit_test(index_matches_as_glob_does),
		cmocka_unit_test(index_agrees_with_matching_one_by_one),
		cmocka_unit_test(nothing_to_apply_only_sorts),
		cmocka_unit_test(ignores_remove_by_rule_and_pattern),
		cmocka_unit_test(unused_ignores_are_reported),
		cmocka_unit_test(unused_severity_follows_overrides),
		cmocka_unit_test(baseline_counts_alike_findings),
		cmocka_unit_test(baseline_prefers_the_same_message),
		cmocka_unit_test(baseline_alike_entries_each_taken_once),
		cmocka_unit_test(allows_cover_object_table_and_foreign_key),
		cmocka_unit_test(ignores_before_baseline),
		cmocka_unit_test(written_baseline_accepts_everything),
	};
	return cmocka_run_group_tests(tests, NULL, teardown_group);
}
