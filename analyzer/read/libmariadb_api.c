#include "analyzer/read/libmariadb_api.h"

#include "util/dynlib.h"

mg_mariadb_api mg_mariadb;

/* The soname, then the file the build found (which may be outside the
 * loader's search path). */
static const char *const names[] = {
	"libmariadb.so.3",
#ifdef MG_LIBMARIADB_PATH
	MG_LIBMARIADB_PATH,
#endif
	NULL,
};

int mg_mariadb_load(const char *shown, mg_error *err)
{
	static void *library; /* kept for the life of the process */
	if (library)
		return 0;
	char problem[512];
	void *handle = mg_dynlib_open("MODELGRAPH_LIBMARIADB", names, problem, sizeof(problem));
	if (!handle) {
		mg_error_set(err, "%s: MariaDB and MySQL need the MariaDB client library, which could not be "
			     "loaded (%s); install libmariadb3 (scripts/install-deps installs libmariadb-dev)",
			     shown, problem);
		return -1;
	}
	/* dlsym returns void *; POSIX guarantees it converts to a function pointer. */
#define MG_MARIADB_RESOLVE(name)                                                                   \
	if (!(*(void **)&mg_mariadb.name = mg_dynlib_symbol(handle, #name))) {                      \
		mg_error_set(err, "%s: the MariaDB client library loaded lacks %s; install "          \
			     "libmariadb 3 or newer", shown, #name);                                \
		return -1;                                                                          \
	}
	MG_MARIADB_FUNCTIONS(MG_MARIADB_RESOLVE)
#undef MG_MARIADB_RESOLVE
	library = handle;
	return 0;
}
