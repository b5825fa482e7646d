/*
 * The pipeline users run, through the core library's one entry point
 * (include/modelgraph/modelgraph.h): configuration, severities, MG_ALLOW,
 * ignores, baseline and the fail-on level, on real files.
 */
#define _POSIX_C_SOURCE 200809L

#include "tests/unit/test_support.h"

#include <stdio.h>
#include <string.h>

#include "include/modelgraph/modelgraph.h"

/* Two foreign keys without an index (fk-missing-index, warning) and a
 * table without a primary key (table-no-primary-key, warning). */
static const char schema[] =
	"CREATE TABLE author (id INTEGER PRIMARY KEY);\n"
	"CREATE TABLE book (id INTEGER PRIMARY KEY,\n"
	"  author_id INTEGER NOT NULL REFERENCES author(id));\n"
	"CREATE TABLE review (id INTEGER PRIMARY KEY,\n"
	"  book_id INTEGER NOT NULL REFERENCES book(id));\n"
	"CREATE TABLE audit_log (at TEXT, what TEXT);\n";

static int teardown_group(void **state)
{
	(void)state;
	mg_test_tmpdir_remove();
	return 0;
}

static char *copy_path(const char *path)
{
	static char paths[4][4096];
	static size_t next;
	char *slot = paths[next++ % 4];
	snprintf(slot, sizeof(paths[0]), "%s", path);
	return slot;
}

static mg_lint_run *run_ok(const mg_lint_request *request)
{
	mg_lint_run *run = NULL;
	mg_error err = {{0}};
	if (mg_lint_run_new(&run, request, &err) < 0)
		fail_msg("mg_lint_run_new: %s", err.message);
	return run;
}

static void defaults_report_every_finding(void **state)
{
	(void)state;
	const char *sources[] = {copy_path(mg_test_write_file("schema.sql", schema))};
	const char *config = copy_path(mg_test_write_file("empty.yml", ""));
	mg_lint_request request = {.sources = sources, .nsources = 1, .config_path = config};
	mg_lint_run *run = run_ok(&request);
	assert_int_equal(mg_test_count_rule(mg_lint_run_findings(run), "fk-missing-index"), 2);
	assert_int_equal(mg_test_count_rule(mg_lint_run_findings(run), "table-no-primary-key"), 1);
	assert_non_null(mg_graph_find_table(mg_lint_run_graph(run), "review"));
	/* warnings and notes only: the default fail-on level (error) is not reached */
	assert_false(mg_lint_run_fails(run));
	mg_lint_run_free(run);
}

static void config_ignores_severities_and_fail_on_apply(void **state)
{
	(void)state;
	const char *sources[] = {copy_path(mg_test_write_file("schema.sql", schema))};
	const char *config = copy_path(mg_test_write_file(
		"project.yml", "rules:\n"
			       "  table-no-primary-key: error\n"
			       "  fk-missing-index: warning\n"
			       "ignore:\n"
			       "  - rule: table-no-primary-key\n"
			       "    path: \"audit_*\"\n"
			       "    reason: append-only log\n"
			       "lint:\n"
			       "  fail-on: warning\n"));
	mg_lint_request request = {.sources = sources, .nsources = 1, .config_path = config};
	mg_lint_run *run = run_ok(&request);
	const mg_findings *findings = mg_lint_run_findings(run);
	assert_int_equal(mg_test_count_rule(findings, "table-no-primary-key"), 0);
	assert_int_equal(mg_test_count_rule(findings, "suppression-unused"), 0);
	assert_int_equal(mg_test_count_rule(findings, "fk-missing-index"), 2);
	assert_true(mg_lint_run_fails(run)); /* the configuration's fail-on: warning */
	mg_lint_run_free(run);

	/* The request's fail-on wins over the configuration's. */
	request.fail_on = "never";
	run = run_ok(&request);
	assert_false(mg_lint_run_fails(run));
	mg_lint_run_free(run);
}

static void request_overrides_win_over_the_configuration(void **state)
{
	(void)state;
	const char *sources[] = {copy_path(mg_test_write_file("schema.sql", schema))};
	const char *config = copy_path(mg_test_write_file("errors.yml", "rules:\n"
									"  fk-missing-index: error\n"));
	const char *disable[] = {"fk-missing-index"};
	mg_lint_request request = {.sources = sources, .nsources = 1, .config_path = config};
	mg_lint_run *run = run_ok(&request);
	assert_true(mg_lint_run_fails(run));
	mg_lint_run_free(run);

	request.disable = disable;
	request.ndisable = 1;
	run = run_ok(&request);
	assert_int_equal(mg_test_count_rule(mg_lint_run_findings(run), "fk-missing-index"), 0);
	assert_false(mg_lint_run_fails(run));
	mg_lint_run_free(run);
}

