#ifndef MG_SCHEMA_ROWS_ORACLE_H
#define MG_SCHEMA_ROWS_ORACLE_H

#include <sqlite3.h>

#include "analyzer/read/sqlite_schema_rows.h"
#include "tests/unit/ddl_scan_oracle.h"
#include "util/buf.h"

/*
 * SQLite as the oracle of the page reader: `rows`, read off the pages of
 * `db`, must be the rows of SQLite's own scan of sqlite_schema, in rowid
 * order, text for text and byte for byte. Shared by the unit test and the
 * fuzzer. MG_ORACLE_ERROR when SQLite's scan stops short (a damaged file);
 * `why` says how they differ, or why SQLite could not answer.
 */
mg_oracle_verdict mg_schema_rows_oracle(sqlite3 *db, const mg_schema_rows *rows, mg_buf *why);

#endif
