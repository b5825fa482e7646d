#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/core/arena.h"
#include "analyzer/core/name_index.h"
#include "analyzer/read/input_file.h"
#include "analyzer/read/libmariadb_api.h"
#include "analyzer/read/my_script.h"
#include "analyzer/read/my_throwaway.h"
#include "analyzer/read/mysql_schema.h"
#include "analyzer/read/readers.h"
#include "util/limits.h"
#include "util/text.h"

/*
 * A MySQL-dialect script, loaded into a throwaway MariaDB server
 * (my_throwaway.h) and read back through information_schema like a live
 * database.
 *
 * Statements run one by one, as the mariadb client cuts them (my_script.h,
 * DELIMITER included), so an error names the file, line and column where
 * the server found it. Data statements (INSERT, REPLACE, UPDATE, DELETE,
 * LOAD, TRUNCATE) are skipped, as the SQLite reader skips them: they cannot
 * change the schema; so are stored procedures, functions and events, which
 * are code, and which a server without system tables cannot keep. The script runs in a database of its own; one it
 * makes and selects with USE is read instead (the last one used). Client
 * commands other than DELIMITER (source, system, \!, …) are refused.
 */

#define SCRIPT_DATABASE "script"

static const char *const data_statements[] = {"insert", "replace", "update", "delete", "load", "truncate"};

static bool is_data_statement(const mg_my_statement *st)
{
	for (size_t i = 0; i < sizeof(data_statements) / sizeof(data_statements[0]); i++)
		if (mg_my_statement_starts_with(st, data_statements[i]))
			return true;
	return false;
}

typedef struct loading {
	const char *path;
	MYSQL *db;
	char *database;   /* the one in use */
	mg_error *err;
	/* Where each object was declared: "<kind><name>" -> mg_location, in
	 * `arena`; the last declaration wins (a script may drop and re-create). */
	mg_name_index *declared;
	mg_arena *arena;
	const char *file; /* the graph's name of the script, for the locations */
	bool failed;      /* out of memory while recording them */
} loading;

/* A name as the index keeps it: the table's own name, without "db.". */
static const char *unqualified(const char *name)
{
	const char *dot = strrchr(name, '.');
	return dot && dot[1] ? dot + 1 : name;
}

static void record_declaration(void *payload, char kind, const char *name, unsigned line, unsigned column)
{
	loading *l = payload;
	char *key = mg_arena_printf(l->arena, "%c%s", kind, unqualified(name));
	mg_location *loc = mg_arena_alloc(l->arena, sizeof(*loc));
	if (!key || !loc || mg_name_index_put(l->declared, key, loc) < 0) {
		l->failed = true;
		return;
	}
	*loc = (mg_location){.line = line, .column = column};
}

static mg_location locate_declaration(void *payload, char kind, const char *name)
{
	loading *l = payload;
	char key[300];
	snprintf(key, sizeof(key), "%c%s", kind, name);
	const mg_location *loc = mg_name_index_get(l->declared, key);
	if (!loc)
		return (mg_location){0};
	mg_location found = *loc;
	found.file = l->file;
	return found;
}

/*
 * The server's message for a failed statement, as "file:line:col: message".
 * A syntax error says where: "… near 'text' at line N" of the statement.
 */
static void statement_error(loading *l, const mg_my_statement *st)
{
	const char *message = mg_mariadb.mysql_error(l->db);
	unsigned line = st->line, column = st->column;
	char text[600];
	const char *near = strstr(message, "near '");
	const char *at_line = near ? strstr(near, "' at line ") : NULL;
	if (mg_mariadb.mysql_errno(l->db) == 1064 && near && at_line) {
		long n = strtol(at_line + strlen("' at line "), NULL, 10);
		const char *fragment = near + strlen("near '");
		size_t fragment_len = (size_t)(at_line - fragment);
		size_t first_line = strcspn(fragment, "\r\n");
		size_t shown = first_line < fragment_len ? first_line : fragment_len;
		/* The fragment's place, from the start of line n of the statement. */
		size_t offset = 0;
		for (long k = 1; k < n && offset < st->len; offset++)
			k += st->text[offset] == '\n';
		size_t probe = fragment_len < 16 ? fragment_len : 16;
		for (size_t i = offset; probe && i + probe <= st->len; i++)
			if (memcmp(st->text + i, fragment, probe) == 0) {
				offset = i;
				break;
			}
		mg_my_statement_position(st, offset, &line, &column);
		snprintf(text, sizeof(text), "syntax error near '%.*s'", (int)(shown < 60 ? shown : 60), fragment);
		if (!fragment_len)
			snprintf(text, sizeof(text), "syntax error at the end of the statement");
	} else {
		snprintf(text, sizeof(text), "%s", message);
	}
	text[strcspn(text, "\n")] = '\0';
	mg_error_set(l->err, "%s:%u:%u: %s", l->path, line, column, text);
}

/* The database a successful USE selected, unquoted; NULL (kept) when none. */
static char *used_database(const mg_my_statement *st)
{
	size_t i = 3;
	while (i < st->len && (st->text[i] == ' ' || st->text[i] == '\t' || st->text[i] == '\r' || st->text[i] == '\n'))
		i++;
	if (i >= st->len)
		return NULL;
	char *name = malloc(st->len - i + 1), *o = name;
	if (!name)
		return NULL;
	bool quoted = st->text[i] == '`';
	for (i += quoted; i < st->len; i++) {
		char c = st->text[i];
		if (quoted && c == '`' && i + 1 < st->len && st->text[i + 1] == '`')
			*o++ = st->text[++i];
		else if (quoted ? c == '`' : (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';'))
			break;
		else
			*o++ = c;
	}
	*o = '\0';
	return name;
}

