#include "analyzer/read/sqlite_schema.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/core/name_index.h"
#include "analyzer/read/ddl_scan.h"
#include "analyzer/read/ddl_table_scan.h"
#include "util/buf.h"
#include "util/text.h"

/*
 * Tables are read from the statements SQLite keeps in sqlite_schema, which
 * SQLite parsed once already when it loaded the schema: the scanner
 * (ddl_table_scan.c) reads each CREATE TABLE as the pragmas would describe
 * the table, at a fraction of their cost (each pragma call looks the table
 * up by name and prepares a statement). Views, virtual tables and the
 * statements the scanner declines are read through the pragmas, in a few
 * set-based statements restricted to those tables (?1: a JSON array of
 * their names).
 *
 * The pragma statements have no ORDER BY: each pragma function takes its
 * argument from the outer row, so the join is a nested loop that yields one
 * table's rows together, each pragma in its own order (columns by position,
 * foreign keys by id then sequence, index columns by rank). resolve sorts
 * the graph. Indexes come after tables; constraint indexes before created
 * ones, so a UNIQUE constraint is known as such when a created index
 * repeats it.
 */

/* Objects SQLite keeps for itself (sqlite_sequence, sqlite_stat1, …) are not
 * part of the user's model. */
static const char schema_sql[] =
	"SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('table', 'view')"
	" AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

/* Neither are the shadow tables of virtual tables (pragma_table_list types
 * them "shadow"), which are plain CREATE TABLE statements. */
static const char shadow_tables_sql[] =
	"SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow'";

#define DECLINED " AND t.name IN (SELECT value FROM json_each(?1))"

static const char columns_sql[] =
	"SELECT t.name, t.type, t.wr, c.name, c.type, c.\"notnull\", c.dflt_value, c.pk, c.hidden"
	" FROM pragma_table_list AS t"
	" LEFT JOIN pragma_table_xinfo(t.name, 'main') AS c"
	" WHERE t.schema = 'main' AND t.type IN ('table', 'view', 'virtual')"
	" AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'" DECLINED;

static const char foreign_keys_sql[] =
	"SELECT t.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete"
	" FROM pragma_table_list AS t JOIN pragma_foreign_key_list(t.name, 'main') AS f"
	" WHERE t.schema = 'main' AND t.type = 'table'"
	" AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'" DECLINED;

/* The statements of the virtual tables (their module is named there only). */
static const char virtual_tables_sql[] =
	"SELECT t.name, s.sql FROM pragma_table_list AS t"
	" JOIN sqlite_schema AS s ON s.type = 'table' AND s.name = t.name"
	" WHERE t.schema = 'main' AND t.type = 'virtual'";

/* Indexes made by CREATE INDEX keep their statement: reading its column list
 * costs nothing, where pragma_index_info costs a lookup of the index by name
 * (a third of the whole read at 10,000 tables). */
static const char created_indexes_sql[] =
	"SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL";

/* Indexes SQLite made for PRIMARY KEY and UNIQUE constraints have no
 * statement; pragma_index_info reads them. */
static const char constraint_indexes_sql[] =
	"SELECT s.tbl_name, s.name, ii.name FROM sqlite_schema AS s"
	" JOIN pragma_index_info(s.name) AS ii"
	" WHERE s.type = 'index' AND s.sql IS NULL AND s.tbl_name IN (SELECT value FROM json_each(?1))";

/* The slow path, for a statement the scanner cannot read. */
static const char index_info_sql[] =
	"SELECT il.\"unique\", il.partial, ii.name FROM pragma_index_list(?1) AS il"
	" JOIN pragma_index_info(il.name) AS ii WHERE il.name = ?2";

/* The collation of each key column of an index that names one. */
static const char index_collations_sql[] =
	"SELECT coll FROM pragma_index_xinfo(?1) WHERE key = 1 ORDER BY seqno";

typedef struct loader {
	mg_graph *graph;
	sqlite3 *db;
	const char *input;
	const mg_schema_locator *locator;
	mg_error *err;
	mg_name_index *here; /* the tables this load read, by name */
	mg_buf declined;     /* the names of those left to the pragmas, as a JSON array */
	size_t ndeclined;
	bool virtual_tables; /* the schema has some: their shadow tables are left out */
	mg_name_index *shadows;
	bool by_pragmas;     /* every table through the pragmas (tests) */
	const mg_schema_rows *rows; /* sqlite_schema read off its pages, or NULL */
	sqlite3 *scratch;    /* an empty database to try statements on (see sqlite_accepts) */
	mg_name_index *table_sql; /* off the pages: each table read here to its statement */
} loader;

static const char *column_text(sqlite3_stmt *stmt, int i)
{
	return (const char *)sqlite3_column_text(stmt, i);
}

static mg_location locate_table(const loader *l, const char *table)
{
	mg_location loc = {0};
	if (l->locator && l->locator->table)
		loc = l->locator->table(l->locator->payload, table);
	if (!loc.file)
		loc = (mg_location){.file = l->input};
	return loc;
}

static mg_location locate_column(const loader *l, const mg_table *table, const char *column)
{
	mg_location loc = {0};
	if (l->locator && l->locator->column)
		loc = l->locator->column(l->locator->payload, table->name, column);
	return loc.file ? loc : table->location;
}

static mg_location locate_foreign_key(const loader *l, const mg_table *table, const char *column,
				      unsigned occurrence)
{
	mg_location loc = {0};
	if (l->locator && l->locator->foreign_key)
		loc = l->locator->foreign_key(l->locator->payload, table->name, column, occurrence);
	return loc.file ? loc : table->location;
}

