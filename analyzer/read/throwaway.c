/* fork, exec, setsid, mkdtemp and nftw (XSI); setgroups (glibc's default set) */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE

#include "analyzer/read/throwaway.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define STOP_TIMEOUT_SECONDS 10

void mg_throwaway_pause(long ms)
{
	struct timespec pause = {.tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L};
	while (nanosleep(&pause, &pause) < 0 && errno == EINTR)
		;
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
static void become_server(const mg_throwaway *t, const char *log)
{
	int null_fd = open("/dev/null", O_RDONLY);
	int log_fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600);
	if (null_fd < 0 || log_fd < 0 || dup2(null_fd, 0) < 0 || dup2(log_fd, 1) < 0 || dup2(log_fd, 2) < 0)
		_exit(127);
	close(null_fd);
	close(log_fd);
	if (t->switch_user && (setgroups(0, NULL) < 0 || setgid(t->gid) < 0 || setuid(t->uid) < 0))
		_exit(127);
}

/* Tells the watcher about a process to end if we cannot. */
static int tell_watcher(const mg_throwaway *t, pid_t pid)
{
	char line[32];
	int len = snprintf(line, sizeof(line), "%ld\n", (long)pid);
	return write(t->watcher_fd, line, (size_t)len) == len ? 0 : -1;
}

pid_t mg_throwaway_spawn(mg_throwaway *t, const char *log, char *const argv[])
{
	pid_t pid = fork();
	if (pid == 0) {
		setsid(); /* Ctrl-C in the terminal is for modelgraph, not for the server */
		become_server(t, log);
		execv(argv[0], argv);
		_exit(127);
	}
	if (pid > 0 && tell_watcher(t, pid) < 0) {
		kill(pid, SIGKILL);
		mg_throwaway_wait(pid);
		return -1;
	}
	return pid;
}

int mg_throwaway_wait(pid_t pid)
{
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

void mg_throwaway_last_line(const char *path, char *out, size_t size)
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

/* Whether a process still runs: not gone, and not a zombie that nobody
 * reaps (modelgraph, its parent, may have ended, and a container's first
 * process may reap nothing). */
static bool running(pid_t pid)
{
	if (kill(pid, 0) != 0)
		return false;
	char path[64], stat[512];
	snprintf(path, sizeof(path), "/proc/%ld/stat", (long)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return true;
	size_t n = fread(stat, 1, sizeof(stat) - 1, f);
	fclose(f);
	stat[n] = '\0';
	const char *end = strrchr(stat, ')'); /* after the command's name, which may hold anything */
	return !(end && end[1] == ' ' && (end[2] == 'Z' || end[2] == 'X'));
}

/*
 * The watcher: in a session of its own (so Ctrl-C does not reach it), it
 * reads from the pipe the pid of each process started for the server, and
 * when the pipe closes (we stopped, or ended some other way) it ends those
 * still running and removes the directory.
 */
static void watch(int fd, const char *dir, int stop_signal)
{
	signal(SIGINT, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	setsid();
	for (int other = 3; other < 1024; other++)
		if (other != fd)
			close(other);
	pid_t pids[8] = {0};
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
	for (size_t i = 0; i < npids; i++)
		kill(pids[i], stop_signal);
	for (int tenth = 0; tenth < STOP_TIMEOUT_SECONDS * 10; tenth++) {
		bool alive = false;
		for (size_t i = 0; i < npids; i++)
			alive = alive || running(pids[i]);
		if (!alive)
			break;
		mg_throwaway_pause(100);
	}
	for (size_t i = 0; i < npids; i++)
		kill(pids[i], SIGKILL);
	/* A child of what was just ended may still be writing: remove until gone. */
	for (int attempt = 0; attempt < 20 && access(dir, F_OK) == 0; attempt++) {
		remove_tree(dir);
		mg_throwaway_pause(100);
	}
	_exit(0);
}

static int start_watcher(mg_throwaway *t, int stop_signal)
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
		watch(fds[0], t->dir, stop_signal);
	}
	close(fds[0]);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	t->watcher = pid;
	t->watcher_fd = fds[1];
	return 0;
}

int mg_throwaway_open(mg_throwaway *t, const char *prefix, int stop_signal, const char *input,
		      const char *server, mg_error *err)
{
	*t = (mg_throwaway){.watcher_fd = -1};
	if (geteuid() == 0) {
		struct passwd *pw = getpwnam("nobody");
		if (!pw) {
			mg_error_set(err, "%s: the throwaway %s server cannot run as root, and there is "
				     "no user \"nobody\" to run it as", input, server);
			return -1;
		}
		t->switch_user = true;
		t->uid = pw->pw_uid;
		t->gid = pw->pw_gid;
	}
	const char *tmpdir = getenv("TMPDIR");
	snprintf(t->dir, sizeof(t->dir), "%s/%s-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp", prefix);
	if (!mkdtemp(t->dir)) {
		mg_error_set(err, "%s: cannot make a directory for the throwaway %s server: %s", input, server,
			     strerror(errno));
		t->dir[0] = '\0';
		return -1;
	}
	if (start_watcher(t, stop_signal) < 0 || (t->switch_user && chown(t->dir, t->uid, t->gid) < 0)) {
		mg_error_set(err, "%s: cannot prepare the throwaway %s server: %s", input, server,
			     strerror(errno));
		mg_throwaway_close(t);
		return -1;
	}
	return 0;
}

void mg_throwaway_close(mg_throwaway *t)
{
	remove_tree(t->dir);
	t->dir[0] = '\0';
	if (t->watcher_fd >= 0) {
		close(t->watcher_fd); /* the watcher finds nothing left to do, and ends */
		t->watcher_fd = -1;
	}
	if (t->watcher > 0) {
		mg_throwaway_wait(t->watcher);
		t->watcher = 0;
	}
}
