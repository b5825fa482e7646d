#include <sqlite3.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyzer/read/ddl_scan.h"
#include "analyzer/read/input_file.h"
#include "analyzer/core/name_index.h"
#include "analyzer/read/readers.h"
#include "analyzer/read/sqlite_schema.h"
#include "util/limits.h"
#include "util/text.h"

/*
 * Reads a SQL DDL script by executing it, statement by statement, into a
 * private in-memory SQLite database, then reading that database's schema.
 * While executing, it remembers where each table, column and foreign key was
 * declared, so findings point at file:line:col.
 */

/* Where declarations are, keyed "table", "table\x1fcolumn",
 * "table\x1f\x1ffk-column\x1f<n>" (the n-th foreign key starting with that
 * column) and "\x1findex". */
typedef struct ddl_locations {
	mg_name_index *index;
	mg_arena *arena;
	const char *path;
	const char *text;       /* the whole script */
	/* A monotonic cursor turning byte offsets into line:column. */
	size_t cursor_offset;
	unsigned cursor_line, cursor_column;
	const char *statement;  /* start of the statement being scanned */
	const char *table;      /* table of the statement being scanned */
	bool wrote_schema;      /* a statement wrote sqlite_schema */
	int failed;
} ddl_locations;

static mg_location position_of(ddl_locations *d, size_t offset)
{
	if (offset < d->cursor_offset) { /* never expected: restart from the top */
		d->cursor_offset = 0;
		d->cursor_line = d->cursor_column = 1;
	}
	for (; d->cursor_offset < offset; d->cursor_offset++) {
		if (d->text[d->cursor_offset] == '\n') {
			d->cursor_line++;
			d->cursor_column = 1;
		} else {
			d->cursor_column++;
		}
	}
	return (mg_location){.file = d->path, .line = d->cursor_line, .column = d->cursor_column};
}

/* `key` is in d->arena already. */
static void remember(ddl_locations *d, const char *key, mg_location location)
{
	mg_location *copy = mg_arena_alloc(d->arena, sizeof(*copy));
	if (!copy || !key) {
		d->failed = 1;
		return;
	}
	*copy = location;
	/* The first declaration wins: a later CREATE TABLE IF NOT EXISTS is a no-op. */
	if (!mg_name_index_get(d->index, key) && mg_name_index_put(d->index, key, copy) < 0)
		d->failed = 1;
}

/* Keys are built at full length in d->arena: names cut to a buffer could
 * share a key, and a long name would lose its location. */
static void visit_item(const mg_ddl_item *item, void *payload)
{
	ddl_locations *d = payload;
	mg_location location = position_of(d, (size_t)(d->statement - d->text) + item->offset);
	const char *key = NULL;
	if (!item->name) {
		d->failed = 1;
		return;
	}
	switch (item->kind) {
	case MG_DDL_TABLE:
		d->table = mg_arena_strdup(d->arena, item->name);
		key = d->table;
		break;
	case MG_DDL_COLUMN:
		key = d->table ? mg_arena_printf(d->arena, "%s\x1f%s", d->table, item->name) : NULL;
		break;
	case MG_DDL_FOREIGN_KEY:
		/* Numbered: a column may start several foreign keys. */
		for (unsigned n = 0; d->table; n++) {
			key = mg_arena_printf(d->arena, "%s\x1f\x1f%s\x1f%u", d->table, item->name, n);
			if (!key || !mg_name_index_get(d->index, key))
				break;
		}
		break;
	case MG_DDL_INDEX:
		key = mg_arena_printf(d->arena, "\x1f%s", item->name);
		break;
	default:
		return;
	}
	remember(d, key, location);
}

static mg_location lookup(ddl_locations *d, const char *key)
{
	mg_location *location = key ? mg_name_index_get(d->index, key) : NULL;
	return location ? *location : (mg_location){0};
}

static mg_location locate_table(void *payload, const char *table)
{
	return lookup(payload, table);
}

static mg_location locate_column(void *payload, const char *table, const char *column)
{
	ddl_locations *d = payload;
	return lookup(d, mg_arena_printf(d->arena, "%s\x1f%s", table, column));
}

