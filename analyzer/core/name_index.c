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

static uint32_t hash_name(const char *s, bool fold)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (fold && c >= 'A' && c <= 'Z')
			c |= 0x20; /* mg_ascii_tolower, without a call per byte */
		h = (h ^ c) * 16777619u;
	}
	return h;
}

static bool same(const mg_name_index *index, const char *a, const char *b)
{
	return index->case_insensitive ? mg_ascii_casecmp(a, b) == 0 : strcmp(a, b) == 0;
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

int mg_name_index_put(mg_name_index *index, const char *name, void *value)
{
	if ((index->count + 1) * 4 > index->capacity * 3 && grow(index) < 0)
		return -1;
	uint32_t hash = hash_name(name, index->case_insensitive);
	slot *s = find_slot(index->slots, index->capacity, index, name, hash);
	if (!s->key) {
		s->key = name;
		s->hash = hash;
		index->count++;
	}
	s->value = value;
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
