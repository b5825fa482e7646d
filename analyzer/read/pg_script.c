#include "analyzer/read/pg_script.h"

#include <stdio.h>
#include <string.h>

#include "util/text.h"

void mg_pg_script_init(mg_pg_script *script, const char *text, size_t len)
{
	*script = (mg_pg_script){.text = text, .len = len, .line = 1, .column = 1};
}

static void advance(mg_pg_script *s, size_t n)
{
	for (size_t i = 0; i < n && s->pos < s->len; i++) {
		if (s->text[s->pos++] == '\n') {
			s->line++;
			s->column = 1;
		} else {
			s->column++;
		}
	}
}

static char at(const mg_pg_script *s, size_t offset)
{
	return s->pos + offset < s->len ? s->text[s->pos + offset] : '\0';
}

static bool ident_char(char c)
{
	return mg_ascii_isalnum(c) || c == '_' || (unsigned char)c >= 0x80;
}

/* Skips blank space and comments; false when a comment is left open. */
static void skip_space(mg_pg_script *s)
{
	while (s->pos < s->len) {
		char c = at(s, 0);
		if (mg_ascii_isspace(c)) {
			advance(s, 1);
		} else if (c == '-' && at(s, 1) == '-') {
			while (s->pos < s->len && at(s, 0) != '\n')
				advance(s, 1);
		} else if (c == '/' && at(s, 1) == '*') {
			int depth = 0;
			do {
				if (at(s, 0) == '/' && at(s, 1) == '*') {
					depth++;
					advance(s, 2);
				} else if (at(s, 0) == '*' && at(s, 1) == '/') {
					depth--;
					advance(s, 2);
				} else {
					advance(s, 1);
				}
			} while (depth > 0 && s->pos < s->len);
		} else {
			return;
		}
	}
}

/* The length of a dollar-quote tag at pos ("$$", "$fn$"), or 0. */
static size_t dollar_tag(const mg_pg_script *s)
{
	if (at(s, 0) != '$' || (s->pos > 0 && ident_char(s->text[s->pos - 1])))
		return 0;
	size_t n = 1;
	if (mg_ascii_isalnum(at(s, n)) && !(at(s, n) >= '0' && at(s, n) <= '9')) {
		while (ident_char(at(s, n)))
			n++;
	} else if (at(s, n) == '_') {
		while (ident_char(at(s, n)))
			n++;
	}
	return at(s, n) == '$' ? n + 1 : 0;
}

/* Skips what starts at pos when it is quoted (a string, an identifier, a
 * dollar-quoted body) or a comment; false when nothing is. */
static bool skip_quoted(mg_pg_script *s)
{
	char c = at(s, 0);
	size_t tag_len;
	if (c == '\'' || c == '"') {
		/* E'…' takes backslash escapes; the E was passed as an identifier. */
		bool escapes = c == '\'' && s->pos > 0 && (s->text[s->pos - 1] == 'E' || s->text[s->pos - 1] == 'e') &&
			       (s->pos < 2 || !ident_char(s->text[s->pos - 2]));
		advance(s, 1);
		while (s->pos < s->len) {
			char d = at(s, 0);
			if (escapes && d == '\\') {
				advance(s, 2);
			} else if (d == c && at(s, 1) == c) {
				advance(s, 2);
			} else if (d == c) {
				advance(s, 1);
				break;
			} else {
				advance(s, 1);
			}
		}
		return true;
	}
	if ((c == '-' && at(s, 1) == '-') || (c == '/' && at(s, 1) == '*')) {
		skip_space(s);
		return true;
	}
	if ((tag_len = dollar_tag(s)) > 0) {
		const char *tag = s->text + s->pos;
		advance(s, tag_len);
		while (s->pos < s->len &&
		       !(s->len - s->pos >= tag_len && memcmp(s->text + s->pos, tag, tag_len) == 0))
			advance(s, 1);
		advance(s, tag_len);
		return true;
	}
	return false;
}

/* COPY … FROM stdin (any case, any spacing) */
static bool copies_from_stdin(const char *text, size_t len)
{
	if (len < 4 || mg_ascii_ncasecmp(text, "copy", 4) != 0 || (len > 4 && ident_char(text[4])))
		return false;
	for (size_t i = 0; i + 10 <= len; i++)
		if (mg_ascii_ncasecmp(text + i, "from", 4) == 0 && (i == 0 || !ident_char(text[i - 1]))) {
			size_t j = i + 4;
			while (j < len && mg_ascii_isspace(text[j]))
				j++;
			if (j + 5 <= len && mg_ascii_ncasecmp(text + j, "stdin", 5) == 0 &&
			    (j + 5 == len || !ident_char(text[j + 5])))
				return true;
		}
	return false;
}

