#include "analyzer/read/ddl_scan.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

typedef enum token_kind { TK_END, TK_WORD, TK_QUOTED, TK_STRING, TK_PUNCT, TK_OTHER } token_kind;

typedef struct token {
	token_kind kind;
	size_t start, len; /* the raw token, quotes included */
} token;

typedef struct scanner {
	const char *sql;
	size_t len, pos;
} scanner;

static bool is_word_char(char c)
{
	return mg_ascii_isalnum(c) || c == '_' || c == '$' || (unsigned char)c >= 0x80;
}

static void skip_space_and_comments(scanner *s)
{
	while (s->pos < s->len) {
		char c = s->sql[s->pos];
		if (mg_ascii_isspace(c)) {
			s->pos++;
		} else if (c == '-' && s->pos + 1 < s->len && s->sql[s->pos + 1] == '-') {
			while (s->pos < s->len && s->sql[s->pos] != '\n')
				s->pos++;
		} else if (c == '/' && s->pos + 1 < s->len && s->sql[s->pos + 1] == '*') {
			const char *end = strstr(s->sql + s->pos + 2, "*/");
			s->pos = end && (size_t)(end - s->sql) < s->len ? (size_t)(end - s->sql) + 2 : s->len;
		} else {
			return;
		}
	}
}

static token next_token(scanner *s)
{
	skip_space_and_comments(s);
	token t = {.kind = TK_END, .start = s->pos};
	if (s->pos >= s->len)
		return t;
	char c = s->sql[s->pos];
	char close = c == '"' ? '"' : c == '`' ? '`' : c == '[' ? ']' : c == '\'' ? '\'' : 0;
	if (close) {
		t.kind = c == '\'' ? TK_STRING : TK_QUOTED;
		s->pos++;
		while (s->pos < s->len) {
			if (s->sql[s->pos] == close) {
				/* A doubled quote is an escaped one (not for brackets). */
				if (close != ']' && s->pos + 1 < s->len && s->sql[s->pos + 1] == close) {
					s->pos += 2;
					continue;
				}
				s->pos++;
				break;
			}
			s->pos++;
		}
	} else if (is_word_char(c)) {
		t.kind = TK_WORD;
		while (s->pos < s->len && is_word_char(s->sql[s->pos]))
			s->pos++;
	} else {
		t.kind = strchr("(),.", c) ? TK_PUNCT : TK_OTHER;
		s->pos++;
	}
	t.len = s->pos - t.start;
	return t;
}

static bool is_punct(const scanner *s, token t, char c)
{
	return t.kind == TK_PUNCT && s->sql[t.start] == c;
}

static bool is_keyword(const scanner *s, token t, const char *kw)
{
	return t.kind == TK_WORD && t.len == strlen(kw) && mg_ascii_ncasecmp(s->sql + t.start, kw, t.len) == 0;
}

static bool is_name(token t)
{
	return t.kind == TK_WORD || t.kind == TK_QUOTED || t.kind == TK_STRING;
}

/* Copies the identifier without its quotes (undoubling escaped quotes) into
 * buf, which holds t.len + 1 bytes: the copy is never longer than the token. */
static char *unquote(const scanner *s, token t, char *buf)
{
	const char *p = s->sql + t.start;
	size_t n = t.len, out = 0;
	if (t.kind == TK_QUOTED || t.kind == TK_STRING) {
		char close = p[0] == '[' ? ']' : p[0];
		p++;
		n = n >= 2 ? n - 2 : 0;
		for (size_t i = 0; i < n; i++) {
			buf[out++] = p[i];
			if (p[i] == close && close != ']' && i + 1 < n && p[i + 1] == close)
				i++;
		}
	} else {
		memcpy(buf, p, n);
		out = n;
	}
	buf[out] = '\0';
	return buf;
}

char *mg_ddl_unquote(const char *sql, mg_ddl_name name, char *out)
{
	scanner s = {.sql = sql, .len = name.start + name.len};
	if (name.len == 0) {
		out[0] = '\0';
		return out;
	}
	s.pos = name.start;
	return unquote(&s, next_token(&s), out);
}