static mg_location locate_index(const loader *l, const mg_table *table, const char *index)
{
	mg_location loc = {0};
	if (l->locator && l->locator->index)
		loc = l->locator->index(l->locator->payload, index);
	return loc.file ? loc : table->location;
}

static int prepare(loader *l, const char *sql, sqlite3_stmt **out)
{
	if (sqlite3_prepare_v2(l->db, sql, -1, out, NULL) == SQLITE_OK) {
		if (sqlite3_bind_parameter_count(*out) == 1 &&
		    sqlite3_bind_text(*out, 1, l->declined.data ? l->declined.data : "[]", -1, SQLITE_STATIC) !=
			    SQLITE_OK)
			goto failed;
		return 0;
	}
failed:
	mg_error_set(l->err, "%s: cannot read the schema: %s", l->input, sqlite3_errmsg(l->db));
	return -1;
}

static int step_failed(loader *l, int rc)
{
	if (rc == SQLITE_DONE)
		return 0;
	mg_error_set(l->err, "%s: cannot read the schema: %s", l->input, sqlite3_errmsg(l->db));
	return -1;
}

static int out_of_memory(loader *l)
{
	mg_error_set(l->err, "%s: out of memory while reading the schema", l->input);
	return -1;
}

/* ---- the rows of sqlite_schema ---- */

/* SQLite keeps its own objects (sqlite_sequence, sqlite_stat1, …) under
 * names starting "sqlite_" in any case: name NOT LIKE 'sqlite\_%'. */
static bool is_users(const char *name)
{
	return mg_ascii_ncasecmp(name, "sqlite_", 7) != 0;
}

/* The WHERE of schema_sql. */
static bool is_table_or_view(const mg_schema_row *row)
{
	return (strcmp(row->type, "table") == 0 || strcmp(row->type, "view") == 0) && is_users(row->name);
}

/* The WHERE of created_indexes_sql. */
static bool is_created_index(const mg_schema_row *row)
{
	return strcmp(row->type, "index") == 0 && row->sql;
}

/* The rows one step reads: from the rows read off the pages when there
 * are, else from SQLite through its statement, whose WHERE `wanted` is. */
typedef struct row_cursor {
	loader *l;
	bool (*wanted)(const mg_schema_row *row);
	size_t next;        /* in l->rows */
	sqlite3_stmt *stmt; /* NULL when reading l->rows */
	int rc;             /* of the last step */
} row_cursor;

static int cursor_open(row_cursor *c, loader *l, const char *sql, bool (*wanted)(const mg_schema_row *row))
{
	*c = (row_cursor){.l = l, .wanted = wanted, .rc = SQLITE_DONE};
	return l->rows ? 0 : prepare(l, sql, &c->stmt);
}

/* The next row into *out; false after the last one or a failed step
 * (cursor_failed tells which). */
static bool cursor_next(row_cursor *c, mg_schema_row *out)
{
	if (!c->stmt) {
		const mg_schema_rows *rows = c->l->rows;
		while (c->next < rows->nrows) {
			const mg_schema_row *row = &rows->rows[c->next++];
			if (c->wanted(row)) {
				*out = *row;
				return true;
			}
		}
		return false;
	}
	if ((c->rc = sqlite3_step(c->stmt)) != SQLITE_ROW)
		return false;
	*out = (mg_schema_row){.type = column_text(c->stmt, 0), .name = column_text(c->stmt, 1),
			       .tbl_name = column_text(c->stmt, 2), .sql = column_text(c->stmt, 3)};
	out->sql_len = (size_t)sqlite3_column_bytes(c->stmt, 3);
	return true;
}

static int cursor_failed(row_cursor *c)
{
	return step_failed(c->l, c->rc);
}

/* An empty database to try statements on, opened on first use; NULL when
 * it cannot be. */
static sqlite3 *scratch_db(loader *l)
{
	if (!l->scratch && sqlite3_open_v2(":memory:", &l->scratch, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) !=
				   SQLITE_OK) {
		sqlite3_close(l->scratch);
		l->scratch = NULL;
	}
	return l->scratch;
}

/*
 * Whether SQLite takes `sql` (a CREATE statement), tried on the scratch
 * database: the statements of rows read off the pages were not parsed by
 * SQLite, and only a schema edited by hand holds one it refuses, which it
 * then refuses to load at all. Preparing the statement parses it as
 * loading would, checks its expressions and its references to its own
 * columns. A statement that needs what the scratch database lacks (a
 * function or collation of the application's) counts as refused: it goes
 * to SQLite, which decides, at the price of loading its schema.
 */
static bool sqlite_accepts(loader *l, const char *sql, size_t len)
{
	sqlite3 *db = scratch_db(l);
	sqlite3_stmt *stmt = NULL;
	bool ok = db && len < INT_MAX && sqlite3_prepare_v2(db, sql, (int)len, &stmt, NULL) == SQLITE_OK && stmt;
	sqlite3_finalize(stmt);
	return ok;
}

/* Whether SQLite takes the CREATE INDEX `sql` on `table`, whose expressions
 * or WHERE name its columns: the table is made in the scratch database
 * first (once; a second try fails, as it exists). */
static bool sqlite_accepts_index(loader *l, const mg_table *table, const char *sql, size_t len)
{
	const char *table_sql = l->table_sql ? mg_name_index_get(l->table_sql, table->name) : NULL;
	sqlite3 *db = table_sql ? scratch_db(l) : NULL;
	if (!db)
		return false;
	sqlite3_exec(db, table_sql, NULL, NULL, NULL);
	return sqlite_accepts(l, sql, len);
}

