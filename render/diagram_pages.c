/*
 * Large schemas: one diagram of thousands of tables is neither readable nor
 * laid out in reasonable time, so they are cut into PAGES of at most
 * `page_max` tables: one per cluster (--group-by, else the name prefix),
 * the tables in no cluster gathered by connected component, and a page
 * that is still too large cut in breadth-first order, so neighbours stay
 * together. The OVERVIEW draws one node per page with its table count and
 * one edge per pair of pages joined by foreign keys, labelled with their
 * number. Everything is sorted, so the pages are the same run to run.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "render/diagram_cgraph.h"
#include "render/diagram_dot.h"
#include "render/diagram_internal.h"
#include "render/diagram_pages.h"
#include "util/escape.h"

void mg_diagram_pages_free(mg_diagram_pages *pages)
{
	if (!pages)
		return;
	for (size_t i = 0; i < pages->npages; i++) {
		free(pages->pages[i].name);
		free(pages->pages[i].stem);
		free(pages->pages[i].tables);
	}
	free(pages->pages);
	free(pages->links);
	*pages = (mg_diagram_pages){0};
}

typedef struct builder {
	const mg_graph *graph;
	const mg_diagram_options *options;
	mg_diagram_pages *out;
	size_t cap;
	mg_table_map page_of;        /* table -> page */
	int failed;
} builder;

static mg_diagram_page *new_page(builder *b, const char *name, size_t part)
{
	if (b->out->npages == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 16;
		mg_diagram_page *pages = realloc(b->out->pages, cap * sizeof(*pages));
		if (!pages) {
			b->failed = 1;
			return NULL;
		}
		b->out->pages = pages;
		b->cap = cap;
	}
	mg_diagram_page *p = &b->out->pages[b->out->npages];
	*p = (mg_diagram_page){0};
	mg_buf text = MG_BUF_INIT, stem = MG_BUF_INIT;
	mg_buf_puts(&text, name);
	if (part)
		mg_buf_printf(&text, " (%zu)", part);
	mg_diagram_id(&stem, name);
	if (part)
		mg_buf_printf(&stem, "-%zu", part); /* "-" then a digit and more: never a byte's hex */
	p->tables = malloc(sizeof(*p->tables) * (b->graph->ntables ? b->graph->ntables : 1));
	if (text.failed || stem.failed || !p->tables) {
		mg_buf_free(&text);
		mg_buf_free(&stem);
		free(p->tables);
		b->failed = 1;
		return NULL;
	}
	p->name = text.data;
	p->stem = stem.data;
	b->out->npages++;
	return p;
}

/* Breadth-first order inside one group, so each cut keeps neighbours. */
typedef struct group_walk {
	const mg_table_map *group; /* table -> 1 when in the group and not yet placed */
	mg_table_map *placed;
	const mg_table **queue;
	size_t n;
} group_walk;

static void group_visit(const mg_table *t, void *payload)
{
	group_walk *w = payload;
	if (mg_table_map_get(w->group, t) == SIZE_MAX || mg_table_map_get(w->placed, t) != SIZE_MAX)
		return;
	mg_table_map_put(w->placed, t, 1);
	w->queue[w->n++] = t;
}

/* Places the group's tables (sorted by name) on pages of at most page_max. */
static void place_group(builder *b, const char *name, const mg_table **tables, size_t n, size_t page_max)
{
	mg_table_map group = {0}, placed = {0};
	const mg_table **order = malloc((n ? n : 1) * sizeof(*order));
	if (!order || mg_table_map_init(&group, n) < 0 || mg_table_map_init(&placed, n) < 0) {
		b->failed = 1;
		goto cleanup;
	}
	for (size_t i = 0; i < n; i++)
		mg_table_map_put(&group, tables[i], i);
	group_walk w = {.group = &group, .placed = &placed, .queue = order};
	for (size_t i = 0; i < n; i++) {
		size_t head = w.n;
		group_visit(tables[i], &w);
		for (; head < w.n; head++)
			mg_diagram_each_neighbour(b->options, w.queue[head], group_visit, &w);
	}
	size_t parts = (n + page_max - 1) / page_max;
	for (size_t part = 0; part < parts; part++) {
		mg_diagram_page *p = new_page(b, name, parts > 1 ? part + 1 : 0);
		if (!p)
			goto cleanup;
		for (size_t i = part * page_max; i < n && i < (part + 1) * page_max; i++) {
			p->tables[p->ntables++] = order[i]->name;
			mg_table_map_put(&b->page_of, order[i], b->out->npages - 1);
		}
	}
cleanup:
	mg_table_map_free(&group);
	mg_table_map_free(&placed);
	free(order);
}

