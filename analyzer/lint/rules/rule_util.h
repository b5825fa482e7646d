#ifndef MG_RULE_UTIL_H
#define MG_RULE_UTIL_H

#include <stddef.h>

#include "analyzer/core/graph.h"
#include "analyzer/lint/lint.h"

/* Small facts several rule families ask of the graph. */

/* `"a", "b"`: the columns' names, quoted (see mg_rule_printf). */
const char *mg_column_list(mg_rule_context *ctx, mg_column *const *columns, size_t n);

/* True when some index of the table (or its primary key) starts with exactly
 * these columns, in any order: lookups by them need no scan. */
bool mg_table_has_leading_index(const mg_table *table, mg_column *const *columns, size_t n);

/* Tables that are neither views nor anything a rule on stored rows skips. */
bool mg_table_is_stored(const mg_table *table);

#endif
