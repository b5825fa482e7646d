#ifndef MG_DDL_TABLE_SCAN_ORACLE_H
#define MG_DDL_TABLE_SCAN_ORACLE_H

#include <sqlite3.h>

#include "tests/unit/ddl_scan_oracle.h"
#include "util/buf.h"

/*
 * SQLite as the oracle of the CREATE TABLE scanner: what mg_ddl_scan_table
 * reads of table `table`'s statement `sql` (as stored in sqlite_schema of
 * `db`) must be, field by field, what SQLite's pragmas say of the table:
 * pragma_table_xinfo, pragma_foreign_key_list, pragma_index_list and
 * pragma_index_info for the constraint indexes (and their order in
 * sqlite_schema), pragma_table_list's wr and strict. Shared by the unit test
 * and the fuzzer. `why` says how they differ, or why SQLite could not answer.
 */
mg_oracle_verdict mg_ddl_table_scan_oracle(sqlite3 *db, const char *table, const char *sql, mg_buf *why);

#endif
