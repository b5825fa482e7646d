#ifndef MG_SUPPRESS_INDEX_H
#define MG_SUPPRESS_INDEX_H

#include <stddef.h>

#include "analyzer/lint/config.h"

/*
 * The configuration's ignores, indexed so that finding those that match a
 * finding takes time that does not grow with their number: each ignore is
 * filed under its rule and the literal text of its pattern (glob.h's
 * mg_glob_literal_ends), the whole pattern when it has no wildcard ("post"),
 * else its literal prefix ("audit_*") or suffix ("*.created_at"), the
 * longer of the two. A finding looks up its rule with its path, and each of
 * the path's prefixes and suffixes of a length some pattern has; only the
 * ignores found are matched with mg_glob_match. Patterns with no literal
 * end ("*", "?_id*") are tried one by one, for their rule only.
 */
typedef struct mg_ignore_index mg_ignore_index;

/* An index over `ignores` (kept, not copied); NULL when out of memory. */
mg_ignore_index *mg_ignore_index_new(const mg_config_ignore *ignores, size_t count);

void mg_ignore_index_free(mg_ignore_index *index);

/*
 * Adds 1 to hits[k] for every ignore k of `rule` whose pattern matches
 * `path` (NULL is the empty path); returns how many matched.
 */
size_t mg_ignore_index_match(const mg_ignore_index *index, const char *rule, const char *path,
			     size_t *hits);

#endif
