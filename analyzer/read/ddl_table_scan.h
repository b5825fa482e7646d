#ifndef MG_DDL_TABLE_SCAN_H
#define MG_DDL_TABLE_SCAN_H

#include <stddef.h>

/*
 * Reads a CREATE TABLE statement as SQLite stored it in sqlite_schema.sql
 * (so already accepted by SQLite) into what SQLite's pragmas would say of
 * the table: pragma_table_xinfo, pragma_foreign_key_list, pragma_index_list
 * and pragma_index_info for the indexes SQLite made for PRIMARY KEY and
 * UNIQUE constraints (sqlite_autoindex_<table>_<n>), and pragma_table_list's
 * "wr" and "strict". Asking SQLite costs a lookup of the table by name and
 * the preparation of a statement per pragma and table; reading the text it
 * already parsed costs next to nothing.
 *
 * Precision comes first: whatever the scanner does not fully understand it
 * declines (-1), and the caller asks SQLite. It never reads past `len`
 * bytes, and never loops or crashes, whatever the bytes.
 * tests/unit/ddl_table_scan_oracle.c holds it to SQLite's answers.
 */

typedef struct mg_ddl_table_column {
	const char *name;          /* unquoted, as declared */
	const char *type;          /* pragma_table_xinfo's "type": the declared type as
	                              written ("VARCHAR ( 80 )"), SQLite's standard names
	                              upper-cased ("INTEGER"); "" when none */
	const char *default_value; /* "dflt_value": the DEFAULT's text; NULL when none */
	const char *collation;     /* the column's COLLATE, unquoted; NULL when none */
	int not_null;              /* "notnull" */
	unsigned pk;               /* "pk": 1-based position in the primary key; 0 */
	int hidden;                /* "hidden": 0, or 2 / 3 for a column GENERATED ... VIRTUAL
	                              / STORED */
} mg_ddl_table_column;

typedef struct mg_ddl_table_foreign_key {
	const char *parent;        /* the referenced table, unquoted */
	size_t ncolumns;
	const size_t *from;        /* child columns: positions in `columns` */
	const char *const *to;     /* ncolumns parent column names, unquoted; NULL when
	                              the clause names none (the parent's primary key) */
	const char *on_update;     /* as pragma_foreign_key_list says them: "NO ACTION", */
	const char *on_delete;     /* "CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT" */
} mg_ddl_table_foreign_key;

/* An index SQLite made for a PRIMARY KEY or UNIQUE constraint. */
typedef struct mg_ddl_table_index {
	const char *name;          /* sqlite_autoindex_<table>_<n>, numbered as SQLite does */
	int primary_key;           /* pragma_index_list's origin "pk" (else "u") */
	int stored;                /* sqlite_schema has a row for it: all but the primary
	                              key of a table WITHOUT ROWID, which is the table */
	size_t ncolumns;
	const size_t *columns;     /* positions in `columns`, in key order */
} mg_ddl_table_index;

typedef struct mg_ddl_table {
	mg_ddl_table_column *columns;     /* in declaration order */
	size_t ncolumns;
	mg_ddl_table_foreign_key *foreign_keys; /* in pragma_foreign_key_list's order:
	                                    id 0 first, the one declared last */
	size_t nforeign_keys;
	mg_ddl_table_index *indexes;      /* in the order SQLite made them (so the stored
	                                    ones in their order in sqlite_schema) */
	size_t nindexes;
	int without_rowid;
	int strict;
	int expressions;                  /* has a CHECK, DEFAULT (...) or AS (...): expressions
	                                     the scanner passes over without reading them */
	struct mg_ddl_table_store *store; /* memory reused from one statement to the next */
} mg_ddl_table;

/*
 * Reads `sql` (len bytes), the statement of table `table` (its name as
 * sqlite_schema has it, which names the constraint indexes), into `out`.
 * `out` starts zeroed and may be reused for the next statement: what one
 * call returns is valid until the next call or mg_ddl_table_free.
 * Returns 0, or -1 when the scanner declines (the statement is not a
 * CREATE TABLE it reads fully, or no memory): the caller asks SQLite.
 */
int mg_ddl_scan_table(const char *sql, size_t len, const char *table, mg_ddl_table *out);

/* Releases the memory of `t` and zeroes it. */
void mg_ddl_table_free(mg_ddl_table *t);

#endif
