#include "analyzer/core/graph.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/core/name_index.h"
#include "analyzer/core/sql_type.h"
#include "util/text.h"

mg_graph *mg_graph_new(void)
{
	mg_graph *graph = calloc(1, sizeof(*graph));
	if (!graph)
		return NULL;
	graph->arena = mg_arena_new();
	graph->table_index = mg_name_index_new(true);
	graph->type_index = mg_name_index_new(false);
	if (!graph->arena || !graph->table_index || !graph->type_index) {
		mg_graph_free(graph);
		return NULL;
	}
	graph->case_insensitive = true;
	return graph;
}

void mg_graph_free(mg_graph *graph)
{
	if (!graph)
		return;
	mg_name_index_free(graph->table_index);
	mg_name_index_free(graph->type_index);
	mg_arena_free(graph->arena);
	free(graph);
}

size_t mg_graph_add_source(mg_graph *graph, const char *name, mg_source_kind kind)
{
	mg_source source = {.name = mg_arena_strdup(graph->arena, name), .kind = kind};
	if (!source.name || MG_ARENA_PUSH(graph->arena, graph->sources, graph->nsources,
					  graph->sources_cap, source) < 0)
		return (size_t)-1;
	return graph->nsources - 1;
}

int mg_graph_name_cmp(const mg_graph *graph, const char *a, const char *b)
{
	return graph->case_insensitive ? mg_ascii_casecmp(a, b) : strcmp(a, b);
}

mg_table *mg_graph_add_table(mg_graph *graph, const char *name, mg_table_kind kind)
{
	mg_table *table = mg_arena_alloc(graph->arena, sizeof(*table));
	if (!table)
		return NULL;
	table->graph = graph;
	table->name = mg_arena_strdup(graph->arena, name);
	table->path = table->name;
	table->kind = kind;
	table->source_index = graph->nsources ? graph->nsources - 1 : 0;
	if (!table->name || MG_ARENA_PUSH(graph->arena, graph->tables, graph->ntables,
					  graph->tables_cap, table) < 0)
		return NULL;
	/* The first table of a name wins the lookup; mg_graph_check reports the clash. */
	if (!mg_name_index_get(graph->table_index, table->name) &&
	    mg_name_index_put(graph->table_index, table->name, table) < 0)
		return NULL;
	return table;
}

/* A schema repeats a handful of types over thousands of columns: each
 * declared spelling is copied and normalised once. */
typedef struct type_entry {
	const char *declared, *normalized;
	mg_type_family family;
} type_entry;

static const type_entry *intern_type(mg_graph *graph, const char *declared)
{
	type_entry *entry = mg_name_index_get(graph->type_index, declared);
	if (entry)
		return entry;
	entry = mg_arena_alloc(graph->arena, sizeof(*entry));
	if (!entry || !(entry->declared = mg_arena_strdup(graph->arena, declared)) ||
	    !(entry->normalized = mg_sql_type_normalize(graph->arena, declared)))
		return NULL;
	entry->family = mg_sql_type_family(entry->normalized);
	return mg_name_index_put(graph->type_index, entry->declared, entry) < 0 ? NULL : entry;
}

/* "<a>.<b>" in arena memory. */
static char *join_path(mg_arena *arena, const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *path = mg_arena_alloc(arena, la + lb + 2);
	if (path) {
		memcpy(path, a, la);
		path[la] = '.';
		memcpy(path + la + 1, b, lb + 1);
	}
	return path;
}

int mg_table_reserve_columns(mg_table *table, size_t n)
{
	if (table->columns_cap >= n)
		return 0;
	mg_column **columns = mg_arena_alloc(table->graph->arena, n * sizeof(*columns));
	if (!columns)
		return -1;
	if (table->ncolumns)
		memcpy(columns, table->columns, table->ncolumns * sizeof(*columns));
	table->columns = columns;
	table->columns_cap = n;
	return 0;
}

mg_column *mg_table_add_column(mg_table *table, const char *name, const char *declared_type)
{
	mg_arena *arena = table->graph->arena;
	mg_column *column = mg_arena_alloc(arena, sizeof(*column));
	const type_entry *type = intern_type(table->graph, declared_type ? declared_type : "");
	if (!column || !type)
		return NULL;
	column->table = table;
	/* The name is the tail of the path "table.column": one copy, not two. */
	column->path = name ? join_path(arena, table->path, name) : NULL;
	column->name = column->path ? column->path + strlen(table->path) + 1 : NULL;
	column->type = type->declared;
	column->sql_type = type->normalized;
	column->family = type->family;
	column->nullable = true;
	column->position = (unsigned)table->ncolumns;
	column->location = table->location;
	if (!column->name || !column->path ||
	    MG_ARENA_PUSH(arena, table->columns, table->ncolumns, table->columns_cap, column) < 0)
		return NULL;
	return column;
}