static void a_baseline_written_from_a_run_accepts_it(void **state)
{
	(void)state;
	const char *sources[] = {copy_path(mg_test_write_file("schema.sql", schema))};
	const char *config = copy_path(mg_test_write_file("empty.yml", ""));
	mg_lint_request request = {.sources = sources, .nsources = 1, .config_path = config,
				   .fail_on = "warning"};
	mg_lint_run *run = run_ok(&request);
	assert_true(mg_lint_run_fails(run));
	mg_buf written = MG_BUF_INIT;
	mg_baseline_write(mg_lint_run_findings(run), &written);
	assert_false(written.failed);
	mg_buf_putc(&written, '\0');
	mg_lint_run_free(run);
	request.baseline_path = copy_path(mg_test_write_file("baseline.json", written.data));
	mg_buf_free(&written);

	run = run_ok(&request);
	assert_int_equal(mg_findings_count_at_least(mg_lint_run_findings(run), MG_SEVERITY_NOTE), 0);
	assert_false(mg_lint_run_fails(run));
	mg_lint_run_free(run);

	/* A new mistake is not in the baseline and fails the run. */
	char changed[sizeof(schema) + 128];
	snprintf(changed, sizeof(changed), "%sCREATE TABLE tag (name TEXT);\n", schema);
	sources[0] = copy_path(mg_test_write_file("schema.sql", changed));
	run = run_ok(&request);
	assert_int_equal(mg_test_count_rule(mg_lint_run_findings(run), "table-no-primary-key"), 1);
	assert_string_equal(mg_test_find_rule(mg_lint_run_findings(run), "table-no-primary-key")->path,
			    "tag");
	assert_true(mg_lint_run_fails(run));
	mg_lint_run_free(run);
}

static void allow_annotations_apply_to_c_models(void **state)
{
	(void)state;
	const char *sources[] = {copy_path(mg_test_write_file(
		"models.h", "#include <modelgraph/annotations.h>\n"
			    "struct Author {\n"
			    "    int id MG_COLUMN(primary_key=true);\n"
			    "} MG_MODEL();\n"
			    "struct Book {\n"
			    "    int id MG_COLUMN(primary_key=true);\n"
			    "    int author_id MG_FOREIGN_KEY(author.id)\n"
			    "        MG_ALLOW(fk-missing-index, \"two rows per author\");\n"
			    "} MG_MODEL();\n"))};
	const char *config = copy_path(mg_test_write_file("empty.yml", ""));
	mg_lint_request request = {.sources = sources, .nsources = 1, .config_path = config};
	mg_lint_run *run = run_ok(&request);
	assert_int_equal(mg_test_count_rule(mg_lint_run_findings(run), "fk-missing-index"), 0);
	assert_int_equal(mg_test_count_rule(mg_lint_run_findings(run), "suppression-unused"), 0);
	mg_lint_run_free(run);
}

static void expect_error(const mg_lint_request *request, const char *message)
{
	mg_lint_run *run = NULL;
	mg_error err = {{0}};
	assert_int_equal(mg_lint_run_new(&run, request, &err), -1);
	assert_null(run);
	if (!strstr(err.message, message))
		fail_msg("expected \"%s\" in \"%s\"", message, err.message);
}

static void bad_inputs_are_errors_with_a_message(void **state)
{
	(void)state;
	const char *sources[] = {copy_path(mg_test_write_file("schema.sql", schema))};
	const char *config = copy_path(mg_test_write_file("empty.yml", ""));
	const char *unknown[] = {"fk-missing-indx"};
	mg_lint_request request = {.sources = sources, .nsources = 1, .config_path = config,
				   .enable = unknown, .nenable = 1};
	expect_error(&request, "--enable: unknown rule \"fk-missing-indx\"; did you mean "
			       "\"fk-missing-index\"?");

	request.nenable = 0;
	request.config_path = copy_path(mg_test_write_file("typo.yml", "rules:\n  fk-missing-index: of\n"));
	expect_error(&request, "typo.yml:2:21: invalid severity \"of\"");

	request.config_path = config;
	request.baseline_path = copy_path(mg_test_write_file("bad.json", "{\"format\": \"other\"}"));
	expect_error(&request, "bad.json");

	request.baseline_path = NULL;
	const char *missing[] = {"no-such-schema.sql"};
	request.sources = missing;
	expect_error(&request, "no-such-schema.sql");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults_report_every_finding),
		cmocka_unit_test(config_ignores_severities_and_fail_on_apply),
		cmocka_unit_test(request_overrides_win_over_the_configuration),
		cmocka_unit_test(a_baseline_written_from_a_run_accepts_it),
		cmocka_unit_test(allow_annotations_apply_to_c_models),
		cmocka_unit_test(bad_inputs_are_errors_with_a_message),
	};
	return cmocka_run_group_tests(tests, NULL, teardown_group);
}
