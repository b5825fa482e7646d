#ifndef MG_TEXT_H
#define MG_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Locale-independent ASCII helpers: identifiers in schemas are compared
 * the way SQLite compares them, byte by byte with ASCII case folding. */
char mg_ascii_tolower(char c);
char mg_ascii_toupper(char c);
int mg_ascii_casecmp(const char *a, const char *b);
int mg_ascii_ncasecmp(const char *a, const char *b, size_t n);
bool mg_ascii_isspace(char c);
bool mg_ascii_isalnum(char c);

/* True when `s` ends with `suffix`, ignoring ASCII case. */
bool mg_ascii_ends_with_nocase(const char *s, const char *suffix);

/* The order names are listed in: ignoring ASCII case first (as SQL compares
 * them), then byte by byte, so the order is total and the same on every run. */
int mg_name_order(const char *a, const char *b);

#endif