int mg_table_add_primary_key_column(mg_table *table, mg_column *column)
{
	if (MG_ARENA_PUSH(table->graph->arena, table->primary_key, table->npk, table->pk_cap,
			  column) < 0)
		return -1;
	column->pk_position = (unsigned)table->npk;
	column->nullable = false;
	return 0;
}

mg_index *mg_table_add_index(mg_table *table, const char *name, bool unique, mg_index_origin origin)
{
	mg_arena *arena = table->graph->arena;
	mg_index *index = mg_arena_alloc(arena, sizeof(*index));
	if (!index)
		return NULL;
	index->table = table;
	index->path = name ? join_path(arena, table->path, name) : NULL;
	index->name = index->path ? index->path + strlen(table->path) + 1 : NULL; /* as a column's */
	index->unique = unique;
	index->origin = origin;
	index->location = table->location;
	if (!index->name || !index->path ||
	    MG_ARENA_PUSH(arena, table->indexes, table->nindexes, table->indexes_cap, index) < 0)
		return NULL;
	return index;
}

/*
 * The capacity of an array of `count` items that only MG_ARENA_PUSH has
 * grown (4, then doubling), for arrays that keep no capacity of their own:
 * passing the count instead would copy the array on every push, time and
 * arena memory in the square of its length (graph JSON sets no bound on
 * the columns of a key).
 */
static size_t pushed_capacity(size_t count)
{
	size_t cap = count ? 4 : 0;
	while (cap < count)
		cap *= 2;
	return cap;
}

int mg_index_add_column(mg_index *index, mg_column *column)
{
	size_t cap = pushed_capacity(index->ncolumns);
	return MG_ARENA_PUSH(index->table->graph->arena, index->columns, index->ncolumns, cap,
			     column);
}

int mg_index_set_collation(mg_index *index, size_t i, const char *collation)
{
	mg_arena *arena = index->table->graph->arena;
	if (i >= index->ncolumns)
		return -1;
	if (!index->collations) {
		index->collations = mg_arena_alloc(arena, index->ncolumns * sizeof(*index->collations));
		if (!index->collations)
			return -1;
		for (size_t k = 0; k < index->ncolumns; k++)
			index->collations[k] = NULL;
	}
	index->collations[i] = collation ? mg_arena_strdup(arena, collation) : NULL;
	return collation && !index->collations[i] ? -1 : 0;
}

mg_unique *mg_table_add_unique(mg_table *table, const char *name)
{
	mg_unique unique = {.name = mg_arena_strdup(table->graph->arena, name)};
	if (MG_ARENA_PUSH(table->graph->arena, table->uniques, table->nuniques, table->uniques_cap,
			  unique) < 0)
		return NULL;
	return &table->uniques[table->nuniques - 1];
}

int mg_unique_add_column(mg_table *table, mg_unique *unique, mg_column *column)
{
	size_t cap = pushed_capacity(unique->ncolumns);
	return MG_ARENA_PUSH(table->graph->arena, unique->columns, unique->ncolumns, cap, column);
}

mg_foreign_key *mg_table_add_foreign_key(mg_table *table, const char *name, const char *parent_name)
{
	mg_arena *arena = table->graph->arena;
	mg_foreign_key *fk = mg_arena_alloc(arena, sizeof(*fk));
	if (!fk)
		return NULL;
	fk->child = table;
	fk->name = mg_arena_strdup(arena, name);
	fk->parent_name = mg_arena_strdup(arena, parent_name);
	fk->path = join_path(arena, table->path, name);
	fk->location = table->location;
	if (!fk->name || !fk->parent_name || !fk->path ||
	    MG_ARENA_PUSH(arena, table->foreign_keys, table->nforeign_keys,
			  table->foreign_keys_cap, fk) < 0)
		return NULL;
	return fk;
}

int mg_foreign_key_add_column(mg_foreign_key *fk, mg_column *child, const char *parent_column)
{
	mg_arena *arena = fk->child->graph->arena;
	size_t cap = pushed_capacity(fk->ncolumns);
	if (MG_ARENA_PUSH(arena, fk->columns, fk->ncolumns, cap, child) < 0)
		return -1;
	if (!parent_column)
		return 0;
	const char *copy = mg_arena_strdup(arena, parent_column);
	cap = pushed_capacity(fk->nparent_columns);
	if (!copy || MG_ARENA_PUSH(arena, fk->parent_column_names, fk->nparent_columns, cap, copy) < 0)
		return -1;
	return 0;
}

