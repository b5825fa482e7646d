#ifndef MG_PG_THROWAWAY_H
#define MG_PG_THROWAWAY_H

#include <sys/types.h>

#include "analyzer/core/error.h"
#include "analyzer/read/throwaway.h"

/*
 * A PostgreSQL server of modelgraph's own, for loading a PostgreSQL-dialect
 * script: a cluster made by initdb in a new temporary directory, reachable
 * only through a Unix socket in that directory (no TCP), fsync off, run as
 * the user running modelgraph, or as "nobody" when that is root (initdb and
 * postgres refuse root).
 *
 * It is removed by mg_pg_throwaway_stop, and also when modelgraph ends any
 * other way (an error, Ctrl-C, a signal, a crash): throwaway.h's watcher
 * stops the server and removes the directory.
 *
 * The binaries (initdb, postgres) are looked for in $MODELGRAPH_PG_BINDIR
 * when it is set (and only there), else in Debian's
 * /usr/lib/postgresql/<version>/bin (the highest version), else on PATH.
 */

#define MG_PG_THROWAWAY_SUPERUSER "modelgraph"
#define MG_PG_PATH_SIZE MG_THROWAWAY_PATH_SIZE

typedef struct mg_pg_throwaway {
	mg_throwaway base;         /* the temporary directory, its user and watcher;
	                              base.watcher_fd -1 before the start */
	char socket_dir[MG_PG_PATH_SIZE + 8]; /* where the server's socket is: dir/socket */
	pid_t postmaster;          /* 0 when not running */
} mg_pg_throwaway;

/*
 * Makes the cluster and starts the server; `input` names the script in
 * messages. Returns 0, or -1 with `err` set: binaries missing (naming the
 * package and the postgresql:// alternative), initdb or the server failing
 * (with the last line of their log). On failure nothing is left behind.
 */
int mg_pg_throwaway_start(mg_pg_throwaway *out, const char *input, mg_error *err);

/* libpq connection string for `database` as `user` on the server, into buf. */
const char *mg_pg_throwaway_conninfo(const mg_pg_throwaway *server, const char *database,
				     const char *user, char *buf, size_t size);

/* Stops the server and removes its directory. A zeroed or stopped one: nothing. */
void mg_pg_throwaway_stop(mg_pg_throwaway *server);

#endif