static void emit(const scanner *s, token t, mg_ddl_item_kind kind, size_t offset,
		 void (*visit)(const mg_ddl_item *, void *), void *payload)
{
	/* Most names fit the buffer on the stack; longer ones get their size. */
	char small[256];
	char *buf = t.len < sizeof(small) ? small : malloc(t.len + 1);
	mg_ddl_item item = {.kind = kind, .name = buf ? unquote(s, t, buf) : NULL, .offset = offset};
	visit(&item, payload);
	if (buf != small)
		free(buf);
}

/* Reads a possibly schema-qualified name; returns its last part. */
static token qualified_name(scanner *s, token t)
{
	for (;;) {
		size_t save = s->pos;
		token dot = next_token(s);
		if (!is_punct(s, dot, '.')) {
			s->pos = save;
			return t;
		}
		t = next_token(s);
	}
}

/* Skips to the end of the current parenthesised group (depth counted from 1). */
static token skip_group(scanner *s)
{
	int depth = 1;
	token t;
	while ((t = next_token(s)).kind != TK_END) {
		if (is_punct(s, t, '('))
			depth++;
		else if (is_punct(s, t, ')') && --depth == 0)
			break;
	}
	return t;
}

/* One item of the column/constraint list, from its first token to the
 * comma or closing parenthesis that ends it (returned). */
static token scan_item(scanner *s, token first, void (*visit)(const mg_ddl_item *, void *),
		       void *payload)
{
	token column = {0};
	bool constraint = is_keyword(s, first, "CONSTRAINT") || is_keyword(s, first, "PRIMARY") ||
			  is_keyword(s, first, "UNIQUE") || is_keyword(s, first, "CHECK") ||
			  is_keyword(s, first, "FOREIGN");
	if (!constraint && is_name(first)) {
		column = first;
		emit(s, first, MG_DDL_COLUMN, first.start, visit, payload);
	}
	token t = first;
	while (t.kind != TK_END) {
		if (is_keyword(s, t, "FOREIGN")) {
			size_t offset = t.start;
			token key = next_token(s), open = next_token(s);
			if (is_keyword(s, key, "KEY") && is_punct(s, open, '(')) {
				token col = next_token(s);
				if (is_name(col))
					emit(s, col, MG_DDL_FOREIGN_KEY, offset, visit, payload);
				if (!is_punct(s, col, ')'))
					skip_group(s);
			}
		} else if (is_keyword(s, t, "REFERENCES") && column.kind != TK_END) {
			emit(s, column, MG_DDL_FOREIGN_KEY, t.start, visit, payload);
		} else if (is_punct(s, t, '(')) {
			skip_group(s);
		}
		t = next_token(s);
		if (is_punct(s, t, ',') || is_punct(s, t, ')'))
			return t;
	}
	return t;
}

void mg_ddl_scan(const char *sql, size_t len,
		 void (*visit)(const mg_ddl_item *item, void *payload), void *payload)
{
	scanner s = {.sql = sql, .len = len};
	token t = next_token(&s);
	if (!is_keyword(&s, t, "CREATE"))
		return;
	t = next_token(&s);
	if (is_keyword(&s, t, "TEMP") || is_keyword(&s, t, "TEMPORARY") || is_keyword(&s, t, "VIRTUAL"))
		t = next_token(&s);
	if (is_keyword(&s, t, "UNIQUE"))
		t = next_token(&s);
	bool view = is_keyword(&s, t, "VIEW");
	bool index = is_keyword(&s, t, "INDEX");
	if (!view && !index && !is_keyword(&s, t, "TABLE"))
		return;
	t = next_token(&s);
	if (is_keyword(&s, t, "IF")) {
		next_token(&s); /* NOT */
		next_token(&s); /* EXISTS */
		t = next_token(&s);
	}
	if (!is_name(t))
		return;
	t = qualified_name(&s, t);
	emit(&s, t, index ? MG_DDL_INDEX : MG_DDL_TABLE, t.start, visit, payload);
	if (index)
		return;
	if (view)
		return;
	t = next_token(&s);
	if (!is_punct(&s, t, '('))
		return; /* CREATE TABLE … AS SELECT: no definitions to point at */
	for (;;) {
		t = next_token(&s);
		if (t.kind == TK_END || is_punct(&s, t, ')'))
			return;
		t = scan_item(&s, t, visit, payload);
		if (!is_punct(&s, t, ','))
			return;
	}
}

