#ifndef MG_PLAIN_FORMAT_H
#define MG_PLAIN_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/*
 * vsnprintf for the formats the rules and reporters write by the ten
 * thousand: text with %s, %.*s, %d, %u, %zu, %c and %%. glibc's vsnprintf
 * costs about three times as much on them, and a lint of 20,000 findings
 * spends more in it than in any rule.
 */

/* What mg_format_plain returns for a format holding any other directive
 * (flags, widths, other lengths or conversions); it has then read no
 * argument, and the caller formats with vsnprintf. */
#define MG_FORMAT_UNSUPPORTED (-2)

/* As vsnprintf: writes at most `size` bytes including the NUL (nothing when
 * size is 0) and returns the length of the whole text; or
 * MG_FORMAT_UNSUPPORTED. A NULL %s prints "(null)", as glibc does. */
int mg_format_plain(char *out, size_t size, const char *fmt, va_list ap);

/* The decimal digits of `value`, written at the end of `digits`; returns
 * where they start. */
#define MG_DECIMAL_DIGITS_MAX 20
size_t mg_format_decimal(char digits[MG_DECIMAL_DIGITS_MAX], unsigned long long value);

#endif
