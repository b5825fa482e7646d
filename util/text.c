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

int mg_ascii_ncasecmp(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char ca = (unsigned char)mg_ascii_tolower(a[i]);
		unsigned char cb = (unsigned char)mg_ascii_tolower(b[i]);
		if (ca != cb)
			return ca < cb ? -1 : 1;
		if (!ca)
			return 0;
	}
	return 0;
}

int mg_ascii_casecmp(const char *a, const char *b)
{
	return mg_ascii_ncasecmp(a, b, (size_t)-1);
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
