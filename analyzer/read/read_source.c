#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/read/input_file.h"
#include "analyzer/read/my_script.h"
#include "analyzer/read/pg_script.h"
#include "analyzer/read/readers.h"
#include "analyzer/read/server_url.h"
#include "util/text.h"

/*
 * Picks the reader for a source named on the command line: an explicit
 * prefix first (`sqlite:app.db`), then a URL scheme, then the extension,
 * then the first bytes of the file.
 */

typedef int (*reader_fn)(mg_graph *graph, const char *path, const mg_read_options *options,
			 mg_error *err);

/*
 * A source that defines no tables is refused, whatever its kind: most often
 * it is the wrong file or database. The SQLite, SQL and C readers say so
 * themselves (mg_read_c counts the tables a header declares, also those an
 * earlier input already read); the others are checked here after reading:
 * -1 with `err` set when the read added no table.
 */
static int check_defines_tables(const mg_graph *graph, size_t tables_before, const char *why, mg_error *err)
{
	if (graph->ntables > tables_before)
		return 0;
	/* The source as the reader named it (a server URL without its password). */
	const char *name = graph->nsources ? graph->sources[graph->nsources - 1].name : "the source";
	mg_error_set(err, "%s: defines no tables: %s", name, why);
	return -1;
}

static int read_sqlite(mg_graph *graph, const char *path, const mg_read_options *options,
		       mg_error *err)
{
	(void)options;
	return mg_read_sqlite(graph, path, err);
}

/* SQL in SQLite's dialect, PostgreSQL's or MySQL's: as --dialect says, or
 * as the script reads. */
static int read_sql(mg_graph *graph, const char *path, const mg_read_options *options, mg_error *err)
{
	const char *dialect = options ? options->dialect : NULL;
	if (!dialect) {
		size_t len = 0;
		char *text = mg_input_read_all(path, &len, err);
		if (!text)
			return -1;
		dialect = mg_my_script_looks_mysql(text, len)		? "mysql"
			  : mg_pg_script_looks_postgresql(text, len) ? "postgresql"
								     : "sqlite";
		free(text);
	}
	size_t before = graph->ntables;
	if (strcmp(dialect, "postgresql") == 0) {
		if (mg_read_sql_postgres(graph, path, options ? &options->postgres : NULL, err) < 0)
			return -1;
		return check_defines_tables(graph, before, "the script creates no tables or views", err);
	}
	if (strcmp(dialect, "mysql") == 0) {
		if (mg_read_sql_mysql(graph, path, err) < 0)
			return -1;
		return check_defines_tables(graph, before, "the script creates no tables or views in the "
					    "database it uses last", err);
	}
	return mg_read_sql(graph, path, err);
}

static int read_c(mg_graph *graph, const char *path, const mg_read_options *options, mg_error *err)
{
	return mg_read_c(graph, path, options ? &options->c : NULL, err);
}

static int read_json(mg_graph *graph, const char *path, const mg_read_options *options, mg_error *err)
{
	(void)options;
	size_t before = graph->ntables;
	if (mg_read_json(graph, path, err) < 0)
		return -1;
	return check_defines_tables(graph, before, "its \"tables\" is empty", err);
}

static int read_postgres(mg_graph *graph, const char *url, const mg_read_options *options,
			 mg_error *err)
{
	size_t before = graph->ntables;
	if (mg_read_postgres(graph, url, options ? &options->postgres : NULL, err) < 0)
		return -1;
	return check_defines_tables(graph, before,
				    options && options->postgres.nschemas
					? "the schemas read have no tables or views; check the URL and --schema"
					: "the database has no tables or views; check the URL",
				    err);
}

#ifndef MG_WITH_POSTGRES
/* Built without libpq (MG_WITH_POSTGRES off): the URL is still recognised. */
int mg_read_postgres(mg_graph *graph, const char *url, const mg_postgres_options *options,
		     mg_error *err)
{
	(void)graph;
	(void)options;
	size_t size = strlen(url) + 2; /* the redacted URL is never longer, "@" aside */
	char *shown = malloc(size);
	mg_error_set(err, "%s: this build of modelgraph cannot read PostgreSQL (built without libpq)",
		     shown ? mg_server_url_redact(shown, size, url) : "the database server");
	free(shown);
	return -1;
}

int mg_read_sql_postgres(mg_graph *graph, const char *path, const mg_postgres_options *options,
			 mg_error *err)
{
	(void)graph;
	(void)options;
	mg_error_set(err, "%s: a PostgreSQL-dialect script; this build of modelgraph cannot load one "
		     "(built without libpq)", path);
	return -1;
}
#endif

