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
 * Schemas are PostgreSQL's only (CREATE SCHEMA, qualified names): SQLite has
 * none, and a MySQL schema is a database, so both put every table into the
 * database the script runs in. 0, or -1 with `err` set for another
 * dialect, or when two schemas' tables of one name would be one table
 * there. Allocation failure sets out->failed.
 */
int mg_render_ddl(const mg_graph *graph, const char *dialect, mg_buf *out, mg_error *err);

#endif