int mg_pg_script_next(mg_pg_script *s, mg_pg_statement *out)
{
	skip_space(s);
	if (s->pos >= s->len)
		return 0;
	*out = (mg_pg_statement){.kind = MG_PG_SQL, .text = s->text + s->pos, .line = s->line,
				 .column = s->column};
	size_t start = s->pos;
	if (at(s, 0) == '\\') {
		out->kind = MG_PG_META;
		while (s->pos < s->len && at(s, 0) != '\n')
			advance(s, 1);
		out->len = s->pos - start;
		return 1;
	}
	while (s->pos < s->len && at(s, 0) != ';') {
		if (!skip_quoted(s))
			advance(s, 1);
	}
	out->len = s->pos - start;
	advance(s, 1); /* the semicolon */
	if (copies_from_stdin(out->text, out->len)) {
		/* The data: every line up to "\." alone on its line. */
		out->copy_data = true;
		while (s->pos < s->len && at(s, 0) != '\n')
			advance(s, 1);
		advance(s, 1);
		while (s->pos < s->len) {
			bool end = at(s, 0) == '\\' && at(s, 1) == '.' &&
				   (at(s, 2) == '\n' || at(s, 2) == '\r' || at(s, 2) == '\0');
			while (s->pos < s->len && at(s, 0) != '\n')
				advance(s, 1);
			advance(s, 1);
			if (end)
				break;
		}
	}
	return 1;
}

void mg_pg_statement_position(const mg_pg_statement *statement, size_t offset, unsigned *out_line,
			      unsigned *out_column)
{
	unsigned line = statement->line, column = statement->column;
	for (size_t i = 0; i < offset && i < statement->len; i++) {
		if (statement->text[i] == '\n') {
			line++;
			column = 1;
		} else {
			column++;
		}
	}
	*out_line = line;
	*out_column = column;
}

/* Whether `word` (lower case, may hold one space for any blank space)
 * starts at text[i], as a whole word. */
static bool word_at(const char *text, size_t len, size_t i, const char *word)
{
	if (i > 0 && ident_char(text[i - 1]))
		return false;
	size_t j = i;
	for (const char *w = word; *w; w++) {
		if (*w == ' ') {
			if (j >= len || !mg_ascii_isspace(text[j]))
				return false;
			while (j < len && mg_ascii_isspace(text[j]))
				j++;
			continue;
		}
		if (j >= len || mg_ascii_tolower(text[j]) != *w)
			return false;
		j++;
	}
	return j >= len || !ident_char(text[j]) || word[strlen(word) - 1] == '=';
}

static const char *const postgres_words[] = {
	"create sequence", "create type", "create domain", "create extension", "comment on",
	"owner to", "serial", "bigserial", "smallserial", "bytea", "jsonb", "timestamptz",
	"using btree", "using gin", "using gist", "using brin", "inherits", "partition by",
	"as identity", "language plpgsql",
};
static const char *const mysql_words[] = {"engine =", "engine=", "auto_increment"};

bool mg_pg_script_looks_postgresql(const char *text, size_t len)
{
	mg_pg_script s;
	mg_pg_script_init(&s, text, len);
	bool postgres = false;
	bool line_start = true;
	while (s.pos < s.len) {
		char c = at(&s, 0);
		if (c == '`')
			return false;
		if (line_start && c == '\\' && mg_ascii_isalnum(at(&s, 1)))
			postgres = true; /* a psql meta-command */
		if (c == ':' && at(&s, 1) == ':')
			postgres = true;
		if (dollar_tag(&s) > 0)
			postgres = true;
		if (c == '\'' || c == '"' || (c == '-' && at(&s, 1) == '-') || (c == '/' && at(&s, 1) == '*')) {
			skip_quoted(&s);
			line_start = s.pos > 0 && s.text[s.pos - 1] == '\n';
			continue;
		}
		for (size_t i = 0; i < sizeof(mysql_words) / sizeof(mysql_words[0]); i++)
			if (word_at(text, len, s.pos, mysql_words[i]))
				return false;
		for (size_t i = 0; i < sizeof(postgres_words) / sizeof(postgres_words[0]) && !postgres; i++)
			postgres = word_at(text, len, s.pos, postgres_words[i]);
		line_start = c == '\n' || (line_start && (c == ' ' || c == '\t'));
		advance(&s, 1);
	}
	return postgres;
}

