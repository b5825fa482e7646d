#ifndef MG_INPUT_FILE_H
#define MG_INPUT_FILE_H

#include <stddef.h>

#include "error.h"

/*
 * Checks that `path` names a readable regular file; else sets `err` with a
 * message naming the input and returns -1.
 */
int mg_input_check_file(const char *path, mg_error *err);

/* Reads a whole file into a NUL-terminated malloc'd buffer (caller frees);
 * NULL with `err` set on failure. */
char *mg_input_read_all(const char *path, size_t *out_len, mg_error *err);

#endif
