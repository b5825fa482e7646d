/* mg_format_plain against the C library's vsnprintf: the same text and the
 * same length for every directive it writes, at every buffer size. */

#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "util/plain_format.h"

static int plain(char *out, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = mg_format_plain(out, size, fmt, ap);
	va_end(ap);
	return n;
}

/* Formats with both at sizes 0 to the whole length and more: the returned
 * length and the bytes written must agree. */
#define SAME_AS_LIBC(fmt, ...)                                                              \
	do {                                                                                \
		char want[512], got[512];                                                   \
		int whole = snprintf(want, sizeof(want), fmt, __VA_ARGS__);                 \
		for (size_t size = 0; size <= (size_t)whole + 2; size++) {                  \
			memset(want, 'x', sizeof(want));                                    \
			memset(got, 'x', sizeof(got));                                      \
			int w = snprintf(want, size, fmt, __VA_ARGS__);                     \
			int g = plain(got, size, fmt, __VA_ARGS__);                         \
			assert_int_equal(g, w);                                             \
			assert_memory_equal(got, want, sizeof(want));                       \
		}                                                                           \
	} while (0)

static void writes_what_vsnprintf_writes(void **state)
{
	(void)state;
	SAME_AS_LIBC("foreign key \"%s\" on \"%s\"(%s) has no index", "fk_a", "post", "user_id");
	SAME_AS_LIBC("%zu of %u tables, %d%% %c", (size_t)SIZE_MAX, 0u, -17, 'q');
	SAME_AS_LIBC("%d %d %d %u", INT_MIN, INT_MAX, 0, UINT_MAX);
	SAME_AS_LIBC("%.*s|%.*s|%.*s", 3, "abcdef", 10, "ab", -1, "whole");
	SAME_AS_LIBC("%s", "");
	SAME_AS_LIBC("no directive at all%s", "");
	SAME_AS_LIBC("trailing %s text", "ümlaut");
}

/* Printing NULL through %s is undefined in C; glibc prints "(null)" (only
 * where the precision fits it whole), and so does mg_format_plain. */
static void prints_null_as_glibc_does(void **state)
{
	(void)state;
	char out[32];
	const char *none = NULL;
	assert_int_equal(plain(out, sizeof(out), "%s and %.*s", none, 8, none), 17);
	assert_string_equal(out, "(null) and (null)");
	assert_int_equal(plain(out, sizeof(out), "[%.*s]", 3, none), 2);
	assert_string_equal(out, "[]");
}

static void leaves_other_directives_to_vsnprintf(void **state)
{
	(void)state;
	char out[16] = "untouched";
	assert_int_equal(plain(out, sizeof(out), "%5s", "a"), MG_FORMAT_UNSUPPORTED);
	assert_int_equal(plain(out, sizeof(out), "%s %02x", "a", 1), MG_FORMAT_UNSUPPORTED);
	assert_int_equal(plain(out, sizeof(out), "%lld", 1LL), MG_FORMAT_UNSUPPORTED);
	assert_int_equal(plain(out, sizeof(out), "%g", 1.0), MG_FORMAT_UNSUPPORTED);
	assert_int_equal(plain(out, sizeof(out), "50%"), MG_FORMAT_UNSUPPORTED);
	assert_string_equal(out, "untouched");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(writes_what_vsnprintf_writes),
		cmocka_unit_test(prints_null_as_glibc_does),
		cmocka_unit_test(leaves_other_directives_to_vsnprintf),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
