/*
 * What a diagram draws: the tables of a scope, the "+k more" stubs at its
 * border, the clusters, and the edges between drawn tables with their
 * crow's-foot ends. Everything is sorted by name, so every format draws the
 * same diagram whatever order the sources were read in.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "render/diagram.h"
#include "render/diagram_internal.h"
#include "util/text.h"

int mg_table_map_init(mg_table_map *map, size_t count)
{
	size_t size = 16;
	while (size < count * 2)
		size *= 2;
	map->keys = calloc(size, sizeof(*map->keys));
	map->values = calloc(size, sizeof(*map->values));
	map->mask = size - 1;
	return map->keys && map->values ? 0 : -1;
}

void mg_table_map_free(mg_table_map *map)
{
	free(map->keys);
	free(map->values);
}

static size_t map_slot(const mg_table_map *map, const mg_table *table)
{
	size_t h = (size_t)((uintptr_t)table >> 4) * (size_t)0x9E3779B97F4A7C15ull;
	size_t i = h & map->mask;
	while (map->keys[i] && map->keys[i] != table)
		i = (i + 1) & map->mask;
	return i;
}

void mg_table_map_put(mg_table_map *map, const mg_table *table, size_t value)
{
	size_t i = map_slot(map, table);
	map->keys[i] = table;
	map->values[i] = value;
}

size_t mg_table_map_get(const mg_table_map *map, const mg_table *table)
{
	if (!table)
		return SIZE_MAX;
	size_t i = map_slot(map, table);
	return map->keys[i] ? map->values[i] : SIZE_MAX;
}

bool mg_diagram_collapsible(const mg_diagram_options *options, const mg_table *t)
{
	return options->collapse_association && t->kind == MG_TABLE_ASSOCIATION &&
	       t->nforeign_keys == 2 && t->foreign_keys[0]->parent && t->foreign_keys[1]->parent;
}

void mg_diagram_each_neighbour(const mg_diagram_options *options, const mg_table *t,
			       void (*visit)(const mg_table *table, void *payload), void *payload)
{
	for (size_t i = 0; i < t->nforeign_keys; i++)
		if (t->foreign_keys[i]->parent)
			visit(t->foreign_keys[i]->parent, payload);
	for (size_t i = 0; i < t->nreferenced_by; i++) {
		const mg_table *child = t->referenced_by[i]->child;
		if (!mg_diagram_collapsible(options, child)) {
			visit(child, payload);
			continue;
		}
		for (size_t k = 0; k < 2; k++)
			if (child->foreign_keys[k]->parent != t || child->foreign_keys[1 - k]->parent == t)
				visit(child->foreign_keys[k]->parent, payload);
	}
}

char *mg_diagram_cluster_key(const mg_graph *graph, const mg_table *t, mg_diagram_group group_by)
{
	const char *text = NULL;
	size_t len = 0;
	switch (group_by) {
	case MG_GROUP_NONE:
		return NULL;
	case MG_GROUP_FILE: {
		/* Where the table is declared (a header included by another input
		 * stays itself), else the input it was read from. */
		text = t->location.file ? t->location.file
		       : t->source_index < graph->nsources ? graph->sources[t->source_index].name : "";
		const char *slash = strrchr(text, '/');
		if (slash && text[0] == '/') /* never an absolute path: the file's own name */
			text = slash + 1;
		len = strlen(text);
		break;
	}
	case MG_GROUP_SCHEMA:
		text = t->schema ? t->schema : "main";
		len = strlen(text);
		break;
	case MG_GROUP_PREFIX:
		text = t->name;
		len = strcspn(text, "_");
		break;
	default:
		return NULL;
	}
	char *key = malloc(len + 1);
	if (key) {
		memcpy(key, text, len);
		key[len] = '\0';
	}
	return key;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void mg_diagram_free_names(char **names, size_t count)
{
	for (size_t i = 0; names && i < count; i++)
		free(names[i]);
	free(names);
}

