#ifndef MG_TEXT_H
#define MG_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Locale-independent ASCII helpers: identifiers in schemas are compared
 * the way SQLite compares them, byte by byte with ASCII case folding.
 * The character tests are inline: name lookups and lexers call them for
 * every byte. */
static inline char mg_ascii_tolower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static inline char mg_ascii_toupper(char c)
{
	return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

static inline bool mg_ascii_isspace(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static inline bool mg_ascii_isalnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

int mg_ascii_casecmp(const char *a, const char *b);
int mg_ascii_ncasecmp(const char *a, const char *b, size_t n);

/* True when `s` ends with `suffix`, ignoring ASCII case. */
bool mg_ascii_ends_with_nocase(const char *s, const char *suffix);

/* The order names are listed in: ignoring ASCII case first (as SQL compares
 * them), then byte by byte, so the order is total and the same on every run. */
int mg_name_order(const char *a, const char *b);

#endif
