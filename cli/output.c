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


/* The name a source is read from: without its reader prefix ("sqlite:app.db"). */
static const char *source_file(const char *source)
{
	static const char *const prefixes[] = {"c:", "sqlite:", "sql:", "json:"};
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (strncmp(source, prefixes[i], strlen(prefixes[i])) == 0)
			return source + strlen(prefixes[i]);
	return source;
}

int mg_cli_check_output(const char *option, const char *path, const char *const *sources,
			size_t nsources)
{
	struct stat out, in;
	if (path && !*path) { /* a variable left unset in a script */
		mg_cli_error("%s '': the file name is empty; name a file, or - for standard output",
			     option);
		return -1;
	}
	if (!path || strcmp(path, "-") == 0 || lstat(path, &out) != 0)
		return 0; /* standard output, or a new file */
	if (S_ISLNK(out.st_mode)) {
		/* A link to a device (/dev/stdout) is written through; a link to a
		 * file is refused: a link planted in a checkout must not redirect
		 * the report onto another file. */
		if (stat(path, &out) == 0 && !S_ISREG(out.st_mode))
			return 0;
		mg_cli_error("%s %s: is a symbolic link; name the file itself", option, path);
		return -1;
	}
	for (size_t i = 0; i < nsources; i++) {
		if (stat(source_file(sources[i]), &in) == 0 && in.st_dev == out.st_dev &&
		    in.st_ino == out.st_ino) {
			mg_cli_error("%s %s: is the source %s; writing there would destroy it, so name "
				     "another file",
				     option, path, sources[i]);
			return -1;
		}
	}
	return 0;
}

int mg_cli_output_open(mg_cli_output *out, const char *path)
{
	*out = (mg_cli_output){.fd = -1};
	if (!path || strcmp(path, "-") == 0)
		return 0;
	out->path = path;
	struct stat st;
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* An existing path that is not a plain regular file (/dev/null,
		 * /dev/stdout, a pipe): renaming over it would replace the device
		 * instead of writing to what it names. */
		if ((out->fd = open(path, O_WRONLY | O_TRUNC)) < 0) {
			mg_cli_error("%s: cannot write: %s", path, strerror(errno));
			out->failed = 1;
			return -1;
		}
		return 0;
	}
	/* A temporary file beside the target, renamed over it when complete, so
	 * a failure never leaves a half-written output. */
	size_t n = strlen(path) + sizeof(".tmp.XXXXXX");
	if (!(out->tmp = malloc(n))) {
		mg_cli_error("%s: out of memory", path);
		out->failed = 1;
		return -1;
	}
	snprintf(out->tmp, n, "%s.tmp.XXXXXX", path);
	if ((out->fd = mkstemp(out->tmp)) < 0) {
		mg_cli_error("%s: cannot create: %s", path, strerror(errno));
		free(out->tmp);
		out->tmp = NULL;
		out->failed = 1;
		return -1;
	}
	/* mkstemp makes the file private (0600); give the output the mode the
	 * file it replaces had, or the one the umask gives a new file. */
	if (fchmod(out->fd, output_mode(path)) < 0) {
		mg_cli_error("%s: cannot write: %s", path, strerror(errno));
		out->failed = 1;
		return -1;
	}
	return 0;
}

int mg_cli_output_write(mg_cli_output *out, const char *data, size_t len)
{
	if (out->failed)
		return -1;
	if (len == 0) /* nothing to write; data may then be NULL, which fwrite may not take */
		return 0;
	if (!out->path) {
		if (fwrite(data, 1, len, stdout) != len) {
			mg_cli_error("cannot write to standard output: %s", strerror(errno));
			out->failed = 1;
			return -1;
		}
		return 0;
	}
	if (write_all(out->fd, data, len) < 0) {
		mg_cli_error("%s: cannot write: %s", out->path, strerror(errno));
		out->failed = 1;
		return -1;
	}
	return 0;
}

int mg_cli_output_close(mg_cli_output *out, bool commit)
{
	int result = out->failed ? -1 : 0;
	if (!out->path) {
		if (result == 0 && commit && fflush(stdout) != 0) {
			mg_cli_error("cannot write to standard output: %s", strerror(errno));
			result = -1;
		}
		return result;
	}
	if (out->fd >= 0) {
		if (result == 0 && commit && out->tmp && fsync(out->fd) < 0) {
			mg_cli_error("%s: cannot write: %s", out->path, strerror(errno));
			result = -1;
		}
		if (close(out->fd) < 0 && result == 0 && commit) {
			mg_cli_error("%s: cannot write: %s", out->path, strerror(errno));
			result = -1;
		}
		out->fd = -1;
	}
	if (out->tmp) {
		if (result == 0 && commit && rename(out->tmp, out->path) < 0) {
			mg_cli_error("%s: cannot replace: %s", out->path, strerror(errno));
			result = -1;
		}
		if (result < 0 || !commit)
			unlink(out->tmp);
		free(out->tmp);
		out->tmp = NULL;
	}
	out->failed = result < 0;
	return commit ? result : -1;
}

int mg_cli_write_output(const char *path, const char *data, size_t len)
{
	mg_cli_output out;
	if (mg_cli_output_open(&out, path) < 0) {
		mg_cli_output_close(&out, false);
		return -1;
	}
	mg_cli_output_write(&out, data, len);
	return mg_cli_output_close(&out, true);
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
