#include "analyzer/read/postgres_schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/core/sql_type.h"
#include "util/buf.h"

/*
 * The catalog is read in four statements, each over every chosen schema at
 * once (never one per table, never information_schema, which is two orders
 * of magnitude slower on large schemas): the schemas, then tables with
 * their columns, indexes with their columns, foreign keys with their
 * columns. Rows come ordered by the table's oid, so each table's rows are
 * together and a table is found again by binary search.
 *
 * Every name is schema-qualified with pg_catalog and the transaction's
 * search_path is "pg_catalog, public", so neither a user's function named
 * like a catalog function nor the user's search_path changes what is read:
 * types and sequences of "public" print bare, others qualified.
 */

static const char begin_sql[] =
	"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;"
	" SET LOCAL search_path = pg_catalog, public";

/* $1: the schemas asked for, or NULL for every schema but the system's
 * (pg_catalog, information_schema, pg_toast and the temporary ones). */
static const char namespaces_sql[] =
	"SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace AS n"
	" WHERE CASE WHEN $1::pg_catalog.text[] IS NULL"
	" THEN n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'"
	" ELSE n.nspname = ANY ($1::pg_catalog.text[]) END"
	" ORDER BY n.nspname";

/* Tables ('r'), partitioned tables ('p': their partitions are left out),
 * views ('v'), materialized views ('m') and foreign tables ('f'), with
 * their comments, columns, defaults and column comments. */
static const char columns_sql[] =
	"SELECT c.oid, n.nspname, c.relname, c.relkind, td.description,"
	" a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,"
	" pg_catalog.pg_get_expr(d.adbin, d.adrelid), cd.description, a.attidentity"
	" FROM pg_catalog.pg_class AS c"
	" JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace"
	" LEFT JOIN pg_catalog.pg_description AS td ON td.objoid = c.oid"
	"  AND td.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND td.objsubid = 0"
	" LEFT JOIN pg_catalog.pg_attribute AS a ON a.attrelid = c.oid AND a.attnum > 0"
	"  AND NOT a.attisdropped"
	" LEFT JOIN pg_catalog.pg_attrdef AS d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
	" LEFT JOIN pg_catalog.pg_description AS cd ON cd.objoid = a.attrelid"
	"  AND cd.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND cd.objsubid = a.attnum"
	" WHERE c.relnamespace = ANY ($1::pg_catalog.oid[])"
	" AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition"
	" ORDER BY c.oid, a.attnum";

/* One row per key column (attnum 0: an expression); INCLUDE columns are
 * not keys. The constraint, when there is one, says why the index exists. */
static const char indexes_sql[] =
	"SELECT i.indrelid, ic.relname, i.indisunique, i.indisprimary, i.indpred IS NOT NULL,"
	" con.contype, con.conname, k.attnum"
	" FROM pg_catalog.pg_index AS i"
	" JOIN pg_catalog.pg_class AS ic ON ic.oid = i.indexrelid"
	" LEFT JOIN pg_catalog.pg_constraint AS con ON con.conindid = i.indexrelid"
	"  AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')"
	" CROSS JOIN LATERAL pg_catalog.unnest(i.indkey::pg_catalog.int2[])"
	"  WITH ORDINALITY AS k(attnum, ord)"
	" WHERE ic.relnamespace = ANY ($1::pg_catalog.oid[]) AND NOT ic.relispartition"
	" AND k.ord <= i.indnkeyatts"
	" ORDER BY i.indrelid, ic.relname, k.ord";

/* One row per column pair. A foreign key to a partitioned table has a
 * copy per partition (conparentid set): only the original is read. */
static const char foreign_keys_sql[] =
	"SELECT con.conrelid, con.conname, con.confupdtype, con.confdeltype, con.condeferrable,"
	" con.condeferred, fn.nspname, fc.relname, k.child, pa.attname"
	" FROM pg_catalog.pg_constraint AS con"
	" JOIN pg_catalog.pg_class AS fc ON fc.oid = con.confrelid"
	" JOIN pg_catalog.pg_namespace AS fn ON fn.oid = fc.relnamespace"
	" CROSS JOIN LATERAL ROWS FROM (pg_catalog.unnest(con.conkey), pg_catalog.unnest(con.confkey))"
	"  WITH ORDINALITY AS k(child, parent, ord)"
	" JOIN pg_catalog.pg_attribute AS pa ON pa.attrelid = con.confrelid AND pa.attnum = k.parent"
	" WHERE con.contype = 'f' AND con.connamespace = ANY ($1::pg_catalog.oid[])"
	" AND con.conparentid = 0"
	" ORDER BY con.conrelid, con.conname, k.ord";

