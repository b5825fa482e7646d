/*
 * Reads modelgraph's own graph JSON (docs/graph-json.md), the document
 * `dump` writes, so other front-ends can feed the linter and renderers.
 * What resolve derives (implied foreign keys, relationships derived from
 * foreign keys, backrefs, cardinalities) is not read back: resolve derives
 * it again. Locations keep the files they name, so findings point at the
 * original models.
 */

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "analyzer/read/input_file.h"
#include "analyzer/read/readers.h"
#include "analyzer/core/sql_type.h"

#define GRAPH_FORMAT "modelgraph-graph"
#define GRAPH_VERSION 1

typedef struct reader {
	mg_graph *graph;
	const char *path;
	mg_error *err;
	int failed;
} reader;

/* Records the first problem, naming where in the document it is. */
static void problem(reader *r, const char *where, const char *what)
{
	if (!r->failed)
		mg_error_set(r->err, "%s: %s: %s", r->path, where, what);
	r->failed = 1;
}

/* A member that must be a string when present; NULL when absent or null. */
static const char *get_string(reader *r, json_t *object, const char *key, const char *where)
{
	json_t *value = json_object_get(object, key);
	if (!value || json_is_null(value))
		return NULL;
	if (!json_is_string(value)) {
		char at[512];
		snprintf(at, sizeof(at), "%s.%s", where, key);
		problem(r, at, "expected a string");
		return NULL;
	}
	return json_string_value(value);
}

/* A copy, owned by the graph, of the string member `key`; NULL when absent
 * or null, and when out of memory (a problem then). */
static const char *copy_string(reader *r, json_t *object, const char *key, const char *where)
{
	const char *value = get_string(r, object, key, where);
	const char *copy = mg_arena_strdup(r->graph->arena, value);
	if (value && !copy)
		problem(r, where, "out of memory");
	return copy;
}

static const char *required_string(reader *r, json_t *object, const char *key, const char *where)
{
	const char *value = get_string(r, object, key, where);
	if (!value && !r->failed) {
		char at[512];
		snprintf(at, sizeof(at), "%s.%s", where, key);
		problem(r, at, "missing; a string is required");
	}
	return value;
}

/* MG_TRUE/MG_FALSE, or MG_UNSET when absent or null. */
static mg_tristate get_bool(reader *r, json_t *object, const char *key, const char *where)
{
	json_t *value = json_object_get(object, key);
	if (!value || json_is_null(value))
		return MG_UNSET;
	if (!json_is_boolean(value)) {
		char at[512];
		snprintf(at, sizeof(at), "%s.%s", where, key);
		problem(r, at, "expected true or false");
		return MG_UNSET;
	}
	return json_is_true(value) ? MG_TRUE : MG_FALSE;
}

static json_t *get_array(reader *r, json_t *object, const char *key, const char *where)
{
	json_t *value = json_object_get(object, key);
	if (!value || json_is_null(value))
		return NULL;
	if (!json_is_array(value)) {
		char at[512];
		snprintf(at, sizeof(at), "%s.%s", where, key);
		problem(r, at, "expected an array");
		return NULL;
	}
	return value;
}

static mg_location get_location(reader *r, json_t *object, const char *where)
{
	mg_location location = {.file = r->graph->sources[r->graph->nsources - 1].name};
	json_t *value = json_object_get(object, "location");
	if (!value || !json_is_object(value))
		return location;
	const char *file = copy_string(r, value, "file", where);
	if (file)
		location.file = file;
	json_t *line = json_object_get(value, "line"), *column = json_object_get(value, "column");
	if (json_is_integer(line) && json_integer_value(line) > 0)
		location.line = (unsigned)json_integer_value(line);
	if (json_is_integer(column) && json_integer_value(column) > 0)
		location.column = (unsigned)json_integer_value(column);
	return location;
}

/* The column of `table` named by element `i` of `names`, or an error. */
static mg_column *named_column(reader *r, mg_table *table, json_t *names, size_t i, const char *where)
{
	json_t *name = json_array_get(names, i);
	char at[512];
	snprintf(at, sizeof(at), "%s[%zu]", where, i);
	if (!json_is_string(name)) {
		problem(r, at, "expected a column name");
		return NULL;
	}
	mg_column *column = mg_table_find_column(table, json_string_value(name));
	if (!column)
		problem(r, at, "names no column of the table");
	return column;
}

static void read_column(reader *r, mg_table *table, json_t *item, const char *where)
{
	const char *name = required_string(r, item, "name", where);
	if (r->failed)
		return;
	mg_column *c = mg_table_add_column(table, name, get_string(r, item, "type", where));
	if (!c) {
		problem(r, where, "out of memory");
		return;
	}
	/* The SQL type as the writer had it: C types are not SQL, so it is not
	 * derived from `type` again. */
	const char *sql_type = copy_string(r, item, "sql_type", where);
	if (sql_type) {
		c->sql_type = sql_type;
		c->family = mg_sql_type_family(c->sql_type);
	}
	c->nullable = get_bool(r, item, "nullable", where) != MG_FALSE;
	c->unique = get_bool(r, item, "unique", where) == MG_TRUE;
	c->autoincrement = get_bool(r, item, "autoincrement", where) == MG_TRUE;
	c->default_value = copy_string(r, item, "default", where);
	c->comment = copy_string(r, item, "comment", where);
	c->client_default = copy_string(r, item, "client_default", where);
	c->location = get_location(r, item, where);
}

