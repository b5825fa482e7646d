#ifndef MG_ANNOTATION_LEX_H
#define MG_ANNOTATION_LEX_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The lexical level of the annotation option grammar: character classes,
 * item boundaries and quoting for messages. Pure functions over byte ranges
 * [start, end) of a text that may hold any byte, NUL included; nothing here
 * allocates or records errors.
 */

bool mg_lex_is_space(char c);

/* [A-Za-z_][A-Za-z0-9_]* */
bool mg_lex_is_ident(const char *t, size_t len);

/* kebab-case: [A-Za-z0-9_] runs joined by single hyphens, at least one hyphen. */
bool mg_lex_is_word(const char *t, size_t len);

/* A decimal integer with an optional sign that fits a long long: sets *out. */
bool mg_lex_is_integer(long long *out, const char *t, size_t len);

/* 2 or 3 identifiers joined by dots: sets each part's length and their count. */
bool mg_lex_is_ref(size_t out_parts[3], size_t *out_count, const char *t, size_t len);

/* Moves *start and *end inward past spaces. */
void mg_lex_trim(const char *text, size_t *start, size_t *end);

/* ASCII case-insensitive equality of `a` (a_len bytes) and `b`, where any run
 * of spaces in `a` matches one space in `b` and outer spaces are ignored. */
bool mg_lex_loose_equal(const char *a, size_t a_len, const char *b);

/* Why an item is malformed: message is NULL when it is not. */
typedef struct mg_lex_fault {
	const char *message; /* static text: "unterminated string", ... */
	size_t offset;       /* byte range of the offending text */
	size_t length;
} mg_lex_fault;

/* Brackets and parentheses one item may nest. */
#define MG_LEX_MAX_NESTING 32

/*
 * Returns where the item starting at `pos` ends: at the next comma outside
 * "strings", [brackets] and (parentheses), or at `end`. Fills *out with the
 * first fault when quotes or brackets do not balance.
 */
size_t mg_lex_scan_item(mg_lex_fault *out, const char *text, size_t pos, size_t end);

/* The first `c` in [start, end) outside strings and brackets, or `end`. A
 * closing bracket `c` is found when it closes the outermost one. */
size_t mg_lex_find(const char *text, size_t start, size_t end, char c);

/* Bytes of offending text quoted in a message. */
#define MG_LEX_QUOTE_MAX 40

/* Text made fit for a one-line ASCII message: control and non-ASCII bytes as
 * \xHH, '"' and '\' escaped, cut after MG_LEX_QUOTE_MAX bytes with "...". */
typedef struct mg_lex_quoted {
	char s[MG_LEX_QUOTE_MAX * 4 + 4];
} mg_lex_quoted;

/* Fills *out and returns out->s. */
const char *mg_lex_quote(mg_lex_quoted *out, const char *text, size_t len);

#endif
