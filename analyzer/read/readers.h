#ifndef MG_READERS_H
#define MG_READERS_H

#include "analyzer/core/error.h"
#include "analyzer/core/graph.h"

/*
 * Readers: each adds the objects of one input to a graph and records the
 * input as a source. They never print; on failure they return -1 with `err`
 * naming the input, and the graph may hold part of the input (the caller
 * discards it).
 */

/*
 * How to parse C sources, as a compiler would be told. Zeroed (or NULL):
 * C11, no extra include directories or macros, no compilation database.
 * The installed annotations header is always found, without -I.
 */
typedef struct mg_c_options {
	const char *std;                 /* language standard ("c17", "gnu11"); NULL: c11,
	                                    or what the compilation database says */
	const char *const *include_dirs; /* -I, searched in this order, before the
	                                    database's and the system's */
	size_t ninclude_dirs;
	const char *const *defines;      /* -D: "NAME" or "NAME=VALUE", applied after
	                                    the database's */
	size_t ndefines;
	const char *build_dir;           /* -p: a directory holding compile_commands.json,
	                                    whose flags for the file (or the nearest
	                                    file) are used; NULL: none */
} mg_c_options;

/* How to read a PostgreSQL database. Zeroed: every schema but the system's. */
typedef struct mg_postgres_options {
	const char *const *schemas;      /* --schema: the schemas to read, each of which
	                                    must exist; nschemas == 0: every non-system one */
	size_t nschemas;
} mg_postgres_options;

/* Options of every reader that takes some; zeroed or NULL: the defaults. */
typedef struct mg_read_options {
	mg_c_options c;
	mg_postgres_options postgres;
	const char *dialect;             /* --dialect of .sql files: "sqlite", "postgresql",
	                                    "mysql"; NULL: detected from the script
	                                    (my_script.h, pg_script.h) */
} mg_read_options;

/*
 * Annotated C models (a header or a source file), parsed by libclang with
 * function bodies skipped. Every struct carrying MG_MODEL or MG_TABLE
 * becomes a table. A C error (any error clang reports) makes the input
 * unreadable: -1 with clang's own "file:line:col: error: text". Mistakes in
 * the annotations do not: they are recorded in graph->annotation_problems
 * for the annotation-* rules. A struct defined in a header that an earlier
 * input already included is read once; a table or model that two different
 * definitions declare is an error naming both places.
 */
int mg_read_c(mg_graph *graph, const char *path, const mg_c_options *options, mg_error *err);

/* modelgraph's graph JSON (docs/graph-json.md), as `dump` writes it. */
int mg_read_json(mg_graph *graph, const char *path, mg_error *err);

/* A SQLite database file, opened read-only; never written. */
int mg_read_sqlite(mg_graph *graph, const char *path, mg_error *err);

/* A SQL DDL script, executed into a private in-memory SQLite database. */
int mg_read_sql(mg_graph *graph, const char *path, mg_error *err);

/*
 * A PostgreSQL-dialect DDL script, loaded into a throwaway PostgreSQL server
 * that is started for it and removed afterwards (also on failure or
 * Ctrl-C), then read like a database. Errors name the file, line and
 * column of the failing statement. Without the server's binaries, -1
 * naming the package to install and the postgresql:// alternative.
 */
int mg_read_sql_postgres(mg_graph *graph, const char *path, const mg_postgres_options *options,
			 mg_error *err);

/*
 * A MySQL-dialect DDL script, loaded into a throwaway MariaDB server that is
 * started for it and removed afterwards (also on failure or Ctrl-C), then
 * read like a database. Errors name the file, line and column of the
 * failing statement. Without the server's binary, -1 naming the package to
 * install and the mysql:// alternative. Only in builds with the MariaDB
 * client library (MG_WITH_MYSQL).
 */
int mg_read_sql_mysql(mg_graph *graph, const char *path, mg_error *err);

/*
 * A PostgreSQL database through libpq: `url` is a postgresql:// or
 * postgres:// URI (the libpq environment and ~/.pgpass apply). Read from
 * pg_catalog in one read-only transaction. Tables outside the schema
 * "public" are named "schema.table". Messages never show the password.
 * Without libpq in the build, -1 saying so.
 */
int mg_read_postgres(mg_graph *graph, const char *url, const mg_postgres_options *options,
		     mg_error *err);

/*
 * A MariaDB or MySQL database through the MariaDB client library: `url` is
 * mysql://USER:PASSWORD@HOST:PORT/DATABASE (or mariadb://); "localhost" or
 * no host is the Unix socket, ?socket=PATH names it; the option files'
 * [client] group and MYSQL_PWD apply. Read from information_schema in one
 * read-only transaction. Messages never show the password. Only in builds
 * with the MariaDB client library (MG_WITH_MYSQL).
 */
int mg_read_mysql(mg_graph *graph, const char *url, mg_error *err);

/* A source named on the command line: chosen by prefix (`sqlite:`, `sql:`,
 * `c:`, `json:`), scheme (`postgresql://`, `mysql://`), extension, then
 * content. */
int mg_read_source(mg_graph *graph, const char *source, mg_error *err);

/* The same, with options for the readers (NULL: the defaults). */
int mg_read_source_with(mg_graph *graph, const char *source, const mg_read_options *options,
			mg_error *err);

#endif
