#include "analyzer/c/c_source_text.h"

#include <string.h>

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Whether line `k` (0-based) of the file continues the one before: that
 * one ends with a backslash (or its trigraph) before its newline. */
static bool continues_line(const mg_c_text *f, size_t k)
{
	if (k == 0)
		return false;
	const char *t = f->text;
	size_t q = f->line_starts[k]; /* back over the newline, to what ends the line before */
	if (q > 0 && t[q - 1] == '\n')
		q--;
	if (q > 0 && t[q - 1] == '\r')
		q--;
	return q > 0 && (t[q - 1] == '\\' || (q >= 3 && t[q - 1] == '/' && t[q - 2] == '?' && t[q - 3] == '?'));
}

/* Whether the text of the line holding t[at] (lines joined by a backslash
 * counted as one) has a slash before `at`: a line comment there would run
 * over t[at]. `line` is at or after that line. */
static bool slash_before_on_line(const mg_c_text *f, size_t at, size_t line)
{
	size_t k = line;
	while (f->line_starts[k] > at)
		k--;
	while (continues_line(f, k))
		k--;
	size_t start = f->line_starts[k];
	return memchr(f->text + start, '/', at - start) != NULL;
}

mg_c_comment_answer mg_c_comment_before(const mg_c_text *f, size_t offset, size_t line, bool all_comments,
					size_t *out_start, size_t *out_len)
{
	static const bool stops[256] = {[';'] = true, ['{'] = true, ['}'] = true};
	static const bool stops_or_slash[256] = {[';'] = true, ['{'] = true, ['}'] = true, ['/'] = true};
	/* What clang would not read as it is between a comment and the name. */
	static const bool unsure[256] = {['"'] = true, ['\''] = true, ['\\'] = true,
					 ['#'] = true, ['@'] = true, ['?'] = true};
	const char *t = f->text;
	if (line >= f->nlines)
		return MG_C_ASK_CLANG;
	size_t eol = line + 1 < f->nlines ? f->line_starts[line + 1] : f->size;
	/* Not that line after all, or a comment after the name: ask. */
	if (offset < f->line_starts[line] || offset > eol || memchr(t + offset, '/', eol - offset))
		return MG_C_ASK_CLANG;
	/* Back over the text before the name (the type) to a stop or a slash. */
	size_t i = offset;
	while (i > 0 && !stops_or_slash[(unsigned char)t[i - 1]])
		i--;
	if (i == 0)
		return MG_C_NO_COMMENT;
	if (t[i - 1] != '/') /* a stop, unless a line comment runs over it */
		return slash_before_on_line(f, i - 1, line) ? MG_C_ASK_CLANG : MG_C_NO_COMMENT;
	/* A slash: the end of one doc comment, slash-star-star and a blank,
	 * with only blanks before it back to a stop, is settled here. */
	if (all_comments || i < 6 || t[i - 2] != '*')
		return MG_C_ASK_CLANG;
	for (size_t k = i; k < offset; k++)
		if (unsure[(unsigned char)t[k]])
			return MG_C_ASK_CLANG;
	size_t start = i - 2; /* the last slash-star before the star-slash */
	while (start > 0 && !(t[start - 1] == '/' && t[start] == '*'))
		start--;
	if (start == 0)
		return MG_C_ASK_CLANG;
	start--;
	if (i - start < 6 || t[start + 2] != '*' || !is_blank(t[start + 3]))
		return MG_C_ASK_CLANG;
	/* Blanks back to a stop (or the file's start): else this slash-star
	 * may be inside an earlier comment, or follow other text. */
	size_t k = start;
	while (k > 0 && is_blank(t[k - 1]))
		k--;
	if (k > 0 && (!stops[(unsigned char)t[k - 1]] || slash_before_on_line(f, k - 1, line)))
		return MG_C_ASK_CLANG;
	*out_start = start;
	*out_len = i - start;
	return MG_C_ONE_COMMENT;
}

/* The letters, as designated initializers of a table of 256 bools. */
#define LETTER(c) [c] = true, [c - 'a' + 'A'] = true
#define LETTERS                                                                                         \
	LETTER('a'), LETTER('b'), LETTER('c'), LETTER('d'), LETTER('e'), LETTER('f'), LETTER('g'),      \
	LETTER('h'), LETTER('i'), LETTER('j'), LETTER('k'), LETTER('l'), LETTER('m'), LETTER('n'),      \
	LETTER('o'), LETTER('p'), LETTER('q'), LETTER('r'), LETTER('s'), LETTER('t'), LETTER('u'),      \
	LETTER('v'), LETTER('w'), LETTER('x'), LETTER('y'), LETTER('z')

size_t mg_c_field_name_at(const mg_c_text *f, size_t offset)
{
	static const bool word[256] = {
		['_'] = true, ['$'] = true,
		['0'] = true, ['1'] = true, ['2'] = true, ['3'] = true, ['4'] = true,
		['5'] = true, ['6'] = true, ['7'] = true, ['8'] = true, ['9'] = true,
		LETTERS,
	};
	/* What may follow a field's name: the end of the declaration, another
	 * declarator, an array, the parenthesis of a function pointer, or an
	 * attribute (a macro or __attribute__). */
	static const bool follows[256] = {
		[';'] = true, [','] = true, ['['] = true, [')'] = true, ['_'] = true,
		LETTERS,
	};
	const char *t = f->text;
	if (offset >= f->size || !word[(unsigned char)t[offset]] || (t[offset] >= '0' && t[offset] <= '9'))
		return 0;
	size_t end = offset;
	while (end < f->size && (word[(unsigned char)t[end]] || (unsigned char)t[end] >= 0x80))
		end++;
	size_t next = end;
	while (next < f->size && (t[next] == ' ' || t[next] == '\t'))
		next++;
	/* A backslash or a trigraph's question marks may splice the name on;
	 * a line end leaves what follows unseen. */
	if (next >= f->size || !follows[(unsigned char)t[next]])
		return 0;
	return end - offset;
}