mg_relationship *mg_table_add_relationship(mg_table *table, const char *name, const char *target_name)
{
	mg_arena *arena = table->graph->arena;
	mg_relationship *rel = mg_arena_alloc(arena, sizeof(*rel));
	if (!rel)
		return NULL;
	rel->source = table;
	rel->name = mg_arena_strdup(arena, name);
	rel->target_name = mg_arena_strdup(arena, target_name);
	rel->uselist = MG_UNSET;
	rel->viewonly = MG_UNSET;
	rel->c_collection = MG_UNSET;
	rel->single_parent = MG_UNSET;
	rel->collection = MG_UNSET;
	rel->post_update = MG_UNSET;
	rel->sync_backref = MG_UNSET;
	rel->path = join_path(arena, table->path, name);
	rel->location = table->location;
	if (!rel->name || !rel->target_name || !rel->path ||
	    MG_ARENA_PUSH(arena, table->relationships, table->nrelationships,
			  table->relationships_cap, rel) < 0)
		return NULL;
	return rel;
}

mg_table *mg_graph_find_table(const mg_graph *graph, const char *name)
{
	mg_table *table = mg_name_index_get(graph->table_index, name);
	/* The index always folds case; a case-sensitive graph checks exactly. */
	if (table && !graph->case_insensitive && strcmp(table->name, name) != 0) {
		for (size_t i = 0; i < graph->ntables; i++)
			if (strcmp(graph->tables[i]->name, name) == 0)
				return graph->tables[i];
		return NULL;
	}
	return table;
}

mg_column *mg_table_find_column(const mg_table *table, const char *name)
{
	/* Readers ask before adding each column: the first byte settles most. */
	if (table->graph->case_insensitive) {
		char first = mg_ascii_tolower(name[0]);
		for (size_t i = 0; i < table->ncolumns; i++) {
			const char *other = table->columns[i]->name;
			if (mg_ascii_tolower(other[0]) == first && mg_ascii_casecmp(other, name) == 0)
				return table->columns[i];
		}
		return NULL;
	}
	for (size_t i = 0; i < table->ncolumns; i++) {
		const char *other = table->columns[i]->name;
		if (other[0] == name[0] && strcmp(other, name) == 0)
			return table->columns[i];
	}
	return NULL;
}

mg_relationship *mg_table_find_relationship(const mg_table *table, const char *name)
{
	for (size_t i = 0; i < table->nrelationships; i++)
		if (mg_graph_name_cmp(table->graph, table->relationships[i]->name, name) == 0)
			return table->relationships[i];
	return NULL;
}

