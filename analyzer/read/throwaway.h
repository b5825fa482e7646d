#ifndef MG_THROWAWAY_H
#define MG_THROWAWAY_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "analyzer/core/error.h"

/*
 * What the throwaway database servers share (pg_throwaway.h for PostgreSQL,
 * my_throwaway.h for MariaDB): a new temporary directory of their own, the
 * server's processes run as the user running modelgraph (or as "nobody"
 * when that is root, which the servers refuse or should not be), in a
 * session of their own so that Ctrl-C is modelgraph's, and a watcher.
 *
 * The watcher, a process in its own session, is told the pid of every
 * process started for the server; when modelgraph closes its pipe, by
 * mg_throwaway_close or by ending any other way (an error, Ctrl-C, a
 * signal, a crash), it sends them the server's stop signal, kills what is
 * left after a while, and removes the directory.
 */

#define MG_THROWAWAY_PATH_SIZE 4096

typedef struct mg_throwaway {
	char dir[MG_THROWAWAY_PATH_SIZE]; /* the temporary directory; "" when none */
	bool switch_user;                 /* the server runs as uid/gid, not as us */
	uid_t uid;
	gid_t gid;
	pid_t watcher;                    /* 0 when none */
	int watcher_fd;                   /* write end of the watcher's pipe; -1 when none */
} mg_throwaway;

/*
 * Makes the directory ($TMPDIR/<prefix>-XXXXXX), owned by the server's user,
 * and starts the watcher, which stops what the directory's server started
 * with `stop_signal`. `input` and `server` ("PostgreSQL") name what the
 * messages are about. 0, or -1 with `err` set and nothing left behind.
 */
int mg_throwaway_open(mg_throwaway *t, const char *prefix, int stop_signal, const char *input,
		      const char *server, mg_error *err);

/* Starts argv[0] (a path) as the server's user, with standard input from
 * /dev/null and its output appended to `log`, and tells the watcher. The
 * pid, or -1. */
pid_t mg_throwaway_spawn(mg_throwaway *t, const char *log, char *const argv[]);

/* Waits for a child: its exit status, 128 when a signal ended it, -1 when
 * it cannot be waited for. */
int mg_throwaway_wait(pid_t pid);

/* The last non-empty line of a log, for a message ("" when none). */
void mg_throwaway_last_line(const char *path, char *out, size_t size);

/* Sleeps `ms` milliseconds. */
void mg_throwaway_pause(long ms);

/* Removes the directory and ends the watcher. A zeroed or closed one: nothing. */
void mg_throwaway_close(mg_throwaway *t);

#endif