/* Primary-key columns arrive in column order with their key position; they
 * are added to the key in key order once the table is complete. */
static int finish_primary_key(mg_table *table, mg_column **by_position, size_t n, bool rowid_table)
{
	for (size_t i = 0; i < n; i++)
		if (by_position[i] && mg_table_add_primary_key_column(table, by_position[i]) < 0)
			return -1;
	/* SQLite's INTEGER PRIMARY KEY is an alias of the rowid: it is assigned
	 * automatically, with or without the AUTOINCREMENT keyword. Only the type
	 * name INTEGER makes it one; INT, which is INTEGER to the graph, does not. */
	if (rowid_table && table->npk == 1 && mg_ascii_casecmp(table->primary_key[0]->type, "INTEGER") == 0)
		table->primary_key[0]->autoincrement = true;
	return 0;
}

/* The table whose columns are being read, and its key so far. */
typedef struct table_state {
	mg_table *table;
	mg_column *pk[64]; /* key position - 1 -> column; SQLite allows at most 64 */
	size_t npk;
	bool rowid_table;
} table_state;

static int start_table(loader *l, table_state *st, const char *name, const char *type, bool without_rowid)
{
	bool view = strcmp(type, "view") == 0;
	*st = (table_state){0};
	st->table = mg_graph_add_table(l->graph, name, view ? MG_TABLE_VIEW : MG_TABLE_PLAIN);
	if (!st->table || mg_name_index_put(l->here, st->table->name, st->table) < 0)
		return -1;
	st->table->location = locate_table(l, name);
	st->rowid_table = !view && !without_rowid;
	st->table->without_rowid = !view && without_rowid;
	return 0;
}

static int finish_table(table_state *st)
{
	if (!st->table)
		return 0;
	int rc = finish_primary_key(st->table, st->pk, st->npk, st->rowid_table);
	st->table = NULL;
	return rc;
}

/* One row of pragma_table_xinfo, from column `at` of `stmt`: name, type,
 * notnull, dflt_value, pk, hidden. */
static int add_column(loader *l, table_state *st, sqlite3_stmt *stmt, int at)
{
	if (sqlite3_column_type(stmt, at) == SQLITE_NULL)
		return 0; /* a table without columns: the LEFT JOIN's empty side */
	if (sqlite3_column_int(stmt, at + 5) == 1)
		return 0; /* a hidden column of a virtual table */
	const char *col_name = column_text(stmt, at);
	mg_column *column = mg_table_add_column(st->table, col_name, column_text(stmt, at + 1));
	if (!column)
		return -1;
	column->location = locate_column(l, st->table, col_name);
	column->nullable = sqlite3_column_int(stmt, at + 2) == 0;
	if (sqlite3_column_type(stmt, at + 3) != SQLITE_NULL &&
	    !(column->default_value = mg_arena_strdup(l->graph->arena, column_text(stmt, at + 3))))
		return -1;
	int pk_position = sqlite3_column_int(stmt, at + 4);
	if (pk_position >= 1 && pk_position <= 64) {
		st->pk[pk_position - 1] = column;
		if ((size_t)pk_position > st->npk)
			st->npk = (size_t)pk_position;
	}
	return 0;
}

/* The table `name` as this load read it (another source may have a table
 * of that name: its objects are not this source's). */
static mg_table *find_here(const loader *l, const char *name)
{
	return mg_name_index_get(l->here, name);
}

static bool read_here(const loader *l, const char *name)
{
	return find_here(l, name) != NULL;
}

/* After tables were dropped: the index holds those still in the graph. */
static int reindex_here(loader *l)
{
	mg_name_index *here = mg_name_index_new(true);
	if (!here)
		return -1;
	size_t source = l->graph->nsources ? l->graph->nsources - 1 : 0;
	for (size_t i = 0; i < l->graph->ntables; i++) {
		mg_table *t = l->graph->tables[i];
		if (t->source_index == source && mg_name_index_put(here, t->name, t) < 0) {
			mg_name_index_free(here);
			return -1;
		}
	}
	mg_name_index_free(l->here);
	l->here = here;
	return 0;
}

/* SQLite names the shadow tables of a virtual table "<table>_<suffix>" and
 * hides them, but only when its module is loaded: without the module they
 * look like tables of the user's. */
static bool shadow_of_unreadable(const mg_graph *graph, size_t first, const char *name)
{
	for (size_t i = first; i < graph->nunreadable; i++) {
		const mg_unreadable *u = &graph->unreadable[i];
		size_t n = strlen(u->name);
		if (strcmp(u->kind, "virtual table") == 0 && mg_ascii_ncasecmp(name, u->name, n) == 0 &&
		    name[n] == '_')
			return true;
	}
	return false;
}

typedef struct shadow_filter {
	const loader *l;
	size_t first_unreadable;
} shadow_filter;

static bool is_shadow_read_here(const mg_table *table, void *payload)
{
	const shadow_filter *f = payload;
	return table->source_index == (f->l->graph->nsources ? f->l->graph->nsources - 1 : 0) &&
	       shadow_of_unreadable(f->l->graph, f->first_unreadable, table->name);
}

static const char *object_kind(const char *type)
{
	return strcmp(type, "view") == 0 ? "view" : strcmp(type, "virtual") == 0 ? "virtual table" : "table";
}

/*
 * The slow path, taken only when the one statement over every table failed:
 * an object SQLite cannot describe (a view over a dropped column, a virtual
 * table whose module is not loaded) fails the whole join. Each table not
 * read yet is read alone; one that fails is recorded as unreadable, and the
 * rest of the schema is read all the same.
 */
