#ifndef MG_DRIFT_SQL_H
#define MG_DRIFT_SQL_H

#include <stdbool.h>

#include "analyzer/core/graph.h"
#include "analyzer/lint/reserved_words.h"
#include "util/buf.h"

/*
 * How SQLite, PostgreSQL and MySQL write a schema: names, string literals,
 * column types, defaults and column definitions. `modelgraph ddl` writes its
 * scripts with these, and the drift rules their fixes, so a statement a
 * finding suggests is the one `ddl` would have written. Dialects are the
 * MG_DIALECT_* bits of reserved_words.h, one at a time.
 */

/* The dialect a table was read in: a database's own, a SQLite-dialect script's
 * SQLite; 0 for models (C, graph JSON), whose types are no dialect's yet. */
unsigned mg_table_dialect(const mg_table *table);

/* "sqlite", "postgresql", "mysql": as --dialect names them; NULL for others. */
const char *mg_dialect_option_name(unsigned dialect);

/* The dialect --dialect names; 0 when none. */
unsigned mg_dialect_from_option(const char *name);

/* Whether `name` must be quoted in `dialect` to mean itself: a reserved
 * word, a character beyond letters, digits and `_`, a leading digit, or (in
 * PostgreSQL, which folds unquoted names to lower case) an upper-case letter. */
bool mg_dialect_needs_quotes(const char *name, unsigned dialect);

/* A name, quoted only when it must be: "x" ("" inside) in SQLite and
 * PostgreSQL, `x` (`` inside) in MySQL. */
void mg_dialect_put_name(mg_buf *out, const char *name, unsigned dialect);

/* A table's name, qualified by its schema in PostgreSQL. SQLite has no
 * schemas, and a MySQL schema is a database of its own, where a key from a
 * table of the database the script runs in cannot name its parent: in
 * both, every table goes into the database the script runs in. */
void mg_dialect_put_table(mg_buf *out, const mg_table *table, unsigned dialect);

/* The table's name without the schema some readers prefix it with. */
const char *mg_table_bare_name(const mg_table *table);

/* Column names, quoted as needed, separated by ", ". */
void mg_dialect_put_columns(mg_buf *out, mg_column *const *columns, size_t n, unsigned dialect);

/* A string literal: '' doubles a quote; MySQL also doubles backslashes. */
void mg_dialect_put_string(mg_buf *out, const char *text, unsigned dialect);

/* True when the column numbers itself in `dialect`'s script: it is the
 * table's whole primary key, of an integer type, and autoincrements. */
bool mg_dialect_autoincrements(const mg_column *column);

/* True when a key, an index or a foreign key uses the column (MySQL cannot
 * key TEXT or BLOB columns without a length). */
bool mg_column_is_keyed(const mg_column *column);

/* The column's type in `dialect`: its declared type when it was read in that
 * dialect, else its normalised type spelt as `dialect` spells it, following
 * the table in drift_sql.c; SERIAL/BIGSERIAL for a PostgreSQL column that
 * numbers itself. Empty only for a SQLite column without a type. */
void mg_dialect_put_type(mg_buf *out, const mg_column *column, unsigned dialect);

/* The column's default as an expression `dialect` accepts after DEFAULT;
 * false (nothing written) when it has none, or numbers itself. */
bool mg_dialect_put_default(mg_buf *out, const mg_column *column, unsigned dialect);

/* The column as CREATE TABLE and ADD COLUMN write it: name, type, NOT NULL,
 * DEFAULT, and what numbering the dialect needs (AUTO_INCREMENT); no key
 * clause, no comment. */
void mg_dialect_put_column(mg_buf *out, const mg_column *column, unsigned dialect);

/* Referential actions, as REFERENCES writes them after the parent columns:
 * " ON DELETE CASCADE" and the like; nothing when there are none. */
void mg_dialect_put_fk_actions(mg_buf *out, const mg_foreign_key *fk, unsigned dialect);

/* A foreign key's parent columns: as resolved, else as written. Writes
 * nothing and returns false when they are unknown. */
bool mg_dialect_put_parent_columns(mg_buf *out, const mg_foreign_key *fk, unsigned dialect);

/* "FOREIGN KEY (a) REFERENCES p (id) ON DELETE CASCADE", with the
 * CONSTRAINT name before it; false when the parent is unknown. */
bool mg_dialect_put_fk_constraint(mg_buf *out, const mg_foreign_key *fk, unsigned dialect);

/* The same, with another constraint name. */
bool mg_dialect_put_fk_named(mg_buf *out, const mg_foreign_key *fk, const char *name, unsigned dialect);

#endif
