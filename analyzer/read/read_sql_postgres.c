#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/core/arena.h"
#include "analyzer/core/name_index.h"
#include "analyzer/read/input_file.h"
#include "analyzer/read/libpq_api.h"
#include "analyzer/read/pg_script.h"
#include "analyzer/read/pg_throwaway.h"
#include "analyzer/read/postgres_schema.h"
#include "analyzer/read/readers.h"
#include "util/text.h"

/*
 * A PostgreSQL-dialect script, loaded into a throwaway server
 * (pg_throwaway.h) and read back through pg_catalog like a live database.
 *
 * The script runs as "postgres", a role that may create databases but is
 * not a superuser, in a database it owns, so that scripts saying
 * OWNER TO postgres load as they would elsewhere, and no statement can
 * reach the server's files or run programs (COPY … TO PROGRAM, COPY from a
 * file, untrusted languages and the like need a superuser). Statements run
 * one by one, so an error names the file, line and column where the server
 * found it. Data statements (INSERT, UPDATE, DELETE, COPY and its data) are
 * skipped, as the SQLite reader skips them: they cannot change the schema.
 * Of psql's meta-commands, \connect switches databases (the last one
 * connected to is read) and a few harmless settings are ignored; any
 * other is refused.
 */

#define LOADER_ROLE "postgres"
#define SCRIPT_DATABASE "script"
#define STATEMENT_TIMEOUT "30s"

static bool starts_with_word(const char *text, size_t len, const char *word)
{
	size_t n = strlen(word);
	return len >= n && mg_ascii_ncasecmp(text, word, n) == 0 &&
	       (len == n || !(mg_ascii_isalnum(text[n]) || text[n] == '_'));
}

static bool is_data_statement(const mg_pg_statement *st)
{
	return starts_with_word(st->text, st->len, "insert") || starts_with_word(st->text, st->len, "update") ||
	       starts_with_word(st->text, st->len, "delete") || starts_with_word(st->text, st->len, "copy");
}

/* The server's message for a failed statement, as "file:line:col: message". */
static void statement_error(mg_error *err, const char *path, const mg_pg_statement *st, const PGresult *res,
			    PGconn *conn)
{
	const char *message = res ? mg_pq.PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *position = res ? mg_pq.PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION) : NULL;
	unsigned line = st->line, column = st->column;
	if (position) {
		/* A 1-based position in characters: count UTF-8 lead bytes. */
		long chars = strtol(position, NULL, 10) - 1;
		size_t offset = 0;
		for (long seen = 0; offset < st->len; offset++) {
			if (((unsigned char)st->text[offset] & 0xC0) != 0x80 && seen++ == chars)
				break;
		}
		mg_pg_statement_position(st, offset, &line, &column);
	}
	char text[600];
	snprintf(text, sizeof(text), "%s", message ? message : mg_pq.PQerrorMessage(conn));
	text[strcspn(text, "\n")] = '\0';
	mg_error_set(err, "%s:%u:%u: %s", path, line, column, text);
}

/* The server's notices ("table does not exist, skipping") are not for the user. */
static void ignore_notice(void *payload, const char *message)
{
	(void)payload;
	(void)message;
}

static PGconn *connect_to(const mg_pg_throwaway *server, const char *database, const char *user,
			  const char *path, mg_error *err)
{
	char conninfo[MG_PG_PATH_SIZE + 512];
	mg_pg_throwaway_conninfo(server, database, user, conninfo, sizeof(conninfo));
	PGconn *conn = mg_pq.PQconnectdb(conninfo);
	if (conn)
		mg_pq.PQsetNoticeProcessor(conn, ignore_notice, NULL);
	if (!conn || mg_pq.PQstatus(conn) != CONNECTION_OK) {
		char text[512];
		snprintf(text, sizeof(text), "%s", conn ? mg_pq.PQerrorMessage(conn) : "out of memory");
		text[strcspn(text, "\n")] = '\0';
		mg_error_set(err, "%s: cannot connect to the throwaway PostgreSQL server: %s", path, text);
		mg_pq.PQfinish(conn);
		return NULL;
	}
	return conn;
}