static void read_index(reader *r, mg_table *table, json_t *item, const char *where)
{
	const char *name = required_string(r, item, "name", where);
	json_t *columns = get_array(r, item, "columns", where);
	if (r->failed)
		return;
	const char *origin = get_string(r, item, "origin", where);
	mg_index_origin kind = origin && strcmp(origin, "primary_key") == 0 ? MG_INDEX_PRIMARY_KEY
			       : origin && strcmp(origin, "unique") == 0    ? MG_INDEX_UNIQUE
									    : MG_INDEX_CREATED;
	mg_index *index = mg_table_add_index(table, name, get_bool(r, item, "unique", where) == MG_TRUE, kind);
	if (!index) {
		problem(r, where, "out of memory");
		return;
	}
	index->partial = get_bool(r, item, "partial", where) == MG_TRUE;
	for (size_t i = 0; columns && i < json_array_size(columns); i++) {
		json_t *name_item = json_array_get(columns, i);
		/* null: an expression */
		mg_column *column = json_is_null(name_item) ? NULL : named_column(r, table, columns, i, where);
		if (r->failed)
			return;
		if (mg_index_add_column(index, column) < 0) {
			problem(r, where, "out of memory");
			return;
		}
	}
	index->nulls_not_distinct = get_bool(r, item, "nulls_not_distinct", where) == MG_TRUE;
	json_t *collations = get_array(r, item, "collations", where);
	for (size_t i = 0; collations && !r->failed && i < json_array_size(collations); i++) {
		json_t *c = json_array_get(collations, i);
		if (json_is_null(c))
			continue;
		if (!json_is_string(c) || i >= index->ncolumns) {
			problem(r, where, "\"collations\" holds a collation name (or null) per column");
			return;
		}
		if (mg_index_set_collation(index, i, json_string_value(c)) < 0) {
			problem(r, where, "out of memory");
			return;
		}
	}
}

static void read_foreign_key(reader *r, mg_table *table, json_t *item, const char *where)
{
	if (get_bool(r, item, "implied", where) == MG_TRUE)
		return; /* resolve infers it again */
	const char *name = required_string(r, item, "name", where);
	const char *parent = required_string(r, item, "ref_table", where);
	json_t *columns = get_array(r, item, "columns", where);
	json_t *parent_columns = get_array(r, item, "ref_columns", where);
	if (r->failed)
		return;
	mg_foreign_key *fk = mg_table_add_foreign_key(table, name, parent);
	if (!fk) {
		problem(r, where, "out of memory");
		return;
	}
	for (size_t i = 0; columns && i < json_array_size(columns); i++) {
		mg_column *child = named_column(r, table, columns, i, where);
		json_t *to = parent_columns ? json_array_get(parent_columns, i) : NULL;
		if (r->failed)
			return;
		if (mg_foreign_key_add_column(fk, child, json_is_string(to) ? json_string_value(to) : NULL) < 0) {
			problem(r, where, "out of memory");
			return;
		}
	}
	if (fk->ncolumns == 0) {
		problem(r, where, "a foreign key needs columns");
		return;
	}
	if (fk->nparent_columns && fk->nparent_columns != fk->ncolumns) {
		problem(r, where, "ref_columns must name one column for each of columns, or none");
		return;
	}
	fk->on_delete = mg_fk_action_parse(get_string(r, item, "on_delete", where));
	fk->on_update = mg_fk_action_parse(get_string(r, item, "on_update", where));
	fk->location = get_location(r, item, where);
}

static void read_relationship(reader *r, mg_table *table, json_t *item, const char *where)
{
	/* Derived relationships and backrefs are resolve's to make again. */
	if (get_bool(r, item, "derived", where) == MG_TRUE || get_bool(r, item, "from_backref", where) == MG_TRUE)
		return;
	const char *name = required_string(r, item, "name", where);
	const char *target = required_string(r, item, "target", where);
	if (r->failed)
		return;
	mg_relationship *rel = mg_table_add_relationship(table, name, target);
	if (!rel) {
		problem(r, where, "out of memory");
		return;
	}
	rel->backref = copy_string(r, item, "backref", where);
	rel->back_populates = copy_string(r, item, "back_populates", where);
	rel->secondary_name = copy_string(r, item, "secondary", where);
	rel->lazy = copy_string(r, item, "lazy", where);
	rel->cascade = copy_string(r, item, "cascade", where);
	rel->uselist = get_bool(r, item, "uselist", where);
	rel->viewonly = get_bool(r, item, "viewonly", where);
	rel->location = get_location(r, item, where);
}