/* Sorted distinct keys with at least two members; keys[i] may be NULL. */
static size_t distinct_clusters(char **keys, size_t n, char ***out)
{
	char **sorted = NULL, **names = NULL;
	size_t count = 0, status = (size_t)-1;
	*out = NULL;
	if (n == 0)
		return 0;
	sorted = malloc(n * sizeof(*sorted));
	names = calloc(n, sizeof(*names));
	if (!sorted || !names)
		goto cleanup;
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (keys[i])
			sorted[m++] = keys[i];
	qsort(sorted, m, sizeof(*sorted), cmp_names);
	for (size_t i = 0; i < m;) {
		size_t j = i;
		while (j < m && strcmp(sorted[j], sorted[i]) == 0)
			j++;
		if (j - i >= 2) {
			names[count] = strdup(sorted[i]);
			if (!names[count])
				goto cleanup;
			count++;
		}
		i = j;
	}
	status = count;
	if (count) {
		*out = names;
		names = NULL;
	}
cleanup:
	mg_diagram_free_names(names, count);
	free(sorted);
	return status;
}

size_t mg_diagram_clusters(const mg_graph *graph, mg_diagram_group group_by, char ***out)
{
	size_t n = graph->ntables, status = (size_t)-1;
	char **keys = calloc(n ? n : 1, sizeof(*keys));
	*out = NULL;
	if (!keys)
		return status;
	for (size_t i = 0; i < n; i++) {
		keys[i] = mg_diagram_cluster_key(graph, graph->tables[i], group_by);
		if (group_by != MG_GROUP_NONE && !keys[i])
			goto cleanup;
	}
	status = distinct_clusters(keys, n, out);
cleanup:
	mg_diagram_free_names(keys, n);
	return status;
}

static void put_hex_byte(mg_buf *out, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	mg_buf_putc(out, '-');
	mg_buf_putc(out, hex[c >> 4]);
	mg_buf_putc(out, hex[c & 15]);
}

void mg_diagram_id(mg_buf *out, const char *name)
{
	const unsigned char *p = (const unsigned char *)name;
	if (!*p)
		mg_buf_putc(out, '-'); /* no other name gives a '-' without two hex digits */
	for (; *p; p++) {
		if (mg_ascii_isalnum((char)*p) || *p == '_')
			mg_buf_putc(out, (char)*p);
		else
			put_hex_byte(out, *p);
	}
}

/* Marks for a breadth-first walk from the scope's tables. */
typedef struct walk {
	mg_table_map seen;             /* table -> distance */
	const mg_table **queue;
	size_t nqueue, cap;
	size_t distance;            /* of the tables being expanded, plus one */
	int failed;
} walk;

static void walk_visit(const mg_table *table, void *payload)
{
	walk *w = payload;
	if (mg_table_map_get(&w->seen, table) != SIZE_MAX)
		return;
	mg_table_map_put(&w->seen, table, w->distance);
	w->queue[w->nqueue++] = table;
}

/* Counts distinct neighbours that are not drawn. */
typedef struct more_count {
	const mg_table_map *drawn;
	const mg_table **found;
	size_t nfound;
} more_count;

static void more_visit(const mg_table *table, void *payload)
{
	more_count *m = payload;
	if (mg_table_map_get(m->drawn, table) != SIZE_MAX)
		return;
	for (size_t i = 0; i < m->nfound; i++)
		if (m->found[i] == table)
			return;
	m->found[m->nfound++] = table;
}

static size_t neighbour_bound(const mg_table *t)
{
	return 2 * (t->nforeign_keys + t->nreferenced_by) + 1;
}