static int run_admin(PGconn *conn, const char *sql, const char *path, mg_error *err)
{
	PGresult *res = mg_pq.PQexec(conn, sql);
	int ok = mg_pq.PQresultStatus(res) == PGRES_COMMAND_OK;
	if (!ok)
		mg_error_set(err, "%s: cannot prepare the throwaway PostgreSQL server: %s", path,
			     mg_pq.PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY));
	mg_pq.PQclear(res);
	return ok ? 0 : -1;
}

/* The database a \connect names: its first argument, unquoted; NULL when
 * it names none (psql then stays). */
static char *connect_target(const mg_pg_statement *st)
{
	size_t i = strcspn(st->text, " \t") < st->len ? strcspn(st->text, " \t") : st->len;
	while (i < st->len && (st->text[i] == ' ' || st->text[i] == '\t'))
		i++;
	if (i >= st->len)
		return NULL;
	char *name = malloc(st->len - i + 1), *o = name;
	if (!name)
		return NULL;
	bool quoted = st->text[i] == '"';
	for (i += quoted; i < st->len; i++) {
		char c = st->text[i];
		if (quoted && c == '"' && i + 1 < st->len && st->text[i + 1] == '"')
			*o++ = st->text[++i];
		else if (quoted ? c == '"' : (c == ' ' || c == '\t' || c == '\r' || c == ';'))
			break;
		else
			*o++ = c;
	}
	*o = '\0';
	return name;
}

static bool meta_is(const mg_pg_statement *st, const char *command)
{
	size_t n = strlen(command);
	return st->len >= n && memcmp(st->text, command, n) == 0 &&
	       (st->len == n || st->text[n] == ' ' || st->text[n] == '\t' || st->text[n] == '\r');
}

/* psql settings that change nothing a schema holds. */
static const char *const ignored_meta[] = {"\\set", "\\unset", "\\encoding", "\\pset", "\\echo",
					   "\\timing", "\\restrict", "\\unrestrict", "\\qecho"};

typedef struct loading {
	const mg_pg_throwaway *server;
	const char *path;
	PGconn *conn;
	char *database; /* the one connected to */
	mg_error *err;
	/* Where each object was declared: "<kind><name>" -> mg_location, in `arena`;
	 * the last declaration wins (a script may drop and re-create). */
	mg_name_index *declared;
	mg_arena *arena;
	const char *file; /* the graph's name of the script, for the locations */
	bool failed;      /* out of memory while recording them */
} loading;

static void record_declaration(void *payload, char kind, const char *name, unsigned line, unsigned column)
{
	loading *l = payload;
	char *key = mg_arena_printf(l->arena, "%c%s", kind, name);
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

static int run_meta(loading *l, const mg_pg_statement *st)
{
	if (meta_is(st, "\\c") || meta_is(st, "\\connect")) {
		char *target = connect_target(st);
		if (!target)
			return 0;
		PGconn *conn = connect_to(l->server, target, LOADER_ROLE, l->path, l->err);
		if (!conn) {
			char message[sizeof(l->err->message)];
			snprintf(message, sizeof(message), "%s", l->err->message + strlen(l->path) + 2);
			mg_error_set(l->err, "%s:%u:%u: %s", l->path, st->line, st->column, message);
			free(target);
			return -1;
		}
		mg_pq.PQfinish(l->conn);
		l->conn = conn;
		free(l->database);
		l->database = target;
		return 0;
	}
	for (size_t i = 0; i < sizeof(ignored_meta) / sizeof(ignored_meta[0]); i++)
		if (meta_is(st, ignored_meta[i]))
			return 0;
	size_t n = strcspn(st->text, " \t\r");
	mg_error_set(l->err, "%s:%u:%u: psql command %.*s is refused: only SQL statements and \\connect are run",
		     l->path, st->line, st->column, (int)(n < st->len ? n : st->len), st->text);
	return -1;
}

static int run_script(loading *l, const char *text, size_t len)
{
	mg_pg_script script;
	mg_pg_statement st;
	char *sql = NULL;
	size_t cap = 0;
	int result = -1;
	mg_pg_script_init(&script, text, len);
	while (mg_pg_script_next(&script, &st)) {
		if (st.kind == MG_PG_META) {
			if (run_meta(l, &st) < 0)
				goto cleanup;
			continue;
		}
		if (is_data_statement(&st))
			continue;
		if (st.len + 1 > cap) {
			char *bigger = realloc(sql, st.len + 1);
			if (!bigger) {
				mg_error_set(l->err, "%s: out of memory", l->path);
				goto cleanup;
			}
			sql = bigger;
			cap = st.len + 1;
		}
		memcpy(sql, st.text, st.len);
		sql[st.len] = '\0';
		PGresult *res = mg_pq.PQexec(l->conn, sql);
		ExecStatusType status = mg_pq.PQresultStatus(res);
		if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
			statement_error(l->err, l->path, &st, res, l->conn);
			mg_pq.PQclear(res);
			goto cleanup;
		}
		mg_pq.PQclear(res);
		mg_pg_statement_names(&st, record_declaration, l);
		if (l->failed) {
			mg_error_set(l->err, "%s: out of memory", l->path);
			goto cleanup;
		}
	}
	result = 0;
cleanup:
	free(sql);
	return result;
}

