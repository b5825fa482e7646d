#ifndef MG_TEST_SCHEMA_IMAGE_H
#define MG_TEST_SCHEMA_IMAGE_H

#include <sqlite3.h>

#include "analyzer/read/sqlite_schema_rows.h"

/*
 * Databases as files of pages for the tests of sqlite_schema read off the
 * pages (test_sqlite_schema_rows, test_ddl_table_scan): an in-memory
 * database has no pages to read until it is serialized.
 */

/* An edit of a database image before it is opened: damage, a cut. */
typedef void (*mg_test_image_edit)(unsigned char *image, sqlite3_int64 *size, void *payload);

/* The image of `db` (edited first when `edit` is given) in a connection of
 * its own, read-only; the caller closes it. */
sqlite3 *mg_test_image_of(sqlite3 *db, mg_test_image_edit edit, void *payload);

/* Starts a read transaction as the SQLite reader does (read_sqlite.c) and
 * reads the rows off the pages: 1, 0 (declined; SQLite refusing the file
 * is one too) or -1. End the transaction with mg_test_end_read. */
int mg_test_read_rows(sqlite3 *db, mg_schema_rows *rows);

void mg_test_end_read(sqlite3 *db);

#endif
