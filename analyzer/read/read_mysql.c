#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/core/sql_type.h"
#include "analyzer/read/libmariadb_api.h"
#include "analyzer/read/mysql_schema.h"
#include "analyzer/read/readers.h"
#include "analyzer/read/server_url.h"
#include "util/text.h"

/*
 * Reads a MariaDB or MySQL database named by mysql://user:password@host:port/database
 * (or mariadb://), through the MariaDB client library. "localhost" or no
 * host means the Unix socket, ?socket=PATH names it. What the URL leaves
 * out comes from the [client] group of the option files (~/.my.cnf) and
 * MYSQL_PWD. The schema is read from information_schema in three set-based
 * statements over the whole database, inside one read-only transaction
 * with a consistent snapshot. Messages never show the password.
 */

static const char columns_sql[] =
	"SELECT t.TABLE_NAME, t.TABLE_TYPE, t.TABLE_COMMENT, c.COLUMN_NAME, c.COLUMN_TYPE,"
	" c.IS_NULLABLE, c.COLUMN_DEFAULT, c.EXTRA, c.COLUMN_COMMENT"
	" FROM information_schema.TABLES AS t"
	" LEFT JOIN information_schema.COLUMNS AS c"
	"  ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME"
	" WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE IN ('BASE TABLE', 'VIEW', 'SYSTEM VERSIONED')"
	" ORDER BY t.TABLE_NAME, c.ORDINAL_POSITION";

static const char indexes_sql[] =
	"SELECT s.TABLE_NAME, s.INDEX_NAME, s.NON_UNIQUE, s.COLUMN_NAME"
	" FROM information_schema.STATISTICS AS s"
	" WHERE s.TABLE_SCHEMA = DATABASE()"
	" ORDER BY s.TABLE_NAME, s.INDEX_NAME, s.SEQ_IN_INDEX";

/* REFERENTIAL_CONSTRAINTS (the actions) shows a user with only SELECT
 * nothing, where KEY_COLUMN_USAGE shows the keys: the actions are joined
 * when they can be seen. */
static const char foreign_keys_sql[] =
	"SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA,"
	" k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE"
	" FROM information_schema.KEY_COLUMN_USAGE AS k"
	" LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS AS r"
	"  ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME"
	"  AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
	" WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL"
	" ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION";

/* The parts of a mysql:// URL, percent-decoded; NULL when absent. */
typedef struct mysql_url {
	char *user, *password, *host, *socket, *database;
	unsigned port;
	char *buffer; /* owns the strings */
} mysql_url;

static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Copies n bytes at s into *out (advanced), percent-decoded; returns the copy. */
static char *decode(char **out, const char *s, size_t n)
{
	char *start = *out, *o = *out;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
			*o++ = (char)(hex(s[i + 1]) * 16 + hex(s[i + 2]));
			i += 2;
		} else {
			*o++ = s[i];
		}
	}
	*o++ = '\0';
	*out = o;
	return start;
}

static int parse_url(const char *url, mysql_url *out)
{
	*out = (mysql_url){0};
	const char *p = strstr(url, "://");
	if (!p)
		return -1;
	p += 3;
	if (!(out->buffer = malloc(strlen(url) * 2 + 8)))
		return -1;
	char *o = out->buffer;
	size_t authority_len = strcspn(p, "/?#");
	const char *at = NULL;
	for (const char *q = p; q < p + authority_len; q++)
		if (*q == '@')
			at = q;
	const char *host = p;
	if (at) {
		size_t user_len = strcspn(p, ":@");
		if (user_len > 0)
			out->user = decode(&o, p, user_len);
		if (p[user_len] == ':')
			out->password = decode(&o, p + user_len + 1, (size_t)(at - p - (ptrdiff_t)user_len - 1));
		host = at + 1;
	}
	const char *end = p + authority_len;
	const char *colon = memchr(host, ':', (size_t)(end - host));
	size_t host_len = colon ? (size_t)(colon - host) : (size_t)(end - host);
	if (host_len > 0)
		out->host = decode(&o, host, host_len);
	if (colon)
		out->port = (unsigned)strtoul(colon + 1, NULL, 10);
	const char *rest = end;
	if (*rest == '/') {
		rest++;
		size_t db_len = strcspn(rest, "?#");
		if (db_len > 0)
			out->database = decode(&o, rest, db_len);
		rest += db_len;
	}
	if (*rest == '?') {
		for (const char *q = rest + 1; *q && *q != '#';) {
			size_t n = strcspn(q, "&#");
			if (strncmp(q, "socket=", 7) == 0)
				out->socket = decode(&o, q + 7, n - 7);
			else if (strncmp(q, "password=", 9) == 0)
				out->password = decode(&o, q + 9, n - 9);
			q += n;
			q += *q == '&';
		}
	}
	return 0;
}

