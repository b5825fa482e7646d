#include "analyzer/core/name_index.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

typedef struct slot {
	const char *key; /* NULL: empty */
	void *value;
	uint32_t hash;
} slot;

struct mg_name_index {
	slot *slots;
	size_t capacity; /* a power of two */
	size_t count;
	bool case_insensitive;
};

/*
 * Hashes eight bytes at a time: names are looked up by the hundred thousand
 * (every column's type, name and table), and a byte loop was the largest
 * part of a lookup. Folding sets bit 5 of every byte: that makes 'A' and 'a'
 * alike and leaves any two bytes that were alike still alike, which is all a
 * hash needs (equality is then tested exactly, in `same`).
 */
static uint32_t hash_name(const char *s, bool fold)
{
	const uint64_t fold_bits = fold ? 0x2020202020202020u : 0;
	size_t n = strlen(s);
	uint64_t h = n * 0x9e3779b97f4a7c15u;
	for (; n >= 8; s += 8, n -= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = (h ^ (w | fold_bits)) * 0xff51afd7ed558ccdu;
		h ^= h >> 29;
	}
	if (n) {
		uint64_t w = 0;
		memcpy(&w, s, n);
		h = (h ^ (w | fold_bits)) * 0xff51afd7ed558ccdu;
	}
	h ^= h >> 32;
	h *= 0xc4ceb9fe1a85ec53u;
	h ^= h >> 29;
	return (uint32_t)h;
}

static bool same(const mg_name_index *index, const char *a, const char *b)
{
	/* Names found are nearly always spelled as stored: the library's strcmp
	 * settles those, and only a difference is compared again ignoring case. */
	return strcmp(a, b) == 0 || (index->case_insensitive && mg_ascii_casecmp(a, b) == 0);
}

mg_name_index *mg_name_index_new(bool case_insensitive)
{
	mg_name_index *index = calloc(1, sizeof(*index));
	if (!index)
		return NULL;
	index->case_insensitive = case_insensitive;
	return index;
}

void mg_name_index_free(mg_name_index *index)
{
	if (!index)
		return;
	free(index->slots);
	free(index);
}

static slot *find_slot(slot *slots, size_t capacity, const mg_name_index *index, const char *name,
		       uint32_t hash)
{
	size_t mask = capacity - 1;
	for (size_t i = hash & mask;; i = (i + 1) & mask) {
		slot *s = &slots[i];
		if (!s->key || (s->hash == hash && same(index, s->key, name)))
			return s;
	}
}

static int grow(mg_name_index *index)
{
	size_t capacity = index->capacity ? index->capacity * 2 : 64;
	slot *slots = calloc(capacity, sizeof(slot));
	if (!slots)
		return -1;
	for (size_t i = 0; i < index->capacity; i++) {
		slot *old = &index->slots[i];
		if (old->key)
			*find_slot(slots, capacity, index, old->key, old->hash) = *old;
	}
	free(index->slots);
	index->slots = slots;
	index->capacity = capacity;
	return 0;
}

void **mg_name_index_upsert(mg_name_index *index, const char *name)
{
	if ((index->count + 1) * 4 > index->capacity * 3 && grow(index) < 0)
		return NULL;
	uint32_t hash = hash_name(name, index->case_insensitive);
	slot *s = find_slot(index->slots, index->capacity, index, name, hash);
	if (!s->key) {
		s->key = name;
		s->hash = hash;
		s->value = NULL;
		index->count++;
	}
	return &s->value;
}

int mg_name_index_put(mg_name_index *index, const char *name, void *value)
{
	void **place = mg_name_index_upsert(index, name);
	if (!place)
		return -1;
	*place = value;
	return 0;
}

void *mg_name_index_get(const mg_name_index *index, const char *name)
{
	if (!index->capacity)
		return NULL;
	uint32_t hash = hash_name(name, index->case_insensitive);
	slot *s = find_slot(index->slots, index->capacity, index, name, hash);
	return s->key ? s->value : NULL;
}
