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
#include <stdlib.h>
#include <string.h>

#include "analyzer/read/input_file.h"
#include "analyzer/read/readers.h"
#include "analyzer/core/join_condition.h"
#include "analyzer/core/name_index.h"
#include "analyzer/core/sql_type.h"
#include "util/json_text.h"
#include "util/limits.h"

#define GRAPH_FORMAT "modelgraph-graph"
#define GRAPH_VERSION 1

typedef struct reader {
	mg_graph *graph;
	const char *path;
	mg_error *err;
	int failed;
	size_t first_source;  /* the graph's index of the document's sources[0] */
	size_t nsources;      /* how many the document lists */
	mg_name_index *columns; /* the columns of the table being read, by name folded; NULL */
} reader;

/*
 * Where in the document something is: a path of members and indexes from
 * the top, "tables[0].primary_key[1]"; "" is the document itself.
 */
#define AT_SIZE 512

/* The member `key` of the object at `where`, into `at` (AT_SIZE bytes). */
static const char *member_at(char *at, const char *where, const char *key)
{
	/* A deeper path is cut: it only shortens where a message points. */
	if (snprintf(at, AT_SIZE, "%s%s%s", where, *where ? "." : "", key) >= AT_SIZE)
		at[AT_SIZE - 1] = '\0';
	return at;
}

/* Element `i` of the array at `where`, into `at` (AT_SIZE bytes). */
static const char *element_at(char *at, const char *where, size_t i)
{
	if (snprintf(at, AT_SIZE, "%s[%zu]", where, i) >= AT_SIZE)
		at[AT_SIZE - 1] = '\0';
	return at;
}

/* Records the first problem, naming where in the document it is. */
static void problem(reader *r, const char *where, const char *what)
{
	if (!r->failed) {
		if (*where)
			mg_error_set(r->err, "%s: %s: %s", r->path, where, what);
		else
			mg_error_set(r->err, "%s: %s", r->path, what);
	}
	r->failed = 1;
}

/* A member that must be a string when present; NULL when absent or null. */
static const char *get_string(reader *r, json_t *object, const char *key, const char *where)
{
	json_t *value = json_object_get(object, key);
	if (!value || json_is_null(value))
		return NULL;
	if (!json_is_string(value)) {
		char at[AT_SIZE];
		problem(r, member_at(at, where, key), "expected a string");
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
		char at[AT_SIZE];
		problem(r, member_at(at, where, key), "missing; a string is required");
	}
	return value;
}

/* The strings of the array member `key`, copied into the graph: *out (NULL
 * when there are none) and their count. */
static void copy_strings(reader *r, json_t *object, const char *key, const char *where, const char ***out,
			 size_t *count)
{
	json_t *value = json_object_get(object, key);
	*out = NULL;
	*count = 0;
	if (!value || json_is_null(value))
		return;
	char at[AT_SIZE], item_at[AT_SIZE];
	member_at(at, where, key);
	if (!json_is_array(value)) {
		problem(r, at, "expected an array of strings");
		return;
	}
	size_t n = json_array_size(value);
	if (n == 0)
		return;
	const char **strings = mg_arena_alloc(r->graph->arena, n * sizeof(*strings));
	if (!strings) {
		problem(r, at, "out of memory");
		return;
	}
	for (size_t i = 0; i < n; i++) {
		json_t *item = json_array_get(value, i);
		if (!json_is_string(item)) {
			problem(r, element_at(item_at, at, i), "expected a string");
			return;
		}
		if (!(strings[i] = mg_arena_strdup(r->graph->arena, json_string_value(item)))) {
			problem(r, at, "out of memory");
			return;
		}
	}
	*out = strings;
	*count = n;
}

/* MG_TRUE/MG_FALSE, or MG_UNSET when absent or null. */
static mg_tristate get_bool(reader *r, json_t *object, const char *key, const char *where)
{
	json_t *value = json_object_get(object, key);
	if (!value || json_is_null(value))
		return MG_UNSET;
	if (!json_is_boolean(value)) {
		char at[AT_SIZE];
		problem(r, member_at(at, where, key), "expected true or false");
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
		char at[AT_SIZE];
		problem(r, member_at(at, where, key), "expected an array");
		return NULL;
	}
	return value;
}