#ifndef MG_WITH_MYSQL
/* Built without the MariaDB client library (MG_WITH_MYSQL off). */
int mg_read_sql_mysql(mg_graph *graph, const char *path, mg_error *err)
{
	(void)graph;
	mg_error_set(err, "%s: a MySQL-dialect script; this build of modelgraph cannot load one "
		     "(built without the MariaDB client library)", path);
	return -1;
}
#endif

static int read_server_unavailable(mg_graph *graph, const char *url, const mg_read_options *options,
				   mg_error *err)
{
	(void)graph;
	(void)options;
	size_t size = strlen(url) + 2; /* the redacted URL is never longer, "@" aside */
	char *shown = malloc(size);
	mg_error_set(err, "%s: database servers are not supported by this build",
		     shown ? mg_server_url_redact(shown, size, url) : "the database server");
	free(shown);
	return -1;
}

/* mysql:// and mariadb:// (read_mysql.c), when built with the MariaDB client library. */
static int read_mysql(mg_graph *graph, const char *url, const mg_read_options *options, mg_error *err)
{
#ifdef MG_WITH_MYSQL
	(void)options;
	(void)read_server_unavailable; /* for builds without the library */
	size_t before = graph->ntables;
	if (mg_read_mysql(graph, url, err) < 0)
		return -1;
	return check_defines_tables(graph, before, "the database has no tables or views; check the URL", err);
#else
	return read_server_unavailable(graph, url, options, err);
#endif
}

typedef struct reader_row {
	const char *name;       /* prefix that forces it: "sqlite" in "sqlite:app.db" */
	const char *extensions; /* space-separated, with the dot */
	reader_fn read;
} reader_row;

static const reader_row readers[] = {
	{.name = "sqlite", .extensions = ".db .sqlite .sqlite3 .db3", .read = read_sqlite},
	{.name = "sql", .extensions = ".sql .ddl", .read = read_sql},
	{.name = "c", .extensions = ".h .c", .read = read_c},
	{.name = "json", .extensions = ".json", .read = read_json},
};

static const struct {
	const char *scheme;
	reader_fn read;
} server_schemes[] = {
	{"postgresql://", read_postgres},
	{"postgres://", read_postgres},
	{"mysql://", read_mysql},
	{"mariadb://", read_mysql},
};

static bool has_extension(const char *path, const char *extensions)
{
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (!dot || (slash && dot < slash))
		return false;
	size_t n = strlen(dot);
	for (const char *e = extensions; *e;) {
		size_t len = strcspn(e, " ");
		if (len == n && mg_ascii_ncasecmp(e, dot, n) == 0)
			return true;
		e += len;
		e += *e == ' ';
	}
	return false;
}

/* SQLite files start with this 16-byte header. */
static bool looks_like_sqlite(const char *path)
{
	char header[16] = {0};
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	size_t n = fread(header, 1, sizeof(header), f);
	fclose(f);
	return n == sizeof(header) && memcmp(header, "SQLite format 3", 16) == 0;
}

int mg_read_source(mg_graph *graph, const char *source, mg_error *err)
{
	return mg_read_source_with(graph, source, NULL, err);
}

int mg_read_source_with(mg_graph *graph, const char *source, const mg_read_options *options,
			mg_error *err)
{
	for (size_t i = 0; i < sizeof(server_schemes) / sizeof(server_schemes[0]); i++)
		if (strncmp(source, server_schemes[i].scheme, strlen(server_schemes[i].scheme)) == 0)
			return server_schemes[i].read(graph, source, options, err);
	for (size_t i = 0; i < sizeof(readers) / sizeof(readers[0]); i++) {
		size_t n = strlen(readers[i].name);
		if (strncmp(source, readers[i].name, n) == 0 && source[n] == ':' && source[n + 1])
			return readers[i].read(graph, source + n + 1, options, err);
	}
	for (size_t i = 0; i < sizeof(readers) / sizeof(readers[0]); i++)
		if (has_extension(source, readers[i].extensions))
			return readers[i].read(graph, source, options, err);
	if (mg_input_check_file(source, err) < 0)
		return -1;
	if (looks_like_sqlite(source))
		return mg_read_sqlite(graph, source, err);
	mg_error_set(err,
		     "%s: unknown kind of source; name a .db, .sql, .h or .c file, or force a reader"
		     " with a sqlite:, sql:, c: or json: prefix",
		     source);
	return -1;
}