/* Which tables of the graph the scope draws: sets in[i] for graph->tables[i]. */
static int select_tables(const mg_graph *graph, const mg_diagram_scope *scope,
			 const mg_diagram_options *options, bool *in, mg_error *err)
{
	size_t n = graph->ntables;
	int status = -1;
	char *key = NULL;
	walk w = {0};
	switch (scope->kind) {
	case MG_SCOPE_ALL:
		for (size_t i = 0; i < n; i++)
			in[i] = !mg_diagram_collapsible(options, graph->tables[i]);
		return 0;
	case MG_SCOPE_CLUSTER: {
		bool any = false;
		for (size_t i = 0; i < n; i++) {
			key = mg_diagram_cluster_key(graph, graph->tables[i], options->group_by);
			in[i] = key && scope->cluster && strcmp(key, scope->cluster) == 0 &&
				!mg_diagram_collapsible(options, graph->tables[i]);
			any |= in[i];
			free(key);
			key = NULL;
		}
		if (!any) {
			mg_error_set(err, "no cluster named \"%s\"", scope->cluster ? scope->cluster : "");
			return -1;
		}
		return 0;
	}
	case MG_SCOPE_TABLES:
		break;
	default:
		mg_error_set(err, "unknown diagram scope");
		return -1;
	}
	if (mg_table_map_init(&w.seen, n) < 0 || !(w.queue = malloc((n ? n : 1) * sizeof(*w.queue)))) {
		mg_error_set(err, "out of memory");
		goto cleanup;
	}
	for (size_t i = 0; i < scope->ntables; i++) {
		const mg_table *t = mg_graph_find_table(graph, scope->tables[i]);
		if (!t) {
			mg_error_set(err, "--table: no table named \"%s\"", scope->tables[i]);
			goto cleanup;
		}
		walk_visit(t, &w);
	}
	for (size_t head = 0, level_end = w.nqueue; head < w.nqueue && w.distance < scope->depth;) {
		w.distance++;
		for (; head < level_end; head++)
			mg_diagram_each_neighbour(options, w.queue[head], walk_visit, &w);
		level_end = w.nqueue;
	}
	/* A table asked for by name (distance 0) is drawn even when it is an association. */
	for (size_t i = 0; i < n; i++) {
		size_t distance = mg_table_map_get(&w.seen, graph->tables[i]);
		in[i] = distance == 0 || (distance != SIZE_MAX && !mg_diagram_collapsible(options, graph->tables[i]));
	}
	status = 0;
cleanup:
	mg_table_map_free(&w.seen);
	free(w.queue);
	return status;
}

static int cmp_edges(const void *a, const void *b)
{
	const mg_diagram_edge *x = a, *y = b;
	if (x->parent != y->parent)
		return x->parent < y->parent ? -1 : 1;
	if (x->child != y->child)
		return x->child < y->child ? -1 : 1;
	return strcmp(x->fk->path, y->fk->path);
}

static bool any_nullable(const mg_foreign_key *fk)
{
	for (size_t i = 0; i < fk->ncolumns; i++)
		if (fk->columns[i]->nullable)
			return true;
	return false;
}

/* The relationship declared on `source` that walks `fk` (or, with a
 * secondary, goes through `secondary`), or NULL. */
static const mg_relationship *find_relationship(const mg_table *source, const mg_foreign_key *fk,
						 const mg_table *secondary)
{
	for (size_t i = 0; i < source->nrelationships; i++) {
		const mg_relationship *r = source->relationships[i];
		if (r->derived)
			continue;
		if (secondary ? r->secondary == secondary : (r->via == fk && !r->secondary))
			return r;
	}
	return NULL;
}

/* The "virtual" foreign keys resolve made for join conditions no declared
 * key matches (graph.h): in no table's list, so found through the
 * relationships that follow them. Calls fn on each once; returns how many. */
static size_t each_virtual_join(const mg_graph *graph, void (*fn)(mg_diagram *, const mg_table_map *,
								 const mg_foreign_key *),
				mg_diagram *d, const mg_table_map *nodes)
{
	size_t n = 0;
	for (size_t i = 0; i < graph->ntables; i++) {
		const mg_table *t = graph->tables[i];
		for (size_t k = 0; k < t->nrelationships; k++) {
			const mg_relationship *r = t->relationships[k];
			const mg_foreign_key *fk = r->via;
			if (!fk || !fk->virtual_join || r->secondary || r->from_backref)
				continue;
			bool seen = false; /* an earlier relationship of the graph followed it */
			for (size_t j = 0; j <= i && !seen; j++)
				for (size_t m = 0; m < graph->tables[j]->nrelationships && !seen; m++) {
					const mg_relationship *s = graph->tables[j]->relationships[m];
					if (j == i && m >= k)
						break;
					seen = s->via == fk && !s->secondary && !s->from_backref;
				}
			if (seen)
				continue;
			n++;
			if (fn)
				fn(d, nodes, fk);
		}
	}
	return n;
}

