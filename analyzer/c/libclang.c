#include "analyzer/c/libclang.h"

#include <dlfcn.h>
#include <stddef.h>
#include <stdlib.h>

#ifndef MG_LIBCLANG_PATH
#define MG_LIBCLANG_PATH "libclang.so"
#endif

mg_clang_api mg_clang;

/* The library the build found first, then the names distributions give it. */
static const char *const candidates[] = {
	MG_LIBCLANG_PATH, "libclang.so.1", "libclang-14.so.1", "libclang-15.so.1",
	"libclang-16.so.1", "libclang.so",
};

int mg_clang_load(const char *path, mg_error *err)
{
	static void *library; /* kept for the life of the process */
	if (library)
		return 0;
	const char *problem = "not found";
	void *handle = NULL;
	/* MODELGRAPH_LIBCLANG names the library to use, and only that one. */
	const char *chosen = getenv("MODELGRAPH_LIBCLANG");
	if (chosen && *chosen) {
		if (!(handle = dlopen(chosen, RTLD_NOW | RTLD_LOCAL)))
			problem = dlerror();
	} else {
		for (size_t i = 0; i < sizeof(candidates) / sizeof(candidates[0]) && !handle; i++) {
			handle = dlopen(candidates[i], RTLD_NOW | RTLD_LOCAL);
			if (!handle && i == 0)
				problem = dlerror();
		}
	}
	if (!handle) {
		mg_error_set(err, "%s: C models need libclang, which could not be loaded (%s); "
			     "install libclang (scripts/install-deps installs libclang-dev)",
			     path, problem ? problem : "not found");
		return -1;
	}
	/* dlsym returns void *; POSIX guarantees it converts to a function pointer. */
#define MG_CLANG_RESOLVE(name)                                                                \
	if (!(*(void **)&mg_clang.name = dlsym(handle, #name))) {                              \
		mg_error_set(err, "%s: the libclang loaded lacks %s; install libclang 14 or newer", \
			     path, #name);                                                     \
		dlclose(handle);                                                               \
		return -1;                                                                     \
	}
	MG_CLANG_FUNCTIONS(MG_CLANG_RESOLVE)
#undef MG_CLANG_RESOLVE
	library = handle;
	return 0;
}
