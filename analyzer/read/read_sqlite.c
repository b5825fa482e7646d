#include <sqlite3.h>
#include <string.h>
#ifdef __GLIBC__ /* defined by <string.h> */
#include <malloc.h>
#endif

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
		else if (code == SQLITE_READONLY_ROLLBACK)
			/* A hot journal: only a connection that may write can play it
			 * back, and modelgraph does not write to its inputs. */
			mg_error_set(err, "%s: a writer crashed and left %s-journal, holding changes it did not "
				     "finish, so the database cannot be read as it is; open it once with sqlite3, "
				     "which rolls them back, or, if the data is disposable, remove %s-journal "
				     "(which may leave the database corrupt)",
				     path, path, path);
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

/* Starts the read transaction (reading the schema version takes the lock
 * and loads nothing), then reads sqlite_schema off the pages into `rows`:
 * 1, or 0 when SQLite is to read it (the error of a database it cannot
 * open shows there), -1 out of memory. */
static int read_rows_off_pages(sqlite3 *db, mg_schema_rows *rows)
{
	sqlite3_stmt *stmt = NULL;
	int result = 0;
	if (sqlite3_prepare_v2(db, "PRAGMA schema_version", -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		result = mg_schema_rows_read(rows, db);
	sqlite3_finalize(stmt);
	return result;
}

/* Reads an open database into the graph, in one read transaction so that
 * every statement sees the same state; adds the source once (*source). */
static int read_database(mg_graph *graph, sqlite3 *db, const char *path, size_t *source, mg_error *err)
{
	int result = -1, nobjects = 0;
	mg_schema_rows rows = {0};
	sqlite3_busy_timeout(db, 5000);
	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		mg_error_set(err, "%s: cannot read the schema: %s", path, sqlite3_errmsg(db));
		return -1;
	}
	int off_pages = read_rows_off_pages(db, &rows);
	if (off_pages < 0) {
		mg_error_set(err, "%s: out of memory", path);
		goto cleanup;
	}
	if (off_pages)
		nobjects = (int)mg_sqlite_schema_count_objects(&rows);
	else if (count_objects(db, path, &nobjects, err) < 0)
		goto cleanup;
	if (nobjects == 0) {
		mg_error_set(err, "%s: defines no tables: the database has no tables or views; check the path", path);
		goto cleanup;
	}
	if (*source == (size_t)-1 && (*source = mg_graph_add_source(graph, path, MG_SOURCE_SQLITE)) == (size_t)-1) {
		mg_error_set(err, "%s: out of memory", path);
		goto cleanup;
	}
	/* Locations point at the graph's copy of the name. */
	result = mg_sqlite_schema_load(graph, db, graph->sources[*source].name, NULL, off_pages ? &rows : NULL, err);
cleanup:
	mg_schema_rows_free(&rows);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	return result;
}

static bool of_source(const mg_table *table, void *payload)
{
	return table->source_index == *(const size_t *)payload;
}

/* SQLite's copy of the schema, freed on close, is as large as a quarter of
 * the graph; the graph lives in mapped chunks and never reuses that heap,
 * so the pages go back to the system rather than count to the end. */
static void release_freed_memory(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

int mg_read_sqlite(mg_graph *graph, const char *path, mg_error *err)
{
	if (mg_input_check_file(path, err) < 0)
		return -1;
	size_t source = (size_t)-1, first_unreadable = graph->nunreadable;
	for (int attempt = 0;; attempt++) {
		/* Read-only, never created, nothing created or changed beside it
		 * (see input_file.c); the second attempt reads a private copy. */
		mg_sqlite_input in;
		int result = mg_input_open_sqlite(&in, path, attempt > 0, err);
		if (result == 0)
			result = read_database(graph, in.db, path, &source, err);
		bool again = attempt == 0 && mg_input_sqlite_changed(&in);
		mg_input_close_sqlite(&in);
		release_freed_memory();
		if (!again)
			return result;
		/* The file changed under a read without locks: what was read may
		 * mix two states. It goes, and a copy is read. */
		if (source != (size_t)-1 && mg_graph_drop_tables(graph, of_source, &source) < 0) {
			mg_error_set(err, "%s: out of memory", path);
			return -1;
		}
		graph->nunreadable = first_unreadable;
	}
}