static int load_columns_one_by_one(loader *l)
{
	static const char tables_sql[] =
		"SELECT t.name, t.type, t.wr FROM pragma_table_list AS t"
		" WHERE t.schema = 'main' AND t.type IN ('table', 'view', 'virtual')"
		" AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
	static const char xinfo_sql[] =
		"SELECT c.name, c.type, c.\"notnull\", c.dflt_value, c.pk, c.hidden"
		" FROM pragma_table_xinfo(?1, 'main') AS c";
	sqlite3_stmt *tables = NULL, *xinfo = NULL;
	table_state st = {0};
	const size_t first_unreadable = l->graph->nunreadable;
	int rc, result = -1;

	if (prepare(l, tables_sql, &tables) < 0 || prepare(l, xinfo_sql, &xinfo) < 0)
		goto cleanup;
	while ((rc = sqlite3_step(tables)) == SQLITE_ROW) {
		const char *name = column_text(tables, 0), *type = column_text(tables, 1);
		if (read_here(l, name) || shadow_of_unreadable(l->graph, first_unreadable, name))
			continue;
		sqlite3_reset(xinfo);
		if (sqlite3_bind_text(xinfo, 1, name, -1, SQLITE_TRANSIENT) != SQLITE_OK)
			goto oom;
		/* Step once before adding the table: a failure leaves nothing half-read. */
		int step = sqlite3_step(xinfo);
		if (step != SQLITE_ROW && step != SQLITE_DONE) {
			if (step == SQLITE_NOMEM)
				goto oom;
			if (mg_graph_add_unreadable(l->graph, name, object_kind(type), sqlite3_errmsg(l->db),
						    locate_table(l, name)) < 0)
				goto oom;
			continue;
		}
		if (start_table(l, &st, name, type, sqlite3_column_int(tables, 2) != 0) < 0)
			goto oom;
		for (; step == SQLITE_ROW; step = sqlite3_step(xinfo))
			if (add_column(l, &st, xinfo, 0) < 0)
				goto oom;
		if (step != SQLITE_DONE) {
			step_failed(l, step);
			goto cleanup;
		}
		if (finish_table(&st) < 0)
			goto oom;
	}
	if (step_failed(l, rc) < 0)
		goto cleanup;
	/* Shadow tables read before their virtual table failed go back out. */
	shadow_filter filter = {.l = l, .first_unreadable = first_unreadable};
	if (mg_graph_drop_tables(l->graph, is_shadow_read_here, &filter) < 0 || reindex_here(l) < 0)
		goto oom;
	result = 0;
	goto cleanup;
oom:
	result = out_of_memory(l);
cleanup:
	sqlite3_finalize(tables);
	sqlite3_finalize(xinfo);
	return result;
}

static int load_columns(loader *l)
{
	sqlite3_stmt *stmt = NULL;
	table_state st = {0};
	int rc, result = -1;

	if (prepare(l, columns_sql, &stmt) < 0)
		goto cleanup;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *name = column_text(stmt, 0);
		if (!st.table || strcmp(st.table->name, name) != 0) {
			if (finish_table(&st) < 0 ||
			    start_table(l, &st, name, column_text(stmt, 1), sqlite3_column_int(stmt, 2) != 0) < 0)
				goto oom;
		}
		if (add_column(l, &st, stmt, 3) < 0)
			goto oom;
	}
	/* A table's rows all come before the next table's, and a table that
	 * fails does so before its first row: the ones read so far are whole. */
	if (finish_table(&st) < 0)
		goto oom;
	if (rc == SQLITE_ERROR) {
		result = load_columns_one_by_one(l);
		goto cleanup;
	}
	if (step_failed(l, rc) < 0)
		goto cleanup;
	result = 0;
	goto cleanup;
oom:
	result = out_of_memory(l);
cleanup:
	sqlite3_finalize(stmt);
	return result;
}

static mg_fk_action action_from_sqlite(const char *text)
{
	/* SQLite reports NO ACTION both when it was written and when nothing
	 * was: it cannot be told apart from the default, so it is left unsaid. */
	mg_fk_action action = mg_fk_action_parse(text);
	return action == MG_ACTION_NO_ACTION ? MG_ACTION_NONE : action;
}

/* "<child>_<col>[_<col>…]_fkey", as PostgreSQL names unnamed constraints;
 * SQLite keeps no constraint names. */
static const char *foreign_key_name(mg_arena *arena, const mg_table *table, const mg_foreign_key *fk,
				    int attempt)
{
	size_t len = strlen(table->name) + 16;
	for (size_t i = 0; i < fk->ncolumns; i++)
		len += strlen(fk->columns[i]->name) + 1;
	char *name = mg_arena_alloc(arena, len);
	if (!name)
		return NULL;
	strcpy(name, table->name);
	for (size_t i = 0; i < fk->ncolumns; i++) {
		strcat(name, "_");
		strcat(name, fk->columns[i]->name);
	}
	strcat(name, "_fkey");
	if (attempt > 1)
		snprintf(name + strlen(name), 12, "%d", attempt);
	return name;
}

static int name_foreign_key(mg_graph *graph, mg_foreign_key *fk)
{
	mg_table *table = fk->child;
	for (int attempt = 1;; attempt++) {
		const char *name = foreign_key_name(graph->arena, table, fk, attempt);
		if (!name)
			return -1;
		bool taken = false;
		for (size_t i = 0; i < table->nforeign_keys && !taken; i++)
			taken = table->foreign_keys[i] != fk && strcmp(table->foreign_keys[i]->name, name) == 0;
		if (!taken) {
			fk->name = name;
			fk->path = mg_arena_printf(graph->arena, "%s.%s", table->path, name);
			return fk->path ? 0 : -1;
		}
	}
}

