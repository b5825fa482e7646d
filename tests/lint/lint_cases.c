/*
 * Lint cases, in the manner of sparse's test-suite, for every input
 * language: each case is a DDL script (tests/lint/cases, .sql) or an
 * annotated C header (tests/c/cases, .h) that carries its expected findings,
 * written in a comment on the line where each must be reported:
 *
 *     CREATE TABLE playlist_songs (  -- expect: assoc-no-key
 *       owner INTEGER,               -- expect: fk-implied, column-type-inconsistent
 *
 *     int id  MG_COLUMN(primary_key, primary_key); // expect: annotation-syntax
 *
 * The case runs through the whole lint pipeline users run (mg_lint_run_new:
 * the real readers, default severities, MG_ALLOW applied) with an empty
 * configuration, or with the case's own when a file of the case's name with
 * the extension replaced by ".yml" lies beside it (name-too-long.bad.yml:
 * `lint: {dialects: [postgresql]}`). The (line, rule) pairs of ALL its findings must equal the
 * pairs of its expectations, as multisets: a finding nobody expected fails
 * the case as surely as an expected one that is missing.
 *
 * A line "-- another source:" ("// another source:") splits a case into
 * sources read together, for the rules about how sources combine. A line
 * "-- the database:" splits a case of the drift rules into the models (the
 * lines before) and the database diff compares them with (the lines
 * after), each keeping its line numbers.
 *
 * <rule-id>.bad.<ext> must make its rule fire; <rule-id>.good.<ext> is the
 * same model fixed, plus near misses, and must produce no finding of the
 * rule. Every rule that applies to any schema has SQL cases, every rule
 * that applies only to C models has C cases, so a new rule without cases
 * fails the suite.
 */
#define _POSIX_C_SOURCE 200809L

#include "tests/unit/test_support.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "include/modelgraph/modelgraph.h"
#include "util/text.h"

#define EXPECT_WORD "expect:"

/* An input language of the cases: where they are and how a comment opens. */
typedef struct language {
	const char *dir;       /* the folder of its cases */
	const char *extension; /* ".sql" */
	const char *comment;   /* "--" */
} language;

static const language languages[] = {
	{.dir = MG_TEST_SOURCE_DIR "/cases", .extension = ".sql", .comment = "--"},
	{.dir = MG_TEST_SOURCE_DIR "/../c/cases", .extension = ".h", .comment = "//"},
};
#define SQL (&languages[0])
#define C (&languages[1])

/* ---- (line, rule) pairs and their comparison ---- */

/* One finding, or one expectation of a finding. */
typedef struct pair {
	unsigned line;        /* 1-based; 0 when the finding is not located in the case */
	char rule[64];        /* rule id */
	const char *message;  /* the finding's message; NULL for an expectation */
} pair;

typedef struct pair_list {
	pair *items;
	size_t count, cap;
} pair_list;

static void pairs_push(pair_list *list, unsigned line, const char *rule, size_t rule_len,
		       const char *message)
{
	if (list->count == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 16;
		pair *bigger = realloc(list->items, cap * sizeof(*bigger));
		assert_non_null(bigger);
		list->items = bigger;
		list->cap = cap;
	}
	pair *p = &list->items[list->count++];
	p->line = line;
	if (rule_len >= sizeof(p->rule))
		rule_len = sizeof(p->rule) - 1;
	memcpy(p->rule, rule, rule_len);
	p->rule[rule_len] = '\0';
	p->message = message;
}

static void pairs_free(pair_list *list)
{
	free(list->items);
	*list = (pair_list){0};
}

static int cmp_pairs(const void *a, const void *b)
{
	const pair *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	int c = strcmp(x->rule, y->rule);
	if (c)
		return c;
	/* Messages only order findings among themselves, for a stable report. */
	return strcmp(x->message ? x->message : "", y->message ? y->message : "");
}

/*
 * Compares the multisets of (line, rule) pairs, sorting both lists. Writes
 * one line to `report` per expected pair no finding matches ("missing") and
 * per finding no expectation matches ("unexpected", with its message).
 * Returns the number of such lines: 0 when the multisets are equal.
 */
