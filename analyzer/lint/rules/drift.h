#ifndef MG_RULES_DRIFT_H
#define MG_RULES_DRIFT_H

#include <stdbool.h>

#include "analyzer/core/graph.h"
#include "analyzer/lint/lint.h"
#include "util/buf.h"

/*
 * What the drift rules share. `modelgraph diff MODELS DATABASE` lints the
 * models' graph with options->against set to the database's: each rule
 * walks the models and looks for each object in the database, by name
 * (ignoring ASCII case, as SQL does), or the other way for what the
 * database has and the models do not map. A finding sits on the side that
 * has the object and points at the other side with a related location.
 */

/* The database's graph (options->against). */
const mg_graph *mg_drift_db(const mg_rule_context *ctx);

/* The table of `other` that `table` is: the same path, or the same name
 * where one side names a schema and the other none, when that schema is
 * "public" (PostgreSQL's default) or the other side has no schemas (SQLite,
 * and MySQL, whose reader reads one database). Views are found too; NULL
 * when there is none. */
const mg_table *mg_drift_pair(const mg_graph *other, const mg_table *table);

/* Tables rules compare: not views. */
bool mg_drift_compared(const mg_table *table);

/* The place of a side that has no such object: its first source. */
mg_location mg_drift_source_location(const mg_graph *graph);

/* True when the two names are one, as the graph compares names. */
bool mg_drift_same_name(const mg_graph *graph, const char *a, const char *b);

/* A finding's own fix: the text gathered in `fix` (freed), unless empty. */
void mg_drift_set_fix(mg_rule_context *ctx, mg_finding *finding, mg_buf *fix);

/* Referential actions as they act: NO ACTION, RESTRICT and none said are one. */
mg_fk_action mg_drift_action(mg_fk_action action);

#endif
