#ifndef MG_MY_THROWAWAY_H
#define MG_MY_THROWAWAY_H

#include <sys/types.h>

#include "analyzer/core/error.h"
#include "analyzer/read/throwaway.h"

/*
 * A MariaDB (or MySQL) server of modelgraph's own, for loading a
 * MySQL-dialect script: an empty data directory in a new temporary
 * directory, reachable only through a Unix socket there (--skip-networking),
 * no option file read (--no-defaults), durability off. It runs without
 * grant tables, so the script may say DEFINER= as dumps do; what a server
 * could reach outside it is closed: files only in an empty directory of its
 * own (secure_file_priv), no LOAD DATA LOCAL. It runs as the user running
 * modelgraph, or as "nobody" when that is root.
 *
 * It is removed by mg_my_throwaway_stop, and also when modelgraph ends any
 * other way (throwaway.h's watcher).
 *
 * The server binary is $MODELGRAPH_MARIADBD when it is set (and only that),
 * else mariadbd or mysqld in /usr/sbin, /usr/libexec, /usr/local/sbin or on
 * PATH.
 */

typedef struct mg_my_throwaway {
	mg_throwaway base;         /* base.watcher_fd -1 before the start */
	char socket[MG_THROWAWAY_PATH_SIZE + 16]; /* the server's socket */
	pid_t server;              /* 0 when not running */
} mg_my_throwaway;

/*
 * Makes the data directory and starts the server, waiting until it takes a
 * connection; `input` names the script in messages. 0, or -1 with `err`
 * set: the binary missing (naming the package and the mysql://
 * alternative), the server failing (the last line of its log). On failure
 * nothing is left behind. The MariaDB client library must be loaded.
 */
int mg_my_throwaway_start(mg_my_throwaway *out, const char *input, mg_error *err);

/* Stops the server and removes its directory. A zeroed or stopped one: nothing. */
void mg_my_throwaway_stop(mg_my_throwaway *server);

#endif