/* An edge for a virtual foreign key: dashed, as the database does not hold it. */
static void add_virtual_edge(mg_diagram *d, const mg_table_map *nodes, const mg_foreign_key *fk)
{
	size_t parent = mg_table_map_get(nodes, fk->parent), child = mg_table_map_get(nodes, fk->child);
	if (parent == SIZE_MAX || child == SIZE_MAX)
		return;
	mg_diagram_edge *e = &d->edges[d->nedges++];
	e->parent = parent, e->child = child, e->fk = fk;
	e->parent_end = any_nullable(fk) ? MG_END_ZERO_OR_ONE : MG_END_ONE;
	e->child_end = fk->unique ? MG_END_ZERO_OR_ONE : MG_END_ZERO_OR_MANY;
	e->dashed = true;
	e->tooltip = "joined by a join condition; no foreign key in the database";
	e->relationship = find_relationship(fk->parent, fk, NULL);
	e->inverse = e->relationship && e->relationship->inverse ? e->relationship->inverse
								  : find_relationship(fk->child, fk, NULL);
}

static int add_edges(mg_diagram *d, const mg_table_map *nodes, mg_error *err)
{
	const mg_graph *graph = d->graph;
	size_t cap = each_virtual_join(graph, NULL, d, nodes);
	for (size_t i = 0; i < graph->ntables; i++)
		cap += graph->tables[i]->nforeign_keys;
	d->edges = calloc(cap ? cap : 1, sizeof(*d->edges));
	if (!d->edges) {
		mg_error_set(err, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < graph->ntables; i++) {
		const mg_table *t = graph->tables[i];
		if (mg_diagram_collapsible(&d->options, t)) {
			const mg_foreign_key *a = t->foreign_keys[0], *b = t->foreign_keys[1];
			size_t pa = mg_table_map_get(nodes, a->parent), pb = mg_table_map_get(nodes, b->parent);
			if (pa == SIZE_MAX || pb == SIZE_MAX)
				continue;
			if (pb < pa) {
				const mg_foreign_key *swap = a;
				a = b, b = swap;
				size_t s = pa;
				pa = pb, pb = s;
			}
			mg_diagram_edge *e = &d->edges[d->nedges++];
			e->parent = pa, e->child = pb, e->fk = a, e->fk2 = b;
			e->parent_end = MG_END_ZERO_OR_MANY, e->child_end = MG_END_ZERO_OR_MANY;
			e->dashed = a->implied || b->implied;
			e->tooltip = a->implied ? a->implied_reason : b->implied ? b->implied_reason : NULL;
			e->relationship = find_relationship(a->parent, a, t);
			e->inverse = e->relationship && e->relationship->inverse
					     ? e->relationship->inverse : find_relationship(b->parent, b, t);
			continue;
		}
		size_t child = mg_table_map_get(nodes, t);
		if (child == SIZE_MAX)
			continue;
		for (size_t k = 0; k < t->nforeign_keys; k++) {
			const mg_foreign_key *fk = t->foreign_keys[k];
			size_t parent = mg_table_map_get(nodes, fk->parent);
			if (parent == SIZE_MAX)
				continue;
			mg_diagram_edge *e = &d->edges[d->nedges++];
			e->parent = parent, e->child = child, e->fk = fk;
			e->parent_end = any_nullable(fk) ? MG_END_ZERO_OR_ONE : MG_END_ONE;
			e->child_end = fk->unique ? MG_END_ZERO_OR_ONE : MG_END_ZERO_OR_MANY;
			e->dashed = fk->implied;
			e->tooltip = fk->implied ? fk->implied_reason : NULL;
			e->relationship = find_relationship(fk->parent, fk, NULL);
			e->inverse = e->relationship && e->relationship->inverse ? e->relationship->inverse
										  : find_relationship(t, fk, NULL);
		}
	}
	each_virtual_join(graph, add_virtual_edge, d, nodes);
	qsort(d->edges, d->nedges, sizeof(*d->edges), cmp_edges);
	return 0;
}

void mg_diagram_free(mg_diagram *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->nnodes; i++)
		free(d->nodes[i].id);
	free(d->nodes);
	free(d->edges);
	mg_diagram_free_names(d->clusters, d->nclusters);
	free(d);
}

