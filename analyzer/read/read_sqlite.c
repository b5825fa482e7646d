#include <sqlite3.h>
#include <string.h>

#include "analyzer/read/input_file.h"
#include "analyzer/read/readers.h"
#include "analyzer/read/sqlite_schema.h"

/* Reads SQLite databases, read-only. */

/* Counts the user's tables and views, so that an empty database (most often
 * a mistyped path that SQLite would happily treat as a new file) is refused. */
static int count_objects(sqlite3 *db, const char *path, int *out, mg_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int result = -1;
	if (sqlite3_prepare_v2(db,
			       "SELECT count(*) FROM sqlite_schema WHERE type IN ('table', 'view')"
			       " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
			       -1, &stmt, NULL) != SQLITE_OK ||
	    sqlite3_step(stmt) != SQLITE_ROW) {
		int code = sqlite3_extended_errcode(db);
		if (code == SQLITE_NOTADB)
			mg_error_set(err, "%s: not a SQLite database (%s)", path, sqlite3_errmsg(db));
		else
			mg_error_set(err, "%s: cannot read the schema: %s", path, sqlite3_errmsg(db));
		goto cleanup;
	}
	*out = sqlite3_column_int(stmt, 0);
	result = 0;
cleanup:
	sqlite3_finalize(stmt);
	return result;
}

int mg_read_sqlite(mg_graph *graph, const char *path, mg_error *err)
{
	sqlite3 *db = NULL;
	int result = -1, nobjects = 0;

	if (mg_input_check_file(path, err) < 0)
		goto cleanup;
	/* Read-only, never created, nothing left beside it (see input_file.h). */
	if (mg_input_open_sqlite(path, &db) != SQLITE_OK) {
		mg_error_set(err, "%s: cannot open database: %s", path,
			     db ? sqlite3_errmsg(db) : "out of memory");
		goto cleanup;
	}
	sqlite3_busy_timeout(db, 5000);
	if (count_objects(db, path, &nobjects, err) < 0)
		goto cleanup;
	if (nobjects == 0) {
		mg_error_set(err, "%s: the database has no tables or views; check the path", path);
		goto cleanup;
	}
	size_t source = mg_graph_add_source(graph, path, MG_SOURCE_SQLITE);
	if (source == (size_t)-1) {
		mg_error_set(err, "%s: out of memory", path);
		goto cleanup;
	}
	/* Locations point at the graph's copy of the name. */
	result = mg_sqlite_schema_load(graph, db, graph->sources[source].name, NULL, err);
cleanup:
	sqlite3_close(db);
	return result;
}
