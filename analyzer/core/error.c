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
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	/* One line, whatever the underlying library said. */
	for (char *p = err->message; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
}
