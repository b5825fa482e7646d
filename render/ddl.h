#ifndef MG_RENDER_DDL_H
#define MG_RENDER_DDL_H

#include "analyzer/core/error.h"
#include "analyzer/core/graph.h"
#include "util/buf.h"

/*
 * The CREATE script a resolved graph implies, in one dialect ("sqlite",
 * "postgresql" or "mysql", as --dialect names them): what Flask-SQLAlchemy's create_all()
 * issues for the models. Tables come in dependency order (parents first,
 * ties by name); a foreign key to a table created later (a cycle) is added
 * afterwards with ALTER TABLE in PostgreSQL and MySQL, and stays in the
 * CREATE TABLE in SQLite, which checks foreign keys only when rows are
 * written. Then each table's indexes and comments. The same graph gives
 * the same bytes.
 *
 * 0, or -1 with `err` set for another dialect, or when the graph cannot
 * be written in the dialect (two schemas' tables of one name, in SQLite,
 * which has no schemas). Allocation failure sets out->failed.
 */
int mg_render_ddl(const mg_graph *graph, const char *dialect, mg_buf *out, mg_error *err);

#endif
