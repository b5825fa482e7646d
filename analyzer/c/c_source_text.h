#ifndef MG_C_SOURCE_TEXT_H
#define MG_C_SOURCE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/*
 * What the text of a header says about a declaration, read without asking
 * libclang: each answer libclang gives costs a lookup in its tables (a doc
 * comment 1,700 instructions, a name 700), where the text is at hand. Each
 * function answers only what the text settles for certain and otherwise
 * says to ask libclang; Debug builds ask it every time and check.
 */

/* A file's text and where its lines start, as clang counts lines. */
typedef struct mg_c_text {
	const char *text;
	size_t size;
	const unsigned *line_starts;
	size_t nlines;
} mg_c_text;

typedef enum mg_c_comment_answer {
	MG_C_NO_COMMENT, /* clang attaches none */
	MG_C_ONE_COMMENT, /* clang attaches the one comment found */
	MG_C_ASK_CLANG,   /* the text does not settle it */
} mg_c_comment_answer;

/*
 * The doc comment clang attaches to the declaration whose name is at
 * `offset`, on line `line` (0-based), as ASTContext::getRawCommentForDecl
 * decides it. None when no comment can be attached: it would end before
 * the declaration with nothing between but text without ; { } # @, or start
 * after the name on its line, and every comment holds a slash. One when the
 * text between the last ; { or } and the name is blanks, a single comment
 * starting with slash-star-star and a blank, then text without a slash,
 * quote, backslash, # or @: its place in *out_start and *out_len, raw, as
 * clang gives it. With `all_comments` (-fparse-all-comments, where ordinary
 * comments merge with it) no comment is settled here.
 */
mg_c_comment_answer mg_c_comment_before(const mg_c_text *t, size_t offset, size_t line, bool all_comments,
					size_t *out_start, size_t *out_len);

/* The length of the name of the field declared at `offset`, when the text
 * there is an identifier spelled as its bytes and followed by what follows
 * a field's name (not ":" or "{", where an unnamed bit-field's type or an
 * anonymous struct would stand); 0 otherwise: clang then spells it. */
size_t mg_c_field_name_at(const mg_c_text *t, size_t offset);

#endif
