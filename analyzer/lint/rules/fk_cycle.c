/* fk-required-cycle: tables that reference each other through NOT NULL
 * foreign keys, so that none of their rows can be inserted first. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/lint/lint.h"
#include "util/text.h"

/* A foreign key every row must satisfy: declared, resolved, all columns NOT NULL. */
static bool required(const mg_foreign_key *fk)
{
	if (fk->implied || !fk->parent)
		return false;
	for (size_t i = 0; i < fk->ncolumns; i++)
		if (fk->columns[i]->nullable)
			return false;
	return true;
}

/* Tarjan's strongly connected components over tables (graph order = index),
 * iterative so that deep chains cannot overflow the stack. */
typedef struct tarjan {
	const mg_graph *graph;
	size_t *index, *lowlink, *stack, *component;
	bool *on_stack;
	size_t next_index, depth, ncomponents;
} tarjan;

#define UNVISITED ((size_t)-1)

static size_t table_number(const mg_graph *g, const mg_table *t)
{
	/* Tables are sorted by name after resolve; find by binary search. */
	size_t lo = 0, hi = g->ntables;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (g->tables[mid] == t)
			return mid;
		int c = mg_name_order(g->tables[mid]->name, t->name);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < g->ntables && g->tables[lo] == t ? lo : UNVISITED;
}

typedef struct frame {
	size_t table, edge;
} frame;

static void strong_connect(tarjan *s, size_t root, frame *frames, size_t *sp)
{
	const mg_graph *g = s->graph;
	size_t nframes = 0;
	frames[nframes++] = (frame){root, 0};
	s->index[root] = s->lowlink[root] = s->next_index++;
	sp[s->depth++] = root;
	s->on_stack[root] = true;
	while (nframes) {
		frame *f = &frames[nframes - 1];
		const mg_table *t = g->tables[f->table];
		if (f->edge < t->nforeign_keys) {
			const mg_foreign_key *fk = t->foreign_keys[f->edge++];
			if (!required(fk))
				continue;
			size_t w = table_number(g, fk->parent);
			if (w == UNVISITED)
				continue;
			if (s->index[w] == UNVISITED) {
				s->index[w] = s->lowlink[w] = s->next_index++;
				sp[s->depth++] = w;
				s->on_stack[w] = true;
				frames[nframes++] = (frame){w, 0};
			} else if (s->on_stack[w] && s->index[w] < s->lowlink[f->table]) {
				s->lowlink[f->table] = s->index[w];
			}
			continue;
		}
		size_t v = f->table;
		if (s->lowlink[v] == s->index[v]) {
			size_t w;
			do {
				w = sp[--s->depth];
				s->on_stack[w] = false;
				s->component[w] = s->ncomponents;
			} while (w != v);
			s->ncomponents++;
		}
		nframes--;
		if (nframes) {
			size_t parent = frames[nframes - 1].table;
			if (s->lowlink[v] < s->lowlink[parent])
				s->lowlink[parent] = s->lowlink[v];
		}
	}
}

/* Reports the component of table `first` (its first table by name), naming
 * its members; `size` is how many tables it holds. A table alone is no
 * cycle even when it references itself through a NOT NULL foreign key: its
 * first row can reference itself (INSERT … VALUES (1, 1)), which SQLite,
 * PostgreSQL and MySQL all accept, since the check runs after the row is in. */
static void report_component(mg_rule_context *ctx, const tarjan *s, size_t first, size_t size)
{
	const mg_graph *g = ctx->graph;
	const mg_table *t = g->tables[first];
	if (size == 1)
		return;
	mg_buf list = MG_BUF_INIT;
	size_t listed = 0;
	for (size_t i = first; i < g->ntables && listed < size; i++) {
		if (s->component[i] != s->component[first])
			continue;
		mg_buf_printf(&list, "%s\"%s\"", listed ? ", " : "", g->tables[i]->name);
		listed++;
	}
	const char *names = mg_rule_take(ctx, &list);
	mg_report_table(ctx, t,
			"tables %s reference each other through NOT NULL foreign keys; none of them can get a first row",
			names);
}

static void check_required_cycle(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	size_t n = g->ntables;
	tarjan s = {.graph = g};
	frame *frames = NULL;
	size_t *sp = NULL;
	size_t *sizes = NULL; /* tables per component */
	bool *reported = NULL;
	if (n == 0)
		return;
	s.index = malloc(n * sizeof(size_t));
	s.lowlink = malloc(n * sizeof(size_t));
	s.component = malloc(n * sizeof(size_t));
	s.on_stack = calloc(n, sizeof(bool));
	sp = malloc(n * sizeof(size_t));
	frames = malloc(n * sizeof(frame));
	sizes = calloc(n, sizeof(size_t));
	reported = calloc(n, sizeof(bool));
	if (!s.index || !s.lowlink || !s.component || !s.on_stack || !sp || !frames || !sizes || !reported) {
		ctx->failed = 1;
		goto cleanup;
	}
	for (size_t i = 0; i < n; i++)
		s.index[i] = UNVISITED;
	for (size_t i = 0; i < n; i++)
		if (s.index[i] == UNVISITED)
			strong_connect(&s, i, frames, sp);
	for (size_t i = 0; i < n; i++)
		sizes[s.component[i]]++;
	for (size_t i = 0; i < n; i++) {
		if (reported[s.component[i]])
			continue;
		reported[s.component[i]] = true;
		report_component(ctx, &s, i, sizes[s.component[i]]);
	}
cleanup:
	free(s.index);
	free(s.lowlink);
	free(s.component);
	free(s.on_stack);
	free(sp);
	free(frames);
	free(sizes);
	free(reported);
}

const mg_rule mg_rule_fk_required_cycle = {
	.id = "fk-required-cycle",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "Tables reference each other in a cycle of NOT NULL foreign keys.",
	.rationale = "Each row needs an existing row in the next table of the cycle, so no table "
		     "can receive the first row (unless constraints are deferred), and the ORM "
		     "cannot order the inserts of a unit of work. A single table that references "
		     "itself is not reported: its first row can reference itself.",
	.bad_sql = "CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER NOT NULL REFERENCES b(id));\n"
		   "CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER NOT NULL REFERENCES a(id));",
	.good_sql = "CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b(id));\n"
		    "CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER NOT NULL REFERENCES a(id));",
	.bad_c = "struct A {\n"
		 "    int id    MG_COLUMN(primary_key=true);\n"
		 "    int b_id  MG_FOREIGN_KEY(b.id, nullable=false);\n"
		 "} MG_MODEL();\n"
		 "struct B {\n"
		 "    int id    MG_COLUMN(primary_key=true);\n"
		 "    int a_id  MG_FOREIGN_KEY(a.id, nullable=false);\n"
		 "} MG_MODEL();",
	.good_c = "struct A {\n"
		  "    int id    MG_COLUMN(primary_key=true);\n"
		  "    int b_id  MG_FOREIGN_KEY(b.id);\n"
		  "} MG_MODEL();\n"
		  "struct B {\n"
		  "    int id    MG_COLUMN(primary_key=true);\n"
		  "    int a_id  MG_FOREIGN_KEY(a.id, nullable=false);\n"
		  "} MG_MODEL();",
	.fix = "Make one foreign key of the cycle nullable (or deferrable) so the rows can be "
	       "inserted first and linked after.",
	.fix_c = "Drop nullable=false from one MG_FOREIGN_KEY of the cycle, so its rows can be "
		 "inserted first and linked after.",
	.check = check_required_cycle,
};
