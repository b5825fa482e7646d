/* kill (POSIX) */
#define _POSIX_C_SOURCE 200809L

#include "analyzer/read/pg_throwaway.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "analyzer/read/libpq_api.h"

#define START_TIMEOUT_SECONDS 60

static bool executable(const char *dir, const char *name)
{
	char path[MG_PG_PATH_SIZE + 16];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return access(path, X_OK) == 0;
}

static bool has_binaries(const char *dir)
{
	return executable(dir, "initdb") && executable(dir, "postgres");
}

/* Debian's /usr/lib/postgresql/<version>/bin, the highest version first. */
static bool find_debian_bindir(char *out, size_t size)
{
	DIR *d = opendir("/usr/lib/postgresql");
	long best = -1;
	if (!d)
		return false;
	for (struct dirent *e; (e = readdir(d));) {
		char *end;
		long version = strtol(e->d_name, &end, 10);
		char bin[MG_PG_PATH_SIZE];
		snprintf(bin, sizeof(bin), "/usr/lib/postgresql/%s/bin", e->d_name);
		if (end != e->d_name && *end == '\0' && version > best && has_binaries(bin)) {
			best = version;
			snprintf(out, size, "%s", bin);
		}
	}
	closedir(d);
	return best >= 0;
}

static bool find_bindir(char *out, size_t size)
{
	const char *forced = getenv("MODELGRAPH_PG_BINDIR");
	if (forced) {
		snprintf(out, size, "%s", forced);
		return has_binaries(out);
	}
	if (find_debian_bindir(out, size))
		return true;
	const char *path = getenv("PATH");
	for (const char *p = path; p && *p;) {
		size_t n = strcspn(p, ":");
		snprintf(out, size, "%.*s", (int)n, p);
		if (n > 0 && has_binaries(out))
			return true;
		p += n + (p[n] == ':');
	}
	return false;
}

static int wait_ready(mg_pg_throwaway *s)
{
	char conninfo[MG_PG_PATH_SIZE + 128];
	mg_pg_throwaway_conninfo(s, "postgres", MG_PG_THROWAWAY_SUPERUSER, conninfo, sizeof(conninfo));
	for (int i = 0; i < START_TIMEOUT_SECONDS * 50; i++) {
		if (mg_pq.PQping(conninfo) == PQPING_OK)
			return 0;
		int status;
		if (waitpid(s->postmaster, &status, WNOHANG) == s->postmaster) {
			s->postmaster = 0; /* it gave up */
			return -1;
		}
		mg_throwaway_pause(20);
	}
	return -1;
}

const char *mg_pg_throwaway_conninfo(const mg_pg_throwaway *server, const char *database,
				     const char *user, char *buf, size_t size)
{
	/* Values quoted as libpq's conninfo strings quote them. */
	char db[256];
	size_t n = 0;
	for (const char *p = database; *p && n + 2 < sizeof(db); p++) {
		if (*p == '\'' || *p == '\\')
			db[n++] = '\\';
		db[n++] = *p;
	}
	db[n] = '\0';
	snprintf(buf, size, "host='%s' port=5432 dbname='%s' user='%s' client_encoding=UTF8",
		 server->socket_dir, db, user);
	return buf;
}

int mg_pg_throwaway_start(mg_pg_throwaway *out, const char *input, mg_error *err)
{
	char bindir[MG_PG_PATH_SIZE], data[MG_PG_PATH_SIZE + 8], log[MG_PG_PATH_SIZE + 16], program[MG_PG_PATH_SIZE + 16];
	char reason[512];
	*out = (mg_pg_throwaway){.base = {.watcher_fd = -1}};

	if (mg_pq_load(input, err) < 0)
		return -1;
	if (!find_bindir(bindir, sizeof(bindir))) {
		mg_error_set(err,
			     "%s: a PostgreSQL-dialect script is loaded into a throwaway PostgreSQL server, "
			     "and initdb and postgres were not found%s; install the postgresql package "
			     "(apt-get install postgresql), or load the script into a server yourself and "
			     "read it as postgresql://USER@HOST/DATABASE",
			     input, getenv("MODELGRAPH_PG_BINDIR") ? " in $MODELGRAPH_PG_BINDIR" : "");
		return -1;
	}
	/* SIGQUIT: the postmaster's immediate shutdown; it ends initdb too. */
	if (mg_throwaway_open(&out->base, "modelgraph-pg", SIGQUIT, input, "PostgreSQL", err) < 0)
		return -1;
	const mg_throwaway *base = &out->base;
	snprintf(out->socket_dir, sizeof(out->socket_dir), "%s/socket", base->dir);
	if (strlen(out->socket_dir) + sizeof("/.s.PGSQL.5432") > 108) { /* sun_path's size */
		mg_error_set(err, "%s: the temporary directory's name is too long for a Unix socket; "
			     "set TMPDIR to a shorter one", input);
		goto fail;
	}
	snprintf(data, sizeof(data), "%s/data", base->dir);
	snprintf(log, sizeof(log), "%s/server.log", base->dir);
	if (mkdir(out->socket_dir, 0700) < 0 ||
	    (base->switch_user && chown(out->socket_dir, base->uid, base->gid) < 0)) {
		mg_error_set(err, "%s: cannot prepare the throwaway PostgreSQL server: %s", input,
			     strerror(errno));
		goto fail;
	}

	snprintf(program, sizeof(program), "%s/initdb", bindir);
	char *initdb_argv[] = {program, "-D", data, "-U", MG_PG_THROWAWAY_SUPERUSER, "--auth=trust",
			       "-E", "UTF8", "--no-locale", "--no-sync", "--no-instructions", NULL};
	pid_t initdb = mg_throwaway_spawn(&out->base, log, initdb_argv);
	if (initdb < 0 || mg_throwaway_wait(initdb) != 0) {
		mg_throwaway_last_line(log, reason, sizeof(reason));
		mg_error_set(err, "%s: initdb failed for the throwaway PostgreSQL server: %s", input,
			     *reason ? reason : "no message");
		goto fail;
	}

	snprintf(program, sizeof(program), "%s/postgres", bindir);
	char socket_setting[MG_PG_PATH_SIZE + 32];
	snprintf(socket_setting, sizeof(socket_setting), "unix_socket_directories=%s", out->socket_dir);
	char *postgres_argv[] = {program, "-D", data, "-p", "5432", "-c", "listen_addresses=",
				 "-c", socket_setting, "-c", "fsync=off", "-c", "synchronous_commit=off",
				 "-c", "full_page_writes=off", "-c", "autovacuum=off", "-c", "max_connections=10",
				 "-c", "wal_level=minimal", "-c", "max_wal_senders=0", NULL};
	out->postmaster = mg_throwaway_spawn(&out->base, log, postgres_argv);
	if (out->postmaster < 0) {
		out->postmaster = 0;
		mg_error_set(err, "%s: cannot start the throwaway PostgreSQL server: %s", input, strerror(errno));
		goto fail;
	}
	if (wait_ready(out) < 0) {
		mg_throwaway_last_line(log, reason, sizeof(reason));
		mg_error_set(err, "%s: the throwaway PostgreSQL server did not start: %s", input,
			     *reason ? reason : "no message");
		goto fail;
	}
	return 0;
fail:
	mg_pg_throwaway_stop(out);
	return -1;
}

void mg_pg_throwaway_stop(mg_pg_throwaway *s)
{
	if (s->postmaster > 0) {
		kill(s->postmaster, SIGQUIT);
		mg_throwaway_wait(s->postmaster);
		s->postmaster = 0;
	}
	mg_throwaway_close(&s->base);
}
