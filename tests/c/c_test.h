#ifndef MG_C_TEST_H
#define MG_C_TEST_H

#include "tests/unit/test_support.h"

#include "analyzer/read/readers.h"

/*
 * Helpers of the C reader's tests: headers are written to the private
 * temporary directory (mg_test_write_file) or taken from tests/c/inputs, and
 * read by mg_read_c itself.
 */

/* The path of tests/c/inputs/<name> (static storage, until the next call). */
const char *mg_c_test_input(const char *name);

/* Reads C sources into a new graph and resolves it; fails the test with the
 * reader's message on error. */
mg_graph *mg_c_test_read(const char *const *paths, size_t n, const mg_c_options *options);

/* Writes `text` to `name` in the temporary directory and reads it alone. */
mg_graph *mg_c_test_read_text(const char *name, const char *text);

/* Reads `path` expecting failure; returns the message (static storage). */
const char *mg_c_test_read_error(const char *path, const mg_c_options *options);

/* The table, which must exist. */
mg_table *mg_c_test_table(const mg_graph *graph, const char *name);

/* The column of `table`, which must exist. */
mg_column *mg_c_test_column(const mg_table *table, const char *name);

/* How many annotation problems of `kind` the graph holds. */
size_t mg_c_test_count_problems(const mg_graph *graph, mg_annotation_problem_kind kind);

#endif
