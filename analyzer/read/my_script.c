/* A MySQL-dialect script cut into statements (my_script.h). */

#include "analyzer/read/my_script.h"

#include <stdio.h>
#include <string.h>

#include "util/text.h"

void mg_my_script_init(mg_my_script *script, const char *text, size_t len)
{
	*script = (mg_my_script){.text = text, .len = len, .line = 1, .column = 1};
	strcpy(script->delimiter, ";");
}

/* Moves past one byte, counting lines and characters (not UTF-8 continuation bytes). */
static void advance(mg_my_script *s)
{
	char c = s->text[s->pos++];
	if (c == '\n') {
		s->line++;
		s->column = 1;
	} else if (((unsigned char)c & 0xC0) != 0x80) {
		s->column++;
	}
}

static char at(const mg_my_script *s, size_t offset)
{
	return s->pos + offset < s->len ? s->text[s->pos + offset] : '\0';
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* "-- " opens a comment only with a blank (or the end) after the dashes. */
static bool line_comment_here(const mg_my_script *s)
{
	if (at(s, 0) == '#')
		return true;
	return at(s, 0) == '-' && at(s, 1) == '-' && (s->pos + 2 >= s->len || is_blank(at(s, 2)));
}

static bool block_comment_here(const mg_my_script *s)
{
	return at(s, 0) == '/' && at(s, 1) == '*';
}

/* A block comment MySQL (/ * ! …) or MariaDB (/ * M ! …) runs. */
static bool executable_comment_here(const mg_my_script *s)
{
	return block_comment_here(s) && (at(s, 2) == '!' || (at(s, 2) == 'M' && at(s, 3) == '!'));
}

static void skip_line(mg_my_script *s)
{
	while (s->pos < s->len && s->text[s->pos] != '\n')
		advance(s);
}

static void skip_block_comment(mg_my_script *s)
{
	advance(s);
	advance(s);
	while (s->pos < s->len && !(at(s, 0) == '*' && at(s, 1) == '/'))
		advance(s);
	if (s->pos < s->len) {
		advance(s);
		advance(s);
	}
}

/* Past a quoted string or name opening at pos: backslash escapes in '…' and
 * "…", a doubled quote for one quote. */
static void skip_quoted(mg_my_script *s)
{
	char quote = at(s, 0);
	advance(s);
	while (s->pos < s->len) {
		char c = at(s, 0);
		if (c == '\\' && quote != '`' && s->pos + 1 < s->len) {
			advance(s);
			advance(s);
			continue;
		}
		advance(s);
		if (c == quote) {
			if (at(s, 0) != quote)
				return;
			advance(s);
		}
	}
}

static bool word_here(const mg_my_script *s, const char *word)
{
	size_t n = strlen(word);
	if (s->pos + n > s->len || mg_ascii_ncasecmp(s->text + s->pos, word, n) != 0)
		return false;
	return s->pos + n == s->len || is_blank(s->text[s->pos + n]);
}

static bool delimiter_here(const mg_my_script *s)
{
	size_t n = strlen(s->delimiter);
	return n > 0 && s->pos + n <= s->len && mg_ascii_ncasecmp(s->text + s->pos, s->delimiter, n) == 0;
}

/* A DELIMITER command: the new delimiter is its first word. */
static void take_delimiter(mg_my_script *s, const mg_my_statement *command, size_t word_len)
{
	size_t i = word_len;
	while (i < command->len && is_blank(command->text[i]))
		i++;
	size_t n = 0;
	while (i + n < command->len && !is_blank(command->text[i + n]))
		n++;
	/* A NUL in it would leave an empty delimiter, found everywhere: the
	 * scan would never move on. */
	if (n > 0 && n < sizeof(s->delimiter) && !memchr(command->text + i, '\0', n)) {
		memcpy(s->delimiter, command->text + i, n);
		s->delimiter[n] = '\0';
	}
}

/* The client's commands that are no SQL, written as words (the others
 * start with a backslash): they run to the end of their line. */
static bool client_word_here(const mg_my_script *s)
{
	static const char *const words[] = {"source", "system", "connect", "pager", "nopager", "tee",
					    "notee", "prompt", "rehash", "charset", "warnings", "nowarning",
					    "exit", "quit"};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (word_here(s, words[i]))
			return true;
	return false;
}

static void trim_end(mg_my_statement *st)
{
	while (st->len && is_blank(st->text[st->len - 1]))
		st->len--;
}

int mg_my_script_next(mg_my_script *s, mg_my_statement *out)
{
	for (;;) {
		/* Blanks, comments and empty statements before the next one. */
		while (s->pos < s->len) {
			if (is_blank(at(s, 0)))
				advance(s);
			else if (line_comment_here(s))
				skip_line(s);
			else if (block_comment_here(s) && !executable_comment_here(s))
				skip_block_comment(s);
			else if (delimiter_here(s))
				for (size_t n = strlen(s->delimiter); n--;)
					advance(s);
			else
				break;
		}
		if (s->pos >= s->len)
			return 0;
		*out = (mg_my_statement){.kind = MG_MY_SQL, .text = s->text + s->pos, .line = s->line,
					 .column = s->column};
		size_t start = s->pos;
		bool delimiter_command = word_here(s, "delimiter") || (at(s, 0) == '\\' && at(s, 1) == 'd');
		if (delimiter_command || at(s, 0) == '\\' || client_word_here(s)) {
			/* A client command: to the end of the line. */
			out->kind = MG_MY_CLIENT;
			skip_line(s);
			out->len = s->pos - start;
			trim_end(out);
			if (delimiter_command)
				take_delimiter(s, out, out->text[0] == '\\' ? 2 : strlen("delimiter"));
			return 1;
		}
		while (s->pos < s->len && !delimiter_here(s)) {
			char c = at(s, 0);
			if (c == '\'' || c == '"' || c == '`')
				skip_quoted(s);
			else if (line_comment_here(s))
				skip_line(s);
			else if (block_comment_here(s))
				skip_block_comment(s);
			else
				advance(s);
		}
		out->len = s->pos - start;
		trim_end(out);
		if (out->len)
			return 1;
	}
}

void mg_my_statement_position(const mg_my_statement *statement, size_t offset, unsigned *out_line,
			      unsigned *out_column)
{
	unsigned line = statement->line, column = statement->column;
	for (size_t i = 0; i < offset && i < statement->len; i++) {
		char c = statement->text[i];
		if (c == '\n') {
			line++;
			column = 1;
		} else if (((unsigned char)c & 0xC0) != 0x80) {
			column++;
		}
	}
	*out_line = line;
	*out_column = column;
}

bool mg_my_statement_starts_with(const mg_my_statement *statement, const char *word)
{
	size_t n = strlen(word);
	return statement->len >= n && mg_ascii_ncasecmp(statement->text, word, n) == 0 &&
	       (statement->len == n || !(mg_ascii_isalnum(statement->text[n]) || statement->text[n] == '_'));
}

/* ---- the names a statement declares ---- */

/* A token of a statement: a word, a quoted name, or one other character. */
typedef struct token {
	const char *text;
	size_t len;
	size_t offset; /* in the statement */
	bool quoted;   /* `…` */
} token;

typedef struct lexer {
	const mg_my_statement *st;
	size_t pos;
} lexer;

static bool is_word_char(char c)
{
	return mg_ascii_isalnum(c) || c == '_' || c == '$' || ((unsigned char)c & 0x80);
}

static bool next_token(lexer *x, token *t)
{
	const char *p = x->st->text;
	size_t n = x->st->len;
	for (;;) {
		while (x->pos < n && is_blank(p[x->pos]))
			x->pos++;
		if (x->pos + 1 < n && p[x->pos] == '/' && p[x->pos + 1] == '*') {
			const char *end = NULL;
			for (size_t i = x->pos + 2; i + 1 < n && !end; i++)
				if (p[i] == '*' && p[i + 1] == '/')
					end = p + i + 2;
			x->pos = end ? (size_t)(end - p) : n;
			continue;
		}
		if (x->pos < n && (p[x->pos] == '#' || (x->pos + 2 < n && p[x->pos] == '-' && p[x->pos + 1] == '-' &&
							 is_blank(p[x->pos + 2])))) {
			while (x->pos < n && p[x->pos] != '\n')
				x->pos++;
			continue;
		}
		break;
	}
	if (x->pos >= n)
		return false;
	*t = (token){.text = p + x->pos, .offset = x->pos};
	if (p[x->pos] == '`') {
		size_t i = x->pos + 1;
		while (i < n && !(p[i] == '`' && (i + 1 >= n || p[i + 1] != '`')))
			i += p[i] == '`' ? 2 : 1;
		t->text = p + x->pos + 1;
		t->len = (i < n ? i : n) - x->pos - 1;
		t->quoted = true;
		x->pos = i < n ? i + 1 : n;
		return true;
	}
	size_t i = x->pos;
	while (i < n && is_word_char(p[i]))
		i++;
	t->len = i > x->pos ? i - x->pos : 1;
	x->pos += t->len;
	return true;
}

static bool token_is(const token *t, const char *word)
{
	return !t->quoted && t->len == strlen(word) && mg_ascii_ncasecmp(t->text, word, t->len) == 0;
}

/* A name as written (db.t too), unquoted, into out; false when there is none. */
static bool read_name(lexer *x, token *first, char *out, size_t size)
{
	size_t n = 0;
	token t = *first;
	for (;;) {
		for (size_t i = 0; i < t.len && n + 1 < size; i++) {
			out[n++] = t.text[i];
			if (t.quoted && t.text[i] == '`')
				i++; /* `` is one backquote */
		}
		size_t saved = x->pos;
		token dot, part;
		if (next_token(x, &dot) && dot.len == 1 && dot.text[0] == '.' && next_token(x, &part)) {
			if (n + 1 < size)
				out[n++] = '.';
			t = part;
			continue;
		}
		x->pos = saved;
		break;
	}
	out[n] = '\0';
	return out[0] != '\0'; /* a name holds no NUL: one that starts with it is none */
}

void mg_my_statement_names(const mg_my_statement *statement,
			   void (*found)(void *payload, char kind, const char *name, unsigned line,
					 unsigned column),
			   void *payload)
{
	if (statement->kind != MG_MY_SQL)
		return;
	lexer x = {.st = statement};
	token t;
	if (!next_token(&x, &t) || !token_is(&t, "create"))
		return;
	char kind = 0;
	while (!kind && next_token(&x, &t)) {
		if (token_is(&t, "table"))
			kind = 't';
		else if (token_is(&t, "view"))
			kind = 'v';
		else if (token_is(&t, "index"))
			kind = 'i';
		else if (!(token_is(&t, "or") || token_is(&t, "replace") || token_is(&t, "temporary") ||
			   token_is(&t, "unique") || token_is(&t, "fulltext") || token_is(&t, "spatial") ||
			   token_is(&t, "algorithm") || token_is(&t, "definer") || token_is(&t, "sql") ||
			   token_is(&t, "security") || token_is(&t, "=") || token_is(&t, "@") ||
			   token_is(&t, "undefined") || token_is(&t, "merge") || token_is(&t, "temptable") ||
			   token_is(&t, "invoker") || token_is(&t, "current_user") || t.quoted ||
			   (t.len == 1 && (t.text[0] == '\'' || t.text[0] == '(' || t.text[0] == ')'))))
			return; /* not a table, view or index */
	}
	if (!kind || !next_token(&x, &t))
		return;
	if (kind != 'i' && token_is(&t, "if")) { /* IF NOT EXISTS */
		token not, exists;
		if (!next_token(&x, &not) || !next_token(&x, &exists) || !next_token(&x, &t))
			return;
	}
	char name[256];
	if (t.len == 1 && !t.quoted && !is_word_char(t.text[0]))
		return;
	size_t offset = t.offset;
	if (!read_name(&x, &t, name, sizeof(name)))
		return;
	unsigned line, column;
	mg_my_statement_position(statement, offset, &line, &column);
	found(payload, kind == 'v' ? 't' : kind, name, line, column);
}

bool mg_my_statement_is_routine(const mg_my_statement *statement)
{
	if (statement->kind != MG_MY_SQL)
		return false;
	lexer x = {.st = statement};
	token t;
	if (!next_token(&x, &t))
		return false;
	if (token_is(&t, "call"))
		return true;
	if (!token_is(&t, "create") && !token_is(&t, "drop") && !token_is(&t, "alter"))
		return false;
	while (next_token(&x, &t)) {
		if (token_is(&t, "procedure") || token_is(&t, "function") || token_is(&t, "event"))
			return true;
		/* What may come before the object's kind: OR REPLACE, DEFINER = user, AGGREGATE. */
		if (!(token_is(&t, "or") || token_is(&t, "replace") || token_is(&t, "definer") ||
		      token_is(&t, "aggregate") || token_is(&t, "current_user") || t.quoted ||
		      (t.len == 1 && (t.text[0] == '=' || t.text[0] == '@' || t.text[0] == '\'' ||
				      t.text[0] == '(' || t.text[0] == ')'))))
			return false;
		if (t.len == 1 && t.text[0] == '\'') /* a quoted user name: to its closing quote */
			while (next_token(&x, &t) && !(t.len == 1 && t.text[0] == '\''))
				;
	}
	return false;
}

/* ---- which dialect a script reads as ---- */

bool mg_my_script_looks_mysql(const char *text, size_t len)
{
	mg_my_script s;
	mg_my_script_init(&s, text, len);
	bool backquotes = false, mysql_words = false, at_start = true;
	while (s.pos < s.len) {
		char c = at(&s, 0);
		if (executable_comment_here(&s))
			return true;
		if (c == '`') {
			backquotes = true;
			skip_quoted(&s);
			at_start = false;
		} else if (c == '\'' || c == '"') {
			skip_quoted(&s);
			at_start = false;
		} else if (line_comment_here(&s)) {
			skip_line(&s);
		} else if (block_comment_here(&s)) {
			skip_block_comment(&s);
		} else if (c == ';') {
			at_start = true;
			advance(&s);
		} else if (is_word_char(c)) {
			size_t start = s.pos;
			while (s.pos < s.len && is_word_char(at(&s, 0)))
				advance(&s);
			const char *w = s.text + start;
			size_t n = s.pos - start;
#define IS(word) (n == strlen(word) && mg_ascii_ncasecmp(w, word, n) == 0)
			if (IS("auto_increment"))
				return true;
			if (IS("engine")) {
				size_t i = s.pos;
				while (i < s.len && is_blank(s.text[i]))
					i++;
				if (i < s.len && s.text[i] == '=')
					return true;
			}
			if (at_start && IS("delimiter") && s.pos < s.len && is_blank(at(&s, 0)))
				return true;
			if ((at_start && IS("use")) || IS("unsigned") || IS("charset") || IS("database"))
				mysql_words = true;
#undef IS
			at_start = false;
		} else {
			if (!is_blank(c))
				at_start = false;
			advance(&s);
		}
	}
	return backquotes && mysql_words;
}
