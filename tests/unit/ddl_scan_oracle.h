#ifndef MG_DDL_SCAN_ORACLE_H
#define MG_DDL_SCAN_ORACLE_H

#include <sqlite3.h>

#include "util/buf.h"

/*
 * SQLite as the oracle of the DDL scanner: for an index SQLite has created,
 * what mg_ddl_scan_index reads of its CREATE INDEX statement must be what
 * SQLite itself says (pragma_index_list, pragma_index_info). Shared by the
 * unit test over real schemas and the fuzzer.
 */

typedef enum mg_oracle_verdict {
	MG_ORACLE_AGREE,    /* the scanner read the statement as SQLite did */
	MG_ORACLE_DECLINED, /* the scanner declined (-1): the reader asks SQLite instead */
	MG_ORACLE_DIFFER,   /* the scanner read it otherwise: `why` says how */
	MG_ORACLE_ERROR,    /* SQLite could not answer: `why` says why */
} mg_oracle_verdict;

/*
 * Checks index `index` of table `table` in `db`, whose statement is `sql` as
 * stored in sqlite_schema. Column names compare as the reader resolves them:
 * a scanned name that names no column of the table (or an expression) is no
 * column, as is an expression or the rowid for SQLite.
 */
mg_oracle_verdict mg_ddl_scan_oracle(sqlite3 *db, const char *table, const char *index, const char *sql,
				     mg_buf *why);

#endif