static size_t compare_pairs(const char *file, pair_list *expected, pair_list *actual, FILE *report)
{
	size_t mismatches = 0, i = 0, j = 0;
	if (expected->count > 1)
		qsort(expected->items, expected->count, sizeof(pair), cmp_pairs);
	if (actual->count > 1)
		qsort(actual->items, actual->count, sizeof(pair), cmp_pairs);
	while (i < expected->count || j < actual->count) {
		const pair *e = i < expected->count ? &expected->items[i] : NULL;
		const pair *a = j < actual->count ? &actual->items[j] : NULL;
		int order = !e ? 1 : !a ? -1 : e->line != a->line ? (e->line < a->line ? -1 : 1)
								  : strcmp(e->rule, a->rule);
		if (order == 0) {
			i++, j++;
		} else if (order < 0) {
			fprintf(report, "%s:%u: missing finding [%s]\n", file, e->line, e->rule);
			mismatches++, i++;
		} else {
			fprintf(report, "%s:%u: unexpected finding [%s]: %s\n", file, a->line, a->rule,
				a->message ? a->message : "");
			mismatches++, j++;
		}
	}
	return mismatches;
}

/* ---- expectations ---- */

static bool is_rule_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

static const char *skip_blanks(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
		p++;
	return p;
}

/* The ids of one mark (`mark` .. `end`, one line), appended to `out`. */
static int parse_mark(unsigned line, const char *mark, size_t mark_len, const char *end,
		      pair_list *out, char *error, size_t error_size)
{
	const char *q = mark + mark_len;
	for (;;) {
		const char *id = q = skip_blanks(q, end);
		while (q < end && is_rule_char(*q))
			q++;
		size_t len = (size_t)(q - id);
		char name[64];
		if (len == 0 || len >= sizeof(name)) {
			snprintf(error, error_size, "line %u: expected a rule id after \"%.*s\"", line,
				 (int)(id - mark), mark);
			return -1;
		}
		memcpy(name, id, len);
		name[len] = '\0';
		if (!mg_rule_find(name)) {
			snprintf(error, error_size, "line %u: \"%s\" is not a rule of the catalog", line, name);
			return -1;
		}
		pairs_push(out, line, id, len, NULL);
		q = skip_blanks(q, end);
		if (q == end)
			return 0;
		if (*q != ',') {
			snprintf(error, error_size, "line %u: unexpected text after the rule ids: \"%.*s\"", line,
				 (int)(end - q), q);
			return -1;
		}
		q++;
	}
}

/*
 * Parses every `-- expect: id[, id…]` mark (`// expect:` in C) of a case
 * into (line, rule) pairs. The first comment opener of a line opens its
 * comment, and a mark is a comment that opens with "<opener> expect:". A mark with no id, an id that is not in the
 * catalog, anything else after the ids, or a comment that opens with another
 * spelling of "expect" (a misspelt mark would silently expect nothing) is an
 * error: returns -1 with a message in `error`, else 0.
 */
static int parse_expectations(const language *lang, const char *text, pair_list *out, char *error,
			      size_t error_size)
{
	char mark[16];
	snprintf(mark, sizeof(mark), "%s " EXPECT_WORD, lang->comment);
	const size_t mark_len = strlen(mark);
	unsigned line = 1;
	for (const char *p = text; *p; line++) {
		const char *end = strchr(p, '\n');
		if (!end)
			end = p + strlen(p);
		const char *comment = NULL;
		for (const char *q = p; q + 1 < end && !comment; q++)
			if (q[0] == lang->comment[0] && q[1] == lang->comment[1])
				comment = q;
		if (comment && (size_t)(end - comment) >= mark_len &&
		    strncmp(comment, mark, mark_len) == 0) {
			if (parse_mark(line, comment, mark_len, end, out, error, error_size) < 0)
				return -1;
		} else if (comment) {
			const char *word = skip_blanks(comment + 2, end);
			if ((size_t)(end - word) >= 6 && mg_ascii_ncasecmp(word, "expect", 6) == 0) {
				snprintf(error, error_size,
					 "line %u: a comment opens with \"%.*s\" but is no \"%s rule-id\" mark",
					 line, (int)(end - comment), comment, mark);
				return -1;
			}
		}
		p = *end ? end + 1 : end;
	}
	return 0;
}

