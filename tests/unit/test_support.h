#ifndef MG_TEST_SUPPORT_H
#define MG_TEST_SUPPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "analyzer/core/findings.h"
#include "analyzer/core/graph.h"

/*
 * Test helpers. Every graph comes from real SQL run through the real
 * readers: the text is written to a file in a private temporary directory,
 * then read as a DDL script (or built into a SQLite database file).
 */

/* A new private directory under $TMPDIR; removed by mg_test_tmpdir_remove. */
const char *mg_test_tmpdir(void);
void mg_test_tmpdir_remove(void);

/* Writes `text` to `name` inside the temporary directory; returns the path
 * (static storage, valid until the next call). */
const char *mg_test_write_file(const char *name, const char *text);

/* The whole of a file, NUL-terminated; fails the test when it cannot be
 * read. The caller frees it. */
char *mg_test_read_file(const char *path);

/* Builds a SQLite database file from SQL with the sqlite3 library; returns its path. */
const char *mg_test_make_db(const char *name, const char *sql);

/* mg_load of one source; fails the test (with the reader's message) on error. */
mg_graph *mg_test_load(const char *source);

/* Loads SQL text as a DDL script. */
mg_graph *mg_test_load_sql(const char *sql);

/* Lints a graph with default options; the caller frees the findings. */
mg_findings *mg_test_lint(const mg_graph *graph);

/* How many findings of `rule` there are. */
size_t mg_test_count_rule(const mg_findings *findings, const char *rule);

/* The first finding of `rule`, or NULL. */
const mg_finding *mg_test_find_rule(const mg_findings *findings, const char *rule);

#endif