/*
 * Names and locates the foreign keys just read for a table (those still
 * unnamed). SQLite numbers them last-declared first, so they are walked
 * backwards: names and locations then follow declaration order, and of two
 * foreign keys on the same column the first declared is the first found.
 */
static int finish_foreign_keys(loader *l, mg_table *table)
{
	size_t first = table->nforeign_keys;
	while (first > 0 && table->foreign_keys[first - 1]->name[0] == '\0')
		first--;
	for (size_t j = table->nforeign_keys; j-- > first;) {
		mg_foreign_key *fk = table->foreign_keys[j];
		unsigned occurrence = 0; /* earlier declarations starting with the same column */
		for (size_t k = j + 1; k < table->nforeign_keys; k++)
			occurrence += table->foreign_keys[k]->columns[0] == fk->columns[0];
		fk->location = locate_foreign_key(l, table, fk->columns[0]->name, occurrence);
		if (name_foreign_key(l->graph, fk) < 0)
			return -1;
	}
	return 0;
}

static int load_foreign_keys(loader *l)
{
	sqlite3_stmt *stmt = NULL;
	mg_table *table = NULL;
	mg_foreign_key *fk = NULL;
	int fk_id = -1, rc, result = -1;

	if (prepare(l, foreign_keys_sql, &stmt) < 0)
		goto cleanup;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *name = column_text(stmt, 0);
		int id = sqlite3_column_int(stmt, 1);
		if (!table || strcmp(table->name, name) != 0) {
			table = find_here(l, name);
			fk = NULL;
			fk_id = -1;
		}
		if (!table)
			continue;
		if (!fk || id != fk_id) {
			/* Named once the table's foreign keys are all known. */
			fk = mg_table_add_foreign_key(table, "", column_text(stmt, 2));
			if (!fk)
				goto oom;
			fk_id = id;
			fk->on_update = action_from_sqlite(column_text(stmt, 5));
			fk->on_delete = action_from_sqlite(column_text(stmt, 6));
		}
		const char *from = column_text(stmt, 3);
		mg_column *child = mg_table_find_column(table, from);
		if (!child) {
			mg_error_set(l->err, "%s: foreign key of table \"%s\" names unknown column \"%s\"",
				     l->input, table->name, from);
			goto cleanup;
		}
		const char *to = column_text(stmt, 4); /* NULL: the parent's primary key */
		if (mg_foreign_key_add_column(fk, child, to) < 0)
			goto oom;
	}
	if (step_failed(l, rc) < 0)
		goto cleanup;
	size_t source = l->graph->nsources ? l->graph->nsources - 1 : 0;
	for (size_t i = 0; i < l->graph->ntables; i++)
		if (l->graph->tables[i]->source_index == source && finish_foreign_keys(l, l->graph->tables[i]) < 0)
			goto oom;
	result = 0;
	goto cleanup;
oom:
	result = out_of_memory(l);
cleanup:
	sqlite3_finalize(stmt);
	return result;
}

/* A UNIQUE constraint is an index SQLite made for it; record it as a
 * constraint too, and mark single columns unique. */
static int record_unique(mg_table *table, mg_index *index)
{
	if (!index || !index->unique || index->partial)
		return 0;
	if (index->ncolumns == 1 && index->columns[0])
		index->columns[0]->unique = true;
	if (index->origin != MG_INDEX_UNIQUE)
		return 0;
	mg_unique *unique = mg_table_add_unique(table, NULL);
	if (!unique)
		return -1;
	for (size_t i = 0; i < index->ncolumns; i++)
		if (index->columns[i] && mg_unique_add_column(table, unique, index->columns[i]) < 0)
			return -1;
	return 0;
}

static int add_index_column(loader *l, mg_index *index, const char *column_name)
{
	/* NULL or "": an expression (or the rowid), not a column. */
	mg_column *column = column_name && *column_name ? mg_table_find_column(index->table, column_name) : NULL;
	return mg_index_add_column(index, column) < 0 ? out_of_memory(l) : 0;
}

/* Reads one created index through SQLite, when its statement is beyond the scanner. */
static int load_index_by_pragma(loader *l, mg_index *index)
{
	sqlite3_stmt *stmt = NULL;
	int rc, result = -1;
	if (prepare(l, index_info_sql, &stmt) < 0)
		goto cleanup;
	sqlite3_bind_text(stmt, 1, index->table->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, index->name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		index->unique = sqlite3_column_int(stmt, 0) != 0;
		index->partial = sqlite3_column_int(stmt, 1) != 0;
		if (add_index_column(l, index, column_text(stmt, 2)) < 0)
			goto cleanup;
	}
	if (step_failed(l, rc) < 0)
		goto cleanup;
	result = 0;
cleanup:
	sqlite3_finalize(stmt);
	return result;
}

/* True when `sql` holds the word COLLATE (any case). */
static bool names_collation(const char *sql)
{
	for (const char *p = sql; *p; p++)
		if ((*p == 'C' || *p == 'c') && mg_ascii_ncasecmp(p, "COLLATE", 7) == 0)
			return true;
	return false;
}

/* Reads the collation of each key column of an index whose statement names one. */
static int load_index_collations(loader *l, mg_index *index)
{
	sqlite3_stmt *stmt = NULL;
	int rc, result = -1;
	size_t i = 0;
	if (prepare(l, index_collations_sql, &stmt) < 0)
		goto cleanup;
	sqlite3_bind_text(stmt, 1, index->name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && i < index->ncolumns)
		if (mg_index_set_collation(index, i++, column_text(stmt, 0)) < 0) {
			result = out_of_memory(l);
			goto cleanup;
		}
	if (rc != SQLITE_ROW && step_failed(l, rc) < 0)
		goto cleanup;
	result = 0;
cleanup:
	sqlite3_finalize(stmt);
	return result;
}

