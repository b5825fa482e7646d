#ifndef MG_LIBMARIADB_API_H
#define MG_LIBMARIADB_API_H

#include <mysql.h>

#include "analyzer/core/error.h"

/*
 * The MariaDB client library, loaded when the first mysql:// or mariadb://
 * source is read rather than linked: it brings a TLS library with it,
 * which every run on a SQLite file would otherwise load (util/dynlib.h).
 * The reader calls it through mg_mariadb, one member per function it uses,
 * named and typed as mysql.h declares it; the header still gives the types.
 */

#define MG_MARIADB_FUNCTIONS(X) \
	X(mysql_close) \
	X(mysql_errno) \
	X(mysql_error) \
	X(mysql_fetch_row) \
	X(mysql_field_count) \
	X(mysql_free_result) \
	X(mysql_init) \
	X(mysql_next_result) \
	X(mysql_optionsv) \
	X(mysql_query) \
	X(mysql_real_connect) \
	X(mysql_real_query) \
	X(mysql_store_result)

typedef struct mg_mariadb_api {
#define MG_MARIADB_MEMBER(name) __typeof__(name) *name;
	MG_MARIADB_FUNCTIONS(MG_MARIADB_MEMBER)
#undef MG_MARIADB_MEMBER
} mg_mariadb_api;

/* The functions; valid once mg_mariadb_load has returned 0. */
extern mg_mariadb_api mg_mariadb;

/*
 * Loads the MariaDB client library (once; later calls return at once): the
 * file the environment variable MODELGRAPH_LIBMARIADB names when it is set,
 * else libmariadb.so.3, else the library the build found. Returns 0, or -1
 * with `err` naming the package to install, for the input `shown` (a URL
 * without its password).
 */
int mg_mariadb_load(const char *shown, mg_error *err);

#endif
