#ifndef MG_TEST_SCHEMA_SOURCES_H
#define MG_TEST_SCHEMA_SOURCES_H

#include <sqlite3.h>

/*
 * The real schemas the scanner oracles (test_ddl_scan, test_ddl_table_scan)
 * hold the scanners to: each one opened as a SQLite database and handed to
 * a check. `label` names where it came from in the check's messages.
 */
typedef void (*mg_schema_check)(sqlite3 *db, const char *label, void *context);

/* SQL text run into a fresh in-memory database; fails the test when SQLite
 * refuses it. */
void mg_test_check_sql(const char *sql, const char *label, mg_schema_check check, void *context);

/* Every .sql lint case (tests/lint/cases). A case may be several sources,
 * each after a line "-- another source:", and a drift case is two, split by
 * "-- the database:" (tests/lint/lint_cases.c): each is its own database. */
void mg_test_check_lint_cases(mg_schema_check check, void *context);

/* Every input of the corpus (tests/corpus/inputs.txt): scripts run into
 * memory, databases opened read-only. */
void mg_test_check_corpus(mg_schema_check check, void *context);

#endif
