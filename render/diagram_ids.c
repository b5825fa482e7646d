/*
 * Object ids for cgraph graphs that do not depend on memory addresses.
 * cgraph's own id discipline uses the address of a name's interned string
 * as the object's id, and keeps subgraphs in id order: clusters would come
 * out (in DOT, and in every layout) in whatever order malloc placed their
 * names. Here a named object's id is its name's sequence number instead, so
 * the order is the order of creation, which the diagram builder sorts.
 */
#include <stdlib.h>
#include <string.h>

#include "render/diagram_cgraph.h"
#include "render/diagram_dot.h"

typedef struct id_state {
	Agraph_t *graph;
	char **names;            /* by sequence number: interned in the graph */
	size_t count, cap;
	size_t *slots;           /* open addressing: sequence number + 1, 0 empty */
	size_t mask;
	IDTYPE anonymous;        /* next odd id for unnamed objects */
} id_state;

static size_t hash_name(const char *s)
{
	size_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static int grow(id_state *st)
{
	size_t cap = st->cap ? st->cap * 2 : 256;
	char **names = realloc(st->names, cap * sizeof(*names));
	if (!names)
		return -1;
	st->names = names;
	size_t *slots = calloc(cap * 2, sizeof(*slots));
	if (!slots)
		return -1;
	free(st->slots);
	st->slots = slots;
	st->mask = cap * 2 - 1;
	st->cap = cap;
	for (size_t i = 0; i < st->count; i++) {
		size_t k = hash_name(st->names[i]) & st->mask;
		while (st->slots[k])
			k = (k + 1) & st->mask;
		st->slots[k] = i + 1;
	}
	return 0;
}

static void *ids_open(Agraph_t *g, Agdisc_t *disc)
{
	(void)disc;
	id_state *st = calloc(1, sizeof(*st));
	if (st) {
		st->graph = g;
		st->anonymous = 1;
	}
	return st;
}

static long ids_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
	id_state *st = state;
	(void)objtype;
	if (!str) {
		*id = st->anonymous;
		st->anonymous += 2;
		return 1;
	}
	if (st->cap) {
		for (size_t k = hash_name(str) & st->mask; st->slots[k]; k = (k + 1) & st->mask) {
			if (strcmp(st->names[st->slots[k] - 1], str) == 0) {
				*id = (IDTYPE)st->slots[k] * 2;
				return 1;
			}
		}
	}
	if (!createflag)
		return 0;
	if (st->count * 2 >= st->cap && grow(st) < 0)
		return 0;
	char *name = mg_gv.agstrdup(st->graph, str);
	if (!name)
		return 0;
	st->names[st->count++] = name;
	size_t k = hash_name(str) & st->mask;
	while (st->slots[k])
		k = (k + 1) & st->mask;
	st->slots[k] = st->count;
	*id = (IDTYPE)st->count * 2;
	return 1;
}

static long ids_alloc(void *state, int objtype, IDTYPE id)
{
	(void)state, (void)objtype;
	return id % 2 == 0; /* a name's id: taken by mapping its name */
}

static void ids_free(void *state, int objtype, IDTYPE id)
{
	(void)state, (void)objtype, (void)id; /* names live as long as the graph */
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
	id_state *st = state;
	(void)objtype;
	if (id % 2 || id / 2 == 0 || id / 2 > st->count)
		return NULL;
	return st->names[id / 2 - 1];
}

static void ids_close(void *state)
{
	id_state *st = state;
	if (!st)
		return;
	free(st->names);
	free(st->slots);
	free(st);
}

static void ids_register(void *state, int objtype, void *obj)
{
	(void)state, (void)objtype, (void)obj;
}

static Agiddisc_t id_discipline = {
	.open = ids_open,
	.map = ids_map,
	.alloc = ids_alloc,
	.free = ids_free,
	.print = ids_print,
	.close = ids_close,
	.idregister = ids_register,
};

/* cgraph's own memory and I/O disciplines are variables of the library,
 * known once it is loaded (render/graphviz_api.h). */
static Agdisc_t discipline = {.id = &id_discipline};

Agdisc_t *mg_diagram_discipline(void)
{
	discipline.mem = mg_gv.AgMemDisc;
	discipline.io = mg_gv.AgIoDisc;
	return &discipline;
}