typedef struct loader {
	mg_graph *graph;
	MYSQL *db;
	const char *input;
	mg_error *err;
	const char *password;
	const mg_my_locator *locator; /* NULL: every object at the input */
} loader;

/* Where the locator places an object; `fallback` when it does not. */
static mg_location locate(const loader *l, char kind, const char *name, mg_location fallback)
{
	mg_location loc = {0};
	if (l->locator)
		loc = l->locator->locate(l->locator->payload, kind, name);
	return loc.line ? loc : fallback;
}

static void server_error(loader *l, const char *what)
{
	char message[600];
	snprintf(message, sizeof(message), "%s", mg_mariadb.mysql_error(l->db));
	mg_server_scrub(message, l->password);
	mg_server_scrub(message, getenv("MYSQL_PWD"));
	mg_error_set(l->err, "%s: %s: %s", l->input, what, message);
}

static MYSQL_RES *query(loader *l, const char *sql)
{
	MYSQL_RES *res = NULL;
	if (mg_mariadb.mysql_query(l->db, sql) != 0 || !(res = mg_mariadb.mysql_store_result(l->db))) {
		server_error(l, "cannot read information_schema");
		return NULL;
	}
	return res;
}

static int out_of_memory(loader *l)
{
	mg_error_set(l->err, "%s: out of memory while reading the schema", l->input);
	return -1;
}

/*
 * COLUMN_TYPE's spelling where it differs from what sql_type.c normalises:
 * an integer's display width says nothing of its range (int(11) is INT).
 * NULL when the spelling needs nothing.
 */
static const char *normalizable_type(char *buf, size_t size, const char *type)
{
	/* int is INTEGER: "int unsigned" is no name sql_type.c knows. */
	static const struct {
		const char *prefix, *name;
	} integers[] = {
		{"tinyint(", "tinyint"}, {"smallint(", "smallint"}, {"mediumint(", "mediumint"},
		{"int(", "integer"},     {"bigint(", "bigint"},     {"int ", "integer"},
	};
	for (size_t i = 0; i < sizeof(integers) / sizeof(integers[0]); i++) {
		size_t n = strlen(integers[i].prefix);
		if (strncmp(type, integers[i].prefix, n) != 0)
			continue;
		const char *rest = type[n - 1] == '(' ? strchr(type + n, ')') : type + n - 2;
		if (!rest)
			return NULL;
		snprintf(buf, size, "%s%s", integers[i].name, rest + 1);
		return buf;
	}
	return NULL;
}

static int load_columns(loader *l)
{
	MYSQL_RES *res = query(l, columns_sql);
	if (!res)
		return -1;
	mg_arena *arena = l->graph->arena;
	mg_table *table = NULL;
	int result = -1;
	for (MYSQL_ROW row; (row = mg_mariadb.mysql_fetch_row(res));) {
		if (!table || strcmp(table->name, row[0]) != 0) {
			bool view = strcmp(row[1], "VIEW") == 0;
			if (!(table = mg_graph_add_table(l->graph, row[0], view ? MG_TABLE_VIEW : MG_TABLE_PLAIN)))
				goto oom;
			table->location = locate(l, 't', row[0], (mg_location){.file = l->input});
			if (row[2] && *row[2] && !view && !(table->comment = mg_arena_strdup(arena, row[2])))
				goto oom;
		}
		if (!row[3])
			continue;
		mg_column *column = mg_table_add_column(table, row[3], row[4]);
		if (!column)
			goto oom;
		char buf[128];
		const char *spelling = normalizable_type(buf, sizeof(buf), row[4]);
		if (spelling) {
			if (!(column->sql_type = mg_sql_type_normalize(arena, spelling)))
				goto oom;
			column->family = mg_sql_type_family(column->sql_type);
		}
		column->nullable = strcmp(row[5], "YES") == 0;
		if (row[6] && strcmp(row[6], "NULL") != 0 && !(column->default_value = mg_arena_strdup(arena, row[6])))
			goto oom;
		column->autoincrement = row[7] && strstr(row[7], "auto_increment") != NULL;
		if (row[8] && *row[8] && !(column->comment = mg_arena_strdup(arena, row[8])))
			goto oom;
	}
	result = 0;
	goto cleanup;
oom:
	result = out_of_memory(l);
cleanup:
	mg_mariadb.mysql_free_result(res);
	return result;
}