/* The location `value` holds; `at` names it in messages. */
static mg_location location_value(reader *r, json_t *value, const char *at)
{
	mg_location location = {.file = r->path};
	if (!value || !json_is_object(value))
		return location;
	/* "file": null is an object of no file; without "file", this one. */
	if (json_object_get(value, "file"))
		location.file = copy_string(r, value, "file", at);
	json_t *line = json_object_get(value, "line"), *column = json_object_get(value, "column");
	if (json_is_integer(line) && json_integer_value(line) > 0)
		location.line = (unsigned)json_integer_value(line);
	if (json_is_integer(column) && json_integer_value(column) > 0)
		location.column = (unsigned)json_integer_value(column);
	return location;
}

/* The location held in the member `key` of `object`. */
static mg_location get_location_at(reader *r, json_t *object, const char *key, const char *where)
{
	char at[AT_SIZE];
	return location_value(r, json_object_get(object, key), member_at(at, where, key));
}

static mg_location get_location(reader *r, json_t *object, const char *where)
{
	return get_location_at(r, object, "location", where);
}

/*
 * The column of `table` named `name`, as mg_table_find_column finds it, but
 * through the reader's index of the table's columns: keys and indexes name
 * columns, and a wide table (graph JSON has no column limit) would make
 * finding each by a scan take time in the square of its width.
 */
static mg_column *find_column(reader *r, mg_table *table, const char *name)
{
	if (!r->columns) {
		if (!(r->columns = mg_name_index_new(true)))
			return mg_table_find_column(table, name);
		for (size_t i = 0; i < table->ncolumns; i++) {
			mg_column *c = table->columns[i];
			if (!mg_name_index_get(r->columns, c->name) &&
			    mg_name_index_put(r->columns, c->name, c) < 0) {
				mg_name_index_free(r->columns);
				r->columns = NULL;
				return mg_table_find_column(table, name);
			}
		}
	}
	mg_column *column = mg_name_index_get(r->columns, name);
	/* The index folds case; a case-sensitive graph wants the exact name,
	 * which a column after the first of its folded name may have. */
	if (column && !r->graph->case_insensitive && strcmp(column->name, name) != 0)
		return mg_table_find_column(table, name);
	return column;
}

/* The column of `table` named by element `i` of `names`, the array at
 * `where`; or an error. */