static mg_location locate_foreign_key(void *payload, const char *table, const char *column,
				      unsigned occurrence)
{
	ddl_locations *d = payload;
	return lookup(d, mg_arena_printf(d->arena, "%s\x1f\x1f%s\x1f%u", table, column, occurrence));
}

static mg_location locate_index(void *payload, const char *index)
{
	ddl_locations *d = payload;
	return lookup(d, mg_arena_printf(d->arena, "\x1f%s", index));
}

/*
 * The reader runs a script's schema statements and nothing else, within
 * limits, so no script can hang it or exhaust memory:
 *   - data statements (INSERT, REPLACE, UPDATE, DELETE, alone or after WITH)
 *     cannot change the schema: they are prepared, so a name they use must
 *     exist, and skipped unrun. Dumps and migrations are full of them
 *     (`INSERT INTO … VALUES`, `INSERT INTO new SELECT * FROM old`).
 *   - queries are not run either.
 *   - CREATE TABLE … AS SELECT is refused: its columns come from running the
 *     query.
 *   - ATTACH and DETACH are refused (ATTACH creates files), and no database
 *     may be attached, which also stops VACUUM INTO.
 *   - what runs (CREATE, DROP, ALTER, PRAGMA, and the writes to sqlite_schema
 *     with which `.dump` declares virtual tables) has a budget of steps and of
 *     processor time per statement; SQLite has a ceiling on its memory, keeps
 *     temporary tables in that memory (pragmas that would move them to files
 *     are ignored) and a ceiling on the size of one value, so that no single
 *     step takes long.
 */
#define STEPS_PER_PROGRESS_CALL 100

/* The step budget of one statement, in progress calls (util/limits.def). */
static unsigned long long progress_calls_per_statement(void)
{
	return (unsigned long long)mg_limit(MG_LIMIT_SQL_STATEMENT_STEPS) * (1000000 / STEPS_PER_PROGRESS_CALL);
}

/* What the statement being prepared does, as the authorizer sees it. */
typedef struct statement_actions {
	bool creates_table;  /* CREATE [TEMP] TABLE */
	bool selects;        /* runs a SELECT; with creates_table: CREATE TABLE … AS SELECT */
	bool writes_data;    /* INSERT, UPDATE or DELETE on a table other than sqlite_schema */
	bool writes_schema;  /* INSERT, UPDATE or DELETE on sqlite_schema (writable_schema) */
	bool drops;          /* DROP TABLE or VIEW: SQLite also asks to delete the table's rows */
	bool opens_database; /* ATTACH or DETACH (VACUUM INTO attaches its file): refused */
	unsigned long long progress; /* progress calls while stepping */
	clock_t started;     /* processor time when stepping began */
	bool out_of_time;    /* stopped after the sql-statement-seconds limit */
} statement_actions;

static bool is_schema_table(const char *name)
{
	static const char *const names[] = {"sqlite_master", "sqlite_schema", "sqlite_temp_master",
					    "sqlite_temp_schema"};
	for (size_t i = 0; name && i < sizeof(names) / sizeof(names[0]); i++)
		if (mg_ascii_casecmp(name, names[i]) == 0)
			return true;
	return false;
}

static int authorize(void *payload, int action, const char *a, const char *b, const char *c,
		     const char *d)
{
	statement_actions *actions = payload;
	(void)b, (void)c, (void)d;
	switch (action) {
	case SQLITE_ATTACH:
	case SQLITE_DETACH:
		actions->opens_database = true;
		return SQLITE_DENY;
	case SQLITE_CREATE_TABLE:
	case SQLITE_CREATE_TEMP_TABLE:
		actions->creates_table = true;
		break;
	case SQLITE_SELECT:
		actions->selects = true;
		break;
	case SQLITE_DROP_TABLE:
	case SQLITE_DROP_TEMP_TABLE:
	case SQLITE_DROP_VIEW:
	case SQLITE_DROP_TEMP_VIEW:
	case SQLITE_DROP_VTABLE:
		actions->drops = true;
		break;
	case SQLITE_PRAGMA: /* settings of this private connection, not schema */
		if (mg_ascii_casecmp(a, "temp_store") == 0 || mg_ascii_casecmp(a, "temp_store_directory") == 0 ||
		    mg_ascii_casecmp(a, "data_store_directory") == 0)
			return SQLITE_IGNORE;
		break;
	case SQLITE_INSERT:
	case SQLITE_UPDATE:
	case SQLITE_DELETE:
		if (!is_schema_table(a))
			actions->writes_data = true;
		else
			actions->writes_schema = true;
		break;
	default:
		break;
	}
	return SQLITE_OK;
}

