#ifndef MG_MYSQL_SCHEMA_H
#define MG_MYSQL_SCHEMA_H

#include "analyzer/core/error.h"
#include "analyzer/core/graph.h"
#include "analyzer/read/libmariadb_api.h"

/*
 * Where a script declared its objects (read_sql_mysql.c): the location of a
 * table or view ('t') or an index ('i') by its name, or {0} when it is not
 * known.
 */
typedef struct mg_my_locator {
	mg_location (*locate)(void *payload, char kind, const char *name);
	void *payload;
} mg_my_locator;

/*
 * Reads the tables, views, columns, keys, indexes, foreign keys and comments
 * of the connection's current database `database` into `graph`, from
 * information_schema in three set-based statements inside one read-only
 * transaction. `input` names the source in messages and locations (never
 * holding a password; `password`, when not NULL, is scrubbed from the
 * server's messages); objects the locator (NULL: none) does not place are
 * at {input, 0, 0}, columns at their table's place. 0, or -1 with `err` set.
 */
int mg_mysql_schema_load(mg_graph *graph, MYSQL *db, const char *input, const char *database,
			 const char *password, const mg_my_locator *locator, mg_error *err);

#endif
