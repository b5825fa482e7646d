#include "analyzer/resolve/resolve.h"

#include <stdlib.h>
#include <string.h>

#include "util/text.h"

#define NAME_COMPARATOR(fn, type, field)                                           \
	static int fn(const void *a, const void *b)                                \
	{                                                                          \
		return mg_name_order((*(type *const *)a)->field, (*(type *const *)b)->field); \
	}

NAME_COMPARATOR(cmp_tables, mg_table, name)
NAME_COMPARATOR(cmp_indexes, mg_index, name)
NAME_COMPARATOR(cmp_foreign_keys, mg_foreign_key, name)
NAME_COMPARATOR(cmp_relationships, mg_relationship, name)
NAME_COMPARATOR(cmp_foreign_key_paths, mg_foreign_key, path)

static void sort_array(void *items, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(items, n, size, cmp);
}

/* Deterministic order everywhere: same schema, same bytes out. */
static void sort_graph(mg_graph *graph)
{
	sort_array(graph->tables, graph->ntables, sizeof(mg_table *), cmp_tables);
	for (size_t i = 0; i < graph->ntables; i++) {
		mg_table *t = graph->tables[i];
		sort_array(t->indexes, t->nindexes, sizeof(mg_index *), cmp_indexes);
		sort_array(t->foreign_keys, t->nforeign_keys, sizeof(mg_foreign_key *), cmp_foreign_keys);
		sort_array(t->relationships, t->nrelationships, sizeof(mg_relationship *),
			   cmp_relationships);
		sort_array(t->referenced_by, t->nreferenced_by, sizeof(mg_foreign_key *),
			   cmp_foreign_key_paths);
	}
}

static int resolve_foreign_key(mg_graph *graph, mg_foreign_key *fk)
{
	fk->unique = mg_table_is_key(fk->child, fk->columns, fk->ncolumns);
	fk->parent = mg_graph_find_table(graph, fk->parent_name);
	if (!fk->parent)
		return 0;
	if (MG_ARENA_PUSH(graph->arena, fk->parent->referenced_by, fk->parent->nreferenced_by,
			  fk->parent->referenced_by_cap, fk) < 0)
		return -1;
	fk->parent_columns = mg_arena_alloc(graph->arena, fk->ncolumns * sizeof(mg_column *));
	if (!fk->parent_columns)
		return -1;
	for (size_t i = 0; i < fk->ncolumns; i++) {
		if (fk->nparent_columns)
			fk->parent_columns[i] = mg_table_find_column(fk->parent, fk->parent_column_names[i]);
		else if (fk->parent->npk == fk->ncolumns)
			fk->parent_columns[i] = fk->parent->primary_key[i];
	}
	return 0;
}

static bool fk_has_column(const mg_foreign_key *fk, const mg_column *column)
{
	for (size_t i = 0; i < fk->ncolumns; i++)
		if (fk->columns[i] == column)
			return true;
	return false;
}

/*
 * A pure association table, as SQLAlchemy's `secondary` wants it: exactly
 * two declared foreign keys to existing tables, and no column that is not
 * part of one of them.
 */
static bool is_pure_association(const mg_table *t)
{
	if (t->kind != MG_TABLE_PLAIN || t->nforeign_keys < 2 || t->ncolumns < 2)
		return false;
	size_t declared = 0;
	for (size_t i = 0; i < t->nforeign_keys; i++) {
		if (t->foreign_keys[i]->implied)
			continue;
		if (!t->foreign_keys[i]->parent)
			return false;
		declared++;
	}
	if (declared != 2)
		return false;
	for (size_t c = 0; c < t->ncolumns; c++) {
		bool covered = false;
		for (size_t i = 0; i < t->nforeign_keys && !covered; i++)
			covered = !t->foreign_keys[i]->implied && fk_has_column(t->foreign_keys[i], t->columns[c]);
		if (!covered)
			return false;
	}
	return true;
}

