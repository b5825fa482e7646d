#ifndef MG_RULE_UTIL_H
#define MG_RULE_UTIL_H

#include <stddef.h>

#include "analyzer/core/graph.h"
#include "analyzer/lint/lint.h"

/* Small facts several rule families ask of the graph. */

/* `"a", "b"`: the columns' names, quoted (see mg_rule_printf). */
const char *mg_column_list(mg_rule_context *ctx, mg_column *const *columns, size_t n);

/* For fixes that are statements, in `arena` (NULL when out of memory): a
 * name as SQL writes it, quoted only when it must be, and a, b for columns. */
const char *mg_sql_name(mg_arena *arena, const char *name);
const char *mg_sql_column_list(mg_arena *arena, mg_column *const *columns, size_t n);

/* The name index=true gives an index on `column`: ix_<table>_<column>, in
 * `arena`; NULL when out of memory. */
const char *mg_generated_index_name(mg_arena *arena, const mg_table *table, mg_column *const *columns,
				    size_t n);

/* True when a one-column index has the name index=true would give it. */
bool mg_index_is_generated(const mg_index *index);

/* True when some index of the table (or its primary key) starts with exactly
 * these columns, in any order: lookups by them need no scan. */
bool mg_table_has_leading_index(const mg_table *table, mg_column *const *columns, size_t n);

/* Tables that are neither views nor anything a rule on stored rows skips. */
bool mg_table_is_stored(const mg_table *table);

/*
 * Stored tables whose keys and links are declared in the schema: not
 * virtual tables (SQLite's FTS5, R*Tree), whose module keeps the rows and
 * which can declare neither a primary key nor a foreign key.
 */
bool mg_table_declares_keys(const mg_table *table);

/*
 * The SQL dialects (MG_DIALECT_* bits) a table has to work in. A database
 * is its own dialect: a SQLite file is SQLite. Models and scripts (C, SQL
 * DDL, graph JSON) run where the configuration's lint.dialects says, and in
 * SQLite when it says nothing: a script is read by SQLite, and SQLite is
 * what a C application without a server embeds.
 */
unsigned mg_rule_table_dialects(const mg_rule_context *ctx, const mg_table *table);

/* True when the table comes from annotated C models. */
bool mg_table_is_c(const mg_table *table);

/* True when the table was declared in SQL: a SQLite database or a script,
 * whose column types are SQL as written (not C types, as in C models and
 * the graph JSON written from them). */
bool mg_table_is_sql(const mg_table *table);

/*
 * The table a declared foreign key whose parent does not exist was meant
 * for: the model whose struct tag it names (MG_FOREIGN_KEY(Member.id) for
 * table "members"), else the table whose name is nearest ("user" for
 * "usr"); NULL when none is near, or when the parent exists.
 */
const mg_table *mg_fk_meant_parent(const mg_foreign_key *fk);

/*
 * A declared foreign key between tables a and b (on either) whose parent
 * does not exist and which was meant for the other, or for nobody known:
 * the root cause when no foreign key links a and b. NULL when none.
 */
const mg_foreign_key *mg_dangling_fk_between(const mg_table *a, const mg_table *b);

#endif
