#include "input_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
		mg_error_set(err, "%s: is a directory; name a database or schema file", path);
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
	for (;;) {
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
