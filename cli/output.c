#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

static mode_t output_mode(const char *path)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		return st.st_mode & 0777;
	mode_t mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

/* Writes into an existing path that is not a plain regular file (/dev/null,
 * /dev/stdout, a pipe, a symbolic link): renaming over it would replace the
 * device or the link instead of writing to what it names. */
static int write_in_place(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_TRUNC);
	if (fd < 0 || write_all(fd, data, len) < 0) {
		mg_cli_error("%s: cannot write: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (close(fd) < 0) {
		mg_cli_error("%s: cannot write: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

int mg_cli_write_output(const char *path, const char *data, size_t len)
{
	if (!path || strcmp(path, "-") == 0) {
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
			mg_cli_error("cannot write to standard output: %s", strerror(errno));
			return -1;
		}
		return 0;
	}
	struct stat st;
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return write_in_place(path, data, len);
	/* A temporary file beside the target, renamed over it when complete, so
	 * a failure never leaves a half-written output. */
	size_t n = strlen(path) + sizeof(".tmp.XXXXXX");
	char *tmp = malloc(n);
	int fd = -1, result = -1;
	if (!tmp) {
		mg_cli_error("%s: out of memory", path);
		goto cleanup;
	}
	snprintf(tmp, n, "%s.tmp.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		mg_cli_error("%s: cannot create: %s", path, strerror(errno));
		goto cleanup;
	}
	/* mkstemp makes the file private (0600); give the output the mode the
	 * file it replaces had, or the one the umask gives a new file. */
	if (fchmod(fd, output_mode(path)) < 0) {
		mg_cli_error("%s: cannot write: %s", path, strerror(errno));
		goto cleanup;
	}
	if (write_all(fd, data, len) < 0 || fsync(fd) < 0) {
		mg_cli_error("%s: cannot write: %s", path, strerror(errno));
		goto cleanup;
	}
	if (close(fd) < 0) {
		fd = -1;
		mg_cli_error("%s: cannot write: %s", path, strerror(errno));
		goto cleanup;
	}
	fd = -1;
	if (rename(tmp, path) < 0) {
		mg_cli_error("%s: cannot replace: %s", path, strerror(errno));
		goto cleanup;
	}
	result = 0;
cleanup:
	if (fd >= 0)
		close(fd);
	if (result < 0 && tmp)
		unlink(tmp);
	free(tmp);
	return result;
}

bool mg_cli_use_color(const char *setting, int fd)
{
	if (setting && strcmp(setting, "always") == 0)
		return true;
	if (setting && strcmp(setting, "never") == 0)
		return false;
	const char *no_color = getenv("NO_COLOR");
	if (no_color && *no_color)
		return false;
	return isatty(fd) == 1;
}