/* `name` of `sql` unquoted into *buf (grown as needed); NULL out of memory. */
static char *unquoted(const char *sql, mg_ddl_name name, char **buf, size_t *cap)
{
	/* The whole name, however long: a cut one names no column, and the
	 * index would pass for an expression index. */
	if (name.len >= *cap) {
		free(*buf);
		*cap = name.len + 1;
		if (!(*buf = malloc(*cap)))
			return NULL;
	}
	return mg_ddl_unquote(sql, name, *buf);
}

/*
 * Whether a CREATE INDEX read off the pages is what SQLite would load: on
 * the table its row names, over columns of that table. Only a schema
 * edited by hand breaks that, and SQLite then refuses to load it; so do
 * expressions and WHERE clauses it would have to parse. 1: read it as
 * scanned; 0: ask SQLite (which says what is wrong, if anything); -1 out
 * of memory.
 */
static int index_as_scanned(loader *l, const mg_table *table, const mg_schema_row *row, const mg_ddl_index *scanned,
			    char **buf, size_t *cap)
{
	const char *on = unquoted(row->sql, scanned->table, buf, cap);
	if (!on)
		return -1;
	if (mg_ascii_casecmp(on, table->name) != 0)
		return 0;
	bool expressions = scanned->partial;
	for (size_t i = 0; i < scanned->ncolumns; i++) {
		if (!scanned->columns[i].len) {
			expressions = true;
			continue;
		}
		const char *column = unquoted(row->sql, scanned->columns[i], buf, cap);
		if (!column)
			return -1;
		if (!mg_table_find_column(table, column))
			return 0;
	}
	return !expressions || sqlite_accepts_index(l, table, row->sql, row->sql_len);
}

static int load_created_indexes(loader *l)
{
	row_cursor rows = {0};
	mg_schema_row row;
	int result = -1;
	mg_ddl_index scanned;
	char *column_name = NULL;
	size_t name_cap = 0;

	if (cursor_open(&rows, l, created_indexes_sql, is_created_index) < 0)
		goto cleanup;
	while (cursor_next(&rows, &row)) {
		mg_table *table = row.tbl_name && row.name ? find_here(l, row.tbl_name) : NULL;
		if (!table)
			continue; /* an index of a table this reader skips */
		const char *name = row.name, *sql = row.sql;
		mg_index *index = mg_table_add_index(table, name, false, MG_INDEX_CREATED);
		if (!index)
			goto oom;
		index->location = locate_index(l, table, name);
		int read = mg_ddl_scan_index(sql, row.sql_len, &scanned) == 0;
		if (read && l->rows && (read = index_as_scanned(l, table, &row, &scanned, &column_name, &name_cap)) < 0)
			goto oom;
		if (read) {
			index->unique = scanned.unique;
			index->partial = scanned.partial;
			for (size_t i = 0; i < scanned.ncolumns; i++) {
				if (!unquoted(sql, scanned.columns[i], &column_name, &name_cap))
					goto oom;
				if (add_index_column(l, index, column_name) < 0)
					goto cleanup;
			}
		} else if (load_index_by_pragma(l, index) < 0) {
			goto cleanup;
		}
		if (names_collation(sql) && load_index_collations(l, index) < 0)
			goto cleanup;
		if (record_unique(table, index) < 0)
			goto oom;
	}
	if (cursor_failed(&rows) < 0)
		goto cleanup;
	result = 0;
	goto cleanup;
oom:
	result = out_of_memory(l);
cleanup:
	sqlite3_finalize(rows.stmt);
	free(column_name);
	return result;
}

/* A constraint's index is the primary key's when it holds exactly the key's
 * columns (WITHOUT ROWID tables, and keys that are not INTEGER PRIMARY KEY). */
static int finish_constraint_index(mg_index *index)
{
	if (!index)
		return 0;
	bool primary_key = index->ncolumns == index->table->npk;
	for (size_t i = 0; i < index->ncolumns && primary_key; i++)
		primary_key = index->columns[i] && index->columns[i]->pk_position > 0;
	if (primary_key)
		index->origin = MG_INDEX_PRIMARY_KEY;
	return record_unique(index->table, index);
}

static int load_constraint_indexes(loader *l)
{
	sqlite3_stmt *stmt = NULL;
	mg_index *index = NULL;
	int rc, result = -1;

	if (prepare(l, constraint_indexes_sql, &stmt) < 0)
		goto cleanup;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *name = column_text(stmt, 1);
		if (!index || strcmp(index->name, name) != 0) {
			if (finish_constraint_index(index) < 0)
				goto oom;
			index = NULL;
			mg_table *table = find_here(l, column_text(stmt, 0));
			if (!table)
				continue;
			if (!(index = mg_table_add_index(table, name, true, MG_INDEX_UNIQUE)))
				goto oom;
		}
		if (add_index_column(l, index, column_text(stmt, 2)) < 0)
			goto cleanup;
	}
	if (step_failed(l, rc) < 0)
		goto cleanup;
	if (finish_constraint_index(index) < 0)
		goto oom;
	result = 0;
	goto cleanup;
oom:
	result = out_of_memory(l);
cleanup:
	sqlite3_finalize(stmt);
	return result;
}

