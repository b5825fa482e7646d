#include "util/text.h"

#include <string.h>

int mg_ascii_ncasecmp(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (a[i] == b[i]) { /* the usual case: no folding needed */
			if (!a[i])
				return 0;
			continue;
		}
		unsigned char ca = (unsigned char)mg_ascii_tolower(a[i]);
		unsigned char cb = (unsigned char)mg_ascii_tolower(b[i]);
		if (ca != cb)
			return ca < cb ? -1 : 1;
	}
	return 0;
}

int mg_ascii_casecmp(const char *a, const char *b)
{
	return mg_ascii_ncasecmp(a, b, (size_t)-1);
}

bool mg_ascii_ends_with_nocase(const char *s, const char *suffix)
{
	size_t ls = strlen(s), lx = strlen(suffix);
	return ls >= lx && mg_ascii_casecmp(s + ls - lx, suffix) == 0;
}

int mg_name_order(const char *a, const char *b)
{
	int c = mg_ascii_casecmp(a, b);
	return c ? c : strcmp(a, b);
}
