/* Finding `.modelgraph.yml`, and reading a settings file whole. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyzer/lint/config.h"
#include "analyzer/read/input_file.h"

/* ---- finding the file ---- */

static bool ends_with_slash(const char *s)
{
	size_t n = strlen(s);
	return n && s[n - 1] == '/';
}

/* `dir` joined with `name` into buf; "." is left out. -1 when it does not fit. */
static int join(char *buf, size_t size, const char *dir, const char *name)
{
	int n = strcmp(dir, ".") == 0
		    ? snprintf(buf, size, "%s", name)
		    : snprintf(buf, size, "%s%s%s", dir, ends_with_slash(dir) ? "" : "/", name);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* Whether `dir` ends the search: a repository's root (it holds .git) or
 * the home directory. A configuration above either belongs to somebody
 * else's tree. */
static bool is_boundary(const char *dir, const struct stat *dir_st)
{
	char git[4096];
	struct stat st;
	if (join(git, sizeof(git), dir, ".git") == 0 && lstat(git, &st) == 0)
		return true;
	const char *home = getenv("HOME");
	return home && *home && stat(home, &st) == 0 && st.st_dev == dir_st->st_dev &&
	       st.st_ino == dir_st->st_ino;
}

/* A configuration decides whether CI fails: only one its owner alone can
 * change is applied (owned by this user or root, writable by nobody else). */
static bool is_trusted(const struct stat *st)
{
	return S_ISREG(st->st_mode) && (st->st_uid == geteuid() || st->st_uid == 0) &&
	       (st->st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

int mg_config_find(char *out, size_t size, const char *start_dir)
{
	char dir[4096], candidate[4096], up[4096];
	struct stat st, parent;

	if (!start_dir || !*start_dir)
		start_dir = ".";
	if (strlen(start_dir) >= sizeof(dir))
		return -1;
	memcpy(dir, start_dir, strlen(start_dir) + 1);
	for (;;) {
		if (join(candidate, sizeof(candidate), dir, MG_CONFIG_FILE_NAME) < 0)
			return -1;
		if (stat(candidate, &st) == 0) {
			if (strlen(candidate) >= size)
				return -1;
			memcpy(out, candidate, strlen(candidate) + 1);
			return is_trusted(&st) ? 1 : -2;
		}
		if (join(up, sizeof(up), dir, "..") < 0)
			return -1;
		/* The root is its own parent. */
		if (stat(dir, &st) != 0 || is_boundary(dir, &st) || stat(up, &parent) != 0 ||
		    (st.st_dev == parent.st_dev && st.st_ino == parent.st_ino))
			return 0;
		memcpy(dir, up, strlen(up) + 1);
	}
}

/* ---- reading a file ---- */

char *mg_config_read_file(const char *path, const char *what, const char *missing_hint,
			  size_t *out_len, mg_error *err)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		if (errno == ENOENT)
			mg_error_set(err, "%s: no such file; %s", path, missing_hint);
		else
			mg_error_set(err, "%s: cannot open: %s", path, strerror(errno));
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		mg_error_set(err, "%s: is a directory; name a %s", path, what);
		return NULL;
	}
	/* /dev/null is the empty file, as every tool takes it. */
	struct stat null_st;
	if (S_ISCHR(st.st_mode) && stat("/dev/null", &null_st) == 0 && S_ISCHR(null_st.st_mode) &&
	    st.st_rdev == null_st.st_rdev) {
		char *empty = calloc(1, 1);
		if (!empty)
			mg_error_set(err, "%s: out of memory", path);
		*out_len = 0;
		return empty;
	}
	return mg_input_read_all(path, out_len, err);
}
