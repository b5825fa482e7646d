/* kill (POSIX) */
#define _POSIX_C_SOURCE 200809L

#include "analyzer/read/my_throwaway.h"

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "analyzer/read/libmariadb_api.h"
#include "util/limits.h"

#define START_TIMEOUT_SECONDS 60

static bool find_in(const char *dir, size_t dir_len, const char *name, char *out, size_t size)
{
	snprintf(out, size, "%.*s/%s", (int)dir_len, dir, name);
	return access(out, X_OK) == 0;
}

static bool find_server(char *out, size_t size)
{
	const char *forced = getenv("MODELGRAPH_MARIADBD");
	if (forced) {
		snprintf(out, size, "%s", forced);
		return access(out, X_OK) == 0;
	}
	static const char *const dirs[] = {"/usr/sbin", "/usr/libexec", "/usr/local/sbin"};
	static const char *const names[] = {"mariadbd", "mysqld"};
	for (size_t n = 0; n < sizeof(names) / sizeof(names[0]); n++) {
		for (size_t d = 0; d < sizeof(dirs) / sizeof(dirs[0]); d++)
			if (find_in(dirs[d], strlen(dirs[d]), names[n], out, size))
				return true;
		for (const char *p = getenv("PATH"); p && *p;) {
			size_t len = strcspn(p, ":");
			if (len > 0 && find_in(p, len, names[n], out, size))
				return true;
			p += len + (p[len] == ':');
		}
	}
	return false;
}

/* Whether the server takes a connection; it may still be starting. */
static bool answers(const mg_my_throwaway *s)
{
	MYSQL *db = mg_mariadb.mysql_init(NULL);
	if (!db)
		return false;
	unsigned timeout = 1;
	mg_mariadb.mysql_optionsv(db, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	bool ok = mg_mariadb.mysql_real_connect(db, NULL, "root", NULL, NULL, 0, s->socket, 0) != NULL;
	mg_mariadb.mysql_close(db);
	return ok;
}

static int wait_ready(mg_my_throwaway *s)
{
	for (int i = 0; i < START_TIMEOUT_SECONDS * 50; i++) {
		struct stat st;
		if (stat(s->socket, &st) == 0 && answers(s))
			return 0;
		int status;
		if (waitpid(s->server, &status, WNOHANG) == s->server) {
			s->server = 0; /* it gave up */
			return -1;
		}
		mg_throwaway_pause(20);
	}
	return -1;
}

int mg_my_throwaway_start(mg_my_throwaway *out, const char *input, mg_error *err)
{
	char program[MG_THROWAWAY_PATH_SIZE], reason[512];
	*out = (mg_my_throwaway){.base = {.watcher_fd = -1}};
	if (!find_server(program, sizeof(program))) {
		mg_error_set(err,
			     "%s: a MySQL-dialect script is loaded into a throwaway MariaDB server, and "
			     "mariadbd was not found%s; install the mariadb-server package (apt-get install "
			     "mariadb-server), or load the script into a server yourself and read it as "
			     "mysql://USER@HOST/DATABASE",
			     input, getenv("MODELGRAPH_MARIADBD") ? " at $MODELGRAPH_MARIADBD" : "");
		return -1;
	}
	/* The data directory is thrown away: nothing to shut down cleanly for. */
	if (mg_throwaway_open(&out->base, "modelgraph-my", SIGKILL, input, "MariaDB", err) < 0)
		return -1;
	const mg_throwaway *base = &out->base;
	char data[MG_THROWAWAY_PATH_SIZE + 8], files[MG_THROWAWAY_PATH_SIZE + 8], log[MG_THROWAWAY_PATH_SIZE + 16];
	char errors[MG_THROWAWAY_PATH_SIZE + 16], temp[MG_THROWAWAY_PATH_SIZE + 8];
	snprintf(data, sizeof(data), "%s/data", base->dir);
	snprintf(files, sizeof(files), "%s/files", base->dir);
	/* Its temporary files: TMPDIR may be ours alone. */
	snprintf(temp, sizeof(temp), "%s/tmp", base->dir);
	/* Its output, opened by us; its error log, opened by the server as its own user. */
	snprintf(log, sizeof(log), "%s/server.out", base->dir);
	snprintf(errors, sizeof(errors), "%s/error.log", base->dir);
	snprintf(out->socket, sizeof(out->socket), "%s/mysqld.sock", base->dir);
	if (strlen(out->socket) >= 108) { /* sun_path's size */
		mg_error_set(err, "%s: the temporary directory's name is too long for a Unix socket; "
			     "set TMPDIR to a shorter one", input);
		goto fail;
	}
	if (mkdir(data, 0700) < 0 || mkdir(files, 0700) < 0 || mkdir(temp, 0700) < 0 ||
	    (base->switch_user && (chown(data, base->uid, base->gid) < 0 || chown(files, base->uid, base->gid) < 0 ||
				   chown(temp, base->uid, base->gid) < 0))) {
		mg_error_set(err, "%s: cannot prepare the throwaway MariaDB server: %s", input, strerror(errno));
		goto fail;
	}
	char datadir[sizeof(data) + 16], socket[sizeof(out->socket) + 16], pid_file[sizeof(base->dir) + 32];
	char file_priv[sizeof(files) + 24], log_error[sizeof(errors) + 16], tmpdir[sizeof(temp) + 16];
	char statement_time[64];
	/* A query may take as long as a statement of a SQLite script. */
	snprintf(statement_time, sizeof(statement_time), "--max-statement-time=%lld",
		 mg_limit(MG_LIMIT_SQL_STATEMENT_SECONDS));
	snprintf(datadir, sizeof(datadir), "--datadir=%s", data);
	snprintf(socket, sizeof(socket), "--socket=%s", out->socket);
	snprintf(pid_file, sizeof(pid_file), "--pid-file=%s/mysqld.pid", base->dir);
	snprintf(file_priv, sizeof(file_priv), "--secure-file-priv=%s", files);
	snprintf(log_error, sizeof(log_error), "--log-error=%s", errors);
	snprintf(tmpdir, sizeof(tmpdir), "--tmpdir=%s", temp);
	/* --no-defaults first: no option file of the system or the user applies. */
	char *argv[] = {program, "--no-defaults", datadir, socket, pid_file, "--skip-networking",
			"--skip-grant-tables", file_priv, "--local-infile=0", log_error, tmpdir, "--skip-log-bin",
			"--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci",
			"--innodb-buffer-pool-size=16M", "--innodb-log-file-size=4M",
			"--innodb-flush-log-at-trx-commit=0", "--innodb-doublewrite=0", "--max-connections=10",
			statement_time, NULL};
	out->server = mg_throwaway_spawn(&out->base, log, argv);
	if (out->server < 0) {
		out->server = 0;
		mg_error_set(err, "%s: cannot start the throwaway MariaDB server: %s", input, strerror(errno));
		goto fail;
	}
	if (wait_ready(out) < 0) {
		mg_throwaway_last_line(errors, reason, sizeof(reason));
		if (!*reason)
			mg_throwaway_last_line(log, reason, sizeof(reason));
		mg_error_set(err, "%s: the throwaway MariaDB server did not start: %s", input,
			     *reason ? reason : "no message");
		goto fail;
	}
	return 0;
fail:
	mg_my_throwaway_stop(out);
	return -1;
}

void mg_my_throwaway_stop(mg_my_throwaway *s)
{
	if (s->server > 0) {
		kill(s->server, SIGKILL);
		mg_throwaway_wait(s->server);
		s->server = 0;
	}
	mg_throwaway_close(&s->base);
}
