#include "util/text.h"

#include <string.h>

char mg_ascii_tolower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

char mg_ascii_toupper(char c)
{
	return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

static unsigned char fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

/* Names compared are most often spelled alike: equal bytes are taken
 * without folding, only differing ones are folded. */
int mg_ascii_ncasecmp(const char *a, const char *b, size_t n)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
	for (size_t i = 0; i < n; i++) {
		unsigned char ca = p[i], cb = q[i];
		if (ca != cb) {
			ca = fold(ca);
			cb = fold(cb);
			if (ca != cb)
				return ca < cb ? -1 : 1;
		}
		if (!ca)
			return 0;
	}
	return 0;
}

int mg_ascii_casecmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
	for (;; p++, q++) {
		unsigned char ca = *p, cb = *q;
		if (ca != cb) {
			ca = fold(ca);
			cb = fold(cb);
			if (ca != cb)
				return ca < cb ? -1 : 1;
		}
		if (!ca)
			return 0;
	}
}

bool mg_ascii_isspace(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool mg_ascii_isalnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
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