mg_relationship *mg_table_relationship_named(const mg_table *table, const char *name)
{
	if (!table->graph->resolved) {
		for (size_t i = 0; i < table->nrelationships; i++)
			if (strcmp(table->relationships[i]->name, name) == 0)
				return table->relationships[i];
		return NULL;
	}
	/* Sorted by mg_name_order, which is 0 only for equal strings: the
	 * first element not below `name` is the first of its name, if any. */
	size_t lo = 0, hi = table->nrelationships;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (mg_name_order(table->relationships[mid]->name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < table->nrelationships && strcmp(table->relationships[lo]->name, name) == 0)
		return table->relationships[lo];
	return NULL;
}

/* True when `set` (n columns) and `key` (m columns) hold the same columns. */
static bool same_column_set(mg_column *const *set, size_t n, mg_column *const *key, size_t m)
{
	if (n != m || n == 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		bool found = false;
		for (size_t j = 0; j < m && !found; j++)
			found = set[i] == key[j];
		if (!found)
			return false;
	}
	return true;
}

bool mg_table_is_key(const mg_table *table, mg_column *const *columns, size_t ncolumns)
{
	if (same_column_set(columns, ncolumns, table->primary_key, table->npk))
		return true;
	for (size_t i = 0; i < table->nuniques; i++)
		if (same_column_set(columns, ncolumns, table->uniques[i].columns,
				    table->uniques[i].ncolumns))
			return true;
	for (size_t i = 0; i < table->nindexes; i++) {
		const mg_index *index = table->indexes[i];
		if (index->unique && !index->partial &&
		    same_column_set(columns, ncolumns, index->columns, index->ncolumns))
			return true;
	}
	return false;
}

const char *mg_table_kind_name(mg_table_kind kind)
{
	switch (kind) {
	case MG_TABLE_MODEL: return "model";
	case MG_TABLE_PLAIN: return "table";
	case MG_TABLE_ASSOCIATION: return "association";
	case MG_TABLE_VIEW: return "view";
	}
	return "table";
}

const char *mg_fk_action_name(mg_fk_action action)
{
	switch (action) {
	case MG_ACTION_NONE: return NULL;
	case MG_ACTION_NO_ACTION: return "NO ACTION";
	case MG_ACTION_RESTRICT: return "RESTRICT";
	case MG_ACTION_CASCADE: return "CASCADE";
	case MG_ACTION_SET_NULL: return "SET NULL";
	case MG_ACTION_SET_DEFAULT: return "SET DEFAULT";
	}
	return NULL;
}

mg_fk_action mg_fk_action_parse(const char *text)
{
	static const mg_fk_action actions[] = {MG_ACTION_NO_ACTION, MG_ACTION_RESTRICT,
					       MG_ACTION_CASCADE, MG_ACTION_SET_NULL,
					       MG_ACTION_SET_DEFAULT};
	if (!text)
		return MG_ACTION_NONE;
	for (size_t i = 0; i < sizeof(actions) / sizeof(actions[0]); i++)
		if (mg_ascii_casecmp(text, mg_fk_action_name(actions[i])) == 0)
			return actions[i];
	return MG_ACTION_NONE;
}

const char *mg_cardinality_name(mg_cardinality kind)
{
	switch (kind) {
	case MG_CARD_UNKNOWN: return "unknown";
	case MG_CARD_ONE_TO_MANY: return "one-to-many";
	case MG_CARD_MANY_TO_ONE: return "many-to-one";
	case MG_CARD_ONE_TO_ONE: return "one-to-one";
	case MG_CARD_MANY_TO_MANY: return "many-to-many";
	}
	return "unknown";
}

const char *mg_type_family_name(mg_type_family family)
{
	switch (family) {
	case MG_TYPE_UNKNOWN: return "unknown";
	case MG_TYPE_INTEGER: return "integer";
	case MG_TYPE_REAL: return "real";
	case MG_TYPE_NUMERIC: return "numeric";
	case MG_TYPE_TEXT: return "text";
	case MG_TYPE_BLOB: return "blob";
	case MG_TYPE_BOOLEAN: return "boolean";
	case MG_TYPE_DATETIME: return "datetime";
	}
	return "unknown";
}

/* ---- invariants ---- */

/* The description of the last violation, at its full length; it stays
 * allocated until the next check replaces it. */
static char *check_message;

static const char *check_failed(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static const char *check_failed(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	free(check_message);
	check_message = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (!check_message)
		return "a graph invariant is broken (no memory to say which)";
	va_start(ap, fmt);
	vsnprintf(check_message, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return check_message;
}

#define FAIL(...) return check_failed(__VA_ARGS__)

static const char *check_table(const mg_graph *graph, const mg_table *t)
{
	if (t->graph != graph)
		FAIL("table %s: wrong graph back-link", t->name);
	if (!t->path || !t->name)
		FAIL("table without name or path");
	for (size_t i = 0; i < t->ncolumns; i++) {
		const mg_column *c = t->columns[i];
		if (c->table != t)
			FAIL("column %s: wrong table back-link", c->path);
		if (c->position != i)
			FAIL("column %s: position %u, expected %zu", c->path, c->position, i);
		for (size_t j = 0; j < i; j++)
			if (mg_graph_name_cmp(graph, t->columns[j]->name, c->name) == 0)
				FAIL("table %s: column %s twice", t->name, c->name);
	}
	for (size_t i = 0; i < t->npk; i++)
		if (t->primary_key[i]->table != t || t->primary_key[i]->pk_position != i + 1)
			FAIL("table %s: primary key column %zu inconsistent", t->name, i);
	for (size_t i = 0; i < t->nindexes; i++)
		for (size_t j = 0; j < t->indexes[i]->ncolumns; j++) {
			const mg_column *c = t->indexes[i]->columns[j];
			if (c && c->table != t)
				FAIL("index %s: column of another table", t->indexes[i]->path);
		}
	for (size_t i = 0; i < t->nforeign_keys; i++) {
		const mg_foreign_key *fk = t->foreign_keys[i];
		if (fk->child != t)
			FAIL("foreign key %s: wrong child back-link", fk->path);
		if (fk->ncolumns == 0)
			FAIL("foreign key %s: no columns", fk->path);
		if (fk->nparent_columns && fk->nparent_columns != fk->ncolumns)
			FAIL("foreign key %s: %zu columns reference %zu", fk->path, fk->ncolumns,
			     fk->nparent_columns);
		if (graph->resolved && fk->parent && fk->parent != mg_graph_find_table(graph, fk->parent_name))
			FAIL("foreign key %s: parent resolved to the wrong table", fk->path);
		if (graph->resolved && !fk->parent && mg_graph_find_table(graph, fk->parent_name))
			FAIL("foreign key %s: parent left unresolved", fk->path);
	}
	for (size_t i = 0; i < t->nrelationships; i++) {
		const mg_relationship *r = t->relationships[i];
		if (r->source != t)
			FAIL("relationship %s: wrong source back-link", r->path);
		if (r->inverse && r->inverse->inverse != r)
			FAIL("relationship %s: inverse does not point back", r->path);
		if (r->from_backref && (!r->inverse || !r->inverse->backref ||
					strcmp(r->inverse->backref, r->name) != 0))
			FAIL("relationship %s: made for a backref that does not name it", r->path);
		if (r->candidate_inverse && r->candidate_inverse->candidate_inverse != r)
			FAIL("relationship %s: candidate inverse does not point back", r->path);
		if (graph->resolved && i > 0 && mg_name_order(t->relationships[i - 1]->name, r->name) > 0)
			FAIL("relationships of %s not sorted at %s", t->name, r->name);
	}
	for (size_t i = 0; i < t->nreferenced_by; i++)
		if (t->referenced_by[i]->parent != t)
			FAIL("table %s: referenced_by holds a foreign key to another table", t->name);
	return NULL;
}

const char *mg_graph_check(const mg_graph *graph)
{
	for (size_t i = 0; i < graph->ntables; i++) {
		const mg_table *t = graph->tables[i];
		const mg_table *found = mg_graph_find_table(graph, t->name);
		if (found == NULL)
			FAIL("table %s: not found by name", t->name);
		/* The lookup finds the first table of a name: a later one of the same
		 * input, spelled alike or only in another case, is a clash. (A table
		 * of another input may describe the same table again.) */
		if (found != t && found->source_index == t->source_index)
			FAIL("tables %s and %s: one name twice", found->name, t->name);
		if (graph->resolved && i > 0 &&
		    mg_name_order(graph->tables[i - 1]->name, t->name) > 0)
			FAIL("tables not sorted at %s", t->name);
		const char *problem = check_table(graph, t);
		if (problem)
			return problem;
	}
	return NULL;
}

int mg_graph_add_unreadable(mg_graph *graph, const char *name, const char *kind, const char *reason,
			    mg_location location)
{
	mg_unreadable u = {
		.name = mg_arena_strdup(graph->arena, name),
		.kind = kind,
		.reason = mg_arena_strdup(graph->arena, reason),
		.location = location,
	};
	if (!u.name || !u.reason)
		return -1;
	return MG_ARENA_PUSH(graph->arena, graph->unreadable, graph->nunreadable, graph->unreadable_cap, u);
}

int mg_graph_drop_tables(mg_graph *graph, bool (*drop)(const mg_table *table, void *payload),
			 void *payload)
{
	size_t kept = 0;
	for (size_t i = 0; i < graph->ntables; i++)
		if (!drop(graph->tables[i], payload))
			graph->tables[kept++] = graph->tables[i];
	if (kept == graph->ntables)
		return 0;
	graph->ntables = kept;
	mg_name_index *index = mg_name_index_new(true);
	if (!index)
		return -1;
	for (size_t i = 0; i < graph->ntables; i++)
		if (!mg_name_index_get(index, graph->tables[i]->name) &&
		    mg_name_index_put(index, graph->tables[i]->name, graph->tables[i]) < 0) {
			mg_name_index_free(index);
			return -1;
		}
	mg_name_index_free(graph->table_index);
	graph->table_index = index;
	return 0;
}

mg_relationship *mg_relationship_options_new(mg_graph *graph)
{
	mg_relationship *rel = mg_arena_alloc(graph->arena, sizeof(*rel));
	if (!rel)
		return NULL;
	rel->uselist = rel->viewonly = rel->c_collection = rel->single_parent = MG_UNSET;
	rel->collection = rel->post_update = rel->sync_backref = MG_UNSET;
	return rel;
}
