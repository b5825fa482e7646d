#ifndef MG_RESOLVE_H
#define MG_RESOLVE_H

#include "analyzer/core/error.h"
#include "analyzer/core/graph.h"

/*
 * Completes a graph after all readers ran: sorts it, resolves foreign-key
 * targets, infers implied foreign keys (with the reason), detects
 * association tables, and for schemas without declared relationships
 * derives them from the foreign keys (unique FK → one-to-one, plain FK →
 * one-to-many and its many-to-one inverse, association table →
 * many-to-many). For graphs that declare relationships (C models), it
 * resolves their targets, joins, directions and inverses as SQLAlchemy does
 * (resolve_relationships.c), after joining each joined-table subclass to its
 * base (resolve_inherit.c). Facts every rule needs are computed here, once,
 * so rules never depend on each other. Returns 0, or -1 with `err` set.
 */
int mg_resolve(mg_graph *graph, mg_error *err);

/* Steps of mg_resolve, in resolve_*.c; each returns 0 or -1 (out of memory). */
int mg_resolve_implied_foreign_keys(mg_graph *graph);
int mg_resolve_derived_relationships(mg_graph *graph);
int mg_resolve_relationships(mg_graph *graph); /* declared ones: targets, joins, inverses */
int mg_resolve_inheritance(mg_graph *graph);   /* joined-table inheritance: the join to the base */

/* A declared relationship with primaryjoin= or secondaryjoin=, its target
 * (and secondary) found: settles join, via, secondary_via and direction
 * from the conditions (resolve_joins.c). `structs` maps struct tags to
 * tables. 0, or -1 when out of memory. */
struct mg_name_index;
int mg_resolve_join_conditions(mg_graph *graph, const struct mg_name_index *structs, mg_relationship *r);

/* Gives the backref `v` of `r` its join conditions: the same one for a
 * direct relationship (walked the other way), primaryjoin and secondaryjoin
 * swapped through a secondary, as SQLAlchemy's backref() does. */
void mg_resolve_join_backref(const mg_relationship *r, mg_relationship *v);

/* True when a C model or graph JSON declared relationships themselves. */
bool mg_graph_declares_relationships(const mg_graph *graph);

#endif