/* Sets each node's cluster: its key, when at least two drawn tables share it. */
static int assign_clusters(mg_diagram *d, mg_error *err)
{
	int status = -1;
	char **keys = calloc(d->nnodes ? d->nnodes : 1, sizeof(*keys));
	if (!keys)
		goto cleanup;
	if (d->options.group_by == MG_GROUP_NONE) {
		status = 0;
		goto cleanup;
	}
	for (size_t i = 0; i < d->nnodes; i++)
		if (!(keys[i] = mg_diagram_cluster_key(d->graph, d->nodes[i].table, d->options.group_by)))
			goto cleanup;
	size_t count = distinct_clusters(keys, d->nnodes, &d->clusters);
	if (count == (size_t)-1)
		goto cleanup;
	d->nclusters = count;
	for (size_t i = 0; i < d->nnodes; i++) {
		char **found = d->nclusters ? bsearch(&keys[i], d->clusters, d->nclusters,
						     sizeof(*d->clusters), cmp_names) : NULL;
		d->nodes[i].cluster = found ? *found : NULL;
	}
	status = 0;
cleanup:
	if (status < 0)
		mg_error_set(err, "out of memory");
	mg_diagram_free_names(keys, d->nnodes);
	return status;
}

mg_diagram *mg_diagram_select(const mg_graph *graph, const mg_diagram_scope *scope,
			      const mg_diagram_options *options, mg_error *err)
{
	mg_diagram *d = NULL, *result = NULL;
	bool *in = NULL;
	mg_table_map nodes = {0};
	const mg_table **found = NULL;
	size_t n = graph->ntables;
	in = calloc(n ? n : 1, sizeof(*in));
	d = calloc(1, sizeof(*d));
	if (!in || !d || mg_table_map_init(&nodes, n) < 0) {
		mg_error_set(err, "out of memory");
		goto cleanup;
	}
	d->graph = graph;
	d->options = *options;
	if (select_tables(graph, scope, options, in, err) < 0)
		goto cleanup;
	d->nodes = calloc(n ? n : 1, sizeof(*d->nodes));
	if (!d->nodes) {
		mg_error_set(err, "out of memory");
		goto cleanup;
	}
	size_t bound = 1;
	for (size_t i = 0; i < n; i++) {
		if (!in[i])
			continue;
		mg_buf id = MG_BUF_INIT;
		mg_diagram_id(&id, graph->tables[i]->name);
		if (id.failed) {
			mg_buf_free(&id);
			mg_error_set(err, "out of memory");
			goto cleanup;
		}
		mg_table_map_put(&nodes, graph->tables[i], d->nnodes);
		d->nodes[d->nnodes].table = graph->tables[i];
		d->nodes[d->nnodes++].id = id.data;
		if (neighbour_bound(graph->tables[i]) > bound)
			bound = neighbour_bound(graph->tables[i]);
	}
	if (!(found = malloc(bound * sizeof(*found)))) {
		mg_error_set(err, "out of memory");
		goto cleanup;
	}
	for (size_t i = 0; i < d->nnodes; i++) {
		more_count m = {.drawn = &nodes, .found = found};
		mg_diagram_each_neighbour(options, d->nodes[i].table, more_visit, &m);
		d->nodes[i].more = m.nfound;
	}
	if (assign_clusters(d, err) < 0 || add_edges(d, &nodes, err) < 0)
		goto cleanup;
	result = d;
	d = NULL;
cleanup:
	mg_diagram_free(d);
	mg_table_map_free(&nodes);
	free(found);
	free(in);
	return result;
}