/* Stops a statement that has used up its budget of steps or time. */
static int on_progress(void *payload)
{
	statement_actions *actions = payload;
	if (++actions->progress > progress_calls_per_statement())
		return 1;
	clock_t now = clock();
	if (now != (clock_t)-1 && actions->started != (clock_t)-1 &&
	    (double)(now - actions->started) > (double)mg_limit(MG_LIMIT_SQL_STATEMENT_SECONDS) * CLOCKS_PER_SEC)
		actions->out_of_time = true;
	return actions->out_of_time;
}

/* First byte of the statement proper, past blanks and comments. */
static const char *skip_blank(const char *p)
{
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
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

/* True when the statement at `p` starts with the keyword `word`. */
static bool starts_with_keyword(const char *p, const char *word)
{
	size_t n = strlen(word);
	return mg_ascii_ncasecmp(p, word, n) == 0 && !mg_ascii_isalnum(p[n]) && p[n] != '_';
}

/* The message for a statement the authorizer refused to open a database. */
static void refuse_database(ddl_locations *d, const char *p, mg_error *err)
{
	mg_location where = position_of(d, (size_t)(p - d->text));
	if (starts_with_keyword(p, "VACUUM"))
		mg_error_set(err, "%s:%u:%u: VACUUM INTO is refused: a script may not write files; remove it",
			     d->path, where.line, where.column);
	else if (starts_with_keyword(p, "DETACH"))
		mg_error_set(err, "%s:%u:%u: DETACH DATABASE is refused: a script may not attach or detach "
			     "databases; remove it", d->path, where.line, where.column);
	else
		mg_error_set(err, "%s:%u:%u: ATTACH DATABASE is refused: a script may not open other database "
			     "files; remove it and name each database as a source of its own",
			     d->path, where.line, where.column);
}

static int run_script(sqlite3 *db, ddl_locations *d, statement_actions *actions, mg_error *err)
{
	const char *p = d->text;
	long long statements = 0;
	while (*(p = skip_blank(p))) {
		if (++statements > mg_limit(MG_LIMIT_SQL_STATEMENTS)) {
			mg_location where = position_of(d, (size_t)(p - d->text));
			mg_error_set(err, "%s:%u:%u: the script has more statements than a SQL script may; "
				     MG_LIMIT_ADVICE_FMT, d->path, where.line, where.column,
				     MG_LIMIT_ADVICE_ARGS(MG_LIMIT_SQL_STATEMENTS));
			return -1;
		}
		sqlite3_stmt *stmt = NULL;
		const char *tail = NULL;
		*actions = (statement_actions){0};
		int rc = sqlite3_prepare_v2(db, p, -1, &stmt, &tail);
		if (rc != SQLITE_OK && actions->opens_database) {
			refuse_database(d, p, err);
			return -1;
		}
		if (rc != SQLITE_OK) {
			int at = sqlite3_error_offset(db);
			mg_location where = position_of(d, (size_t)(p - d->text) + (at >= 0 ? (size_t)at : 0));
			mg_error_set(err, "%s:%u:%u: SQL error: %s", d->path, where.line, where.column,
				     sqlite3_errmsg(db));
			return -1;
		}
		if (!stmt) { /* only a semicolon */
			p = tail;
			continue;
		}
		if (actions->creates_table && actions->selects) {
			sqlite3_finalize(stmt);
			mg_location where = position_of(d, (size_t)(p - d->text));
			mg_error_set(err,
				     "%s:%u:%u: CREATE TABLE ... AS SELECT is refused: only schema statements are run, "
				     "and this one takes its columns from running a query; declare the columns "
				     "instead: CREATE TABLE name (column type, ...)",
				     d->path, where.line, where.column);
			return -1;
		}
		/* Data statements and queries cannot change the schema: not run. */
		actions->started = clock();
		if ((actions->writes_data && !actions->drops) || (sqlite3_stmt_readonly(stmt) && sqlite3_column_count(stmt) > 0))
			rc = SQLITE_DONE;
		else
			while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
				;
		sqlite3_finalize(stmt);
		if (rc != SQLITE_DONE && actions->opens_database) {
			refuse_database(d, p, err);
			return -1;
		}
		if (rc != SQLITE_DONE) {
			mg_location where = position_of(d, (size_t)(p - d->text));
			if (actions->progress > progress_calls_per_statement())
				mg_error_set(err,
					     "%s:%u:%u: the statement did not finish within the step budget; a schema "
					     "statement needs far fewer: remove it or split the script; "
					     MG_LIMIT_ADVICE_FMT,
					     d->path, where.line, where.column,
					     MG_LIMIT_ADVICE_ARGS(MG_LIMIT_SQL_STATEMENT_STEPS));
			else if (actions->out_of_time)
				mg_error_set(err,
					     "%s:%u:%u: the statement did not finish in time; a schema statement needs "
					     "far less: remove it or split the script; " MG_LIMIT_ADVICE_FMT,
					     d->path, where.line, where.column,
					     MG_LIMIT_ADVICE_ARGS(MG_LIMIT_SQL_STATEMENT_SECONDS));
			else if (rc == SQLITE_NOMEM)
				mg_error_set(err,
					     "%s:%u:%u: the statement needed more memory than SQL scripts may use; a "
					     "schema statement needs far less: remove it; " MG_LIMIT_ADVICE_FMT,
					     d->path, where.line, where.column,
					     MG_LIMIT_ADVICE_ARGS(MG_LIMIT_SQL_MEMORY_MIB));
			else if (rc == SQLITE_TOOBIG)
				mg_error_set(err,
					     "%s:%u:%u: the statement makes a value larger than SQL scripts may; "
					     MG_LIMIT_ADVICE_FMT, d->path, where.line, where.column,
					     MG_LIMIT_ADVICE_ARGS(MG_LIMIT_SQL_VALUE_MIB));
			else
				mg_error_set(err, "%s:%u:%u: SQL error: %s", d->path, where.line, where.column,
					     sqlite3_errmsg(db));
			return -1;
		}
		d->wrote_schema |= actions->writes_schema;
		d->statement = p;
		d->table = NULL;
		mg_ddl_scan(p, (size_t)(tail - p), visit_item, d);
		if (d->failed) {
			mg_error_set(err, "%s: out of memory", d->path);
			return -1;
		}
		p = tail;
	}
	return 0;
}

/* A table of this source named in `shadows`, or, for an unreadable
 * virtual table, "<name>_<suffix>" (shadows holds "<name>_" then). */
typedef struct shadow_names {
	mg_name_index *exact;
	const char *prefix;
	size_t source;
} shadow_names;

static bool is_listed_shadow(const mg_table *table, void *payload)
{
	const shadow_names *s = payload;
	if (table->source_index != s->source)
		return false;
	if (s->prefix)
		return mg_ascii_ncasecmp(table->name, s->prefix, strlen(s->prefix)) == 0;
	return mg_name_index_get(s->exact, table->name) != NULL;
}

/* Runs `sql`, which must be one CREATE VIRTUAL TABLE statement (what a
 * script wrote into sqlite_schema could be anything): 0, or -1 with why
 * not in `problem`. */
static int create_one(sqlite3 *scratch, const char *sql, char *problem, size_t size)
{
	sqlite3_stmt *stmt = NULL;
	const char *tail = NULL;
	int result = -1;
	if (sqlite3_prepare_v2(scratch, sql, -1, &stmt, &tail) != SQLITE_OK)
		snprintf(problem, size, "%s", sqlite3_errmsg(scratch));
	else if (!stmt || *skip_blank(tail) != '\0')
		snprintf(problem, size, "its row in sqlite_schema holds more than one statement");
	else if (sqlite3_step(stmt) != SQLITE_DONE)
		snprintf(problem, size, "%s", sqlite3_errmsg(scratch));
	else
		result = 0;
	sqlite3_finalize(stmt);
	return result;
}

/*
 * sqlite3's .dump declares a virtual table by writing its row into
 * sqlite_schema and its shadow tables as plain tables: SQLite sees the
 * virtual table only when it reads the schema again, and then constructs it
 * over the shadow tables, whose rows (data statements, which are not run)
 * its module needs. So each such virtual table is made afresh in a scratch
 * database from its CREATE VIRTUAL TABLE statement and read from there
 * (marked virtual, with the columns its module declares), and the tables
 * that statement makes as its shadow tables leave the graph. A virtual
 * table whose module this SQLite lacks is unreadable, and the tables named
 * after it go, as when a database is read.
 */
static int read_dumped_virtual_tables(mg_graph *graph, sqlite3 *db, ddl_locations *d,
				      const mg_schema_locator *locator, mg_error *err)
{
	static const char dumped_sql[] =
		"SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"
		" AND name NOT IN (SELECT name FROM pragma_table_list WHERE schema = 'main')";
	sqlite3_stmt *stmt = NULL;
	sqlite3 *scratch = NULL;
	shadow_names shadows = {.source = graph->nsources - 1};
	int rc, result = -1;
	if (sqlite3_prepare_v2(db, dumped_sql, -1, &stmt, NULL) != SQLITE_OK) {
		mg_error_set(err, "%s: cannot read the schema: %s", d->path, sqlite3_errmsg(db));
		return -1;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(stmt, 0);
		const char *sql = (const char *)sqlite3_column_text(stmt, 1);
		if (!name)
			continue;
		statement_actions actions = {.started = clock()};
		if (sqlite3_open_v2(":memory:", &scratch, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
			goto oom;
		sqlite3_limit(scratch, SQLITE_LIMIT_ATTACHED, 0);
		sqlite3_limit(scratch, SQLITE_LIMIT_LENGTH, sqlite3_limit(db, SQLITE_LIMIT_LENGTH, -1));
		sqlite3_progress_handler(scratch, STEPS_PER_PROGRESS_CALL, on_progress, &actions);
		sqlite3_set_authorizer(scratch, authorize, &actions);
		char problem[512];
		if (create_one(scratch, sql ? sql : "", problem, sizeof(problem)) < 0) {
			mg_location where = locator->table(locator->payload, name);
			if (!where.file)
				where = (mg_location){.file = d->path};
			char prefix[1024];
			snprintf(prefix, sizeof(prefix), "%s_", name);
			shadows.prefix = prefix;
			if (mg_graph_add_unreadable(graph, name, "virtual table", problem, where) < 0 ||
			    mg_graph_drop_tables(graph, is_listed_shadow, &shadows) < 0)
				goto oom;
			shadows.prefix = NULL;
		} else {
			sqlite3_progress_handler(scratch, 0, NULL, NULL);
			if (mg_sqlite_schema_load(graph, scratch, d->path, locator, NULL, err) < 0)
				goto cleanup;
			sqlite3_stmt *list = NULL;
			if (!(shadows.exact = mg_name_index_new(true)) ||
			    sqlite3_prepare_v2(scratch, "SELECT name FROM pragma_table_list WHERE type = 'shadow'", -1,
					       &list, NULL) != SQLITE_OK)
				goto oom;
			while (sqlite3_step(list) == SQLITE_ROW) {
				char *shadow = mg_arena_strdup(d->arena, (const char *)sqlite3_column_text(list, 0));
				if (!shadow || mg_name_index_put(shadows.exact, shadow, shadow) < 0) {
					sqlite3_finalize(list);
					goto oom;
				}
			}
			sqlite3_finalize(list);
			if (mg_graph_drop_tables(graph, is_listed_shadow, &shadows) < 0)
				goto oom;
			mg_name_index_free(shadows.exact);
			shadows.exact = NULL;
		}
		sqlite3_close(scratch);
		scratch = NULL;
	}
	if (rc != SQLITE_DONE) {
		mg_error_set(err, "%s: cannot read the schema: %s", d->path, sqlite3_errmsg(db));
		goto cleanup;
	}
	result = 0;
	goto cleanup;
oom:
	mg_error_set(err, "%s: out of memory", d->path);
cleanup:
	mg_name_index_free(shadows.exact);
	sqlite3_close(scratch);
	sqlite3_finalize(stmt);
	return result;
}

int mg_read_sql(mg_graph *graph, const char *path, mg_error *err)
{
	sqlite3 *db = NULL;
	size_t len = 0;
	int result = -1;
	statement_actions actions = {0};
	/* SQLite's ceiling on its heap is process-wide: lowered while the
	 * script runs, then put back. */
	const sqlite3_int64 heap_limit = (sqlite3_int64)mg_limit_bytes(MG_LIMIT_SQL_MEMORY_MIB);
	sqlite3_int64 previous_heap_limit = sqlite3_hard_heap_limit64(-1);
	bool lowered_heap_limit = false;
	ddl_locations d = {.path = path, .cursor_line = 1, .cursor_column = 1};

	char *text = mg_input_read_all(path, &len, err);
	if (!text)
		goto cleanup;
	if (strlen(text) != len) {
		mg_error_set(err, "%s: not a text file (it contains NUL bytes)", path);
		goto cleanup;
	}
	size_t source = mg_graph_add_source(graph, path, MG_SOURCE_SQL);
	if (source == (size_t)-1) {
		mg_error_set(err, "%s: out of memory", path);
		goto cleanup;
	}
	d.path = graph->sources[source].name; /* locations point into the graph */
	d.text = text;
	d.index = mg_name_index_new(true);
	d.arena = mg_arena_new();
	if (!d.index || !d.arena || sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		mg_error_set(err, "%s: out of memory", path);
		goto cleanup;
	}
	sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
	size_t value_limit = mg_limit_bytes(MG_LIMIT_SQL_VALUE_MIB);
	sqlite3_limit(db, SQLITE_LIMIT_LENGTH, value_limit > INT_MAX ? INT_MAX : (int)value_limit);
	/* Temporary tables in memory, under the heap ceiling, never in files. */
	sqlite3_exec(db, "PRAGMA foreign_keys = OFF; PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
	sqlite3_set_authorizer(db, authorize, &actions);
	sqlite3_progress_handler(db, STEPS_PER_PROGRESS_CALL, on_progress, &actions);
	if (previous_heap_limit == 0 || previous_heap_limit > heap_limit) {
		sqlite3_hard_heap_limit64(heap_limit);
		lowered_heap_limit = true;
	}
	if (run_script(db, &d, &actions, err) < 0)
		goto cleanup;
	sqlite3_progress_handler(db, 0, NULL, NULL); /* reading the schema back is ours */
	mg_schema_locator locator = {
		.table = locate_table,
		.column = locate_column,
		.foreign_key = locate_foreign_key,
		.index = locate_index,
		.payload = &d,
	};
	size_t tables_before = graph->ntables;
	if (mg_sqlite_schema_load(graph, db, d.path, &locator, NULL, err) < 0 ||
	    (d.wrote_schema && read_dumped_virtual_tables(graph, db, &d, &locator, err) < 0))
		goto cleanup;
	if (graph->ntables == tables_before) {
		mg_error_set(err, "%s: defines no tables: the script creates no tables or views", path);
		goto cleanup;
	}
	result = 0;
cleanup:
	sqlite3_close(db);
	if (lowered_heap_limit)
		sqlite3_hard_heap_limit64(previous_heap_limit);
	mg_name_index_free(d.index);
	mg_arena_free(d.arena);
	free(text);
	return result;
}
