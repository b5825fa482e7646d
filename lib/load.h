#ifndef MG_LOAD_H
#define MG_LOAD_H

#include <stddef.h>

#include "analyzer/core/error.h"
#include "analyzer/core/graph.h"

/*
 * The front half of every command: reads each source (with the readers'
 * options; NULL: the defaults) into one new graph and
 * resolves it. Debug builds verify the graph's invariants after every reader
 * and after resolve. Returns the graph (free with mg_graph_free), or NULL
 * with `err` naming the input that failed.
 */
struct mg_read_options;
mg_graph *mg_load(const char *const *sources, size_t nsources, const struct mg_read_options *options,
		  mg_error *err);

#endif
