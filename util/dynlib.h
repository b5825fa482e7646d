#ifndef MG_DYNLIB_H
#define MG_DYNLIB_H

#include <stddef.h>

/*
 * Client libraries loaded on first use rather than linked: libpq, the
 * MariaDB client and graphviz each pull in a dozen more libraries (TLS,
 * Kerberos, LDAP, fonts), which the dynamic loader would otherwise map
 * and relocate on every run, even one that reads a SQLite file. Each
 * library has a table of function pointers named and typed from its own
 * header (analyzer/read/libpq_api.h, analyzer/read/libmariadb_api.h,
 * render/graphviz_api.h), filled by dlsym when the first source or diagram
 * that needs it comes along.
 */

/*
 * Opens a shared library and keeps it for the life of the process: the
 * file the environment variable `env_name` names when it is set and not
 * empty (that one only), else the first of `names` (NULL-terminated) that
 * loads. Returns the handle, or NULL with `problem` holding the loader's
 * message for the first file tried.
 */
void *mg_dynlib_open(const char *env_name, const char *const *names, char *problem, size_t size);

/* The address of `symbol` in the library (or its dependencies); NULL when
 * it has none. */
void *mg_dynlib_symbol(void *handle, const char *symbol);

#endif