static int finish_index(loader *l, mg_index *index)
{
	if (!index)
		return 0;
	mg_table *table = index->table;
	if (index->origin == MG_INDEX_PRIMARY_KEY) {
		for (size_t i = 0; i < index->ncolumns; i++)
			if (index->columns[i] && mg_table_add_primary_key_column(table, index->columns[i]) < 0)
				return out_of_memory(l);
		return 0;
	}
	if (!index->unique)
		return 0;
	if (index->ncolumns == 1 && index->columns[0])
		index->columns[0]->unique = true;
	/* A unique key is MySQL's UNIQUE constraint, however it was written. */
	mg_unique *unique = mg_table_add_unique(table, index->name);
	if (!unique)
		return out_of_memory(l);
	for (size_t i = 0; i < index->ncolumns; i++)
		if (index->columns[i] && mg_unique_add_column(table, unique, index->columns[i]) < 0)
			return out_of_memory(l);
	return 0;
}

static int load_indexes(loader *l)
{
	MYSQL_RES *res = query(l, indexes_sql);
	if (!res)
		return -1;
	mg_table *table = NULL;
	mg_index *index = NULL;
	int result = -1;
	for (MYSQL_ROW row; (row = mg_mariadb.mysql_fetch_row(res));) {
		if (!index || strcmp(index->table->name, row[0]) != 0 || strcmp(index->name, row[1]) != 0) {
			if (finish_index(l, index) < 0)
				goto cleanup;
			index = NULL;
			if (!table || strcmp(table->name, row[0]) != 0)
				table = mg_graph_find_table(l->graph, row[0]);
			if (!table)
				continue;
			bool primary = strcmp(row[1], "PRIMARY") == 0;
			bool unique = strcmp(row[2], "0") == 0;
			if (!(index = mg_table_add_index(table, row[1], unique,
							 primary ? MG_INDEX_PRIMARY_KEY
							 : unique ? MG_INDEX_UNIQUE
								  : MG_INDEX_CREATED)))
				goto oom;
			index->location = locate(l, 'i', row[1], index->location);
		}
		/* NULL: an expression (MySQL 8's functional key parts). */
		if (mg_index_add_column(index, row[3] ? mg_table_find_column(table, row[3]) : NULL) < 0)
			goto oom;
	}
	if (finish_index(l, index) < 0)
		goto cleanup;
	result = 0;
	goto cleanup;
oom:
	result = out_of_memory(l);
cleanup:
	mg_mariadb.mysql_free_result(res);
	return result;
}

static mg_fk_action action(const char *rule)
{
	/* InnoDB's default, reported as RESTRICT when nothing was written (and
	 * NO ACTION means the same there): left unsaid, as the SQLite reader
	 * leaves NO ACTION. NULL: information_schema did not say (below). */
	mg_fk_action a = rule ? mg_fk_action_parse(rule) : MG_ACTION_NONE;
	return a == MG_ACTION_NO_ACTION || a == MG_ACTION_RESTRICT ? MG_ACTION_NONE : a;
}

