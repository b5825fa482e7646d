#include <string.h>

#include "analyzer/c/read_c.h"

/* Default table names, as Flask-SQLAlchemy derives them from class names. */

static bool is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_lower_or_digit(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

char *mg_c_snake_case(mg_arena *arena, const char *name)
{
	size_t len = strlen(name);
	char *out = mg_arena_alloc(arena, 2 * len + 1);
	if (!out)
		return NULL;
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		char c = name[i];
		bool after_lower = i > 0 && is_lower_or_digit(name[i - 1]);
		bool starts_word = i > 0 && name[i + 1] >= 'a' && name[i + 1] <= 'z';
		if (is_upper(c) && (after_lower || starts_word))
			out[n++] = '_';
		out[n++] = is_upper(c) ? (char)(c - 'A' + 'a') : c;
	}
	out[n] = '\0';
	size_t skip = strspn(out, "_");
	return skip ? memmove(out, out + skip, n - skip + 1) : out;
}
