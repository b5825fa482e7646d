#include "analyzer/lint/suppress_index.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/lint/glob.h"

/* How an ignore is filed: by the text its matches equal, start or end with,
 * or by its rule alone. */
enum key_kind { KEY_EXACT, KEY_PREFIX, KEY_SUFFIX, KEY_ANY, KEY_KINDS };

/* The ignores of one rule filed under one text of one kind. */
typedef struct group {
	uint64_t hash;
	const char *rule;
	const char *text; /* in the index's texts; a suffix as written, not reversed */
	size_t len;
	enum key_kind kind;
	size_t first; /* the first ignore of the group; next[] chains the rest */
} group;

struct mg_ignore_index {
	const mg_config_ignore *ignores;
	size_t *next;          /* per ignore: the next of its group, or SIZE_MAX */
	group *groups;
	size_t ngroups;
	size_t *slots;         /* open addressing over groups: index + 1, 0 empty */
	size_t mask;           /* slots - 1, a power of two less one */
	char *texts;           /* every group's text */
	size_t *lengths[KEY_KINDS]; /* KEY_PREFIX, KEY_SUFFIX: distinct text lengths, ascending */
	size_t nlengths[KEY_KINDS];
};

/* FNV-1a, 64 bits: the rule and kind first, then the text's bytes (a
 * suffix's from its end), so a path's prefixes and suffixes hash a byte at
 * a time. */
#define FNV_OFFSET 14695981039346656037ull
#define FNV_PRIME 1099511628211ull

static uint64_t mix(uint64_t h, unsigned char byte)
{
	return (h ^ byte) * FNV_PRIME;
}

static uint64_t hash_start(const char *rule, enum key_kind kind)
{
	uint64_t h = FNV_OFFSET;
	for (const char *r = rule; *r; r++)
		h = mix(h, (unsigned char)*r);
	return mix(mix(h, 0xFF), (unsigned char)kind);
}

static uint64_t hash_text(const char *rule, enum key_kind kind, const char *text, size_t len)
{
	uint64_t h = hash_start(rule, kind);
	for (size_t i = 0; i < len; i++)
		h = mix(h, (unsigned char)(kind == KEY_SUFFIX ? text[len - 1 - i] : text[i]));
	return h;
}

/* The group of (rule, kind, text), or NULL. */
static const group *find(const mg_ignore_index *index, uint64_t hash, const char *rule,
			 enum key_kind kind, const char *text, size_t len)
{
	for (size_t s = (size_t)hash & index->mask; index->slots[s]; s = (s + 1) & index->mask) {
		const group *g = &index->groups[index->slots[s] - 1];
		if (g->hash == hash && g->kind == kind && g->len == len && strcmp(g->rule, rule) == 0 &&
		    memcmp(g->text, text, len) == 0)
			return g;
	}
	return NULL;
}

static int compare_sizes(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	return (a > b) - (a < b);
}

/* Sorts the lengths of `kind` and drops repeats. */
static void distinct_lengths(mg_ignore_index *index, enum key_kind kind)
{
	size_t *lengths = index->lengths[kind], n = index->nlengths[kind], kept = 0;
	qsort(lengths, n, sizeof(*lengths), compare_sizes);
	for (size_t i = 0; i < n; i++)
		if (kept == 0 || lengths[kept - 1] != lengths[i])
			lengths[kept++] = lengths[i];
	index->nlengths[kind] = kept;
}