/* The findings as pairs; one located in another file than the case's
 * `paths` counts as line 0. */
static void pairs_from_findings(const mg_findings *findings, const char *const *paths, size_t npaths,
				pair_list *out)
{
	for (size_t i = 0; i < findings->count; i++) {
		const mg_finding *f = &findings->items[i];
		bool here = false;
		for (size_t p = 0; p < npaths && f->location.file && !here; p++)
			here = strcmp(f->location.file, paths[p]) == 0;
		pairs_push(out, here ? f->location.line : 0, f->rule, strlen(f->rule), f->message);
	}
}

/*
 * A case may be several sources read together (for the rules about how
 * sources combine): a line "-- another source:" ("// another source:" in C)
 * starts the next one. Each part is written to a file of its own, padded
 * with blank lines so that its lines keep their numbers in the case, and
 * the files are read in order. A case without the line is itself the only
 * source. Returns the number of sources (at most MAX_PARTS).
 */
#define MAX_PARTS 4
static size_t split_sources(const language *lang, const char *name, const char *path, const char *text,
			    char paths[][4096])
{
	char marker[32];
	snprintf(marker, sizeof(marker), "\n%s another source:\n", lang->comment);
	if (!strstr(text, marker)) {
		snprintf(paths[0], 4096, "%s", path);
		return 1;
	}
	size_t n = 0;
	unsigned lines_before = 0;
	for (const char *part = text; part && n < MAX_PARTS; n++) {
		const char *end = strstr(part, marker);
		size_t len = end ? (size_t)(end - part) + 1 : strlen(part);
		size_t size = lines_before + len + 1;
		char *padded = malloc(size);
		assert_non_null(padded);
		memset(padded, '\n', lines_before);
		memcpy(padded + lines_before, part, len);
		padded[lines_before + len] = '\0';
		char file[256];
		snprintf(file, sizeof(file), "%s.part%zu%s", name, n + 1, lang->extension);
		snprintf(paths[n], 4096, "%s", mg_test_write_file(file, padded));
		free(padded);
		for (const char *c = part; c < part + len; c++)
			lines_before += *c == '\n';
		lines_before++; /* the marker's line */
		part = end ? end + strlen(marker) : NULL;
	}
	return n;
}

/*
 * A case of the drift rules: the lines before "-- the database:" are the
 * models, those after it the database, written to `db_path` padded with
 * blank lines so that they keep their numbers. Returns the models' text
 * (free it), or NULL when the case has no such line.
 */
static char *split_database(const language *lang, const char *name, const char *text, char *db_path)
{
	static const char marker[] = "\n-- the database:\n";
	const char *at = lang == SQL ? strstr(text, marker) : NULL;
	if (!at)
		return NULL;
	size_t models_len = (size_t)(at - text) + 1;
	char *models = malloc(models_len + 1);
	assert_non_null(models);
	memcpy(models, text, models_len);
	models[models_len] = '\0';
	const char *rest = at + strlen(marker);
	unsigned lines = 0;
	for (const char *c = text; c < rest; c++)
		lines += *c == '\n';
	char *padded = malloc(lines + strlen(rest) + 1);
	assert_non_null(padded);
	memset(padded, '\n', lines);
	strcpy(padded + lines, rest);
	char file[256];
	snprintf(file, sizeof(file), "%s.database%s", name, lang->extension);
	snprintf(db_path, 4096, "%s", mg_test_write_file(file, padded));
	free(padded);
	return models;
}

/* ---- one case ---- */

/* What a case file is for: "<rule-id>.bad.<ext>", "<rule-id>.good.<ext>", or neither. */
typedef enum case_kind { CASE_OTHER, CASE_BAD, CASE_GOOD } case_kind;

