#include "util/dynlib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

void *mg_dynlib_open(const char *env_name, const char *const *names, char *problem, size_t size)
{
	void *handle = NULL;
	const char *chosen = getenv(env_name);
	snprintf(problem, size, "not found");
	if (chosen && *chosen) {
		if (!(handle = dlopen(chosen, RTLD_NOW | RTLD_LOCAL)))
			snprintf(problem, size, "%s", dlerror());
		return handle;
	}
	for (size_t i = 0; names[i] && !handle; i++) {
		handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
		if (!handle) {
			const char *why = dlerror();
			if (i == 0 && why)
				snprintf(problem, size, "%s", why);
		}
	}
	return handle;
}

void *mg_dynlib_symbol(void *handle, const char *symbol)
{
	return dlsym(handle, symbol);
}
