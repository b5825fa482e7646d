/* The join condition grammar of join_condition.h: a recursive-descent
 * parser over a one-token lookahead, bounded by MG_JOIN_MAX_DEPTH. */

#include <string.h>

#include "analyzer/core/join_condition.h"
#include "util/text.h"

typedef enum tok_kind {
	TOK_END,
	TOK_IDENT,  /* a dotted name: Post.user_id, followers.c.x, sa.and_ */
	TOK_NUMBER,
	TOK_STRING,
	TOK_LPAREN,
	TOK_RPAREN,
	TOK_COMMA,
	TOK_EQ,     /* == */
	TOK_AMP,    /* & */
	TOK_OTHER,  /* anything else: beyond the grammar */
} tok_kind;

typedef struct token {
	tok_kind kind;
	size_t start, end;
} token;

typedef struct parser {
	mg_arena *arena;
	const char *text;
	size_t len, pos;
	token tok;
	mg_join_condition *cond;
	size_t ncap;
	bool failed; /* out of memory */
} parser;

static bool is_name_char(char c)
{
	return mg_ascii_isalnum(c) || c == '_';
}

static void next(parser *p)
{
	const char *t = p->text;
	while (p->pos < p->len && mg_ascii_isspace(t[p->pos]))
		p->pos++;
	size_t s = p->pos;
	p->tok.start = s;
	if (s >= p->len) {
		p->tok = (token){TOK_END, s, s};
		return;
	}
	char c = t[s];
	size_t e = s + 1;
	tok_kind k = TOK_OTHER;
	if (c == '(' || c == ')' || c == ',') {
		k = c == '(' ? TOK_LPAREN : c == ')' ? TOK_RPAREN : TOK_COMMA;
	} else if (c == '&') {
		k = TOK_AMP;
	} else if (c == '=' && s + 1 < p->len && t[s + 1] == '=') {
		k = TOK_EQ;
		e = s + 2;
		if (e < p->len && t[e] == '=')
			k = TOK_OTHER;
	} else if (c == '\'' || c == '"') {
		while (e < p->len && t[e] != c)
			e += t[e] == '\\' && e + 1 < p->len ? 2 : 1;
		if (e < p->len) {
			k = TOK_STRING;
			e++;
		} else {
			e = p->len;
		}
	} else if ((c >= '0' && c <= '9') || ((c == '-' || c == '.') && s + 1 < p->len &&
					      t[s + 1] >= '0' && t[s + 1] <= '9')) {
		while (e < p->len && (mg_ascii_isalnum(t[e]) || t[e] == '.' || t[e] == '_'))
			e++;
		k = TOK_NUMBER;
	} else if (is_name_char(c)) {
		/* A dotted name: parts joined by single dots, spaces around none. */
		for (;;) {
			while (e < p->len && is_name_char(t[e]))
				e++;
			if (e + 1 < p->len && t[e] == '.' && is_name_char(t[e + 1]) &&
			    !(t[e + 1] >= '0' && t[e + 1] <= '9'))
				e++;
			else
				break;
		}
		k = TOK_IDENT;
	}
	p->tok = (token){k, s, e};
	p->pos = e;
}

/* Marks the condition opaque at `offset` (the first reason counts). */
static bool opaque(parser *p, size_t offset, const char *reason)
{
	if (!p->cond->opaque) {
		p->cond->opaque = true;
		p->cond->opaque_reason = reason;
		p->cond->opaque_offset = offset;
	}
	return false;
}

static bool name_is(const parser *p, token t, const char *word)
{
	size_t n = strlen(word);
	return t.kind == TOK_IDENT && t.end - t.start == n && memcmp(p->text + t.start, word, n) == 0;
}

static const char *copy(parser *p, size_t start, size_t end)
{
	const char *s = mg_arena_strndup(p->arena, p->text + start, end - start);
	if (!s)
		p->failed = true;
	return s;
}

static bool is_constant_word(const parser *p, token t)
{
	static const char *const words[] = {"true", "false", "True", "False", "None", "null"};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (name_is(p, t, words[i]))
			return true;
	return false;
}

/* The dotted name `t` as a column: owner and name, table.c.column noted. */
static bool column_term(parser *p, mg_join_term *term, token t)
{
	size_t s = t.start, e = t.end;
	size_t dots[8], ndots = 0;
	for (size_t i = s; i < e; i++)
		if (p->text[i] == '.') {
			if (ndots == sizeof(dots) / sizeof(dots[0]))
				return opaque(p, s, "a column name with too many dotted parts");
			dots[ndots++] = i;
		}
	term->kind = MG_JOIN_TERM_COLUMN;
	if (ndots == 0) {
		term->name = copy(p, s, e);
		return !p->failed;
	}
	size_t last = dots[ndots - 1];
	term->name = copy(p, last + 1, e);
	size_t owner_end = last, owner_start = ndots >= 2 ? dots[ndots - 2] + 1 : s;
	if (owner_end - owner_start == 1 && p->text[owner_start] == 'c' && ndots >= 2) {
		/* table.c.column */
		term->table_form = true;
		owner_end = dots[ndots - 2];
		owner_start = ndots >= 3 ? dots[ndots - 3] + 1 : s;
	}
	term->owner = copy(p, owner_start, owner_end);
	return !p->failed;
}