/* A token of a statement: a word or quoted identifier (name set, folded as
 * PostgreSQL folds it), or any other character (name empty). */
typedef struct token {
	size_t offset;
	bool word;
	char name[128];
} token;

static bool next_token(const mg_pg_statement *st, size_t *pos, token *out)
{
	mg_pg_script s;
	mg_pg_script_init(&s, st->text, st->len);
	s.pos = *pos;
	skip_space(&s);
	if (s.pos >= s.len)
		return false;
	*out = (token){.offset = s.pos};
	char c = at(&s, 0);
	size_t n = 0;
	if (c == '"') {
		out->word = true;
		for (s.pos++; s.pos < s.len; s.pos++) {
			if (s.text[s.pos] == '"' && at(&s, 1) == '"')
				s.pos++;
			else if (s.text[s.pos] == '"')
				break;
			if (n + 1 < sizeof(out->name))
				out->name[n++] = s.text[s.pos];
		}
		s.pos++;
	} else if (ident_char(c)) {
		out->word = true;
		while (s.pos < s.len && (ident_char(s.text[s.pos]) || s.text[s.pos] == '$')) {
			if (n + 1 < sizeof(out->name))
				out->name[n++] = mg_ascii_tolower(s.text[s.pos]);
			s.pos++;
		}
	} else if (!skip_quoted(&s)) {
		s.pos++;
	}
	out->name[n] = '\0';
	*pos = s.pos;
	return true;
}

static bool is(const token *t, const char *word)
{
	return t->word && strcmp(t->name, word) == 0;
}

/* A possibly qualified name at *pos: "public.t" is "t". */
static bool qualified_name(const mg_pg_statement *st, size_t *pos, token *first, char *out, size_t size)
{
	if (!first->word)
		return false;
	size_t after = *pos;
	token dot, second;
	if (next_token(st, &after, &dot) && !dot.word && st->text[dot.offset] == '.' &&
	    next_token(st, &after, &second) && second.word) {
		*pos = after;
		if (strcmp(first->name, "public") == 0)
			snprintf(out, size, "%s", second.name);
		else
			snprintf(out, size, "%s.%s", first->name, second.name);
		return true;
	}
	snprintf(out, size, "%s", first->name);
	return true;
}

void mg_pg_statement_names(const mg_pg_statement *st,
			   void (*found)(void *payload, char kind, const char *name, unsigned line,
					 unsigned column),
			   void *payload)
{
	static const char *const modifiers[] = {"or", "replace", "unlogged", "temp", "temporary",
						"global", "local", "materialized", "unique", "recursive"};
	size_t pos = 0;
	token t, start;
	char name[260];
	unsigned line, column;
	if (st->kind != MG_PG_SQL || !next_token(st, &pos, &start))
		return;
	if (is(&start, "create") && next_token(st, &pos, &t)) {
		for (size_t i = 0; i < sizeof(modifiers) / sizeof(modifiers[0]); i++)
			if (is(&t, modifiers[i])) {
				if (!next_token(st, &pos, &t))
					return;
				i = (size_t)-1; /* again from the first */
			}
		char kind = is(&t, "table") || is(&t, "view") ? 't' : is(&t, "index") ? 'i' : 0;
		if (kind && next_token(st, &pos, &t)) {
			if (is(&t, "concurrently") && !next_token(st, &pos, &t))
				return;
			if (is(&t, "if") && !(next_token(st, &pos, &t) && next_token(st, &pos, &t) &&
					      next_token(st, &pos, &t)))
				return; /* IF NOT EXISTS */
			if (!is(&t, "on") && qualified_name(st, &pos, &t, name, sizeof(name))) {
				mg_pg_statement_position(st, start.offset, &line, &column);
				found(payload, kind, name, line, column);
			}
		}
	}
	/* CONSTRAINT name, wherever it is. */
	while (next_token(st, &pos, &t)) {
		token name_token;
		size_t after = pos;
		if (is(&t, "constraint") && next_token(st, &after, &name_token) && name_token.word) {
			mg_pg_statement_position(st, t.offset, &line, &column);
			found(payload, 'c', name_token.name, line, column);
			pos = after;
		}
	}
}
