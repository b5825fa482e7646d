#ifndef MG_DIAGRAM_INTERNAL_H
#define MG_DIAGRAM_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "render/diagram.h"

/* Shared by diagram_select.c and diagram_pages.c. */

/* A map from table to an index: open addressing on the pointer. */
typedef struct mg_table_map {
	const mg_table **keys;
	size_t *values;
	size_t mask;
} mg_table_map;

int mg_table_map_init(mg_table_map *map, size_t count); /* 0, or -1 when out of memory */
void mg_table_map_free(mg_table_map *map);
void mg_table_map_put(mg_table_map *map, const mg_table *table, size_t value);
size_t mg_table_map_get(const mg_table_map *map, const mg_table *table); /* SIZE_MAX when absent */

/* An association table that collapses into one edge: two resolved keys. */
bool mg_diagram_collapsible(const mg_diagram_options *options, const mg_table *table);

/* Calls visit(table, payload) for every table adjacent to `table` through a
 * foreign key, either way; a collapsed association is crossed to its other end. */
void mg_diagram_each_neighbour(const mg_diagram_options *options, const mg_table *table,
			       void (*visit)(const mg_table *neighbour, void *payload), void *payload);

/* The cluster key of a table under `group_by`, malloc'd; NULL for none
 * (or when out of memory, which the caller cannot tell apart: it checks). */
char *mg_diagram_cluster_key(const mg_graph *graph, const mg_table *table, mg_diagram_group group_by);

#endif