static bool operand(parser *p, mg_join_term *term, unsigned depth)
{
	if (depth > MG_JOIN_MAX_DEPTH)
		return opaque(p, p->tok.start, "nested too deeply");
	token t = p->tok;
	switch (t.kind) {
	case TOK_NUMBER:
	case TOK_STRING:
		term->kind = MG_JOIN_TERM_CONSTANT;
		break;
	case TOK_IDENT:
		next(p);
		if (p->tok.kind == TOK_LPAREN) {
			bool is_foreign = name_is(p, t, "foreign"), is_remote = name_is(p, t, "remote");
			bool is_const = name_is(p, t, "true") || name_is(p, t, "false") ||
					name_is(p, t, "null");
			next(p); /* past "(" */
			if (is_const) {
				if (p->tok.kind != TOK_RPAREN)
					return opaque(p, p->tok.start, "a constant function takes no arguments");
				term->kind = MG_JOIN_TERM_CONSTANT;
				term->text = copy(p, t.start, p->tok.end);
				term->offset = t.start;
				term->length = p->tok.end - t.start;
				next(p);
				return !p->failed;
			}
			if (!is_foreign && !is_remote)
				return opaque(p, t.start, "a function call is beyond the grammar of join conditions");
			if (!operand(p, term, depth + 1))
				return false;
			if (p->tok.kind != TOK_RPAREN)
				return opaque(p, p->tok.start, "expected \")\"");
			term->foreign = term->foreign || is_foreign;
			term->remote = term->remote || is_remote;
			next(p);
			return true;
		}
		if (is_constant_word(p, t))
			term->kind = MG_JOIN_TERM_CONSTANT;
		else if (!column_term(p, term, t))
			return false;
		term->text = copy(p, t.start, t.end);
		term->offset = t.start;
		term->length = t.end - t.start;
		return !p->failed;
	default:
		return opaque(p, t.start, "expected a column or a constant");
	}
	term->text = copy(p, t.start, t.end);
	term->offset = t.start;
	term->length = t.end - t.start;
	next(p);
	return !p->failed;
}

static bool comparison(parser *p, unsigned depth)
{
	mg_join_comparison c = {0};
	if (!operand(p, &c.left, depth))
		return false;
	if (p->tok.kind != TOK_EQ)
		return opaque(p, p->tok.start, "only == comparisons are in the grammar of join conditions");
	next(p);
	if (!operand(p, &c.right, depth))
		return false;
	mg_join_condition *cond = p->cond;
	if (MG_ARENA_PUSH(p->arena, cond->comparisons, cond->ncomparisons, p->ncap, c) < 0) {
		p->failed = true;
		return false;
	}
	return true;
}

static bool condition(parser *p, unsigned depth);

/* "(" condition ")" or and_(...); *grouped says it was one of those. */
static bool factor(parser *p, unsigned depth, bool *grouped)
{
	if (depth > MG_JOIN_MAX_DEPTH)
		return opaque(p, p->tok.start, "nested too deeply");
	*grouped = true;
	if (p->tok.kind == TOK_LPAREN) {
		next(p);
		if (!condition(p, depth + 1))
			return false;
		if (p->tok.kind != TOK_RPAREN)
			return opaque(p, p->tok.start, "expected \")\"");
		next(p);
		return true;
	}
	if (name_is(p, p->tok, "and_")) {
		size_t at = p->tok.start;
		next(p);
		if (p->tok.kind != TOK_LPAREN)
			return opaque(p, at, "and_ without its arguments");
		do {
			next(p);
			if (!condition(p, depth + 1))
				return false;
		} while (p->tok.kind == TOK_COMMA);
		if (p->tok.kind != TOK_RPAREN)
			return opaque(p, p->tok.start, "expected \")\" or \",\"");
		next(p);
		return true;
	}
	*grouped = false;
	return comparison(p, depth);
}

static bool condition(parser *p, unsigned depth)
{
	bool grouped;
	if (!factor(p, depth, &grouped))
		return false;
	while (p->tok.kind == TOK_AMP) {
		if (!grouped)
			return opaque(p, p->tok.start, "around \"&\" each comparison needs its parentheses");
		next(p);
		if (!factor(p, depth, &grouped))
			return false;
		if (!grouped)
			return opaque(p, p->tok.start, "around \"&\" each comparison needs its parentheses");
	}
	return true;
}

mg_join_term *mg_join_term_at(mg_join_condition *cond, size_t i)
{
	mg_join_comparison *c = &cond->comparisons[i / 2];
	return i % 2 ? &c->right : &c->left;
}

const mg_join_term *mg_join_term_get(const mg_join_condition *cond, size_t i)
{
	const mg_join_comparison *c = &cond->comparisons[i / 2];
	return i % 2 ? &c->right : &c->left;
}

mg_join_condition *mg_join_parse(mg_arena *arena, const char *text, mg_location location)
{
	mg_join_condition *cond = mg_arena_alloc(arena, sizeof(*cond));
	if (!cond)
		return NULL;
	*cond = (mg_join_condition){.text = mg_arena_strdup(arena, text), .location = location};
	if (!cond->text)
		return NULL;
	parser p = {.arena = arena, .text = cond->text, .len = strlen(cond->text), .cond = cond};
	next(&p);
	if (p.tok.kind == TOK_END)
		opaque(&p, 0, "an empty join condition");
	else if (condition(&p, 0) && p.tok.kind != TOK_END)
		opaque(&p, p.tok.start, "text after the condition is beyond the grammar");
	if (p.failed)
		return NULL;
	if (cond->opaque) {
		cond->ncomparisons = 0;
		return cond;
	}
	for (size_t i = 0; i < 2 * cond->ncomparisons; i++) {
		mg_join_term *t = mg_join_term_at(cond, i);
		t->location = location;
		if (location.line && location.column)
			t->location.column += (unsigned)t->offset;
	}
	return cond;
}
