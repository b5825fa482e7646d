#ifndef MG_ARENA_H
#define MG_ARENA_H

#include <stddef.h>

/*
 * A bump allocator that owns everything a graph holds. Memory is released
 * all at once by mg_arena_free(); nothing allocated here is freed alone.
 *
 * Built with MG_ARENA_MALLOC, every allocation is its own malloc() block
 * (kept on a list), so AddressSanitizer and valgrind see each one.
 */
typedef struct mg_arena mg_arena;

/* Returns a new arena, or NULL when out of memory. Free with mg_arena_free. */
mg_arena *mg_arena_new(void);

/* Releases the arena and all it allocated; NULL is a no-op. */
void mg_arena_free(mg_arena *arena);

/* Releases everything allocated so far, keeping the chunk being filled
 * (cleared) for what comes next: a scratch arena used over and over. */
void mg_arena_reset(mg_arena *arena);

/* Zeroed, max-aligned memory owned by the arena; NULL when out of memory. */
void *mg_arena_alloc(mg_arena *arena, size_t size);

/* Copies of strings owned by the arena; NULL in gives NULL out. */
char *mg_arena_strdup(mg_arena *arena, const char *s);
char *mg_arena_strndup(mg_arena *arena, const char *s, size_t len);

/* printf into arena memory. */
char *mg_arena_printf(mg_arena *arena, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Makes room for one more element in a growable array living in the arena:
 * returns `items` itself while it has room for count + 1 elements, else a
 * copy with double the capacity (*capacity updated). When out of memory it
 * returns `items` unchanged and leaves *capacity as it was, so count is still
 * not below it. The old copy stays in the arena until it is freed.
 */
void *mg_arena_grow(mg_arena *arena, void *items, size_t count, size_t *capacity, size_t elem_size);

/* Appends `item` to the array `arr` of `count` elements; 0, or -1 when out of
 * memory, with the array and its count as they were. */
#define MG_ARENA_PUSH(arena, arr, count, capacity, item)                               \
	((arr) = mg_arena_grow((arena), (arr), (count), &(capacity), sizeof *(arr)),       \
	 (count) < (capacity) ? ((arr)[(count)++] = (item), 0) : -1)

/*
 * For tests of the paths taken when memory runs out: the next `n`
 * allocations from `arena` succeed and every later one fails. SIZE_MAX, the
 * default, never fails.
 */
void mg_arena_fail_after(mg_arena *arena, size_t n);

#endif