int mg_read_sql_postgres(mg_graph *graph, const char *path, const mg_postgres_options *options,
			 mg_error *err)
{
	mg_pg_throwaway server = {.base = {.watcher_fd = -1}};
	loading l = {.server = &server, .path = path, .err = err};
	PGconn *admin = NULL;
	size_t len = 0;
	int result = -1;
	if (mg_pq_load(path, err) < 0)
		return -1;
	char *text = mg_input_read_all(path, &len, err);
	if (!text)
		return -1;
	/* Names are compared as PostgreSQL keeps them: exactly. */
	if (!(l.declared = mg_name_index_new(false)) || !(l.arena = mg_arena_new())) {
		mg_error_set(err, "%s: out of memory", path);
		goto cleanup;
	}
	if (mg_pg_throwaway_start(&server, path, err) < 0)
		goto cleanup;
	/* In template1, so that every database the script makes has it too: the
	 * loader owns plpgsql, which dumps re-create (CREATE OR REPLACE LANGUAGE). */
	if (!(admin = connect_to(&server, "template1", MG_PG_THROWAWAY_SUPERUSER, path, err)) ||
	    run_admin(admin, "CREATE ROLE " LOADER_ROLE " LOGIN CREATEDB", path, err) < 0 ||
	    run_admin(admin, "ALTER ROLE " LOADER_ROLE " SET statement_timeout = '" STATEMENT_TIMEOUT "'", path, err) < 0 ||
	    run_admin(admin, "ALTER LANGUAGE plpgsql OWNER TO " LOADER_ROLE, path, err) < 0)
		goto cleanup;
	mg_pq.PQfinish(admin);
	if (!(admin = connect_to(&server, "postgres", MG_PG_THROWAWAY_SUPERUSER, path, err)) ||
	    run_admin(admin, "CREATE DATABASE " SCRIPT_DATABASE " OWNER " LOADER_ROLE, path, err) < 0)
		goto cleanup;
	if (!(l.database = malloc(sizeof(SCRIPT_DATABASE)))) {
		mg_error_set(err, "%s: out of memory", path);
		goto cleanup;
	}
	memcpy(l.database, SCRIPT_DATABASE, sizeof(SCRIPT_DATABASE));
	if (!(l.conn = connect_to(&server, l.database, LOADER_ROLE, path, err)) || run_script(&l, text, len) < 0)
		goto cleanup;
	/* Read as the superuser: the catalog is the same, and nothing the
	 * script set for its own sessions applies. */
	mg_pq.PQfinish(admin);
	if (!(admin = connect_to(&server, l.database, MG_PG_THROWAWAY_SUPERUSER, path, err)))
		goto cleanup;
	size_t source = mg_graph_add_source(graph, path, MG_SOURCE_SQL);
	if (source == (size_t)-1) {
		mg_error_set(err, "%s: out of memory", path);
		goto cleanup;
	}
	l.file = graph->sources[source].name;
	mg_pg_locator locator = {.locate = locate_declaration, .payload = &l};
	result = mg_postgres_schema_load(graph, admin, graph->sources[source].name, options, &locator, err);
cleanup:
	mg_pq.PQfinish(l.conn);
	mg_pq.PQfinish(admin);
	free(l.database);
	mg_pg_throwaway_stop(&server);
	mg_name_index_free(l.declared);
	mg_arena_free(l.arena);
	free(text);
	return result;
}
