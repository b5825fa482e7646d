#ifndef MG_FUZZ_FILE_H
#define MG_FUZZ_FILE_H

#include <stddef.h>
#include <stdint.h>

/*
 * For targets whose code under test reads a file by name: writes the input
 * to NAME inside a directory private to this process (made on the first
 * call, removed at exit) and returns its path, or NULL when it cannot.
 * The same file is rewritten for every input.
 */
const char *mg_fuzz_file(const uint8_t *data, size_t size, const char *name);

#endif
