#ifndef MG_INPUT_FILE_H
#define MG_INPUT_FILE_H

#include <sqlite3.h>
#include <stdbool.h>
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

/* What a file was at one moment: its identity, size and times. */
typedef struct mg_file_stamp {
	bool exists;
	unsigned long long device, inode;
	long long size, mtime_sec, ctime_sec;
	long mtime_nsec, ctime_nsec;
} mg_file_stamp;

/* A database opened for reading, in place or as a private copy. */
typedef struct mg_sqlite_input {
	sqlite3 *db;
	const char *path;            /* the database as named */
	char *copy_dir;              /* the private copy's directory, removed on close;
	                                NULL when the file itself is read */
	bool in_place;               /* the file itself is read */
	bool wal_mode, had_wal;      /* what the open saw: the header says WAL mode; a
	                                -wal file was there */
	mg_file_stamp before;        /* the database file when opened in place */
} mg_sqlite_input;

/*
 * Opens the SQLite database `path` for reading without creating, changing
 * or removing any file beside it, and such that every committed
 * transaction is seen, those only in a -wal file too (input_file.c says
 * how). With `copy`, or when a -wal file is there, a private copy of the
 * database and its -wal is read instead of the file itself. The name
 * always means that file (SQLite builds with URI filenames on by default
 * would read "file:x.db?..." as a URI). Every connection to a database file
 * should be opened here. 0, or -1 with `err` naming the input; close with
 * mg_input_close_sqlite either way.
 */
int mg_input_open_sqlite(mg_sqlite_input *in, const char *path, bool copy, mg_error *err);

/*
 * After a read in place: true when what was read may not be one committed
 * state (a read without locks whose file changed, or a database whose mode
 * or -wal file is not what the open saw): read it again with `copy`.
 * Always false for a copy.
 */
bool mg_input_sqlite_changed(const mg_sqlite_input *in);

/* Closes the database and removes the private copy, if any. */
void mg_input_close_sqlite(mg_sqlite_input *in);

#endif
