/* libFuzzer target: the graph JSON reader, then resolve and lint over
 * whatever graph it accepted. */

#define _POSIX_C_SOURCE 200809L

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "analyzer/lint/lint.h"
#include "analyzer/read/readers.h"
#include "analyzer/resolve/resolve.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/mgfuzz-graph.XXXXXX";
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
	mg_graph *graph = mg_graph_new();
	mg_error err;
	if (graph && mg_read_json(graph, path, &err) == 0 && mg_resolve(graph, &err) == 0) {
		mg_findings *findings = mg_findings_new();
		if (findings)
			mg_lint(graph, NULL, findings);
		mg_findings_free(findings);
	}
	mg_graph_free(graph);
	unlink(path);
	return 0;
}