static mg_column *named_column(reader *r, mg_table *table, json_t *names, size_t i, const char *where)
{
	json_t *name = json_array_get(names, i);
	char at[AT_SIZE];
	element_at(at, where, i);
	if (!json_is_string(name)) {
		problem(r, at, "expected a column name");
		return NULL;
	}
	mg_column *column = find_column(r, table, json_string_value(name));
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
	c->attribute = copy_string(r, item, "attribute", where);
	c->location = get_location(r, item, where);
	c->subclass = copy_string(r, item, "subclass", where);
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
	if (json_object_get(item, "location"))
		index->location = get_location(r, item, where);
	char at[AT_SIZE], item_at[AT_SIZE];
	member_at(at, where, "columns");
	for (size_t i = 0; columns && i < json_array_size(columns); i++) {
		json_t *name_item = json_array_get(columns, i);
		/* null: an expression */
		mg_column *column = json_is_null(name_item) ? NULL : named_column(r, table, columns, i, at);
		if (r->failed)
			return;
		if (mg_index_add_column(index, column) < 0) {
			problem(r, where, "out of memory");
			return;
		}
	}
	index->nulls_not_distinct = get_bool(r, item, "nulls_not_distinct", where) == MG_TRUE;
	json_t *collations = get_array(r, item, "collations", where);
	member_at(at, where, "collations");
	for (size_t i = 0; collations && !r->failed && i < json_array_size(collations); i++) {
		json_t *c = json_array_get(collations, i);
		if (json_is_null(c))
			continue;
		if (!json_is_string(c) || i >= index->ncolumns) {
			problem(r, element_at(item_at, at, i),
				"expected a collation name or null for each column");
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
	/* false: the declaration named no parent columns (ref_columns shows the
	 * parent's primary key, which resolve finds again). */
	if (get_bool(r, item, "ref_columns_declared", where) == MG_FALSE)
		parent_columns = NULL;
	if (r->failed)
		return;
	mg_foreign_key *fk = mg_table_add_foreign_key(table, name, parent);
	if (!fk) {
		problem(r, where, "out of memory");
		return;
	}
	char at[AT_SIZE];
	member_at(at, where, "columns");
	for (size_t i = 0; columns && i < json_array_size(columns); i++) {
		mg_column *child = named_column(r, table, columns, i, at);
		json_t *to = parent_columns ? json_array_get(parent_columns, i) : NULL;
		if (r->failed)
			return;
		if (mg_foreign_key_add_column(fk, child, json_is_string(to) ? json_string_value(to) : NULL) < 0) {
			problem(r, where, "out of memory");
			return;
		}
	}
	if (fk->ncolumns == 0) {
		problem(r, at, "a foreign key needs columns");
		return;
	}
	if ((fk->nparent_columns && fk->nparent_columns != fk->ncolumns) ||
	    (parent_columns && json_array_size(parent_columns) != fk->ncolumns)) {
		problem(r, member_at(at, where, "ref_columns"),
			"must name one column for each of columns, or none");
		return;
	}
	fk->on_delete = mg_fk_action_parse(get_string(r, item, "on_delete", where));
	fk->on_update = mg_fk_action_parse(get_string(r, item, "on_update", where));
	fk->use_alter = get_bool(r, item, "use_alter", where) == MG_TRUE;
	fk->location = get_location(r, item, where);
}

/* primaryjoin / secondaryjoin: {"text", "location", "term_locations"}, the
 * text parsed again and each term put back where the dump says it was. */
static mg_join_condition *read_join(reader *r, json_t *item, const char *key, const char *where)
{
	json_t *value = json_object_get(item, key);
	if (!value || json_is_null(value))
		return NULL;
	char at[AT_SIZE], term_at[AT_SIZE];
	member_at(at, where, key);
	if (!json_is_object(value)) {
		problem(r, at, "expected an object with \"text\"");
		return NULL;
	}
	const char *text = required_string(r, value, "text", at);
	if (!text)
		return NULL;
	mg_join_condition *cond = mg_join_parse(r->graph->arena, text, get_location(r, value, at));
	if (!cond) {
		problem(r, at, "out of memory");
		return NULL;
	}
	json_t *locations = get_array(r, value, "term_locations", at);
	size_t n = locations ? json_array_size(locations) : 0;
	for (size_t i = 0; i < n && i < 2 * cond->ncomparisons && !r->failed; i++) {
		mg_join_term_at(cond, i)->location =
		    location_value(r, json_array_get(locations, i), element_at(term_at, at, i));
	}
	return cond;
}

/* passive_deletes: true, false or "all"; NULL when absent or null. */
static const char *get_passive_deletes(reader *r, json_t *object, const char *where)
{
	json_t *value = json_object_get(object, "passive_deletes");
	if (!value || json_is_null(value))
		return NULL;
	if (json_is_boolean(value))
		return json_is_true(value) ? "true" : "false";
	if (json_is_string(value) && strcmp(json_string_value(value), "all") == 0)
		return "all";
	char at[AT_SIZE];
	problem(r, member_at(at, where, "passive_deletes"), "expected true, false or \"all\"");
	return NULL;
}

/* The options write_later_options writes, on a relationship or in backref_options. */
static void read_later_options(reader *r, mg_relationship *rel, json_t *item, const char *where)
{
	rel->passive_deletes = get_passive_deletes(r, item, where);
	rel->post_update = get_bool(r, item, "post_update", where);
	rel->sync_backref = get_bool(r, item, "sync_backref", where);
	rel->collection_class = copy_string(r, item, "collection_class", where);
	rel->collection_key = copy_string(r, item, "collection_key", where);
}

/* backref_options: what backref(name, …) gave; absent for backref=name. */
static void read_backref_options(reader *r, mg_relationship *rel, json_t *item, const char *where)
{
	json_t *o = json_object_get(item, "backref_options");
	char at[AT_SIZE];
	if (!o || json_is_null(o))
		return;
	member_at(at, where, "backref_options");
	if (!json_is_object(o)) {
		problem(r, at, "expected an object");
		return;
	}
	mg_relationship *opts = mg_relationship_options_new(r->graph);
	if (!opts) {
		problem(r, where, "out of memory");
		return;
	}
	opts->uselist = get_bool(r, o, "uselist", at);
	opts->lazy = copy_string(r, o, "lazy", at);
	opts->cascade = copy_string(r, o, "cascade", at);
	opts->viewonly = get_bool(r, o, "viewonly", at);
	copy_strings(r, o, "declared_foreign_keys", at, &opts->foreign_keys, &opts->nforeign_keys);
	copy_strings(r, o, "remote_side", at, &opts->remote_side, &opts->nremote_side);
	copy_strings(r, o, "overlaps", at, &opts->overlaps, &opts->noverlaps);
	opts->order_by = copy_string(r, o, "order_by", at);
	opts->single_parent = get_bool(r, o, "single_parent", at);
	read_later_options(r, opts, o, at);
	rel->backref_options = opts;
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
	copy_strings(r, item, "declared_foreign_keys", where, &rel->foreign_keys, &rel->nforeign_keys);
	copy_strings(r, item, "remote_side", where, &rel->remote_side, &rel->nremote_side);
	copy_strings(r, item, "overlaps", where, &rel->overlaps, &rel->noverlaps);
	rel->order_by = copy_string(r, item, "order_by", where);
	rel->single_parent = get_bool(r, item, "single_parent", where);
	rel->c_collection = get_bool(r, item, "c_collection", where);
	rel->c_target = copy_string(r, item, "c_target", where);
	read_later_options(r, rel, item, where);
	rel->c_field = copy_string(r, item, "c_field", where);
	read_backref_options(r, rel, item, where);
	rel->location = get_location(r, item, where);
	rel->primaryjoin = read_join(r, item, "primaryjoin", where);
	rel->secondaryjoin = read_join(r, item, "secondaryjoin", where);
	rel->subclass = copy_string(r, item, "subclass", where);
}

/* Calls `read` for each element of the array member `key`. */
static void each(reader *r, mg_table *table, json_t *object, const char *key, const char *where,
		 void (*read)(reader *, mg_table *, json_t *, const char *))
{
	json_t *items = get_array(r, object, key, where);
	char array_at[AT_SIZE];
	member_at(array_at, where, key);
	for (size_t i = 0; items && i < json_array_size(items) && !r->failed; i++) {
		char at[AT_SIZE];
		element_at(at, array_at, i);
		json_t *item = json_array_get(items, i);
		if (!json_is_object(item))
			problem(r, at, "expected an object");
		else
			read(r, table, item, at);
	}
}

static void read_keys(reader *r, mg_table *table, json_t *item, const char *where)
{
	char at[AT_SIZE], unique_at[AT_SIZE], columns_at[AT_SIZE];
	json_t *pk = get_array(r, item, "primary_key", where);
	member_at(at, where, "primary_key");
	for (size_t i = 0; pk && i < json_array_size(pk) && !r->failed; i++) {
		mg_column *column = named_column(r, table, pk, i, at);
		if (column && mg_table_add_primary_key_column(table, column) < 0)
			problem(r, where, "out of memory");
	}
	json_t *uniques = get_array(r, item, "unique", where);
	json_t *unique_names = get_array(r, item, "unique_names", where);
	member_at(unique_at, where, "unique");
	for (size_t u = 0; uniques && u < json_array_size(uniques) && !r->failed; u++) {
		json_t *columns = json_array_get(uniques, u);
		element_at(columns_at, unique_at, u);
		if (!json_is_array(columns)) {
			problem(r, columns_at, "expected an array of column names");
			return;
		}
		json_t *unique_name = unique_names ? json_array_get(unique_names, u) : NULL;
		mg_unique *unique = mg_table_add_unique(table, json_is_string(unique_name)
								      ? json_string_value(unique_name)
								      : NULL);
		if (!unique) {
			problem(r, where, "out of memory");
			return;
		}
		for (size_t i = 0; i < json_array_size(columns) && !r->failed; i++) {
			mg_column *column = named_column(r, table, columns, i, columns_at);
			if (column && mg_unique_add_column(table, unique, column) < 0)
				problem(r, where, "out of memory");
		}
	}
}

static void read_unmapped_field(reader *r, mg_table *table, json_t *item, const char *where)
{
	const char *name = required_string(r, item, "name", where);
	if (r->failed)
		return;
	mg_arena *arena = r->graph->arena;
	mg_unmapped_field *u = mg_arena_alloc(arena, sizeof(*u));
	if (!u) {
		problem(r, where, "out of memory");
		return;
	}
	const char *path = copy_string(r, item, "path", where);
	*u = (mg_unmapped_field){
		.table = table,
		.name = mg_arena_strdup(arena, name),
		.c_type = copy_string(r, item, "c_type", where),
		.target = copy_string(r, item, "target", where),
		.collection = get_bool(r, item, "collection", where),
		.pointer = get_bool(r, item, "pointer", where) == MG_TRUE,
		.path = path ? path : mg_arena_printf(arena, "%s.%s", table->path, name),
		.location = get_location(r, item, where),
	};
	if (r->failed)
		return;
	if (!u->name || !u->path ||
	    MG_ARENA_PUSH(arena, table->unmapped_fields, table->nunmapped_fields, table->unmapped_fields_cap, u) < 0)
		problem(r, where, "out of memory");
}

static void read_transient_field(reader *r, mg_table *table, json_t *item, const char *where)
{
	const char *name = required_string(r, item, "name", where);
	if (r->failed)
		return;
	mg_arena *arena = r->graph->arena;
	mg_transient_field *t = mg_arena_alloc(arena, sizeof(*t));
	if (!t) {
		problem(r, where, "out of memory");
		return;
	}
	const char *path = copy_string(r, item, "path", where);
	*t = (mg_transient_field){
		.table = table,
		.name = mg_arena_strdup(arena, name),
		.path = path ? path : mg_arena_printf(arena, "%s.%s", table->path, name),
		.location = get_location(r, item, where),
	};
	json_t *proxy = json_object_get(item, "association_proxy");
	if (proxy && !json_is_null(proxy)) {
		char at[AT_SIZE];
		member_at(at, where, "association_proxy");
		if (!json_is_object(proxy)) {
			problem(r, at, "expected an object");
			return;
		}
		t->proxy_relationship = mg_arena_strdup(arena, required_string(r, proxy, "relationship", at));
		t->proxy_attribute = mg_arena_strdup(arena, required_string(r, proxy, "attribute", at));
	}
	if (r->failed)
		return;
	if (!t->name || !t->path ||
	    MG_ARENA_PUSH(arena, table->transient_fields, table->ntransient_fields, table->transient_fields_cap, t) < 0)
		problem(r, where, "out of memory");
}

/* A single-table subclass: {"struct", "inherits", "polymorphic_on",
 * "polymorphic_identity", "conflicts": [{"name", "location"}], "location"}. */
static void read_subclass(reader *r, mg_table *table, json_t *item, const char *where)
{
	const char *name = required_string(r, item, "struct", where);
	if (r->failed)
		return;
	mg_arena *arena = r->graph->arena;
	mg_subclass *sc = mg_arena_alloc(arena, sizeof(*sc));
	if (!sc) {
		problem(r, where, "out of memory");
		return;
	}
	*sc = (mg_subclass){
		.table = table,
		.name = mg_arena_strdup(arena, name),
		.inherits = copy_string(r, item, "inherits", where),
		.polymorphic_on = copy_string(r, item, "polymorphic_on", where),
		.polymorphic_on_location = get_location_at(r, item, "polymorphic_on_location", where),
		.polymorphic_identity = copy_string(r, item, "polymorphic_identity", where),
		.path = mg_arena_printf(arena, "%s.%s", table->path, name),
		.location = get_location(r, item, where),
	};
	json_t *conflicts = get_array(r, item, "conflicts", where);
	size_t n = conflicts ? json_array_size(conflicts) : 0;
	sc->conflicts = mg_arena_alloc(arena, (n + 1) * sizeof(*sc->conflicts));
	sc->conflict_locations = mg_arena_alloc(arena, (n + 1) * sizeof(*sc->conflict_locations));
	for (size_t i = 0; sc->conflicts && sc->conflict_locations && i < n && !r->failed; i++) {
		char array_at[AT_SIZE], at[AT_SIZE];
		member_at(array_at, where, "conflicts");
		element_at(at, array_at, i);
		json_t *c = json_array_get(conflicts, i);
		const char *column = json_is_object(c) ? copy_string(r, c, "name", at) : NULL;
		if (!column) {
			problem(r, at, "expected an object with a column \"name\"");
			return;
		}
		sc->conflicts[sc->nconflicts] = column;
		sc->conflict_locations[sc->nconflicts++] = get_location(r, c, at);
	}
	if (r->failed)
		return;
	if (!sc->name || !sc->path || !sc->conflicts || !sc->conflict_locations ||
	    MG_ARENA_PUSH(arena, table->subclasses, table->nsubclasses, table->subclasses_cap, sc) < 0)
		problem(r, where, "out of memory");
}

/* Inheritance, present only for the tables of a hierarchy. */
static void read_inheritance(reader *r, mg_table *table, json_t *item, const char *where)
{
	table->inherits = copy_string(r, item, "inherits", where);
	if (table->inherits)
		table->inherits_location = get_location_at(r, item, "inherits_location", where);
	table->polymorphic_on = copy_string(r, item, "polymorphic_on", where);
	if (table->polymorphic_on)
		table->polymorphic_on_location = get_location_at(r, item, "polymorphic_on_location", where);
	table->polymorphic_identity = copy_string(r, item, "polymorphic_identity", where);
	each(r, table, item, "subclasses", where, read_subclass);
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
		char at[AT_SIZE];
		problem(r, member_at(at, where, "name"), "a table of this name is already defined");
		return;
	}
	mg_table *table = mg_graph_add_table(r->graph, name, table_kind(get_string(r, item, "kind", where)));
	if (!table) {
		problem(r, where, "out of memory");
		return;
	}
	/* The source the table came from, as the document lists them: rules
	 * speak of a C model's fields and of a database's DDL. */
	json_t *source = json_object_get(item, "source");
	if (json_is_integer(source) && json_integer_value(source) >= 0 &&
	    (size_t)json_integer_value(source) < r->nsources)
		table->source_index = r->first_source + (size_t)json_integer_value(source);
	table->schema = copy_string(r, item, "schema", where);
	table->comment = copy_string(r, item, "comment", where);
	table->struct_name = copy_string(r, item, "struct", where);
	table->without_rowid = get_bool(r, item, "without_rowid", where) == MG_TRUE;
	table->virtual_module = copy_string(r, item, "virtual_module", where);
	table->location = get_location(r, item, where);
	read_inheritance(r, table, item, where);
	each(r, table, item, "columns", where, read_column);
	read_keys(r, table, item, where);
	each(r, table, item, "indexes", where, read_index);
	each(r, table, item, "foreign_keys", where, read_foreign_key);
	mg_name_index_free(r->columns); /* the table's columns are all read and named */
	r->columns = NULL;
	each(r, table, item, "relationships", where, read_relationship);
	each(r, table, item, "unmapped_fields", where, read_unmapped_field);
	each(r, table, item, "transient_fields", where, read_transient_field);
}

/* One of `names`, by its index; `fallback` when absent or unknown. */
static int name_index(const char *text, const char *const *names, size_t n, int fallback)
{
	for (size_t i = 0; text && i < n; i++)
		if (strcmp(text, names[i]) == 0)
			return (int)i;
	return fallback;
}

static void read_annotation_problem(reader *r, json_t *item, const char *where)
{
	static const char *const kinds[] = {"syntax", "unknown_option", "invalid_value"};
	static const mg_annotation_problem_kind kind_values[] = {
		MG_ANNOTATION_PROBLEM_SYNTAX, MG_ANNOTATION_PROBLEM_UNKNOWN_OPTION,
		MG_ANNOTATION_PROBLEM_INVALID_VALUE};
	static const char *const subjects[] = {"table", "column", "relationship"};
	static const mg_annotation_subject subject_values[] = {MG_SUBJECT_TABLE, MG_SUBJECT_COLUMN,
							       MG_SUBJECT_RELATIONSHIP};
	const char *message = required_string(r, item, "message", where);
	const char *path = required_string(r, item, "path", where);
	if (r->failed)
		return;
	mg_arena *arena = r->graph->arena;
	int kind = name_index(get_string(r, item, "kind", where), kinds, 3, 0);
	int subject = name_index(get_string(r, item, "subject", where), subjects, 3, 0);
	mg_annotation_problem p = {
		.kind = kind_values[kind],
		.message = mg_arena_strdup(arena, message),
		.text = copy_string(r, item, "text", where),
		.suggestion = copy_string(r, item, "suggestion", where),
		.subject = subject_values[subject],
		.path = mg_arena_strdup(arena, path),
		.location = get_location(r, item, where),
	};
	if (r->failed)
		return;
	if (!p.message || !p.path ||
	    MG_ARENA_PUSH(arena, r->graph->annotation_problems, r->graph->nannotation_problems,
			  r->graph->annotation_problems_cap, p) < 0)
		problem(r, where, "out of memory");
}

static void read_allow(reader *r, json_t *item, const char *where)
{
	const char *rule = required_string(r, item, "rule", where);
	const char *path = required_string(r, item, "path", where);
	if (r->failed)
		return;
	mg_arena *arena = r->graph->arena;
	mg_allow allow = {
		.rule = mg_arena_strdup(arena, rule),
		.reason = copy_string(r, item, "reason", where),
		.path = mg_arena_strdup(arena, path),
		.location = get_location(r, item, where),
	};
	if (r->failed)
		return;
	if (!allow.rule || !allow.path ||
	    MG_ARENA_PUSH(arena, r->graph->allows, r->graph->nallows, r->graph->allows_cap, allow) < 0)
		problem(r, where, "out of memory");
}

static void read_unreadable(reader *r, json_t *item, const char *where)
{
	const char *name = required_string(r, item, "name", where);
	const char *kind = required_string(r, item, "kind", where);
	const char *reason = required_string(r, item, "reason", where);
	if (r->failed)
		return;
	const char *kind_copy = mg_arena_strdup(r->graph->arena, kind);
	mg_location location = get_location(r, item, where);
	if (r->failed)
		return;
	if (!kind_copy || mg_graph_add_unreadable(r->graph, name, kind_copy, reason, location) < 0)
		problem(r, where, "out of memory");
}

static void read_duplicate(reader *r, json_t *item, const char *where)
{
	const char *name = required_string(r, item, "name", where);
	if (r->failed)
		return;
	mg_duplicate_table d = {
		.name = mg_arena_strdup(r->graph->arena, name),
		.kept = get_location_at(r, item, "kept", where),
		.dropped = get_location_at(r, item, "dropped", where),
	};
	if (r->failed)
		return;
	if (!d.name || MG_ARENA_PUSH(r->graph->arena, r->graph->duplicates, r->graph->nduplicates,
				     r->graph->duplicates_cap, d) < 0)
		problem(r, where, "out of memory");
}

/*
 * The document's sources, as they were: a table keeps the kind of input it
 * came from (a C model stays one). The document itself is the last source,
 * the one tables without a "source" belong to. -1 when out of memory.
 */
static int add_sources(reader *r, json_t *root)
{
	static const char *const kinds[] = {"sqlite", "sql", "c", "json", "postgresql", "mysql"};
	static const mg_source_kind kind_values[] = {MG_SOURCE_SQLITE, MG_SOURCE_SQL, MG_SOURCE_C,
						     MG_SOURCE_JSON, MG_SOURCE_POSTGRES, MG_SOURCE_MYSQL};
	json_t *sources = get_array(r, root, "sources", "");
	r->first_source = r->graph->nsources;
	for (size_t i = 0; sources && i < json_array_size(sources); i++) {
		json_t *s = json_array_get(sources, i);
		const char *name = json_is_object(s) ? json_string_value(json_object_get(s, "name")) : NULL;
		const char *kind = json_is_object(s) ? json_string_value(json_object_get(s, "kind")) : NULL;
		int k = name_index(kind, kinds, sizeof(kinds) / sizeof(kinds[0]), 3);
		if (mg_graph_add_source(r->graph, name ? name : r->path, kind_values[k]) == (size_t)-1)
			return -1;
		r->nsources++;
	}
	return mg_graph_add_source(r->graph, r->path, MG_SOURCE_JSON) == (size_t)-1 ? -1 : 0;
}

/* Calls `read` for each element of the document's array member `key`. */
static void each_in_document(reader *r, json_t *root, const char *key,
			     void (*read)(reader *, json_t *, const char *))
{
	json_t *items = get_array(r, root, key, "");
	for (size_t i = 0; items && i < json_array_size(items) && !r->failed; i++) {
		char at[AT_SIZE];
		element_at(at, key, i);
		json_t *item = json_array_get(items, i);
		if (!json_is_object(item))
			problem(r, at, "expected an object");
		else
			read(r, item, at);
	}
}

/*
 * The document in `path`, parsed; NULL with the error set. The whole file
 * is read within the input-mib limit, a byte order mark skipped, and the
 * nesting bounded before jansson descends into it.
 */
static json_t *load_document(const char *path, mg_error *err)
{
	size_t len = 0, line = 0, column = 0;
	char *data = mg_input_read_all(path, &len, err);
	if (!data)
		return NULL;
	size_t bom = mg_json_bom_length(data, len);
	json_t *root = NULL;
	json_error_t json_err;
	if (mg_json_check_depth(data + bom, len - bom, mg_limit(MG_LIMIT_NESTING_DEPTH), &line, &column) < 0)
		mg_error_set(err, "%s:%zu:%zu: arrays and objects nested deeper than graph JSON may be; "
			     MG_LIMIT_ADVICE_FMT, path, line, column, MG_LIMIT_ADVICE_ARGS(MG_LIMIT_NESTING_DEPTH));
	else if (!(root = json_loadb(data + bom, len - bom, JSON_REJECT_DUPLICATES, &json_err)))
		mg_error_set(err, "%s:%d:%d: not valid JSON: %s", path, json_err.line, json_err.column,
			     json_err.text);
	free(data);
	return root;
}

int mg_read_json(mg_graph *graph, const char *path, mg_error *err)
{
	reader r = {.graph = graph, .path = path, .err = err};
	json_t *root = load_document(path, err);
	if (!root)
		return -1;
	const char *format = json_is_object(root) ? get_string(&r, root, "format", "") : NULL;
	json_t *version = json_object_get(root, "version");
	if (!format || strcmp(format, GRAPH_FORMAT) != 0) {
		problem(&r, "format", "not a modelgraph graph (\"format\" must be \"" GRAPH_FORMAT "\")");
	} else if (!json_is_integer(version) || json_integer_value(version) != GRAPH_VERSION) {
		problem(&r, "version", "this modelgraph reads version 1 of the graph format");
	} else if (add_sources(&r, root) < 0) {
		problem(&r, "", "out of memory");
	} else {
		if (get_bool(&r, root, "declares_relationships", "") == MG_TRUE)
			graph->declares_relationships = true;
		each_in_document(&r, root, "tables", read_table);
		each_in_document(&r, root, "annotation_problems", read_annotation_problem);
		each_in_document(&r, root, "allows", read_allow);
		each_in_document(&r, root, "unreadable", read_unreadable);
		each_in_document(&r, root, "duplicates", read_duplicate);
	}
	mg_name_index_free(r.columns);
	json_decref(root);
	return r.failed ? -1 : 0;
}
