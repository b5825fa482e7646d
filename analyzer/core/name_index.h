#ifndef MG_NAME_INDEX_H
#define MG_NAME_INDEX_H

#include <stdbool.h>
#include <stddef.h>

/*
 * A hash map from names to pointers, optionally ignoring ASCII case. Keys are
 * not copied: they must outlive the index (graph names live in its arena).
 * Allocated with malloc; free with mg_name_index_free.
 */
typedef struct mg_name_index mg_name_index;

mg_name_index *mg_name_index_new(bool case_insensitive);
void mg_name_index_free(mg_name_index *index);

/* Adds or replaces the value for `name`; 0, or -1 when out of memory. */
int mg_name_index_put(mg_name_index *index, const char *name, void *value);

/* The place of the value for `name`, added (holding NULL) when absent, so
 * that a count or a flag is read and changed with one lookup; NULL when out
 * of memory. The place moves when a later call adds a name. */
void **mg_name_index_upsert(mg_name_index *index, const char *name);

/* The value stored for `name`, or NULL. */
void *mg_name_index_get(const mg_name_index *index, const char *name);

#endif
