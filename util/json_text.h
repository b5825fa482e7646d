#ifndef MG_JSON_TEXT_H
#define MG_JSON_TEXT_H

#include <stddef.h>

/*
 * JSON text before a parser sees it (graph JSON, baselines): a byte order
 * mark to skip, and the nesting to bound before the parser descends into it.
 */

/* The length of the UTF-8 byte order mark `data` starts with (3), or 0:
 * RFC 8259 lets a parser ignore one, and editors on Windows write one. */
size_t mg_json_bom_length(const char *data, size_t len);

/*
 * Whether the arrays and objects of `data` nest at most `limit` deep: 0, or
 * -1 with the 1-based line and column (in characters) of the first "[" or
 * "{" past the limit. Brackets inside strings do not count; text that is not
 * JSON is left for the parser to report, so this never fails on it alone.
 * Linear in `len`, whatever the depth.
 */
int mg_json_check_depth(const char *data, size_t len, long long limit, size_t *line, size_t *column);

#endif
