#include "analyzer/core/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void mg_error_set(mg_error *err, const char *fmt, ...)
{
	if (!err)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	/* A message too long for the buffer says so: it ends in "...", never
	 * in the middle of a name that looks whole. */
	if (n < 0 || (size_t)n >= sizeof(err->message))
		memcpy(err->message + sizeof(err->message) - 4, "...", 4);
	/* One line, whatever the underlying library said. */
	for (char *p = err->message; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
}
