/* libFuzzer target: the .modelgraph.yml loader (libyaml plus the schema
 * checks), on arbitrary file contents. */

#define _POSIX_C_SOURCE 200809L

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "analyzer/lint/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/mgfuzz-config.XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return 0;
	FILE *f = fdopen(fd, "wb");
	if (!f) {
		close(fd);
		unlink(path);
		return 0;
	}
	fwrite(data, 1, size, f);
	fclose(f);
	mg_config *config = NULL;
	mg_error err;
	if (mg_config_load(&config, path, &err) == 0) {
		mg_lint_options options = {0};
		mg_config_apply(config, &options);
	}
	mg_config_free(config);
	unlink(path);
	return 0;
}
