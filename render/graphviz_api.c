#include "render/graphviz_api.h"

#include "util/dynlib.h"

mg_gv_api mg_gv;

/* The soname, then the file the build found (which may be outside the
 * loader's search path). */
static const char *const names[] = {
	"libgvc.so.6",
#ifdef MG_LIBGVC_PATH
	MG_LIBGVC_PATH,
#endif
	NULL,
};

int mg_graphviz_load(const char *instead, mg_error *err)
{
	static void *library; /* kept for the life of the process */
	if (library)
		return 0;
	char problem[512];
	void *handle = mg_dynlib_open("MODELGRAPH_LIBGVC", names, problem, sizeof(problem));
	if (!handle) {
		mg_error_set(err, "diagrams need graphviz, whose libgvc could not be loaded (%s); install "
			     "libgvc6 (scripts/install-deps installs libgraphviz-dev), or %s", problem, instead);
		return -1;
	}
	/* dlsym returns void *; POSIX guarantees it converts to a function pointer. */
#define MG_GV_RESOLVE(name)                                                                  \
	if (!(*(void **)&mg_gv.name = mg_dynlib_symbol(handle, #name))) {                     \
		mg_error_set(err, "the graphviz loaded lacks %s; install graphviz 2.42 or newer", \
			     #name);                                                          \
		return -1;                                                                    \
	}
	MG_GV_SYMBOLS(MG_GV_RESOLVE)
#undef MG_GV_RESOLVE
	library = handle;
	return 0;
}
