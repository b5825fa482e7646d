#include "analyzer/read/libpq_api.h"

#include "util/dynlib.h"

mg_pq_api mg_pq;

/* The soname, then the file the build found (which may be outside the
 * loader's search path). */
static const char *const names[] = {
	"libpq.so.5",
#ifdef MG_LIBPQ_PATH
	MG_LIBPQ_PATH,
#endif
	NULL,
};

int mg_pq_load(const char *shown, mg_error *err)
{
	static void *library; /* kept for the life of the process */
	if (library)
		return 0;
	char problem[512];
	void *handle = mg_dynlib_open("MODELGRAPH_LIBPQ", names, problem, sizeof(problem));
	if (!handle) {
		mg_error_set(err, "%s: PostgreSQL needs libpq, which could not be loaded (%s); install libpq5 "
			     "(scripts/install-deps installs libpq-dev)", shown, problem);
		return -1;
	}
	/* dlsym returns void *; POSIX guarantees it converts to a function pointer. */
#define MG_PQ_RESOLVE(name)                                                                       \
	if (!(*(void **)&mg_pq.name = mg_dynlib_symbol(handle, #name))) {                          \
		mg_error_set(err, "%s: the libpq loaded lacks %s; install libpq 10 or newer", shown, \
			     #name);                                                               \
		return -1;                                                                         \
	}
	MG_PQ_FUNCTIONS(MG_PQ_RESOLVE)
#undef MG_PQ_RESOLVE
	library = handle;
	return 0;
}
