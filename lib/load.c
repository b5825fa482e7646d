#include "lib/load.h"

#include "analyzer/read/readers.h"
#include "analyzer/resolve/resolve.h"

static int verify(const mg_graph *graph, const char *after, mg_error *err)
{
#ifdef NDEBUG
	(void)graph, (void)after, (void)err;
#else
	const char *problem = mg_graph_check(graph);
	if (problem) {
		mg_error_set(err, "internal error: graph invariant broken after %s: %s", after, problem);
		return -1;
	}
#endif
	return 0;
}

mg_graph *mg_load(const char *const *sources, size_t nsources, const mg_read_options *options,
		  mg_error *err)
{
	mg_graph *graph = mg_graph_new();
	if (!graph) {
		mg_error_set(err, "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < nsources; i++)
		if (mg_read_source_with(graph, sources[i], options, err) < 0 || verify(graph, sources[i], err) < 0)
			goto fail;
	if (mg_resolve(graph, err) < 0 || verify(graph, "resolve", err) < 0)
		goto fail;
	return graph;
fail:
	mg_graph_free(graph);
	return NULL;
}