static int load_foreign_keys(loader *l, const char *database)
{
	MYSQL_RES *res = query(l, foreign_keys_sql);
	if (!res)
		return -1;
	mg_table *table = NULL;
	mg_foreign_key *fk = NULL;
	int result = -1;
	for (MYSQL_ROW row; (row = mg_mariadb.mysql_fetch_row(res));) {
		if (!fk || strcmp(fk->child->name, row[0]) != 0 || strcmp(fk->name, row[1]) != 0) {
			fk = NULL;
			if (!table || strcmp(table->name, row[0]) != 0)
				table = mg_graph_find_table(l->graph, row[0]);
			if (!table)
				continue;
			/* A parent in another database is named database.table. */
			char *parent = strcmp(row[3], database) == 0
					       ? mg_arena_strdup(l->graph->arena, row[4])
					       : mg_arena_printf(l->graph->arena, "%s.%s", row[3], row[4]);
			if (!parent || !(fk = mg_table_add_foreign_key(table, row[1], parent)))
				goto oom;
			fk->on_update = action(row[6]);
			fk->on_delete = action(row[7]);
		}
		mg_column *child = mg_table_find_column(table, row[2]);
		if (!child) {
			mg_error_set(l->err, "%s: foreign key \"%s\" of table \"%s\" names unknown column \"%s\"",
				     l->input, row[1], row[0], row[2]);
			goto cleanup;
		}
		if (mg_foreign_key_add_column(fk, child, row[5]) < 0)
			goto oom;
	}
	result = 0;
	goto cleanup;
oom:
	result = out_of_memory(l);
cleanup:
	mg_mariadb.mysql_free_result(res);
	return result;
}

int mg_mysql_schema_load(mg_graph *graph, MYSQL *db, const char *input, const char *database,
			 const char *password, const mg_my_locator *locator, mg_error *err)
{
	loader l = {.graph = graph, .db = db, .input = input, .err = err, .password = password,
		    .locator = locator};
	if (mg_mariadb.mysql_query(db, "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY") != 0) {
		server_error(&l, "cannot start a read-only transaction");
		return -1;
	}
	if (load_columns(&l) < 0 || load_indexes(&l) < 0 || load_foreign_keys(&l, database) < 0)
		return -1;
	if (mg_mariadb.mysql_query(db, "COMMIT") != 0) {
		server_error(&l, "cannot end the read-only transaction");
		return -1;
	}
	return 0;
}

int mg_read_mysql(mg_graph *graph, const char *url, mg_error *err)
{
	char shown[512], message[600];
	mysql_url parts;
	MYSQL *db = NULL;
	int result = -1;
	mg_server_url_redact(shown, sizeof(shown), url);
	if (parse_url(url, &parts) < 0) {
		mg_error_set(err, "%s: not a mysql:// URL", shown);
		return -1;
	}
	if (!parts.database) {
		mg_error_set(err, "%s: the URL names no database: mysql://USER@HOST/DATABASE", shown);
		goto cleanup;
	}
	if (mg_mariadb_load(shown, err) < 0)
		goto cleanup;
	if (!(db = mg_mariadb.mysql_init(NULL))) {
		mg_error_set(err, "%s: out of memory", shown);
		goto cleanup;
	}
	mg_mariadb.mysql_optionsv(db, MYSQL_READ_DEFAULT_GROUP, "client");
	mg_mariadb.mysql_optionsv(db, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	unsigned timeout = 10;
	mg_mariadb.mysql_optionsv(db, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	const char *host = parts.host && strcmp(parts.host, "localhost") != 0 ? parts.host : NULL;
	const char *password = parts.password ? parts.password : getenv("MYSQL_PWD");
	if (!mg_mariadb.mysql_real_connect(db, host, parts.user, password, parts.database, parts.port,
					   parts.socket, 0)) {
		snprintf(message, sizeof(message), "%s", mg_mariadb.mysql_error(db));
		mg_server_scrub_url_secrets(message, url);
		mg_server_scrub(message, parts.password);
		mg_server_scrub(message, getenv("MYSQL_PWD"));
		mg_error_set(err, "%s: cannot connect: %s", shown, message);
		goto cleanup;
	}
	size_t source = mg_graph_add_source(graph, shown, MG_SOURCE_MYSQL);
	if (source == (size_t)-1) {
		mg_error_set(err, "%s: out of memory", shown);
		goto cleanup;
	}
	result = mg_mysql_schema_load(graph, db, graph->sources[source].name, parts.database, parts.password,
				      NULL, err);
cleanup:
	if (db)
		mg_mariadb.mysql_close(db);
	free(parts.buffer);
	return result;
}