bool mg_diagram_shows_column(const mg_diagram *d, size_t node, const mg_column *c)
{
	switch (d->options.columns) {
	case MG_COLUMNS_ALL:
		return true;
	case MG_COLUMNS_NONE:
		return false;
	case MG_COLUMNS_KEYS:
		if (c->pk_position || c->unique)
			return true;
		break;
	case MG_COLUMNS_RELATED:
		break;
	default:
		return true;
	}
	/* A column some drawn edge joins (keys: any foreign key column). */
	const mg_table *t = d->nodes[node].table;
	for (size_t i = 0; i < t->nforeign_keys; i++)
		for (size_t k = 0; k < t->foreign_keys[i]->ncolumns; k++)
			if (t->foreign_keys[i]->columns[k] == c &&
			    (d->options.columns == MG_COLUMNS_KEYS || t->foreign_keys[i]->parent))
				return true;
	for (size_t i = 0; i < d->nedges; i++) {
		const mg_diagram_edge *e = &d->edges[i];
		const mg_foreign_key *fks[2] = {e->fk, e->fk2};
		for (size_t f = 0; f < 2; f++) {
			if (!fks[f] || fks[f]->parent != t || !fks[f]->parent_columns)
				continue;
			for (size_t k = 0; k < fks[f]->ncolumns; k++)
				if (fks[f]->parent_columns[k] == c)
					return true;
		}
	}
	return false;
}

/* Whether a key's name is one the readers made up for an unnamed key,
 * "<child>_<col>[_<col>…]_fkey[N]": it repeats what the edge shows. */
static bool generated_name(const mg_foreign_key *fk)
{
	mg_buf made = MG_BUF_INIT;
	mg_buf_printf(&made, "%s_", fk->child->name);
	for (size_t k = 0; k < fk->ncolumns; k++)
		mg_buf_printf(&made, "%s_", fk->columns[k]->name);
	mg_buf_puts(&made, "fkey");
	bool generated = !made.failed && strncmp(fk->name, made.data, made.len) == 0 &&
			 strspn(fk->name + made.len, "0123456789") == strlen(fk->name + made.len);
	mg_buf_free(&made);
	return generated;
}

void mg_diagram_edge_label(const mg_diagram *d, const mg_diagram_edge *e, mg_diagram_escape_fn escape,
			   const char *separator, mg_buf *out)
{
	mg_diagram_edge_labels mode = d->options.edge_labels;
	bool names = mode == MG_EDGE_LABELS_NAMES || mode == MG_EDGE_LABELS_ALL;
	bool columns = mode == MG_EDGE_LABELS_COLUMNS || mode == MG_EDGE_LABELS_ALL;
	size_t start = out->len;
	if (names) {
		if (e->relationship || e->inverse) {
			/* parent.rel / child.inverse, as the models name them */
			if (e->relationship)
				escape(out, e->relationship->name);
			if (e->relationship && e->inverse)
				mg_buf_puts(out, " / ");
			if (e->inverse)
				escape(out, e->inverse->name);
		} else if (e->fk->child->inherit_fk == e->fk && e->fk->child->inherits_table == e->fk->parent) {
			/* The key of joined-table inheritance: the subclass's table to its base's. */
			escape(out, "inherits");
		} else if (e->fk2) {
			escape(out, e->fk->child->name);
		} else if (!generated_name(e->fk)) {
			escape(out, e->fk->name);
		}
	}
	if (!columns)
		return;
	const mg_foreign_key *fks[2] = {e->fk, e->fk2};
	for (size_t f = 0; f < 2 && fks[f]; f++) {
		const mg_foreign_key *fk = fks[f];
		if (out->len > start)
			mg_buf_puts(out, separator);
		if (e->fk2) {
			escape(out, fk->child->name);
			mg_buf_puts(out, ".");
		}
		for (size_t k = 0; k < fk->ncolumns; k++) {
			mg_buf_puts(out, k ? ", " : "");
			escape(out, fk->columns[k]->name);
		}
		mg_buf_puts(out, " \xe2\x86\x92 ");
		for (size_t k = 0; k < fk->ncolumns; k++) {
			const mg_column *pc = fk->parent_columns ? fk->parent_columns[k] : NULL;
			mg_buf_puts(out, k ? ", " : "");
			escape(out, pc ? pc->name : k < fk->nparent_columns ? fk->parent_column_names[k] : "?");
		}
	}
}