/* A table read, with the attribute number of each of its columns (in
 * column order, ascending: dropped columns leave gaps). */
typedef struct relation {
	unsigned long oid;
	mg_table *table;
	size_t first_attnum; /* into loader.attnums; table->ncolumns of them */
} relation;

typedef struct loader {
	mg_graph *graph;
	PGconn *conn;
	const char *input;
	const mg_pg_locator *locator;
	mg_error *err;
	char *namespaces;    /* the chosen schemas' oids as an array literal: "{2200,16384}" */
	relation *relations; /* ascending oid; malloc'd, like attnums */
	size_t nrelations, relations_cap;
	int *attnums;
	size_t nattnums, attnums_cap;
} loader;

/* Where the locator places an object; `fallback` when it does not. */
static mg_location locate(const loader *l, char kind, const char *name, mg_location fallback)
{
	mg_location loc = {0};
	if (l->locator && name)
		loc = l->locator->locate(l->locator->payload, kind, name);
	return loc.file ? loc : fallback;
}

static int out_of_memory(loader *l)
{
	mg_error_set(l->err, "%s: out of memory while reading the catalog", l->input);
	return -1;
}

/* libpq's message on one line, without its trailing newline. */
static void set_server_error(loader *l, const char *what, const char *message)
{
	char text[768];
	snprintf(text, sizeof(text), "%s", message ? message : "");
	size_t n = strlen(text);
	while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' '))
		text[--n] = '\0';
	mg_error_set(l->err, "%s: %s: %s", l->input, what, text);
}

/* The server's one-line message (without its position and hints), or
 * libpq's when the server sent none. */
static const char *server_message(loader *l, const PGresult *res)
{
	const char *primary = res ? mg_pq.PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	return primary ? primary : mg_pq.PQerrorMessage(l->conn);
}

/* Runs a query of one parameter (NULL: SQL's NULL). */
static PGresult *run(loader *l, const char *sql, const char *param)
{
	const char *params[1] = {param};
	PGresult *res = mg_pq.PQexecParams(l->conn, sql, 1, NULL, params, NULL, NULL, 0);
	if (mg_pq.PQresultStatus(res) == PGRES_TUPLES_OK || mg_pq.PQresultStatus(res) == PGRES_COMMAND_OK)
		return res;
	set_server_error(l, "cannot read the catalog", server_message(l, res));
	mg_pq.PQclear(res);
	return NULL;
}

static const char *value(const PGresult *res, int row, int col)
{
	return mg_pq.PQgetisnull(res, row, col) ? NULL : mg_pq.PQgetvalue(res, row, col);
}

static unsigned long oid_value(const PGresult *res, int row, int col)
{
	return strtoul(mg_pq.PQgetvalue(res, row, col), NULL, 10);
}

static bool bool_value(const PGresult *res, int row, int col)
{
	return mg_pq.PQgetvalue(res, row, col)[0] == 't';
}

/* Doubles a malloc'd array's capacity. */
static int grow(void **array, size_t *capacity, size_t size)
{
	size_t cap = *capacity ? *capacity * 2 : 256;
	void *bigger = realloc(*array, cap * size);
	if (!bigger)
		return -1;
	*array = bigger;
	*capacity = cap;
	return 0;
}

static relation *find_relation(loader *l, unsigned long oid)
{
	size_t lo = 0, hi = l->nrelations;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->relations[mid].oid < oid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < l->nrelations && l->relations[lo].oid == oid ? &l->relations[lo] : NULL;
}

static mg_column *find_column(loader *l, const relation *rel, int attnum)
{
	const int *attnums = l->attnums + rel->first_attnum;
	size_t lo = 0, hi = rel->table->ncolumns;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (attnums[mid] < attnum)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < rel->table->ncolumns && attnums[lo] == attnum ? rel->table->columns[lo] : NULL;
}

/* Tables of "public" keep their bare name; others are "schema.table". */
static const char *table_name(loader *l, const char *schema, const char *name, char **out_schema)
{
	*out_schema = NULL;
	if (strcmp(schema, "public") == 0)
		return name;
	*out_schema = mg_arena_strdup(l->graph->arena, schema);
	return *out_schema ? mg_arena_printf(l->graph->arena, "%s.%s", schema, name) : NULL;
}

