#ifndef MG_GRAPHVIZ_API_H
#define MG_GRAPHVIZ_API_H

#include <graphviz/gvc.h>

#include "analyzer/core/error.h"

/*
 * graphviz (gvc and the cgraph it is built on), loaded when the first
 * diagram is built rather than linked: with its own dependencies it is a
 * dozen libraries, which every lint run would otherwise load
 * (util/dynlib.h). The renderers call it through mg_gv, one member per
 * function or variable they use, named and typed as gvc.h and cgraph.h
 * declare them; the headers still give the types.
 *
 * Everything is looked up through gvc, so cgraph is the very copy gvc
 * itself uses (the one its layout plugins link to). A variable's member
 * points to it: `*mg_gv.Agdirected`.
 */

#define MG_GV_SYMBOLS(X) \
	/* cgraph */ \
	X(agattr) \
	X(agclose) \
	X(agedge) \
	X(agnode) \
	X(agopen) \
	X(agsafeset) \
	X(agseterr) \
	X(agseterrf) \
	X(agstrdup) \
	X(agstrdup_html) \
	X(agstrfree) \
	X(agsubg) \
	X(agwrite) \
	/* cgraph's variables */ \
	X(AgIoDisc) \
	X(AgMemDisc) \
	X(Agdirected) \
	/* gvc */ \
	X(gvContext) \
	X(gvFreeLayout) \
	X(gvFreeRenderData) \
	X(gvLayout) \
	X(gvRenderData)

typedef struct mg_gv_api {
#define MG_GV_MEMBER(name) __typeof__(name) *name;
	MG_GV_SYMBOLS(MG_GV_MEMBER)
#undef MG_GV_MEMBER
} mg_gv_api;

/* The functions and variables; valid once mg_graphviz_load has returned 0. */
extern mg_gv_api mg_gv;

/*
 * Loads graphviz (once; later calls return at once): the libgvc the
 * environment variable MODELGRAPH_LIBGVC names when it is set, else
 * libgvc.so.6, else the library the build found; cgraph comes with it.
 * gvc finds its layout and rendering plugins itself, through its
 * configuration file. Returns 0, or -1 with `err` naming the package to
 * install, or doing `instead` ("draw Mermaid (--format mermaid)").
 */
int mg_graphviz_load(const char *instead, mg_error *err);

#endif