/* Skips blanks and comments from `p`. */
static const char *skip_space(const char *p)
{
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v')
			p++;
		if (p[0] == '-' && p[1] == '-') {
			while (*p && *p != '\n')
				p++;
		} else if (p[0] == '/' && p[1] == '*') {
			const char *end = strstr(p + 2, "*/");
			p = end ? end + 2 : p + strlen(p);
		} else {
			return p;
		}
	}
}

/* The end of the token at `p`: a quoted name (its quotes doubled inside), a
 * word, or one other character. */
static const char *token_end(const char *p)
{
	char close = *p == '"' ? '"' : *p == '`' ? '`' : *p == '[' ? ']' : *p == '\'' ? '\'' : 0;
	if (close) {
		for (p++; *p; p++)
			if (*p == close) {
				if (close != ']' && p[1] == close)
					p++;
				else
					return p + 1;
			}
		return p;
	}
	const char *start = p;
	while (*p && (mg_ascii_isalnum(*p) || *p == '_' || *p == '$' || (unsigned char)*p >= 0x80))
		p++;
	return p == start && *p ? p + 1 : p;
}

/*
 * The module of "CREATE VIRTUAL TABLE [IF NOT EXISTS] name USING module(...)",
 * unquoted, into `out`; "" when the statement does not read so. The first
 * USING that is a word of its own follows the name (a quoted name is one
 * token, whatever it holds).
 */
static void virtual_module_of(const char *sql, char *out, size_t size)
{
	out[0] = '\0';
	for (const char *p = skip_space(sql); *p; p = skip_space(p)) {
		const char *end = token_end(p);
		if (end - p == 5 && mg_ascii_ncasecmp(p, "USING", 5) == 0) {
			p = skip_space(end);
			end = token_end(p);
			bool quoted = *p == '"' || *p == '`' || *p == '[' || *p == '\'';
			const char *from = p + quoted, *to = end - (quoted && end - p >= 2);
			size_t n = (size_t)(to - from) < size - 1 ? (size_t)(to - from) : size - 1;
			memcpy(out, from, n);
			out[n] = '\0';
			return;
		}
		p = end;
	}
}

/* Marks the virtual tables read here with their module. */
static int load_virtual_modules(loader *l)
{
	sqlite3_stmt *stmt = NULL;
	int rc, result = -1;
	if (prepare(l, virtual_tables_sql, &stmt) < 0)
		goto cleanup;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *name = column_text(stmt, 0), *sql = column_text(stmt, 1);
		mg_table *table = find_here(l, name);
		if (!table)
			continue; /* unreadable, or a table of that name from another source */
		char module[128];
		virtual_module_of(sql ? sql : "", module, sizeof(module));
		if (!(table->virtual_module = mg_arena_strdup(l->graph->arena, *module ? module : "unknown"))) {
			result = out_of_memory(l);
			goto cleanup;
		}
	}
	if (step_failed(l, rc) < 0)
		goto cleanup;
	result = 0;
cleanup:
	sqlite3_finalize(stmt);
	return result;
}

/* A table the scanner read: what the pragmas would have said, added as
 * load_columns, load_foreign_keys and load_constraint_indexes add it. */
static int add_scanned_table(loader *l, const char *name, const mg_ddl_table *t)
{
	table_state st;
	if (start_table(l, &st, name, "table", t->without_rowid != 0) < 0)
		return -1;
	mg_table *table = st.table;
	if (mg_table_reserve_columns(table, t->ncolumns) < 0)
		return -1;
	for (size_t i = 0; i < t->ncolumns; i++) {
		const mg_ddl_table_column *c = &t->columns[i];
		mg_column *column = mg_table_add_column(table, c->name, c->type);
		if (!column)
			return -1;
		column->location = locate_column(l, table, c->name);
		column->nullable = !c->not_null;
		if (c->default_value && !(column->default_value = mg_arena_strdup(l->graph->arena, c->default_value)))
			return -1;
		if (c->pk >= 1 && c->pk <= 64) {
			st.pk[c->pk - 1] = column;
			if (c->pk > st.npk)
				st.npk = c->pk;
		}
	}
	if (finish_table(&st) < 0)
		return -1;
	for (size_t i = 0; i < t->nforeign_keys; i++) {
		const mg_ddl_table_foreign_key *f = &t->foreign_keys[i];
		mg_foreign_key *fk = mg_table_add_foreign_key(table, "", f->parent);
		if (!fk)
			return -1;
		fk->on_update = action_from_sqlite(f->on_update);
		fk->on_delete = action_from_sqlite(f->on_delete);
		for (size_t j = 0; j < f->ncolumns; j++)
			if (mg_foreign_key_add_column(fk, table->columns[f->from[j]], f->to ? f->to[j] : NULL) < 0)
				return -1;
	}
	if (finish_foreign_keys(l, table) < 0)
		return -1;
	/* Those sqlite_schema lists: not the key of a table without rowid. */
	for (size_t i = 0; i < t->nindexes; i++) {
		const mg_ddl_table_index *x = &t->indexes[i];
		if (!x->stored)
			continue;
		mg_index *index = mg_table_add_index(table, x->name, true, MG_INDEX_UNIQUE);
		if (!index)
			return -1;
		for (size_t j = 0; j < x->ncolumns; j++)
			if (mg_index_add_column(index, table->columns[x->columns[j]]) < 0)
				return -1;
		if (finish_constraint_index(index) < 0)
			return -1;
	}
	return 0;
}