/* An SQL array literal of the names: {"a","b \"c\""}. */
static char *text_array(const char *const *names, size_t n)
{
	mg_buf buf = MG_BUF_INIT;
	mg_buf_putc(&buf, '{');
	for (size_t i = 0; i < n; i++) {
		mg_buf_puts(&buf, i ? ",\"" : "\"");
		for (const char *p = names[i]; *p; p++) {
			if (*p == '"' || *p == '\\')
				mg_buf_putc(&buf, '\\');
			mg_buf_putc(&buf, *p);
		}
		mg_buf_putc(&buf, '"');
	}
	mg_buf_putc(&buf, '}');
	if (buf.failed) {
		mg_buf_free(&buf);
		return NULL;
	}
	return buf.data;
}

static int load_namespaces(loader *l, const mg_postgres_options *options)
{
	char *names = NULL;
	PGresult *res = NULL;
	mg_buf oids = MG_BUF_INIT;
	int result = -1;
	if (options && options->nschemas && !(names = text_array(options->schemas, options->nschemas)))
		goto oom;
	if (!(res = run(l, namespaces_sql, names)))
		goto cleanup;
	int n = mg_pq.PQntuples(res);
	for (size_t i = 0; options && i < options->nschemas; i++) {
		bool found = false;
		for (int row = 0; row < n && !found; row++)
			found = strcmp(mg_pq.PQgetvalue(res, row, 1), options->schemas[i]) == 0;
		if (!found) {
			mg_error_set(l->err, "%s: no schema \"%s\" in the database", l->input,
				     options->schemas[i]);
			goto cleanup;
		}
	}
	mg_buf_putc(&oids, '{');
	for (int row = 0; row < n; row++)
		mg_buf_printf(&oids, "%s%s", row ? "," : "", mg_pq.PQgetvalue(res, row, 0));
	mg_buf_putc(&oids, '}');
	if (oids.failed)
		goto oom;
	l->namespaces = oids.data;
	oids = (mg_buf)MG_BUF_INIT;
	result = 0;
	goto cleanup;
oom:
	result = out_of_memory(l);
cleanup:
	mg_buf_free(&oids);
	free(names);
	mg_pq.PQclear(res);
	return result;
}

/*
 * format_type's spelling where it differs from the names sql_type.c
 * normalises: "timestamp(3) without time zone" is TIMESTAMP(3),
 * "character(2)" is CHAR(2), "bit varying(8)" is VARBIT(8). NULL when the
 * spelling needs nothing.
 */
static const char *normalizable_type(char *buf, size_t size, const char *type)
{
	static const char without_zone[] = " without time zone";
	const char *rest = NULL, *prefix = NULL;
	if (strncmp(type, "character", 9) == 0 && (type[9] == '\0' || type[9] == '(')) {
		prefix = "char";
		rest = type + 9;
	} else if (strncmp(type, "bit varying", 11) == 0) {
		prefix = "varbit";
		rest = type + 11;
	}
	if (prefix) {
		snprintf(buf, size, "%s%s", prefix, rest);
		return buf;
	}
	const char *zone = strstr(type, without_zone);
	if (!zone)
		return NULL;
	snprintf(buf, size, "%.*s%s", (int)(zone - type), type, zone + strlen(without_zone));
	return buf;
}

static int set_column_type(loader *l, mg_column *column, const char *type)
{
	char buf[256];
	const char *spelling = normalizable_type(buf, sizeof(buf), type);
	if (!spelling)
		return 0;
	if (!(column->sql_type = mg_sql_type_normalize(l->graph->arena, spelling)))
		return -1;
	column->family = mg_sql_type_family(column->sql_type);
	return 0;
}

static mg_table *add_table(loader *l, const PGresult *res, int row)
{
	char *schema;
	const char *name = table_name(l, mg_pq.PQgetvalue(res, row, 1), mg_pq.PQgetvalue(res, row, 2), &schema);
	if (!name)
		return NULL;
	char kind = mg_pq.PQgetvalue(res, row, 3)[0];
	mg_table *table =
		mg_graph_add_table(l->graph, name, kind == 'v' || kind == 'm' ? MG_TABLE_VIEW : MG_TABLE_PLAIN);
	if (!table)
		return NULL;
	table->schema = schema;
	table->location = locate(l, 't', name, (mg_location){.file = l->input});
	const char *comment = value(res, row, 4);
	if (comment && !(table->comment = mg_arena_strdup(l->graph->arena, comment)))
		return NULL;
	if (l->nrelations == l->relations_cap &&
	    grow((void **)&l->relations, &l->relations_cap, sizeof(*l->relations)) < 0)
		return NULL;
	l->relations[l->nrelations++] =
		(relation){.oid = oid_value(res, row, 0), .table = table, .first_attnum = l->nattnums};
	return table;
}