/* Calls `read` for each element of the array member `key`. */
static void each(reader *r, mg_table *table, json_t *object, const char *key, const char *where,
		 void (*read)(reader *, mg_table *, json_t *, const char *))
{
	json_t *items = get_array(r, object, key, where);
	for (size_t i = 0; items && i < json_array_size(items) && !r->failed; i++) {
		char at[512];
		snprintf(at, sizeof(at), "%s.%s[%zu]", where, key, i);
		json_t *item = json_array_get(items, i);
		if (!json_is_object(item))
			problem(r, at, "expected an object");
		else
			read(r, table, item, at);
	}
}

static void read_keys(reader *r, mg_table *table, json_t *item, const char *where)
{
	json_t *pk = get_array(r, item, "primary_key", where);
	for (size_t i = 0; pk && i < json_array_size(pk) && !r->failed; i++) {
		mg_column *column = named_column(r, table, pk, i, where);
		if (column && mg_table_add_primary_key_column(table, column) < 0)
			problem(r, where, "out of memory");
	}
	json_t *uniques = get_array(r, item, "unique", where);
	for (size_t u = 0; uniques && u < json_array_size(uniques) && !r->failed; u++) {
		json_t *columns = json_array_get(uniques, u);
		if (!json_is_array(columns)) {
			problem(r, where, "unique: expected arrays of column names");
			return;
		}
		mg_unique *unique = mg_table_add_unique(table, NULL);
		if (!unique) {
			problem(r, where, "out of memory");
			return;
		}
		for (size_t i = 0; i < json_array_size(columns) && !r->failed; i++) {
			mg_column *column = named_column(r, table, columns, i, where);
			if (column && mg_unique_add_column(table, unique, column) < 0)
				problem(r, where, "out of memory");
		}
	}
}

static mg_table_kind table_kind(const char *kind)
{
	if (kind && strcmp(kind, "model") == 0)
		return MG_TABLE_MODEL;
	if (kind && strcmp(kind, "view") == 0)
		return MG_TABLE_VIEW;
	return MG_TABLE_PLAIN; /* "association" too: resolve detects it again */
}

static void read_table(reader *r, json_t *item, const char *where)
{
	const char *name = required_string(r, item, "name", where);
	if (r->failed)
		return;
	if (mg_graph_find_table(r->graph, name)) {
		problem(r, where, "a table of this name is already defined");
		return;
	}
	mg_table *table = mg_graph_add_table(r->graph, name, table_kind(get_string(r, item, "kind", where)));
	if (!table) {
		problem(r, where, "out of memory");
		return;
	}
	table->schema = copy_string(r, item, "schema", where);
	table->comment = copy_string(r, item, "comment", where);
	table->struct_name = copy_string(r, item, "struct", where);
	table->without_rowid = get_bool(r, item, "without_rowid", where) == MG_TRUE;
	table->location = get_location(r, item, where);
	each(r, table, item, "columns", where, read_column);
	read_keys(r, table, item, where);
	each(r, table, item, "indexes", where, read_index);
	each(r, table, item, "foreign_keys", where, read_foreign_key);
	each(r, table, item, "relationships", where, read_relationship);
}

int mg_read_json(mg_graph *graph, const char *path, mg_error *err)
{
	json_error_t json_err;
	json_t *root = NULL;
	reader r = {.graph = graph, .path = path, .err = err};

	if (mg_input_check_file(path, err) < 0)
		return -1;
	if (!(root = json_load_file(path, JSON_REJECT_DUPLICATES, &json_err))) {
		mg_error_set(err, "%s:%d:%d: not valid JSON: %s", path, json_err.line, json_err.column,
			     json_err.text);
		return -1;
	}
	const char *format = json_is_object(root) ? get_string(&r, root, "format", "document") : NULL;
	json_t *version = json_object_get(root, "version");
	if (!format || strcmp(format, GRAPH_FORMAT) != 0) {
		problem(&r, "format", "not a modelgraph graph (\"format\" must be \"" GRAPH_FORMAT "\")");
	} else if (!json_is_integer(version) || json_integer_value(version) != GRAPH_VERSION) {
		problem(&r, "version", "this modelgraph reads version 1 of the graph format");
	} else if (mg_graph_add_source(graph, path, MG_SOURCE_JSON) == (size_t)-1) {
		problem(&r, "document", "out of memory");
	} else {
		json_t *tables = get_array(&r, root, "tables", "document");
		for (size_t i = 0; tables && i < json_array_size(tables) && !r.failed; i++) {
			char at[64];
			snprintf(at, sizeof(at), "tables[%zu]", i);
			json_t *item = json_array_get(tables, i);
			if (!json_is_object(item))
				problem(&r, at, "expected an object");
			else
				read_table(&r, item, at);
		}
	}
	json_decref(root);
	return r.failed ? -1 : 0;
}