typedef struct keyed {
	char *key;
	const mg_table *table;
	size_t position;         /* in the graph: name order */
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
	const keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	return x->position < y->position ? -1 : x->position > y->position;
}

static int cmp_position(const void *a, const void *b)
{
	const keyed *x = a, *y = b;
	return x->position < y->position ? -1 : x->position > y->position;
}

/* Union-find over the tables in no cluster. */
static size_t find_root(size_t *parent, size_t i)
{
	while (parent[i] != i)
		i = parent[i] = parent[parent[i]];
	return i;
}

typedef struct union_step {
	const mg_table_map *index;  /* table -> position among the unclustered */
	size_t *parent;
	size_t self;
} union_step;

static void union_visit(const mg_table *t, void *payload)
{
	union_step *u = payload;
	size_t other = mg_table_map_get(u->index, t);
	if (other == SIZE_MAX)
		return;
	size_t a = find_root(u->parent, u->self), c = find_root(u->parent, other);
	if (a != c)
		u->parent[a > c ? a : c] = a < c ? a : c; /* the smaller index is the root */
}

/* Tables in no cluster: connected components, small ones packed together. */
static void place_unclustered(builder *b, const mg_table **tables, size_t n, size_t page_max)
{
	mg_table_map index = {0};
	size_t *parent = malloc((n ? n : 1) * sizeof(*parent));
	const mg_table **order = malloc((n ? n : 1) * sizeof(*order));
	size_t *count = calloc(n ? n : 1, sizeof(*count));
	if (!parent || !order || !count || mg_table_map_init(&index, n) < 0) {
		b->failed = 1;
		goto cleanup;
	}
	for (size_t i = 0; i < n; i++) {
		parent[i] = i;
		mg_table_map_put(&index, tables[i], i);
	}
	for (size_t i = 0; i < n; i++) {
		union_step u = {.index = &index, .parent = parent, .self = i};
		mg_diagram_each_neighbour(b->options, tables[i], union_visit, &u);
	}
	for (size_t i = 0; i < n; i++)
		count[find_root(parent, i)]++;
	/* Components in order of their first table; big ones alone, small ones packed. */
	size_t packed = 0, npacked_pages = 0;
	for (size_t root = 0; root < n; root++) {
		if (!count[root])
			continue;
		size_t m = 0;
		for (size_t i = root; i < n; i++)
			if (find_root(parent, i) == root)
				order[m++] = tables[i];
		if (m > page_max / 2) {
			place_group(b, tables[root]->name, order, m, page_max);
			continue;
		}
		if (packed == 0 || b->out->pages[packed - 1].ntables + m > page_max) {
			mg_buf name = MG_BUF_INIT;
			mg_buf_printf(&name, "tables %zu", ++npacked_pages);
			mg_diagram_page *p = name.failed ? NULL : new_page(b, name.data, 0);
			mg_buf_free(&name);
			if (!p)
				goto cleanup;
			packed = b->out->npages;
		}
		mg_diagram_page *p = &b->out->pages[packed - 1];
		for (size_t i = 0; i < m; i++) {
			p->tables[p->ntables++] = order[i]->name;
			mg_table_map_put(&b->page_of, order[i], packed - 1);
		}
	}
cleanup:
	mg_table_map_free(&index);
	free(parent);
	free(order);
	free(count);
}