static int load_columns(loader *l)
{
	PGresult *res = run(l, columns_sql, l->namespaces);
	if (!res)
		return -1;
	mg_arena *arena = l->graph->arena;
	mg_table *table = NULL;
	unsigned long table_oid = 0;
	int result = -1;
	for (int row = 0, n = mg_pq.PQntuples(res); row < n; row++) {
		unsigned long oid = oid_value(res, row, 0);
		if (!table || oid != table_oid) {
			if (!(table = add_table(l, res, row)))
				goto oom;
			table_oid = oid;
		}
		if (mg_pq.PQgetisnull(res, row, 5))
			continue; /* a table without columns */
		const char *type = mg_pq.PQgetvalue(res, row, 7);
		mg_column *column = mg_table_add_column(table, mg_pq.PQgetvalue(res, row, 6), type);
		if (!column || set_column_type(l, column, type) < 0)
			goto oom;
		if (l->nattnums == l->attnums_cap &&
		    grow((void **)&l->attnums, &l->attnums_cap, sizeof(*l->attnums)) < 0)
			goto oom;
		l->attnums[l->nattnums++] = atoi(mg_pq.PQgetvalue(res, row, 5));
		column->nullable = !bool_value(res, row, 8);
		const char *dflt = value(res, row, 9), *comment = value(res, row, 10);
		if (dflt && !(column->default_value = mg_arena_strdup(arena, dflt)))
			goto oom;
		if (comment && !(column->comment = mg_arena_strdup(arena, comment)))
			goto oom;
		/* serial (a sequence's nextval) and identity columns number themselves. */
		column->autoincrement = (dflt && strncmp(dflt, "nextval(", 8) == 0) ||
					mg_pq.PQgetvalue(res, row, 11)[0] != '\0';
	}
	result = 0;
	goto cleanup;
oom:
	result = out_of_memory(l);
cleanup:
	mg_pq.PQclear(res);
	return result;
}

/* The keys an index stands for, once its columns are all known: the
 * primary key, a UNIQUE constraint, a unique single column. */
static int finish_index(loader *l, mg_index *index, bool primary, const char *constraint)
{
	if (!index)
		return 0;
	mg_table *table = index->table;
	if (primary) {
		for (size_t i = 0; i < index->ncolumns; i++)
			if (index->columns[i] && mg_table_add_primary_key_column(table, index->columns[i]) < 0)
				return out_of_memory(l);
		return 0;
	}
	if (!index->unique || index->partial)
		return 0;
	if (index->ncolumns == 1 && index->columns[0])
		index->columns[0]->unique = true;
	if (index->origin != MG_INDEX_UNIQUE)
		return 0;
	mg_unique *unique = mg_table_add_unique(table, constraint);
	if (!unique)
		return out_of_memory(l);
	for (size_t i = 0; i < index->ncolumns; i++)
		if (index->columns[i] && mg_unique_add_column(table, unique, index->columns[i]) < 0)
			return out_of_memory(l);
	return 0;
}

static int load_indexes(loader *l)
{
	PGresult *res = run(l, indexes_sql, l->namespaces);
	if (!res)
		return -1;
	relation *rel = NULL;
	mg_index *index = NULL;
	bool primary = false;
	const char *constraint = NULL;
	int result = -1;
	for (int row = 0, n = mg_pq.PQntuples(res); row < n; row++) {
		unsigned long oid = oid_value(res, row, 0);
		const char *name = mg_pq.PQgetvalue(res, row, 1);
		if (!rel || rel->oid != oid || strcmp(index->name, name) != 0) {
			if (finish_index(l, index, primary, constraint) < 0)
				goto cleanup;
			index = NULL;
			if (!(rel = find_relation(l, oid)))
				continue; /* an index of a table of another kind */
			const char *contype = value(res, row, 5);
			mg_index_origin origin = !contype ? MG_INDEX_CREATED
						 : contype[0] == 'p' ? MG_INDEX_PRIMARY_KEY
						 : contype[0] == 'u' ? MG_INDEX_UNIQUE
								     : MG_INDEX_CREATED;
			if (!(index = mg_table_add_index(rel->table, name, bool_value(res, row, 2), origin)))
				goto oom;
			index->partial = bool_value(res, row, 4);
			primary = bool_value(res, row, 3);
			constraint = value(res, row, 6);
			index->location = locate(l, 'i', name, locate(l, 'c', constraint, index->location));
		}
		/* attnum 0: an expression, a NULL column. */
		int attnum = atoi(mg_pq.PQgetvalue(res, row, 7));
		if (mg_index_add_column(index, attnum > 0 ? find_column(l, rel, attnum) : NULL) < 0)
			goto oom;
	}
	if (finish_index(l, index, primary, constraint) < 0)
		goto cleanup;
	result = 0;
	goto cleanup;
oom:
	result = out_of_memory(l);
cleanup:
	mg_pq.PQclear(res);
	return result;
}