mg_ignore_index *mg_ignore_index_new(const mg_config_ignore *ignores, size_t count)
{
	size_t text_bytes = 0, nslots = 4;
	for (size_t k = 0; k < count; k++)
		text_bytes += strlen(ignores[k].pattern);
	while (nslots < 2 * count)
		nslots *= 2;
	mg_ignore_index *index = calloc(1, sizeof(*index));
	char *scratch = malloc(text_bytes + 1);
	if (!index || !scratch)
		goto fail;
	index->ignores = ignores;
	index->mask = nslots - 1;
	index->next = malloc((count ? count : 1) * sizeof(*index->next));
	index->groups = malloc((count ? count : 1) * sizeof(*index->groups));
	index->slots = calloc(nslots, sizeof(*index->slots));
	index->texts = malloc(text_bytes + 1);
	index->lengths[KEY_PREFIX] = malloc((count ? count : 1) * sizeof(size_t));
	index->lengths[KEY_SUFFIX] = malloc((count ? count : 1) * sizeof(size_t));
	if (!index->next || !index->groups || !index->slots || !index->texts ||
	    !index->lengths[KEY_PREFIX] || !index->lengths[KEY_SUFFIX])
		goto fail;

	size_t used = 0;
	/* Filed from the last, so each group chains its ignores in file order. */
	for (size_t k = count; k-- > 0;) {
		const mg_config_ignore *ig = &ignores[k];
		char *prefix = index->texts + used;
		size_t prefix_len, suffix_len;
		bool literal = mg_glob_literal_ends(ig->pattern, prefix, &prefix_len, scratch, &suffix_len);
		enum key_kind kind = literal			? KEY_EXACT
				     : prefix_len >= suffix_len && prefix_len ? KEY_PREFIX
				     : suffix_len			? KEY_SUFFIX
									: KEY_ANY;
		const char *text = prefix;
		size_t len = kind == KEY_SUFFIX ? suffix_len : kind == KEY_ANY ? 0 : prefix_len;
		if (kind == KEY_SUFFIX)
			memcpy(prefix, scratch, suffix_len);
		uint64_t hash = hash_text(ig->rule, kind, text, len);
		const group *found = find(index, hash, ig->rule, kind, text, len);
		if (found) {
			group *g = &index->groups[found - index->groups];
			index->next[k] = g->first;
			g->first = k;
			continue;
		}
		used += len;
		index->next[k] = SIZE_MAX;
		index->groups[index->ngroups] = (group){hash, ig->rule, text, len, kind, k};
		size_t s = (size_t)hash & index->mask;
		while (index->slots[s])
			s = (s + 1) & index->mask;
		index->slots[s] = ++index->ngroups;
		if (kind == KEY_PREFIX || kind == KEY_SUFFIX)
			index->lengths[kind][index->nlengths[kind]++] = len;
	}
	distinct_lengths(index, KEY_PREFIX);
	distinct_lengths(index, KEY_SUFFIX);
	free(scratch);
	return index;
fail:
	free(scratch);
	mg_ignore_index_free(index);
	return NULL;
}

void mg_ignore_index_free(mg_ignore_index *index)
{
	if (!index)
		return;
	free(index->next);
	free(index->groups);
	free(index->slots);
	free(index->texts);
	free(index->lengths[KEY_PREFIX]);
	free(index->lengths[KEY_SUFFIX]);
	free(index);
}

/* Matches the group's ignores against `path`. */
static size_t match_group(const mg_ignore_index *index, const group *g, const char *path,
			  size_t *hits)
{
	size_t n = 0;
	for (size_t k = g ? g->first : SIZE_MAX; k != SIZE_MAX; k = index->next[k])
		if (mg_glob_match(index->ignores[k].pattern, path)) {
			hits[k]++;
			n++;
		}
	return n;
}

size_t mg_ignore_index_match(const mg_ignore_index *index, const char *rule, const char *path,
			     size_t *hits)
{
	if (!path)
		path = "";
	size_t len = strlen(path), n = 0;
	uint64_t h = hash_text(rule, KEY_EXACT, path, len);
	n += match_group(index, find(index, h, rule, KEY_EXACT, path, len), path, hits);

	/* The path's prefixes of each length some prefix has, hashed as they grow. */
	h = hash_start(rule, KEY_PREFIX);
	size_t hashed = 0;
	for (size_t i = 0; i < index->nlengths[KEY_PREFIX]; i++) {
		size_t l = index->lengths[KEY_PREFIX][i];
		if (l > len)
			break;
		for (; hashed < l; hashed++)
			h = mix(h, (unsigned char)path[hashed]);
		n += match_group(index, find(index, h, rule, KEY_PREFIX, path, l), path, hits);
	}
	/* The same for suffixes, from the path's end. */
	h = hash_start(rule, KEY_SUFFIX);
	hashed = 0;
	for (size_t i = 0; i < index->nlengths[KEY_SUFFIX]; i++) {
		size_t l = index->lengths[KEY_SUFFIX][i];
		if (l > len)
			break;
		for (; hashed < l; hashed++)
			h = mix(h, (unsigned char)path[len - 1 - hashed]);
		n += match_group(index, find(index, h, rule, KEY_SUFFIX, path + len - l, l), path, hits);
	}
	h = hash_start(rule, KEY_ANY);
	n += match_group(index, find(index, h, rule, KEY_ANY, "", 0), path, hits);
	return n;
}