bool mg_graph_declares_relationships(const mg_graph *graph)
{
	if (graph->declares_relationships)
		return true;
	for (size_t i = 0; i < graph->nsources; i++)
		if (graph->sources[i].kind == MG_SOURCE_C)
			return true;
	/* Graph JSON declares them when it holds any: the JSON reader keeps only
	 * declared relationships (derived ones are resolve's to make again). */
	for (size_t i = 0; i < graph->ntables; i++)
		if (graph->tables[i]->nrelationships)
			return true;
	return false;
}

/* Whether implied foreign key `fk` joins the columns the virtual foreign key
 * `v` of a join condition does, to the same table. */
static bool same_join(const mg_foreign_key *fk, const mg_foreign_key *v)
{
	if (fk->child != v->child || fk->parent != v->parent || fk->ncolumns != v->ncolumns)
		return false;
	for (size_t i = 0; i < fk->ncolumns; i++)
		if (fk->columns[i] != v->columns[i])
			return false;
	return true;
}

static void drop_implied_like(mg_foreign_key *v)
{
	mg_table *t = v->child;
	size_t kept = 0;
	for (size_t i = 0; i < t->nforeign_keys; i++)
		if (!(t->foreign_keys[i]->implied && same_join(t->foreign_keys[i], v)))
			t->foreign_keys[kept++] = t->foreign_keys[i];
	t->nforeign_keys = kept;
}

/* A column a join condition marks foreign without a database foreign key is
 * a "virtual" foreign key the models chose: the guess fk-implied would make
 * from its name says nothing the models did not, and a diagram would draw
 * the link twice. */
static void drop_implied_joined(mg_graph *graph)
{
	for (size_t i = 0; i < graph->ntables; i++) {
		mg_table *t = graph->tables[i];
		for (size_t j = 0; j < t->nrelationships; j++) {
			mg_foreign_key *fks[2] = {t->relationships[j]->via, t->relationships[j]->secondary_via};
			for (size_t k = 0; k < 2; k++)
				if (fks[k] && fks[k]->virtual_join && fks[k]->child)
					drop_implied_like(fks[k]);
		}
	}
}

int mg_resolve(mg_graph *graph, mg_error *err)
{
	for (size_t i = 0; i < graph->ntables; i++) {
		mg_table *t = graph->tables[i];
		for (size_t j = 0; j < t->nforeign_keys; j++)
			if (resolve_foreign_key(graph, t->foreign_keys[j]) < 0)
				goto oom;
	}
	if (mg_resolve_implied_foreign_keys(graph) < 0)
		goto oom;
	for (size_t i = 0; i < graph->ntables; i++) {
		mg_table *t = graph->tables[i];
		for (size_t j = 0; j < t->nforeign_keys; j++)
			if (t->foreign_keys[j]->implied && !t->foreign_keys[j]->parent_columns &&
			    resolve_foreign_key(graph, t->foreign_keys[j]) < 0)
				goto oom;
		if (is_pure_association(t))
			t->kind = MG_TABLE_ASSOCIATION;
	}
	/* Derived names depend on the order foreign keys are met in ("_2" goes to
	 * the second): sorted first, the same schema gets the same names
	 * whatever order a reader produced it in. */
	sort_graph(graph);
	if (mg_resolve_inheritance(graph) < 0)
		goto oom;
	if (!mg_graph_declares_relationships(graph)) {
		if (mg_resolve_derived_relationships(graph) < 0)
			goto oom;
		sort_graph(graph); /* nothing changed otherwise: sorted it stays */
	}
	/* Declared relationships resolve in name order, so which of two clashing
	 * backrefs is made does not depend on reading order; the backrefs they
	 * add are sorted in afterwards. */
	if (mg_graph_declares_relationships(graph)) {
		if (mg_resolve_relationships(graph) < 0)
			goto oom;
		drop_implied_joined(graph);
		for (size_t i = 0; i < graph->ntables; i++) {
			mg_table *t = graph->tables[i];
			sort_array(t->relationships, t->nrelationships, sizeof(mg_relationship *),
				   cmp_relationships);
		}
	}
	graph->resolved = true;
	return 0;
oom:
	mg_error_set(err, "out of memory while resolving the graph");
	return -1;
}