static case_kind case_rule(const language *lang, const char *name, char *rule, size_t size)
{
	static const struct {
		const char *suffix;
		case_kind kind;
	} kinds[] = {{".bad", CASE_BAD}, {".good", CASE_GOOD}};
	size_t len = strlen(name), ext = strlen(lang->extension);
	if (len <= ext || strcmp(name + len - ext, lang->extension) != 0) {
		rule[0] = '\0';
		return CASE_OTHER;
	}
	len -= ext;
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		size_t n = strlen(kinds[i].suffix);
		if (len > n && len - n < size && strncmp(name + len - n, kinds[i].suffix, n) == 0) {
			memcpy(rule, name, len - n);
			rule[len - n] = '\0';
			return kinds[i].kind;
		}
	}
	rule[0] = '\0';
	return CASE_OTHER;
}

/* Lints one case as users would, with an empty configuration (so no
 * .modelgraph.yml above the tree can change the result). */
static char empty_config[4096]; /* written by the group's setup */

/* Lints a case's sources with the configuration beside it (<case>.yml),
 * when there is one, else an empty one. */
static mg_lint_run *lint_case(const language *lang, const char *path, const char *const *paths,
			      size_t npaths, const char *against)
{
	char own_config[4096];
	size_t stem = strlen(path) - strlen(lang->extension);
	snprintf(own_config, sizeof(own_config), "%.*s.yml", (int)stem, path);
	FILE *f = fopen(own_config, "r");
	if (f)
		fclose(f);
	mg_lint_request request = {.sources = paths, .nsources = npaths,
				   .config_path = f ? own_config : empty_config,
				   .against = against ? &against : NULL, .nagainst = against != NULL};
	mg_lint_run *run = NULL;
	mg_error err = {{0}};
	if (mg_lint_run_new(&run, &request, &err) < 0)
		fail_msg("%s: %s", paths[0], err.message);
	return run;
}

/*
 * Lints the case at `path` (whose text is `text`) and compares its
 * findings with its expectations, writing every problem to `report` as
 * `file:line: …`. `name` is the case's file name: a bad case must also fire
 * its own rule, and a good case must not expect it. Returns the number of
 * problems.
 */
static size_t check_case(const language *lang, const char *name, const char *path, const char *text,
			 FILE *report)
{
	pair_list expected = {0}, actual = {0};
	char error[512], rule[64];
	size_t problems = 0;
	if (parse_expectations(lang, text, &expected, error, sizeof(error)) < 0) {
		fprintf(report, "%s: %s\n", path, error);
		pairs_free(&expected);
		return 1;
	}
	char parts[MAX_PARTS + 1][4096];
	const char *sources[MAX_PARTS + 1];
	char *models = split_database(lang, name, text, parts[MAX_PARTS]);
	bool diff = models != NULL;
	size_t nsources = split_sources(lang, name, path, diff ? models : text, parts);
	if (diff && nsources == 1) {
		char file[256];
		snprintf(file, sizeof(file), "%s.models%s", name, lang->extension);
		snprintf(parts[0], sizeof(parts[0]), "%s", mg_test_write_file(file, models));
	}
	free(models);
	for (size_t i = 0; i <= nsources; i++)
		sources[i] = parts[i == nsources ? MAX_PARTS : i];
	mg_lint_run *run = lint_case(lang, path, sources, nsources, diff ? parts[MAX_PARTS] : NULL);
	const mg_findings *findings = mg_lint_run_findings(run);
	pairs_from_findings(findings, sources, nsources + diff, &actual);

	case_kind kind = case_rule(lang, name, rule, sizeof(rule));
	if (kind != CASE_OTHER && !mg_rule_find(rule)) {
		fprintf(report, "%s: \"%s\" is not a rule of the catalog\n", path, rule);
		problems++;
	}
	if (kind == CASE_BAD && mg_test_count_rule(findings, rule) == 0) {
		fprintf(report, "%s: a bad case, but its rule %s reported nothing\n", path, rule);
		problems++;
	}
	for (size_t i = 0; kind == CASE_GOOD && i < expected.count; i++)
		if (strcmp(expected.items[i].rule, rule) == 0) {
			fprintf(report, "%s:%u: a good case must not expect its own rule %s\n", path,
				expected.items[i].line, rule);
			problems++;
		}
	problems += compare_pairs(path, &expected, &actual, report);

	pairs_free(&expected);
	pairs_free(&actual);
	mg_lint_run_free(run);
	return problems;
}

