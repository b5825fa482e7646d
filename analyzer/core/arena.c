#define _DEFAULT_SOURCE /* madvise */

#include "analyzer/core/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __linux__
#include <sys/mman.h>

#include "util/plain_format.h"
#endif

/* Chunks come from calloc and memory is never reused, so every allocation
 * is already zero: no memset. The first chunk is small, as many arenas are
 * short-lived scratch space (calloc clears recycled memory: a big first
 * chunk would cost a big clear each time); each next chunk doubles, up to
 * a size the C library maps fresh, with pages the kernel zeroes lazily. */
#define FIRST_CHUNK_SIZE (4 * 1024)
#define MAX_CHUNK_SIZE (2 * 1024 * 1024)

/*
 * A graph of 10,000 tables takes tens of megabytes, and on a virtual machine
 * each first touch of a 4 KiB page costs microseconds: the full-size chunks
 * are mapped 2 MiB-aligned and offered as transparent huge pages, one fault
 * per chunk instead of 512.
 */
#if defined(__linux__) && defined(MADV_HUGEPAGE)
#define HUGE_PAGE_SIZE ((size_t)2 * 1024 * 1024)
#endif

/* Each chunk starts with this header; allocations follow it. */
typedef struct chunk {
	struct chunk *next;
	size_t size;   /* bytes usable after the header */
	size_t used;   /* bytes handed out */
	size_t mapped; /* bytes mapped with mmap; 0 when from calloc */
	max_align_t data[];
} chunk;

struct mg_arena {
	chunk *chunks;     /* newest first; the first one is the one being filled */
	size_t chunk_size; /* size of the next chunk */
	size_t allocations_left; /* mg_arena_fail_after; SIZE_MAX: unlimited */
};

mg_arena *mg_arena_new(void)
{
	mg_arena *arena = calloc(1, sizeof(mg_arena));
	if (arena) {
		arena->chunk_size = FIRST_CHUNK_SIZE;
		arena->allocations_left = SIZE_MAX;
	}
	return arena;
}

static void free_chunks(chunk *c)
{
	while (c) {
		chunk *next = c->next;
#ifdef HUGE_PAGE_SIZE
		if (c->mapped)
			munmap(c, c->mapped);
		else
#endif
			free(c);
		c = next;
	}
}

void mg_arena_free(mg_arena *arena)
{
	if (!arena)
		return;
	free_chunks(arena->chunks);
	free(arena);
}

void mg_arena_reset(mg_arena *arena)
{
	chunk *kept = arena->chunks;
#ifdef MG_ARENA_MALLOC
	kept = NULL; /* every allocation is a chunk: none is kept */
#endif
	if (!kept) {
		free_chunks(arena->chunks);
		arena->chunks = NULL;
		return;
	}
	free_chunks(kept->next);
	kept->next = NULL;
	/* Memory handed out is zero: what was used is cleared again. */
	memset(kept->data, 0, kept->used);
	kept->used = 0;
}

#ifdef HUGE_PAGE_SIZE
/* One huge page, aligned, zeroed by the kernel; NULL to fall back to calloc. */
static chunk *chunk_map_huge(void)
{
	size_t span = 2 * HUGE_PAGE_SIZE;
	char *raw = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (raw == MAP_FAILED)
		return NULL;
	char *start = (char *)(((uintptr_t)raw + HUGE_PAGE_SIZE - 1) & ~(uintptr_t)(HUGE_PAGE_SIZE - 1));
	if (start > raw)
		munmap(raw, (size_t)(start - raw));
	size_t tail = (size_t)(raw + span - (start + HUGE_PAGE_SIZE));
	if (tail)
		munmap(start + HUGE_PAGE_SIZE, tail);
	madvise(start, HUGE_PAGE_SIZE, MADV_HUGEPAGE);
	chunk *c = (chunk *)start;
	c->mapped = HUGE_PAGE_SIZE;
	c->size = HUGE_PAGE_SIZE - sizeof(chunk);
	return c;
}
#endif

static chunk *chunk_new(size_t size)
{
#ifdef HUGE_PAGE_SIZE
	if (size == MAX_CHUNK_SIZE) {
		chunk *huge = chunk_map_huge();
		if (huge)
			return huge;
	}
#endif
	chunk *c = calloc(1, sizeof(chunk) + size);
	if (!c)
		return NULL;
	c->size = size;
	return c;
}

void mg_arena_fail_after(mg_arena *arena, size_t n)
{
	arena->allocations_left = n;
}

void *mg_arena_alloc(mg_arena *arena, size_t size)
{
	const size_t align = sizeof(max_align_t);
	if (arena->allocations_left != SIZE_MAX) {
		if (arena->allocations_left == 0)
			return NULL;
		arena->allocations_left--;
	}
	size_t rounded = (size + align - 1) / align * align;
	if (rounded < size)
		return NULL;
	if (rounded == 0)
		rounded = align;

#ifdef MG_ARENA_MALLOC
	chunk *c = chunk_new(rounded);
	if (!c)
		return NULL;
	c->next = arena->chunks;
	arena->chunks = c;
	c->used = rounded;
	return c->data;
#else
	chunk *c = arena->chunks;
	if (!c || c->size - c->used < rounded) {
		/* Large requests get a chunk of their own, placed behind the
		 * current one so the current one keeps filling. */
		if (rounded > arena->chunk_size / 4 && c) {
			chunk *big = chunk_new(rounded);
			if (!big)
				return NULL;
			big->next = c->next;
			c->next = big;
			big->used = rounded;
			return big->data;
		}
		c = chunk_new(rounded > arena->chunk_size ? rounded : arena->chunk_size);
		if (!c)
			return NULL;
		if (arena->chunk_size < MAX_CHUNK_SIZE)
			arena->chunk_size *= 2;
		c->next = arena->chunks;
		arena->chunks = c;
	}
	void *p = (char *)c->data + c->used;
	c->used += rounded;
	return p;
#endif
}

char *mg_arena_strndup(mg_arena *arena, const char *s, size_t len)
{
	if (!s)
		return NULL;
	char *copy = mg_arena_alloc(arena, len + 1);
	if (!copy)
		return NULL;
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

char *mg_arena_strdup(mg_arena *arena, const char *s)
{
	return s ? mg_arena_strndup(arena, s, strlen(s)) : NULL;
}

char *mg_arena_printf(mg_arena *arena, const char *fmt, ...)
{
	/* Most texts are short: printed once, here, then copied. */
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = mg_format_plain(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n == MG_FORMAT_UNSUPPORTED) {
		va_start(ap, fmt);
		n = vsnprintf(small, sizeof(small), fmt, ap);
		va_end(ap);
	}
	if (n < 0)
		return NULL;
	char *out = mg_arena_alloc(arena, (size_t)n + 1);
	if (!out)
		return NULL;
	if ((size_t)n < sizeof(small)) {
		memcpy(out, small, (size_t)n + 1);
		return out;
	}
	va_start(ap, fmt);
	vsnprintf(out, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return out;
}

void *mg_arena_grow(mg_arena *arena, void *items, size_t count, size_t *capacity, size_t elem_size)
{
	if (count < *capacity)
		return items;
	size_t grown = *capacity ? *capacity * 2 : 4;
	if (grown > SIZE_MAX / elem_size)
		return items;
	void *bigger = mg_arena_alloc(arena, grown * elem_size);
	if (!bigger)
		return items; /* *capacity unchanged: the caller sees no room */
	if (count)
		memcpy(bigger, items, count * elem_size);
	*capacity = grown;
	return bigger;
}
