#ifndef MG_SQL_TYPE_H
#define MG_SQL_TYPE_H

#include "analyzer/core/arena.h"
#include "analyzer/core/graph.h"

/*
 * SQL type names: declared types are kept as written, and also normalised
 * (upper case, single spaces, no space before "(", synonyms unified:
 * INT → INTEGER, BOOL → BOOLEAN …) so types compare across tables.
 */

/* The normalised form of `declared`, in arena memory; "" for an empty type. */
const char *mg_sql_type_normalize(mg_arena *arena, const char *declared);

/* The family of a normalised type, following SQLite's affinity rules and
 * recognising boolean and date/time names. */
mg_type_family mg_sql_type_family(const char *normalized);

#endif
