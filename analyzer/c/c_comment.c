#include <string.h>

#include "analyzer/c/read_c.h"
#include "util/text.h"

/*
 * Doc comments as clang hands them over (the raw text, markers and all),
 * turned into the plain text a description needs.
 */

/* Advances past the comment markers at the start of one line. */
static const char *skip_opening(const char *p, const char *end)
{
	while (p < end && mg_ascii_isspace(*p))
		p++;
	if (end - p >= 3 && (strncmp(p, "/**", 3) == 0 || strncmp(p, "/*!", 3) == 0 ||
			     strncmp(p, "///", 3) == 0 || strncmp(p, "//!", 3) == 0))
		p += 3;
	else if (end - p >= 2 && (strncmp(p, "/*", 2) == 0 || strncmp(p, "//", 2) == 0))
		p += 2;
	else if (p < end && *p == '*' && !(end - p >= 2 && p[1] == '/'))
		p++; /* the asterisk of a continuation line */
	while (p < end && (*p == '*' || *p == '/' || *p == '!') && !(end - p >= 2 && p[0] == '*' && p[1] == '/'))
		p++; /* longer runs of slashes or stars */
	if (p < end && *p == '<')
		p++; /* a comment trailing a member: "<" after the marker */
	return p;
}

char *mg_c_comment_text(mg_arena *arena, const char *raw, size_t len)
{
	if (!raw)
		return NULL;
	char *out = mg_arena_alloc(arena, len + 1);
	if (!out)
		return NULL;
	size_t n = 0;
	bool pending_space = false, pending_paragraph = false;
	for (const char *line = raw; line < raw + len;) {
		const char *eol = memchr(line, '\n', (size_t)(raw + len - line));
		const char *end = eol ? eol : raw + len;
		const char *p = skip_opening(line, end);
		const char *q = end;
		/* The closing marker, then the blanks before it. */
		while (q > p && mg_ascii_isspace(q[-1]))
			q--;
		if (q - p >= 2 && q[-2] == '*' && q[-1] == '/') {
			q -= 2;
			while (q > p && q[-1] == '*')
				q--;
		}
		while (p < q && mg_ascii_isspace(*p))
			p++;
		while (q > p && mg_ascii_isspace(q[-1]))
			q--;
		if (p == q) {
			pending_paragraph = n > 0;
		} else {
			if (pending_paragraph) {
				memcpy(out + n, "\n\n", 2);
				n += 2;
			} else if (pending_space) {
				out[n++] = ' ';
			}
			for (; p < q; p++) {
				bool blank = mg_ascii_isspace(*p);
				if (blank && n > 0 && out[n - 1] == ' ')
					continue;
				out[n++] = blank ? ' ' : *p;
			}
			pending_space = true;
			pending_paragraph = false;
		}
		line = end + (eol != NULL);
	}
	out[n] = '\0';
	return n ? out : NULL;
}