/* pg_constraint's action codes; NO ACTION, the default, is left unsaid, as
 * the SQLite reader does (neither can tell it from an unwritten one). */
static mg_fk_action action(char code)
{
	switch (code) {
	case 'r': return MG_ACTION_RESTRICT;
	case 'c': return MG_ACTION_CASCADE;
	case 'n': return MG_ACTION_SET_NULL;
	case 'd': return MG_ACTION_SET_DEFAULT;
	default: return MG_ACTION_NONE;
	}
}

static int load_foreign_keys(loader *l)
{
	PGresult *res = run(l, foreign_keys_sql, l->namespaces);
	if (!res)
		return -1;
	relation *rel = NULL;
	mg_foreign_key *fk = NULL;
	int result = -1;
	for (int row = 0, n = mg_pq.PQntuples(res); row < n; row++) {
		unsigned long oid = oid_value(res, row, 0);
		const char *name = mg_pq.PQgetvalue(res, row, 1);
		if (!rel || rel->oid != oid || !fk || strcmp(fk->name, name) != 0) {
			fk = NULL;
			if (!(rel = find_relation(l, oid)))
				continue;
			char *schema;
			const char *parent = table_name(l, mg_pq.PQgetvalue(res, row, 6), mg_pq.PQgetvalue(res, row, 7), &schema);
			if (!parent || !(fk = mg_table_add_foreign_key(rel->table, name, parent)))
				goto oom;
			fk->on_update = action(mg_pq.PQgetvalue(res, row, 2)[0]);
			fk->on_delete = action(mg_pq.PQgetvalue(res, row, 3)[0]);
			fk->location = locate(l, 'c', name, fk->location);
			fk->deferrable = bool_value(res, row, 4);
			fk->initially_deferred = bool_value(res, row, 5);
		}
		mg_column *child = find_column(l, rel, atoi(mg_pq.PQgetvalue(res, row, 8)));
		if (!child) {
			mg_error_set(l->err, "%s: foreign key \"%s\" of table \"%s\" names a column the catalog does not list",
				     l->input, fk->name, rel->table->name);
			goto cleanup;
		}
		if (mg_foreign_key_add_column(fk, child, mg_pq.PQgetvalue(res, row, 9)) < 0)
			goto oom;
	}
	result = 0;
	goto cleanup;
oom:
	result = out_of_memory(l);
cleanup:
	mg_pq.PQclear(res);
	return result;
}

int mg_postgres_schema_load(mg_graph *graph, PGconn *conn, const char *input,
			    const mg_postgres_options *options, const mg_pg_locator *locator,
			    mg_error *err)
{
	loader l = {.graph = graph, .conn = conn, .input = input, .locator = locator, .err = err};
	PGresult *res = NULL;
	int result = -1;
	/* PostgreSQL compares quoted identifiers exactly: "User" is not "user". */
	graph->case_insensitive = false;
	res = mg_pq.PQexec(conn, begin_sql);
	if (mg_pq.PQresultStatus(res) != PGRES_COMMAND_OK) {
		set_server_error(&l, "cannot start a read-only transaction", server_message(&l, res));
		goto cleanup;
	}
	mg_pq.PQclear(res);
	res = NULL;
	if (load_namespaces(&l, options) < 0 || load_columns(&l) < 0 || load_indexes(&l) < 0 ||
	    load_foreign_keys(&l) < 0)
		goto cleanup;
	res = mg_pq.PQexec(conn, "COMMIT");
	if (mg_pq.PQresultStatus(res) != PGRES_COMMAND_OK) {
		set_server_error(&l, "cannot end the read-only transaction", server_message(&l, res));
		goto cleanup;
	}
	result = 0;
cleanup:
	mg_pq.PQclear(res);
	free(l.namespaces);
	free(l.relations);
	free(l.attnums);
	return result;
}