static int cmp_links(const void *a, const void *b)
{
	const mg_diagram_link *x = a, *y = b;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return x->b < y->b ? -1 : x->b > y->b;
}

int mg_diagram_paginate(const mg_graph *graph, const mg_diagram_options *options, size_t page_max,
			mg_diagram_pages *out, mg_error *err)
{
	size_t n = graph->ntables;
	keyed *keys = calloc(n ? n : 1, sizeof(*keys));
	const mg_table **run = malloc((n ? n : 1) * sizeof(*run));
	builder b = {.graph = graph, .options = options, .out = out};
	*out = (mg_diagram_pages){0};
	if (page_max < 2)
		page_max = 2;
	if (!keys || !run || mg_table_map_init(&b.page_of, n) < 0)
		goto fail;
	mg_diagram_group by = options->group_by == MG_GROUP_NONE ? MG_GROUP_PREFIX : options->group_by;
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (mg_diagram_collapsible(options, graph->tables[i]))
			continue;
		keys[m].table = graph->tables[i];
		keys[m].position = i;
		if (!(keys[m].key = mg_diagram_cluster_key(graph, graph->tables[i], by)))
			goto fail;
		m++;
	}
	qsort(keys, m, sizeof(*keys), cmp_keyed);
	size_t nloose = 0;
	keyed *loose = malloc((m ? m : 1) * sizeof(*loose));
	if (!loose)
		goto fail;
	for (size_t i = 0; i < m;) {
		size_t j = i;
		while (j < m && strcmp(keys[j].key, keys[i].key) == 0)
			j++;
		if (j - i >= 2) {
			for (size_t k = i; k < j; k++)
				run[k - i] = keys[k].table;
			place_group(&b, keys[i].key, run, j - i, page_max);
		} else {
			loose[nloose++] = keys[i];
		}
		i = j;
	}
	/* The loose tables in name order, as the graph has them. */
	qsort(loose, nloose, sizeof(*loose), cmp_position);
	for (size_t i = 0; i < nloose; i++)
		run[i] = loose[i].table;
	free(loose);
	place_unclustered(&b, run, nloose, page_max);
	if (b.failed)
		goto fail;
	/* Links between pages: one per foreign key, then counted per pair. */
	size_t nfks = 0;
	for (size_t i = 0; i < n; i++)
		nfks += graph->tables[i]->nforeign_keys;
	out->links = malloc((nfks ? nfks : 1) * sizeof(*out->links));
	if (!out->links)
		goto fail;
	size_t nlinks = 0;
	for (size_t i = 0; i < n; i++) {
		const mg_table *t = graph->tables[i];
		size_t from = mg_table_map_get(&b.page_of, t);
		for (size_t k = 0; from != SIZE_MAX && k < t->nforeign_keys; k++) {
			size_t to = mg_table_map_get(&b.page_of, t->foreign_keys[k]->parent);
			if (to != SIZE_MAX && to != from)
				out->links[nlinks++] = (mg_diagram_link){.a = from < to ? from : to,
									 .b = from < to ? to : from, .count = 1};
		}
	}
	qsort(out->links, nlinks, sizeof(*out->links), cmp_links);
	for (size_t i = 0; i < nlinks; i++) {
		if (out->nlinks && out->links[out->nlinks - 1].a == out->links[i].a &&
		    out->links[out->nlinks - 1].b == out->links[i].b)
			out->links[out->nlinks - 1].count++;
		else
			out->links[out->nlinks++] = out->links[i];
	}
	mg_table_map_free(&b.page_of);
	for (size_t i = 0; i < n; i++)
		free(keys[i].key);
	free(keys);
	free(run);
	return 0;
fail:
	mg_error_set(err, "out of memory while cutting the diagram into pages");
	mg_table_map_free(&b.page_of);
	for (size_t i = 0; keys && i < n; i++)
		free(keys[i].key);
	free(keys);
	free(run);
	mg_diagram_pages_free(out);
	return -1;
}