/* `name` as a JSON string, appended to the array of declined names. */
static void decline(loader *l, const char *name)
{
	mg_buf *b = &l->declined;
	mg_buf_puts(b, l->ndeclined++ ? ",\"" : "[\"");
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if (*p == '"' || *p == '\\')
			mg_buf_printf(b, "\\%c", *p);
		else if (*p < 0x20)
			mg_buf_printf(b, "\\u%04x", *p);
		else
			mg_buf_putc(b, (char)*p);
	}
	mg_buf_putc(b, '"');
}

/* Reads every table the scanner reads; lists the others in l->declined. */
static int load_schema(loader *l)
{
	row_cursor rows = {0};
	mg_schema_row row;
	mg_ddl_table scanned = {0};
	int result = -1;

	if (cursor_open(&rows, l, schema_sql, is_table_or_view) < 0)
		goto cleanup;
	while (cursor_next(&rows, &row)) {
		const char *type = row.type, *name = row.name, *sql = row.sql;
		if (!type || !name)
			goto oom; /* never NULL in sqlite_schema: SQLite had no memory to copy them */
		if (strcmp(type, "table") == 0 && sql && mg_ascii_ncasecmp(sql, "CREATE VIRTUAL", 14) == 0)
			l->virtual_tables = true;
		/* Off the pages, a name twice or expressions SQLite would refuse
		 * go to SQLite, which says what is wrong. */
		if (!l->by_pragmas && strcmp(type, "table") == 0 && sql &&
		    mg_ddl_scan_table(sql, row.sql_len, name, &scanned) == 0 &&
		    (!l->rows || (!find_here(l, name) && (!scanned.expressions || sqlite_accepts(l, sql, row.sql_len))))) {
			if (add_scanned_table(l, name, &scanned) < 0)
				goto oom;
			/* Kept for trying the table's indexes (sqlite_accepts_index). */
			if (l->rows && ((!l->table_sql && !(l->table_sql = mg_name_index_new(true))) ||
					mg_name_index_put(l->table_sql, name, (void *)(uintptr_t)sql) < 0))
				goto oom;
		} else {
			decline(l, name);
		}
	}
	if (cursor_failed(&rows) < 0)
		goto cleanup;
	if (l->declined.len)
		mg_buf_putc(&l->declined, ']');
	if (l->declined.failed)
		goto oom;
	result = 0;
	goto cleanup;
oom:
	result = out_of_memory(l);
cleanup:
	mg_ddl_table_free(&scanned);
	sqlite3_finalize(rows.stmt);
	return result;
}

static bool is_shadow_table(const mg_table *table, void *payload)
{
	const loader *l = payload;
	return table->source_index == (l->graph->nsources ? l->graph->nsources - 1 : 0) &&
	       mg_name_index_get(l->shadows, table->name) != NULL;
}

/* Takes the shadow tables of virtual tables back out: the scanner read them
 * as the plain tables they are. */
static int drop_shadow_tables(loader *l)
{
	sqlite3_stmt *stmt = NULL;
	int rc, result = -1;
	size_t n = 0;
	if (!(l->shadows = mg_name_index_new(true)))
		goto oom;
	if (prepare(l, shadow_tables_sql, &stmt) < 0)
		goto cleanup;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		mg_table *table = find_here(l, column_text(stmt, 0));
		if (table && mg_name_index_put(l->shadows, table->name, table) < 0)
			goto oom;
		n += table != NULL;
	}
	if (step_failed(l, rc) < 0)
		goto cleanup;
	if (n && (mg_graph_drop_tables(l->graph, is_shadow_table, l) < 0 || reindex_here(l) < 0))
		goto oom;
	result = 0;
	goto cleanup;
oom:
	result = out_of_memory(l);
cleanup:
	sqlite3_finalize(stmt);
	return result;
}

static int load(mg_graph *graph, sqlite3 *db, const char *input, const mg_schema_locator *locator,
		const mg_schema_rows *rows, bool by_pragmas, mg_error *err)
{
	loader l = {.graph = graph, .db = db, .input = input, .locator = locator, .err = err,
		    .by_pragmas = by_pragmas, .rows = rows};
	int result = -1;
	graph->case_insensitive = true; /* SQLite folds ASCII case in identifiers */
	if (!(l.here = mg_name_index_new(true))) {
		out_of_memory(&l);
		goto cleanup;
	}
	if (load_schema(&l) < 0)
		goto cleanup;
	if (l.ndeclined &&
	    (load_columns(&l) < 0 || (l.virtual_tables && load_virtual_modules(&l) < 0) ||
	     load_foreign_keys(&l) < 0 || load_constraint_indexes(&l) < 0))
		goto cleanup;
	if (l.virtual_tables && drop_shadow_tables(&l) < 0)
		goto cleanup;
	if (load_created_indexes(&l) < 0)
		goto cleanup;
	result = 0;
cleanup:
	mg_name_index_free(l.here);
	mg_name_index_free(l.shadows);
	mg_buf_free(&l.declined);
	sqlite3_close(l.scratch);
	mg_name_index_free(l.table_sql);
	return result;
}

int mg_sqlite_schema_load(mg_graph *graph, sqlite3 *db, const char *input,
			  const mg_schema_locator *locator, const mg_schema_rows *rows, mg_error *err)
{
	return load(graph, db, input, locator, rows, false, err);
}

int mg_sqlite_schema_load_by_pragmas(mg_graph *graph, sqlite3 *db, const char *input,
				     const mg_schema_locator *locator, mg_error *err)
{
	return load(graph, db, input, locator, NULL, true, err);
}

size_t mg_sqlite_schema_count_objects(const mg_schema_rows *rows)
{
	size_t n = 0;
	for (size_t i = 0; i < rows->nrows; i++)
		n += is_table_or_view(&rows->rows[i]);
	return n;
}
