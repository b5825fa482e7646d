/* The input of a fuzz target as a file (fuzz_file.h). */
#define _POSIX_C_SOURCE 200809L

#include "fuzz/fuzz_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64];
static char path[128];

static void remove_dir(void)
{
	if (path[0])
		unlink(path);
	rmdir(dir);
}

const char *mg_fuzz_file(const uint8_t *data, size_t size, const char *name)
{
	if (!dir[0]) {
		const char *tmp = getenv("TMPDIR");
		snprintf(dir, sizeof dir, "%s/mgfuzz.XXXXXX", tmp && *tmp && strlen(tmp) < 40 ? tmp : "/tmp");
		if (!mkdtemp(dir)) {
			dir[0] = '\0';
			return NULL;
		}
		atexit(remove_dir);
	}
	if (path[0] && strcmp(path + strlen(dir) + 1, name) != 0)
		unlink(path); /* another name than the last input's */
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f)
		return NULL;
	size_t written = fwrite(data, 1, size, f);
	if (fclose(f) != 0 || written != size)
		return NULL;
	return path;
}