/* A memory stream for reports, so tests can both print and inspect them. */
typedef struct report {
	FILE *stream;
	char *text;
	size_t size;
} report;

static void report_open(report *r)
{
	*r = (report){0};
	r->stream = open_memstream(&r->text, &r->size);
	assert_non_null(r->stream);
}

/* Flushes the stream; the text stays readable until report_free. */
static const char *report_text(report *r)
{
	fflush(r->stream);
	return r->text ? r->text : "";
}

/* Prints the report through cmocka, a line at a time (its buffer is short). */
static void report_print(report *r)
{
	const char *p = report_text(r);
	while (*p) {
		size_t len = strcspn(p, "\n");
		print_error("%.*s\n", (int)len, p);
		p += len + (p[len] == '\n');
	}
}

static void report_free(report *r)
{
	fclose(r->stream);
	free(r->text);
	*r = (report){0};
}

/* ---- the case files ---- */

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of a language's case files, sorted; the caller frees each and
 * the array. A missing folder fails the test: no cases must not pass. */
static char **list_cases(const language *lang, size_t *out_count)
{
	char **names = NULL;
	size_t n = 0, cap = 0, ext = strlen(lang->extension);
	DIR *dir = opendir(lang->dir);
	if (!dir)
		fail_msg("%s: cannot open the cases folder", lang->dir);
	struct dirent *entry;
	while ((entry = readdir(dir))) {
		size_t len = strlen(entry->d_name);
		if (len <= ext || strcmp(entry->d_name + len - ext, lang->extension) != 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			char **bigger = realloc(names, cap * sizeof(*bigger));
			assert_non_null(bigger);
			names = bigger;
		}
		names[n] = strdup(entry->d_name);
		assert_non_null(names[n]);
		n++;
	}
	closedir(dir);
	if (n)
		qsort(names, n, sizeof(*names), cmp_names);
	*out_count = n;
	return names;
}

static void free_cases(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static bool has_case(char *const *names, size_t n, const char *name)
{
	return n && bsearch(&name, names, n, sizeof(*names), cmp_names) != NULL;
}

/* Runs every case of a language, printing each problem; fails with their
 * number. */
static void run_cases(const language *lang)
{
	size_t ncases = 0, problems = 0, failed_cases = 0;
	char **cases = list_cases(lang, &ncases);
	assert_true(ncases > 0);
	report r;
	report_open(&r);
	for (size_t i = 0; i < ncases; i++) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", lang->dir, cases[i]);
		char *text = mg_test_read_file(path);
		size_t found = check_case(lang, cases[i], path, text, r.stream);
		free(text);
		problems += found;
		failed_cases += found > 0;
	}
	print_message("%zu %s case(s) run, %zu failed\n", ncases, lang->extension, failed_cases);
	free_cases(cases, ncases);
	if (problems) {
		report_print(&r);
		report_free(&r);
		fail_msg("%zu problem(s) in %zu %s case(s)", problems, failed_cases, lang->extension);
	}
	report_free(&r);
}

static void sql_cases(void **state)
{
	(void)state;
	run_cases(SQL);
}

static void c_cases(void **state)
{
	(void)state;
	run_cases(C);
}

/* The language a rule's cases are written in: SQL for the rules on any
 * schema, C for those only C models can break; NULL for rules without a
 * check of their own (suppressions are reported by the pipeline, and their
 * cases are C: MG_ALLOW). */
static const language *cases_language(const mg_rule *rule)
{
	if (rule->sources & (MG_RULE_SOURCE_DB | MG_RULE_SOURCE_DIFF))
		return rule->check ? SQL : NULL;
	return C;
}

/* Every rule of the catalog has a bad and a good case in its language;
 * every case named after a rule names one of the catalog. */
