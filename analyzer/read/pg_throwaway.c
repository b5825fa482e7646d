/* fork, exec, setsid, mkdtemp and nftw (XSI); setgroups (glibc's default set) */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE

#include "analyzer/read/pg_throwaway.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "analyzer/read/libpq_api.h"

#define START_TIMEOUT_SECONDS 60
#define STOP_TIMEOUT_SECONDS 10

/* Who runs initdb and the server: ourselves, or nobody when we are root. */
typedef struct server_user {
	bool switch_user;
	uid_t uid;
	gid_t gid;
} server_user;

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

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (type == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

static void remove_tree(const char *dir)
{
	if (*dir)
		nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* In a child: stdin from /dev/null, stdout and stderr to `log`, the
 * server user's identity. Returns only on failure. */
static void become_server(const server_user *user, const char *log)
{
	int null_fd = open("/dev/null", O_RDONLY);
	int log_fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600);
	if (null_fd < 0 || log_fd < 0 || dup2(null_fd, 0) < 0 || dup2(log_fd, 1) < 0 || dup2(log_fd, 2) < 0)
		_exit(127);
	close(null_fd);
	close(log_fd);
	if (user->switch_user && (setgroups(0, NULL) < 0 || setgid(user->gid) < 0 || setuid(user->uid) < 0))
		_exit(127);
}

static pid_t spawn(const server_user *user, const char *log, char *const argv[])
{
	pid_t pid = fork();
	if (pid != 0)
		return pid;
	setsid(); /* Ctrl-C in the terminal is for modelgraph, not for the server */
	become_server(user, log);
	execv(argv[0], argv);
	_exit(127);
}

/* The last non-empty line of a log, for a message. */
static void last_line(const char *path, char *out, size_t size)
{
	FILE *f = fopen(path, "r");
	char line[512];
	*out = '\0';
	while (f && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (*line)
			snprintf(out, size, "%s", line);
	}
	if (f)
		fclose(f);
}

/*
 * The watcher: in a session of its own (so Ctrl-C does not reach it), it
 * reads from the pipe the pid of each process started for the server
 * (initdb, then the postmaster), and when the pipe closes (we stopped, or
 * ended some other way) it ends those still running and removes the
 * directory.
 */
static void watch(int fd, const char *dir)
{
	signal(SIGINT, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	setsid();
	for (int other = 3; other < 1024; other++)
		if (other != fd)
			close(other);
	pid_t pids[4] = {0};
	size_t npids = 0, n = 0;
	char buf[64];
	ssize_t got;
	while ((got = read(fd, buf + n, sizeof(buf) - 1 - n)) > 0 || (got < 0 && errno == EINTR)) {
		if (got <= 0)
			continue;
		n += (size_t)got;
		buf[n] = '\0';
		char *line_end;
		while ((line_end = strchr(buf, '\n'))) {
			long pid = strtol(buf, NULL, 10);
			if (pid > 0 && npids < sizeof(pids) / sizeof(pids[0]))
				pids[npids++] = (pid_t)pid;
			n -= (size_t)(line_end + 1 - buf);
			memmove(buf, line_end + 1, n + 1);
		}
	}
	/* SIGQUIT: the postmaster's immediate shutdown; it ends initdb too. */
	for (size_t i = 0; i < npids; i++)
		kill(pids[i], SIGQUIT);
	for (int tenth = 0; tenth < STOP_TIMEOUT_SECONDS * 10; tenth++) {
		bool alive = false;
		for (size_t i = 0; i < npids; i++)
			alive = alive || kill(pids[i], 0) == 0;
		if (!alive)
			break;
		struct timespec pause = {.tv_nsec = 100000000};
		nanosleep(&pause, NULL);
	}
	for (size_t i = 0; i < npids; i++)
		kill(pids[i], SIGKILL);
	/* A child of what was just ended may still be writing: remove until gone. */
	for (int attempt = 0; attempt < 20 && access(dir, F_OK) == 0; attempt++) {
		remove_tree(dir);
		struct timespec pause = {.tv_nsec = 100000000};
		nanosleep(&pause, NULL);
	}
	_exit(0);
}

/* Tells the watcher about a process to end if we cannot. */
static int tell_watcher(const mg_pg_throwaway *s, pid_t pid)
{
	char line[32];
	int len = snprintf(line, sizeof(line), "%ld\n", (long)pid);
	return write(s->watcher_fd, line, (size_t)len) == len ? 0 : -1;
}

static int start_watcher(mg_pg_throwaway *s)
{
	int fds[2];
	if (pipe(fds) < 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		close(fds[1]);
		watch(fds[0], s->dir);
	}
	close(fds[0]);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	s->watcher = pid;
	s->watcher_fd = fds[1];
	return 0;
}

static int wait_exit(pid_t pid)
{
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
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
		struct timespec pause = {.tv_nsec = 20000000};
		nanosleep(&pause, NULL);
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
	server_user user = {0};
	*out = (mg_pg_throwaway){.watcher_fd = -1};

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
	if (geteuid() == 0) {
		struct passwd *pw = getpwnam("nobody");
		if (!pw) {
			mg_error_set(err, "%s: the throwaway PostgreSQL server cannot run as root, and there is "
				     "no user \"nobody\" to run it as", input);
			return -1;
		}
		user = (server_user){.switch_user = true, .uid = pw->pw_uid, .gid = pw->pw_gid};
	}
	const char *tmpdir = getenv("TMPDIR");
	snprintf(out->dir, sizeof(out->dir), "%s/modelgraph-pg-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	if (!mkdtemp(out->dir)) {
		mg_error_set(err, "%s: cannot make a directory for the throwaway PostgreSQL server: %s", input,
			     strerror(errno));
		out->dir[0] = '\0';
		return -1;
	}
	snprintf(out->socket_dir, sizeof(out->socket_dir), "%s/socket", out->dir);
	if (strlen(out->socket_dir) + sizeof("/.s.PGSQL.5432") > 108) { /* sun_path's size */
		mg_error_set(err, "%s: the temporary directory's name is too long for a Unix socket; "
			     "set TMPDIR to a shorter one", input);
		goto fail;
	}
	snprintf(data, sizeof(data), "%s/data", out->dir);
	snprintf(log, sizeof(log), "%s/server.log", out->dir);
	if (start_watcher(out) < 0 || mkdir(out->socket_dir, 0700) < 0 ||
	    (user.switch_user && (chown(out->dir, user.uid, user.gid) < 0 ||
				  chown(out->socket_dir, user.uid, user.gid) < 0))) {
		mg_error_set(err, "%s: cannot prepare the throwaway PostgreSQL server: %s", input,
			     strerror(errno));
		goto fail;
	}

	snprintf(program, sizeof(program), "%s/initdb", bindir);
	char *initdb_argv[] = {program, "-D", data, "-U", MG_PG_THROWAWAY_SUPERUSER, "--auth=trust",
			       "-E", "UTF8", "--no-locale", "--no-sync", "--no-instructions", NULL};
	pid_t initdb = spawn(&user, log, initdb_argv);
	if (initdb > 0)
		tell_watcher(out, initdb);
	if (initdb < 0 || wait_exit(initdb) != 0) {
		last_line(log, reason, sizeof(reason));
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
	out->postmaster = spawn(&user, log, postgres_argv);
	if (out->postmaster < 0) {
		out->postmaster = 0;
		mg_error_set(err, "%s: cannot start the throwaway PostgreSQL server: %s", input, strerror(errno));
		goto fail;
	}
	if (tell_watcher(out, out->postmaster) < 0 || wait_ready(out) < 0) {
		last_line(log, reason, sizeof(reason));
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
		wait_exit(s->postmaster);
		s->postmaster = 0;
	}
	remove_tree(s->dir);
	s->dir[0] = '\0';
	if (s->watcher_fd >= 0) {
		close(s->watcher_fd); /* the watcher finds nothing left to do, and ends */
		s->watcher_fd = -1;
	}
	if (s->watcher > 0) {
		wait_exit(s->watcher);
		s->watcher = 0;
	}
}
