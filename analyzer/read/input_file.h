#ifndef MG_INPUT_FILE_H
#define MG_INPUT_FILE_H

#include <sqlite3.h>
#include <stddef.h>

#include "analyzer/core/error.h"

/*
 * Checks that `path` names a readable regular file; else sets `err` with a
 * message naming the input and returns -1.
 */
int mg_input_check_file(const char *path, mg_error *err);

/* Reads a whole file into a NUL-terminated malloc'd buffer (caller frees);
 * NULL with `err` set on failure. */
char *mg_input_read_all(const char *path, size_t *out_len, mg_error *err);

/*
 * Opens the SQLite database `path` read-only, never creating it and leaving
 * nothing beside it; returns SQLite's result code, with *out set as
 * sqlite3_open_v2 sets it (the caller closes it, even on failure). Every
 * connection to a database file should be opened here:
 * - the name goes through a percent-encoded file: URI, so it always means
 *   that file (SQLite builds with URI filenames on by default, Debian's
 *   among them, would read "file:x.db?..." as a URI);
 * - a read-only connection to a WAL-mode database still creates -wal and
 *   -shm files (and leaves them behind). When there is no -wal file, every
 *   committed page is in the database file itself, so it is opened as
 *   immutable instead, which needs neither. With a -wal file present (a
 *   writer is using the database) it is opened normally, to see the latest
 *   commits.
 */
int mg_input_open_sqlite(const char *path, sqlite3 **out);

#endif