static void every_rule_has_cases(void **state)
{
	(void)state;
	size_t nrules = 0, problems = 0;
	const mg_rule *const *rules = mg_rules_all(&nrules);
	report r;
	report_open(&r);
	for (size_t l = 0; l < sizeof(languages) / sizeof(languages[0]); l++) {
		const language *lang = &languages[l];
		size_t ncases = 0;
		char **cases = list_cases(lang, &ncases);
		for (size_t i = 0; i < nrules; i++) {
			static const char *const kinds[] = {"bad", "good"};
			if (cases_language(rules[i]) != lang)
				continue;
			for (size_t k = 0; k < 2; k++) {
				char name[128];
				snprintf(name, sizeof(name), "%s.%s%s", rules[i]->id, kinds[k], lang->extension);
				if (!has_case(cases, ncases, name)) {
					fprintf(r.stream, "%s/%s: missing: rule %s has no %s case\n", lang->dir,
						name, rules[i]->id, kinds[k]);
					problems++;
				}
			}
		}
		for (size_t i = 0; i < ncases; i++) {
			char rule[128];
			if (case_rule(lang, cases[i], rule, sizeof(rule)) != CASE_OTHER && !mg_rule_find(rule)) {
				fprintf(r.stream, "%s/%s: \"%s\" is not a rule of the catalog\n", lang->dir,
					cases[i], rule);
				problems++;
			}
		}
		free_cases(cases, ncases);
	}
	if (problems) {
		report_print(&r);
		report_free(&r);
		fail_msg("%zu rule case(s) missing or misnamed", problems);
	}
	report_free(&r);
}

/* ---- the runner itself can fail ---- */

static void comparison_reports_missing_and_unexpected(void **state)
{
	(void)state;
	pair_list expected = {0}, actual = {0};
	char error[256];
	assert_int_equal(parse_expectations(SQL, "CREATE TABLE a (\n"
					     "  id INTEGER PRIMARY KEY -- expect: table-isolated\n"
					     ");\n",
					     &expected, error, sizeof(error)),
			 0);
	/* The finding is on the table's line, not the column's, and of another rule. */
	pairs_push(&actual, 1, "table-no-primary-key", strlen("table-no-primary-key"), "no key");
	report r;
	report_open(&r);
	assert_int_equal(compare_pairs("x.sql", &expected, &actual, r.stream), 2);
	const char *text = report_text(&r);
	assert_non_null(strstr(text, "x.sql:2: missing finding [table-isolated]"));
	assert_non_null(strstr(text, "x.sql:1: unexpected finding [table-no-primary-key]: no key"));
	report_free(&r);
	pairs_free(&expected);
	pairs_free(&actual);
}

static void comparison_counts_each_finding(void **state)
{
	(void)state;
	pair_list expected = {0}, actual = {0};
	char error[256];
	assert_int_equal(parse_expectations(SQL, "x -- expect: fk-implied, fk-implied\n"
					    "y -- expect: fk-duplicate,fk-implied\n",
					    &expected, error, sizeof(error)),
			 0);
	assert_int_equal(expected.count, 4);
	report r;
	report_open(&r);
	/* Once where twice is expected: one missing. */
	pairs_push(&actual, 2, "fk-implied", strlen("fk-implied"), "m");
	pairs_push(&actual, 1, "fk-implied", strlen("fk-implied"), "m");
	pairs_push(&actual, 2, "fk-duplicate", strlen("fk-duplicate"), "m");
	assert_int_equal(compare_pairs("x.sql", &expected, &actual, r.stream), 1);
	assert_non_null(strstr(report_text(&r), "x.sql:1: missing finding [fk-implied]"));
	/* In any order, the same multiset matches. */
	pairs_push(&actual, 1, "fk-implied", strlen("fk-implied"), "m");
	assert_int_equal(compare_pairs("x.sql", &expected, &actual, r.stream), 0);
	/* One finding too many. */
	pairs_push(&actual, 2, "fk-implied", strlen("fk-implied"), "again");
	assert_int_equal(compare_pairs("x.sql", &expected, &actual, r.stream), 1);
	assert_non_null(strstr(report_text(&r), "x.sql:2: unexpected finding [fk-implied]: "));
	report_free(&r);
	pairs_free(&expected);
	pairs_free(&actual);
}

