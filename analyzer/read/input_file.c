#include "analyzer/read/input_file.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/limits.h"

int mg_input_check_file(const char *path, mg_error *err)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		if (errno == ENOENT)
			mg_error_set(err, "%s: no such file; check the path", path);
		else
			mg_error_set(err, "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		size_t len = strlen(path);
		mg_error_set(err, "%s: is a directory; name a database, a schema file or C headers "
			     "(%s%s*.h)", path, path, len && path[len - 1] == '/' ? "" : "/");
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		mg_error_set(err, "%s: not a regular file", path);
		return -1;
	}
	FILE *f = fopen(path, "rb");
	if (!f) {
		mg_error_set(err, "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	fclose(f);
	return 0;
}

char *mg_input_read_all(const char *path, size_t *out_len, mg_error *err)
{
	FILE *f = NULL;
	char *data = NULL, *result = NULL;
	size_t len = 0, cap = 0;

	if (mg_input_check_file(path, err) < 0)
		goto cleanup;
	if (!(f = fopen(path, "rb"))) {
		mg_error_set(err, "%s: cannot open: %s", path, strerror(errno));
		goto cleanup;
	}
	size_t limit = mg_limit_bytes(MG_LIMIT_INPUT_MIB);
	for (;;) {
		if (len > limit) {
			mg_error_set(err, "%s: the file is larger than a text input may be; " MG_LIMIT_ADVICE_FMT,
				     path, MG_LIMIT_ADVICE_ARGS(MG_LIMIT_INPUT_MIB));
			goto cleanup;
		}
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 65536;
			char *bigger = realloc(data, cap + 1);
			if (!bigger) {
				mg_error_set(err, "%s: out of memory reading the file", path);
				goto cleanup;
			}
			data = bigger;
		}
		size_t n = fread(data + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		mg_error_set(err, "%s: read error: %s", path, strerror(errno));
		goto cleanup;
	}
	data[len] = '\0';
	*out_len = len;
	result = data;
	data = NULL;
cleanup:
	if (f)
		fclose(f);
	free(data);
	return result;
}

/* Whether the file header says WAL mode (file format version 2). */
static bool in_wal_mode(const char *path)
{
	unsigned char header[20] = {0};
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	size_t n = fread(header, 1, sizeof(header), f);
	fclose(f);
	return n == sizeof(header) && (header[18] == 2 || header[19] == 2);
}

/* Whether a -wal file lies beside the database; true when unsure. */
static bool has_wal_file(const char *path)
{
	size_t n = strlen(path) + sizeof("-wal");
	char *name = malloc(n);
	struct stat st;
	bool exists = true;
	if (name) {
		snprintf(name, n, "%s-wal", path);
		exists = stat(name, &st) == 0;
	}
	free(name);
	return exists;
}

/* "file:" URI for `path` with `query`, every byte outside [A-Za-z0-9/._~-]
 * percent-encoded; malloc'd, NULL when out of memory. */
static char *file_uri(const char *path, const char *query)
{
	static const char hex[] = "0123456789ABCDEF";
	char *uri = malloc(sizeof("file://") + 3 * strlen(path) + strlen(query) + 1);
	if (!uri)
		return NULL;
	char *p = uri + sprintf(uri, "file:%s", path[0] == '/' ? "//" : "");
	for (const unsigned char *c = (const unsigned char *)path; *c; c++) {
		if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
		    strchr("/._~-", *c)) {
			*p++ = (char)*c;
		} else {
			*p++ = '%';
			*p++ = hex[*c >> 4];
			*p++ = hex[*c & 15];
		}
	}
	strcpy(p, query);
	return uri;
}

int mg_input_open_sqlite(const char *path, sqlite3 **out)
{
	bool immutable = in_wal_mode(path) && !has_wal_file(path);
	char *uri = file_uri(path, immutable ? "?immutable=1" : "?mode=ro");
	if (!uri) {
		*out = NULL;
		return SQLITE_NOMEM;
	}
	int rc = sqlite3_open_v2(uri, out, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	free(uri);
	return rc;
}
