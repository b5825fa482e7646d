#include "analyzer/lint/glob.h"

#include <stdio.h>
#include <string.h>

size_t mg_glob_char(const char *s, uint32_t *out)
{
	static const uint32_t min_code[] = {0, 0, 0x80, 0x800, 0x10000};
	const unsigned char *u = (const unsigned char *)s;
	size_t len;
	uint32_t cp;

	if (u[0] < 0x80) {
		*out = u[0];
		return 1;
	}
	if ((u[0] & 0xE0) == 0xC0) {
		len = 2;
		cp = u[0] & 0x1F;
	} else if ((u[0] & 0xF0) == 0xE0) {
		len = 3;
		cp = u[0] & 0x0F;
	} else if ((u[0] & 0xF8) == 0xF0) {
		len = 4;
		cp = u[0] & 0x07;
	} else {
		goto invalid;
	}
	for (size_t i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80) /* also stops at the terminating NUL */
			goto invalid;
		cp = (cp << 6) | (u[i] & 0x3F);
	}
	if (cp < min_code[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		goto invalid;
	*out = cp;
	return len;
invalid:
	*out = 0xDC00 + u[0];
	return 1;
}

/* One member character of a bracket class, "\"-escapes honoured. */
static size_t class_char(const char *p, uint32_t *out)
{
	if (p[0] == '\\' && p[1])
		return 1 + mg_glob_char(p + 1, out);
	return mg_glob_char(p, out);
}

/* What walking a bracket class found. */
typedef struct class_walk {
	bool matched;            /* the character asked about is in the class */
	const char *reversed;    /* the first reversed range ("z-a"), or NULL */
	size_t reversed_len;
} class_walk;

/*
 * Walks the class opening at `p` (its "["), testing `c` against it. Returns
 * the byte after its "]", or NULL when it has none.
 */
static const char *walk_class(const char *p, uint32_t c, class_walk *walk)
{
	bool negate = false, in = false;

	*walk = (class_walk){0};
	p++;
	if (*p == '!' || *p == '^') {
		negate = true;
		p++;
	}
	const char *first = p;
	while (*p && (*p != ']' || p == first)) {
		const char *start = p;
		uint32_t lo, hi;
		p += class_char(p, &lo);
		hi = lo;
		if (p[0] == '-' && p[1] && p[1] != ']') {
			p++;
			p += class_char(p, &hi);
			if (hi < lo && !walk->reversed) {
				walk->reversed = start;
				walk->reversed_len = (size_t)(p - start);
			}
		}
		if (lo <= c && c <= hi)
			in = true;
	}
	if (*p != ']')
		return NULL;
	walk->matched = in != negate;
	return p + 1;
}

/* Whether the one-character element at `p` (neither "*" nor the end)
 * matches `c`; *next is set past the element. */
static bool element_match(const char *p, uint32_t c, const char **next)
{
	uint32_t pc;

	if (*p == '?') {
		*next = p + 1;
		return true;
	}
	if (*p == '[') {
		class_walk walk;
		const char *end = walk_class(p, c, &walk);
		if (end) {
			*next = end;
			return walk.matched;
		}
		*next = p + 1; /* no closing "]": a plain "[" */
		return c == '[';
	}
	if (*p == '\\' && p[1])
		p++;
	*next = p + mg_glob_char(p, &pc);
	return pc == c;
}

bool mg_glob_match(const char *pattern, const char *text)
{
	const char *p = pattern, *t = text;
	const char *star_p = NULL, *star_t = NULL; /* after the last "*", and where it began */

	/*
	 * Greedy with one backtracking point: on a mismatch the last "*" takes
	 * one more character and matching resumes after it. Earlier stars never
	 * need to take more, so this is exact, in O(pattern * text).
	 */
	for (;;) {
		if (*p == '*') {
			while (*p == '*')
				p++;
			star_p = p;
			star_t = t;
			continue;
		}
		if (!*t)
			break;
		uint32_t c, skipped;
		size_t len = mg_glob_char(t, &c);
		const char *next;
		if (*p && element_match(p, c, &next)) {
			p = next;
			t += len;
			continue;
		}
		if (!star_p)
			return false;
		star_t += mg_glob_char(star_t, &skipped);
		p = star_p;
		t = star_t;
	}
	while (*p == '*')
		p++;
	return *p == '\0';
}

bool mg_glob_literal_ends(const char *pattern, char *prefix, size_t *prefix_len, char *suffix,
			  size_t *suffix_len)
{
	bool wild = false;
	*prefix_len = *suffix_len = 0;
	/* The elements as mg_glob_match reads them. */
	for (const char *p = pattern; *p;) {
		const char *literal;
		size_t len;
		if (*p == '*' || *p == '?') {
			p++;
			wild = true;
			*suffix_len = 0;
			continue;
		}
		if (*p == '[') {
			class_walk walk;
			const char *end = walk_class(p, 0, &walk);
			if (end) {
				p = end;
				wild = true;
				*suffix_len = 0;
				continue;
			}
			literal = p; /* no closing "]": a plain "[" */
			len = 1;
		} else {
			uint32_t c;
			literal = *p == '\\' && p[1] ? p + 1 : p;
			len = mg_glob_char(literal, &c);
		}
		if (!wild) {
			memcpy(prefix + *prefix_len, literal, len);
			*prefix_len += len;
		}
		memcpy(suffix + *suffix_len, literal, len);
		*suffix_len += len;
		p = literal + len;
	}
	return !wild;
}

int mg_glob_check(const char *pattern, char *problem, size_t size)
{
	for (const char *p = pattern; *p;) {
		uint32_t c;
		if (*p == '\\') {
			if (!p[1]) {
				snprintf(problem, size, "\"\\\" at the end escapes nothing");
				return -1;
			}
			p += 1 + mg_glob_char(p + 1, &c);
		} else if (*p == '[') {
			class_walk walk;
			const char *end = walk_class(p, 0, &walk);
			if (!end) {
				snprintf(problem, size, "\"[\" without a closing \"]\"");
				return -1;
			}
			if (walk.reversed) {
				snprintf(problem, size, "reversed range \"%.*s\"", (int)walk.reversed_len,
					 walk.reversed);
				return -1;
			}
			p = end;
		} else {
			p += mg_glob_char(p, &c);
		}
	}
	return 0;
}