static void malformed_expectations_are_errors(void **state)
{
	(void)state;
	static const struct {
		const char *text, *error;
	} cases[] = {
		{"a -- expect:\n", "line 1: expected a rule id"},
		{"a\nb -- expect: fk-implied,\n", "line 2: expected a rule id"},
		{"a -- expect: no-such-rule\n", "\"no-such-rule\" is not a rule"},
		{"a -- expect: fk-implied table-isolated\n", "unexpected text after the rule ids"},
		{"a -- expects: fk-implied\n", "is no \"-- expect: rule-id\" mark"},
		{"a --Expect: fk-implied\n", "is no \"-- expect: rule-id\" mark"},
		{"a -- expect fk-implied\n", "is no \"-- expect: rule-id\" mark"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		pair_list expected = {0};
		char error[256] = "";
		int rc = parse_expectations(SQL, cases[i].text, &expected, error, sizeof(error));
		if (rc != -1 || !strstr(error, cases[i].error))
			fail_msg("%s: got %d \"%s\", wanted the error \"%s\"", cases[i].text, rc, error,
				 cases[i].error);
		pairs_free(&expected);
	}
}

/* C cases mark with `//`; SQL's `--` is text there, and the reverse. */
static void expectations_follow_the_language(void **state)
{
	(void)state;
	pair_list expected = {0};
	char error[256] = "";
	assert_int_equal(parse_expectations(C, "int a; // expect: fk-implied\n"
					       "int b; -- expect: fk-duplicate\n",
					    &expected, error, sizeof(error)),
			 0);
	assert_int_equal(expected.count, 1);
	assert_int_equal(expected.items[0].line, 1);
	assert_string_equal(expected.items[0].rule, "fk-implied");
	pairs_free(&expected);
	assert_int_equal(parse_expectations(C, "int a; // expects: fk-implied\n", &expected, error,
					    sizeof(error)),
			 -1);
	assert_non_null(strstr(error, "is no \"// expect: rule-id\" mark"));
	pairs_free(&expected);
}

/* End to end: a real script with an expectation on the wrong line, and a
 * bad case whose rule stays quiet, both fail. */
static void wrong_expectations_fail_a_case(void **state)
{
	(void)state;
	static const char script[] =
		"CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
		"CREATE TABLE post (id INTEGER PRIMARY KEY, -- expect: fk-implied\n"
		"  user_id INTEGER);\n";
	const char *path = mg_test_write_file("fk-implied.bad.sql", script);
	report r;
	report_open(&r);
	assert_int_equal(check_case(SQL, "fk-implied.bad.sql", path, script, r.stream), 2);
	const char *text = report_text(&r);
	if (!strstr(text, ":2: missing finding [fk-implied]") ||
	    !strstr(text, ":3: unexpected finding [fk-implied]: column \"post.user_id\""))
		fail_msg("unexpected report:\n%s", text);
	report_free(&r);

	static const char quiet[] = "CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
				    "CREATE TABLE post (id INTEGER PRIMARY KEY,\n"
				    "  user_id INTEGER REFERENCES users (id));\n"
				    "CREATE INDEX ix_post_user ON post (user_id);\n";
	path = mg_test_write_file("fk-implied.bad.sql", quiet);
	report_open(&r);
	assert_int_equal(check_case(SQL, "fk-implied.bad.sql", path, quiet, r.stream), 1);
	assert_non_null(strstr(report_text(&r), "its rule fk-implied reported nothing"));
	report_free(&r);
}

static int setup(void **state)
{
	(void)state;
	snprintf(empty_config, sizeof(empty_config), "%s", mg_test_write_file("empty-config.yml", ""));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	mg_test_tmpdir_remove();
	return 0;
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(comparison_reports_missing_and_unexpected),
		cmocka_unit_test(comparison_counts_each_finding),
		cmocka_unit_test(malformed_expectations_are_errors),
		cmocka_unit_test(expectations_follow_the_language),
		cmocka_unit_test(wrong_expectations_fail_a_case),
		cmocka_unit_test(every_rule_has_cases),
		cmocka_unit_test(sql_cases),
		cmocka_unit_test(c_cases),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
