#include <string.h>

#include "analyzer/c/read_c.h"
#include "util/text.h"

/*
 * Maps an offset in an annotation's options text back to the source. The
 * text is what # made of the macro's arguments: whitespace before the first
 * and after the last token dropped, each run of whitespace and comments
 * between tokens made one space, everything else (strings included) kept
 * byte for byte. Walking the source after "MACRO(" beside the text undoes
 * exactly that.
 */

typedef struct cursor {
	const char *src;
	size_t len, at;
	unsigned line, column; /* of src[at] */
} cursor;

static void advance(cursor *c)
{
	if (c->src[c->at] == '\n') {
		c->line++;
		c->column = 1;
	} else {
		c->column++;
	}
	c->at++;
}

/* Past whitespace and comments; false when a comment does not end. */
static bool skip_blank(cursor *c)
{
	while (c->at < c->len) {
		const char *p = c->src + c->at;
		size_t left = c->len - c->at;
		if (mg_ascii_isspace(*p) || (*p == '\\' && left >= 2 && p[1] == '\n')) {
			advance(c);
		} else if (left >= 2 && p[0] == '/' && p[1] == '*') {
			advance(c);
			advance(c);
			while (c->at + 1 < c->len && !(c->src[c->at] == '*' && c->src[c->at + 1] == '/'))
				advance(c);
			if (c->at + 1 >= c->len)
				return false;
			advance(c);
			advance(c);
		} else if (left >= 2 && p[0] == '/' && p[1] == '/') {
			while (c->at < c->len && c->src[c->at] != '\n')
				advance(c);
		} else {
			return true;
		}
	}
	return true;
}

static mg_location at(const cursor *c, const mg_location *base)
{
	return (mg_location){.file = base->file, .line = c->line, .column = c->column};
}

mg_location mg_c_annotation_position(const mg_c_annotation *annotation, size_t offset)
{
	const mg_location *base = &annotation->location;
	const char *macro = mg_annotation_macro_name(annotation->kind);
	size_t macro_len = strlen(macro);
	const char *text = annotation->options;
	size_t text_len = strlen(text);
	cursor c = {.src = annotation->source, .len = annotation->source_len,
		    .line = base->line, .column = base->column};

	if (!c.src || base->line == 0 || annotation->kind == MG_ANNOTATION_UNKNOWN)
		return *base;
	/* "MACRO" then "(": otherwise the annotation came through another macro. */
	if (c.len < macro_len || memcmp(c.src, macro, macro_len) != 0 ||
	    (c.len > macro_len && (mg_ascii_isalnum(c.src[macro_len]) || c.src[macro_len] == '_')))
		return *base;
	for (size_t i = 0; i < macro_len; i++)
		advance(&c);
	if (!skip_blank(&c) || c.at >= c.len || c.src[c.at] != '(')
		return *base;
	advance(&c);
	if (!skip_blank(&c))
		return *base;
	if (offset > text_len)
		offset = text_len;

	char quote = 0; /* inside a string or character literal of the text */
	for (size_t i = 0; i < offset; i++) {
		char t = text[i];
		if (c.at >= c.len)
			return *base;
		if (!quote && t == ' ') {
			/* One space for a run of blanks and comments. */
			if (!skip_blank(&c))
				return *base;
			continue;
		}
		if (c.src[c.at] != t)
			return at(&c, base); /* lost: the nearest position known */
		if (quote && t == '\\' && i + 1 < offset) {
			advance(&c);
			i++;
			if (c.at >= c.len || c.src[c.at] != text[i])
				return at(&c, base);
		} else if (quote && t == quote) {
			quote = 0;
		} else if (!quote && (t == '"' || t == '\'')) {
			quote = t;
		}
		advance(&c);
	}
	return at(&c, base);
}