/* Runs one statement and drops whatever it returns; 0 or -1. */
static int run_statement(loading *l, const mg_my_statement *st)
{
	if (mg_mariadb.mysql_real_query(l->db, st->text, st->len) != 0) {
		statement_error(l, st);
		return -1;
	}
	int more;
	do {
		MYSQL_RES *res = mg_mariadb.mysql_store_result(l->db);
		if (res)
			mg_mariadb.mysql_free_result(res);
		else if (mg_mariadb.mysql_field_count(l->db) != 0) {
			statement_error(l, st);
			return -1;
		}
		more = mg_mariadb.mysql_next_result(l->db);
		if (more > 0) {
			statement_error(l, st);
			return -1;
		}
	} while (more == 0);
	return 0;
}

static int run_script(loading *l, const char *text, size_t len)
{
	mg_my_script script;
	mg_my_statement st;
	long long statements = 0;
	mg_my_script_init(&script, text, len);
	while (mg_my_script_next(&script, &st)) {
		if (++statements > mg_limit(MG_LIMIT_SQL_STATEMENTS)) {
			mg_error_set(l->err, "%s:%u:%u: the script has more statements than a SQL script may; "
				     MG_LIMIT_ADVICE_FMT, l->path, st.line, st.column,
				     MG_LIMIT_ADVICE_ARGS(MG_LIMIT_SQL_STATEMENTS));
			return -1;
		}
		if (st.kind == MG_MY_CLIENT) {
			if (mg_my_statement_starts_with(&st, "delimiter") || (st.len >= 2 && st.text[1] == 'd'))
				continue; /* taken by the script reader */
			size_t n = 0;
			while (n < st.len && st.text[n] != ' ' && st.text[n] != '\t')
				n++;
			mg_error_set(l->err, "%s:%u:%u: client command %.*s is refused: only SQL statements and "
				     "DELIMITER are run", l->path, st.line, st.column, (int)n, st.text);
			return -1;
		}
		if (is_data_statement(&st) || mg_my_statement_is_routine(&st))
			continue;
		if (run_statement(l, &st) < 0)
			return -1;
		if (mg_my_statement_starts_with(&st, "use")) {
			char *name = used_database(&st);
			if (name) {
				free(l->database);
				l->database = name;
			}
		}
		mg_my_statement_names(&st, record_declaration, l);
		if (l->failed) {
			mg_error_set(l->err, "%s: out of memory", l->path);
			return -1;
		}
	}
	return 0;
}

static MYSQL *connect_to(const mg_my_throwaway *server, const char *path, mg_error *err)
{
	MYSQL *db = mg_mariadb.mysql_init(NULL);
	if (!db) {
		mg_error_set(err, "%s: out of memory", path);
		return NULL;
	}
	unsigned timeout = 10, no = 0;
	mg_mariadb.mysql_optionsv(db, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mg_mariadb.mysql_optionsv(db, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	/* The server may not ask for modelgraph's files (LOAD DATA LOCAL). */
	mg_mariadb.mysql_optionsv(db, MYSQL_OPT_LOCAL_INFILE, &no);
	if (!mg_mariadb.mysql_real_connect(db, NULL, "root", NULL, NULL, 0, server->socket, 0)) {
		mg_error_set(err, "%s: cannot connect to the throwaway MariaDB server: %s", path,
			     mg_mariadb.mysql_error(db));
		mg_mariadb.mysql_close(db);
		return NULL;
	}
	return db;
}

int mg_read_sql_mysql(mg_graph *graph, const char *path, mg_error *err)
{
	mg_my_throwaway server = {.base = {.watcher_fd = -1}};
	loading l = {.path = path, .err = err};
	size_t len = 0;
	int result = -1;
	if (mg_mariadb_load(path, err) < 0)
		return -1;
	char *text = mg_input_read_all(path, &len, err);
	if (!text)
		return -1;
	/* Table names are compared as MariaDB on Linux keeps them: exactly. */
	if (!(l.declared = mg_name_index_new(false)) || !(l.arena = mg_arena_new()) ||
	    !(l.database = malloc(sizeof(SCRIPT_DATABASE)))) {
		mg_error_set(err, "%s: out of memory", path);
		goto cleanup;
	}
	memcpy(l.database, SCRIPT_DATABASE, sizeof(SCRIPT_DATABASE));
	if (mg_my_throwaway_start(&server, path, err) < 0 || !(l.db = connect_to(&server, path, err)))
		goto cleanup;
	if (mg_mariadb.mysql_query(l.db, "CREATE DATABASE " SCRIPT_DATABASE) != 0 ||
	    mg_mariadb.mysql_query(l.db, "USE " SCRIPT_DATABASE) != 0) {
		mg_error_set(err, "%s: cannot prepare the throwaway MariaDB server: %s", path,
			     mg_mariadb.mysql_error(l.db));
		goto cleanup;
	}
	if (run_script(&l, text, len) < 0)
		goto cleanup;
	size_t source = mg_graph_add_source(graph, path, MG_SOURCE_SQL);
	if (source == (size_t)-1) {
		mg_error_set(err, "%s: out of memory", path);
		goto cleanup;
	}
	l.file = graph->sources[source].name;
	mg_my_locator locator = {.locate = locate_declaration, .payload = &l};
	result = mg_mysql_schema_load(graph, l.db, l.file, l.database, NULL, &locator, err);
cleanup:
	if (l.db)
		mg_mariadb.mysql_close(l.db);
	mg_my_throwaway_stop(&server);
	mg_name_index_free(l.declared);
	mg_arena_free(l.arena);
	free(l.database);
	free(text);
	return result;
}