/* One indexed column: a bare name, optionally with COLLATE and ASC/DESC,
 * names a column; so does a name in parentheses, which SQLite drops (COLLATE
 * may follow at any level: "((a) COLLATE nocase)"). Anything else is an
 * expression (len 0). Returns the token that ends it (a comma or the closing
 * parenthesis of the list). */
static token scan_indexed_column(scanner *s, token first, mg_ddl_name *name)
{
	token t = first;
	size_t open = 0;
	while (is_punct(s, t, '(')) {
		open++;
		t = next_token(s);
	}
	bool bare = is_name(t);
	token found = t;
	if (bare)
		t = next_token(s);
	for (;;) {
		if (bare && is_keyword(s, t, "COLLATE")) {
			next_token(s); /* the collation's name */
			t = next_token(s);
		} else if (bare && open && is_punct(s, t, ')')) {
			open--;
			t = next_token(s);
		} else {
			break;
		}
	}
	if (open) { /* an expression inside parentheses: skip to their end */
		bare = false;
		if (is_punct(s, t, '('))
			open++;
		if (is_punct(s, t, ')'))
			open--;
		while (open--)
			skip_group(s);
		t = next_token(s);
	}
	if (is_punct(s, t, '(')) { /* a function call: an expression */
		bare = false;
		skip_group(s);
		t = next_token(s);
	}
	while (t.kind != TK_END && !is_punct(s, t, ',') && !is_punct(s, t, ')')) {
		if (is_keyword(s, t, "COLLATE"))
			t = next_token(s); /* the collation's name */
		else if (!is_keyword(s, t, "ASC") && !is_keyword(s, t, "DESC"))
			bare = false;
		if (is_punct(s, t, '(')) {
			bare = false;
			skip_group(s);
		}
		t = next_token(s);
	}
	*name = bare ? (mg_ddl_name){.start = found.start, .len = found.len} : (mg_ddl_name){0};
	return t;
}

int mg_ddl_scan_index(const char *sql, size_t len, mg_ddl_index *out)
{
	scanner s = {.sql = sql, .len = len};
	memset(out, 0, offsetof(mg_ddl_index, columns));
	token t = next_token(&s);
	if (!is_keyword(&s, t, "CREATE"))
		return -1;
	t = next_token(&s);
	if (is_keyword(&s, t, "UNIQUE")) {
		out->unique = 1;
		t = next_token(&s);
	}
	if (!is_keyword(&s, t, "INDEX"))
		return -1;
	t = next_token(&s);
	if (is_keyword(&s, t, "IF")) {
		next_token(&s);
		next_token(&s);
		t = next_token(&s);
	}
	qualified_name(&s, t);
	if (!is_keyword(&s, next_token(&s), "ON"))
		return -1;
	t = qualified_name(&s, next_token(&s));
	out->table = (mg_ddl_name){.start = t.start, .len = t.len};
	if (!is_punct(&s, next_token(&s), '('))
		return -1;
	do {
		if (out->ncolumns == MG_DDL_INDEX_MAX_COLUMNS)
			return -1;
		t = scan_indexed_column(&s, next_token(&s), &out->columns[out->ncolumns++]);
	} while (is_punct(&s, t, ','));
	if (!is_punct(&s, t, ')'))
		return -1;
	t = next_token(&s);
	out->partial = is_keyword(&s, t, "WHERE");
	return 0;
}
