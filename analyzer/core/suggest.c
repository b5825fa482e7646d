#include "analyzer/core/suggest.h"

#include <stdint.h>
#include <string.h>

#include "util/text.h"

static unsigned char fold(char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : (unsigned char)c;
}

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;
	return m < c ? m : c;
}

size_t mg_suggest_distance(const char *a, size_t a_len, const char *b, size_t b_len)
{
	/* Three rows of the dynamic programme: i-2, i-1 and i. */
	size_t rows[3][MG_SUGGEST_MAX_LEN + 1];

	if (a_len > MG_SUGGEST_MAX_LEN || b_len > MG_SUGGEST_MAX_LEN)
		return SIZE_MAX;

	for (size_t j = 0; j <= b_len; j++)
		rows[0][j] = j;
	for (size_t i = 1; i <= a_len; i++) {
		size_t *cur = rows[i % 3];
		const size_t *prev = rows[(i - 1) % 3];
		const size_t *prev2 = rows[(i + 1) % 3]; /* (i - 2) % 3 */

		cur[0] = i;
		for (size_t j = 1; j <= b_len; j++) {
			size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
			cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) &&
			    fold(a[i - 2]) == fold(b[j - 1]) && prev2[j - 2] + 1 < cur[j])
				cur[j] = prev2[j - 2] + 1;
		}
	}
	return rows[a_len % 3][b_len];
}

/* The one candidate that begins with `word` (3 bytes or more, ASCII case
 * ignored): "warn" for "warning". NULL when none or several do. */
static const char *only_extension(const char *word, size_t word_len, const char *const *candidates,
				  size_t count)
{
	const char *found = NULL;
	if (word_len < 3)
		return NULL;
	for (size_t i = 0; i < count; i++) {
		const char *c = candidates[i];
		if (!c || strlen(c) <= word_len || mg_ascii_ncasecmp(c, word, word_len) != 0)
			continue;
		if (found)
			return NULL;
		found = c;
	}
	return found;
}

const char *mg_suggest_nearest(const char *word, size_t word_len,
                               const char *const *candidates, size_t count)
{
	const char *best = NULL;
	size_t best_distance = SIZE_MAX;

	for (size_t i = 0; i < count; i++) {
		const char *candidate = candidates[i];
		size_t len, limit, distance, gap;

		if (!candidate)
			continue;
		len = strlen(candidate);
		limit = len / 3 > 1 ? len / 3 : 1;
		gap = len > word_len ? len - word_len : word_len - len;
		if (gap > limit)
			continue; /* also keeps long words away from the table */
		distance = mg_suggest_distance(word, word_len, candidate, len);
		if (distance <= limit && distance < best_distance) {
			best = candidate;
			best_distance = distance;
		}
	}
	return best ? best : only_extension(word, word_len, candidates, count);
}
