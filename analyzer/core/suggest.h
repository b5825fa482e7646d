#ifndef MG_SUGGEST_H
#define MG_SUGGEST_H

#include <stddef.h>

/*
 * "Did you mean" for misspelt names: option keys, enum values, rule ids,
 * configuration keys. Pure functions, no allocation.
 */

/* Words longer than this (in bytes) are compared by nobody: no suggestion. */
#define MG_SUGGEST_MAX_LEN 128

/*
 * Edit distance between two byte strings, ASCII case ignored: insertions,
 * deletions, substitutions and transpositions of adjacent bytes each cost 1
 * (optimal string alignment). SIZE_MAX when either is longer than
 * MG_SUGGEST_MAX_LEN.
 */
size_t mg_suggest_distance(const char *a, size_t a_len, const char *b, size_t b_len);

/*
 * The candidate nearest to `word`, or NULL when none is near enough: a
 * candidate qualifies within max(1, strlen(candidate) / 3) edits, so "backred"
 * finds "backref" and "x" finds nothing. Ties go to the earlier candidate.
 * When none qualifies, the only candidate that begins with `word` (of 3
 * bytes or more) does: "warn" finds "warning".
 * Returns one of `candidates` (NULL entries are skipped); the caller keeps
 * ownership.
 */
const char *mg_suggest_nearest(const char *word, size_t word_len,
                               const char *const *candidates, size_t count);

#endif
