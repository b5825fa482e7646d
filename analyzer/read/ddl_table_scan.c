#include "analyzer/read/ddl_table_scan.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

/*
 * The grammar followed is SQLite's own (parse.y: create_table_args,
 * columnname, typetoken, carglist, ccons, conslist, tcons, refargs,
 * table_option_set), and what build.c does with it: sqlite3AddColumn,
 * sqlite3AddDefaultValue, sqlite3AddPrimaryKey, sqlite3CreateIndex for the
 * constraint indexes, sqlite3CreateForeignKey, sqlite3EndTable. Each place
 * that follows a detail of SQLite says which.
 */

/* ---- tokens, as sqlite3GetToken cuts them ---- */

typedef enum tkind {
	T_END,
	T_WORD,   /* an identifier or a keyword */
	T_QUOTED, /* "x", `x`, [x]: an identifier */
	T_STRING, /* 'x' */
	T_NUMBER,
	T_BLOB,   /* x'00' */
	T_LP,
	T_RP,
	T_COMMA,
	T_DOT,
	T_PLUS,
	T_MINUS,
	T_OTHER, /* any other operator: only ever skipped inside parentheses */
} tkind;

typedef struct tok {
	tkind kind;
	size_t start, len;
} tok;

typedef struct lexer {
	const char *sql;
	size_t len, pos;
	bool bad; /* met something SQLite would not have accepted here, or that this scanner does not read */
} lexer;

/* Character classes, as sqlite3GetToken sees bytes: whitespace (SQLite's
 * tokenizer refuses \v), a byte that starts an identifier, one that
 * continues it, a digit, a hexadecimal digit. */
enum { C_SPACE = 1, C_ID_START = 2, C_ID = 4, C_DIGIT = 8, C_XDIGIT = 16 };
static const unsigned char char_class[256] = {
	 0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  1,  0,  1,  1,  0,  0,
	 0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
	 1,  0,  0,  0,  4,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
	28, 28, 28, 28, 28, 28, 28, 28, 28, 28,  0,  0,  0,  0,  0,  0,
	 0, 22, 22, 22, 22, 22, 22,  6,  6,  6,  6,  6,  6,  6,  6,  6,
	 6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  0,  0,  0,  0,  6,
	 0, 22, 22, 22, 22, 22, 22,  6,  6,  6,  6,  6,  6,  6,  6,  6,
	 6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  0,  0,  0,  0,  0,
	 6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,
	 6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,
	 6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,
	 6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,
	 6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,
	 6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,
	 6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,
	 6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,  6,
};

static bool is_space(unsigned char c)
{
	return char_class[c] & C_SPACE;
}

static bool is_digit(unsigned char c)
{
	return char_class[c] & C_DIGIT;
}

static bool is_xdigit(unsigned char c)
{
	return char_class[c] & C_XDIGIT;
}

static bool id_start(unsigned char c)
{
	return char_class[c] & C_ID_START;
}

static bool id_char(unsigned char c)
{
	return char_class[c] & C_ID;
}

static unsigned char at(const lexer *x, size_t i)
{
	return i < x->len ? (unsigned char)x->sql[i] : 0;
}

static void skip_space(lexer *x)
{
	const unsigned char *p = (const unsigned char *)x->sql;
	while (x->pos < x->len) {
		unsigned char c = p[x->pos];
		if (is_space(c)) {
			x->pos++;
		} else if (c == '-' && at(x, x->pos + 1) == '-') {
			const char *eol = memchr(x->sql + x->pos, '\n', x->len - x->pos);
			x->pos = eol ? (size_t)(eol - x->sql) : x->len;
		} else if (c == '/' && at(x, x->pos + 1) == '*') {
			size_t i = x->pos + 2;
			while (i + 1 < x->len && !(x->sql[i] == '*' && x->sql[i + 1] == '/'))
				i++;
			x->pos = i + 1 < x->len ? i + 2 : x->len; /* unterminated: to the end, as SQLite */
		} else {
			return;
		}
	}
}

static tok next(lexer *x)
{
	skip_space(x);
	tok t = {.kind = T_END, .start = x->pos};
	if (x->pos >= x->len)
		return t;
	size_t i = x->pos;
	unsigned char c = at(x, i);
	if (c == '"' || c == '`' || c == '[' || c == '\'') {
		unsigned char close = c == '[' ? ']' : c;
		bool closed = false;
		for (i++; i < x->len; i++) {
			if (at(x, i) != close)
				continue;
			if (close != ']' && at(x, i + 1) == close) {
				i++;
				continue;
			}
			closed = true;
			i++;
			break;
		}
		if (!closed)
			x->bad = true;
		t.kind = c == '\'' ? T_STRING : T_QUOTED;
	} else if ((c == 'x' || c == 'X') && at(x, i + 1) == '\'') {
		size_t digits = 0;
		for (i += 2; i < x->len && is_xdigit(at(x, i)); i++)
			digits++;
		if (at(x, i) != '\'' || digits % 2)
			x->bad = true;
		else
			i++;
		t.kind = T_BLOB;
	} else if (id_start(c)) {
		const unsigned char *p = (const unsigned char *)x->sql;
		while (i < x->len && id_char(p[i]))
			i++;
		t.kind = T_WORD;
	} else if (is_digit(c) || (c == '.' && is_digit(at(x, i + 1)))) {
		t.kind = T_NUMBER;
		if (c == '0' && (at(x, i + 1) == 'x' || at(x, i + 1) == 'X') && is_xdigit(at(x, i + 2))) {
			for (i += 3; is_xdigit(at(x, i)); i++)
				;
		} else {
			while (is_digit(at(x, i)))
				i++;
			if (at(x, i) == '.')
				for (i++; is_digit(at(x, i)); i++)
					;
			if ((at(x, i) == 'e' || at(x, i) == 'E') &&
			    (is_digit(at(x, i + 1)) ||
			     ((at(x, i + 1) == '+' || at(x, i + 1) == '-') && is_digit(at(x, i + 2)))))
				for (i += 2; is_digit(at(x, i)); i++)
					;
			if (i < x->len && id_char(at(x, i)))
				x->bad = true; /* "12abc": not a token SQLite takes */
		}
	} else {
		i++;
		switch (c) {
		case '(': t.kind = T_LP; break;
		case ')': t.kind = T_RP; break;
		case ',': t.kind = T_COMMA; break;
		case '.': t.kind = T_DOT; break;
		case '+': t.kind = T_PLUS; break;
		case '-': t.kind = T_MINUS; break;
		case '?': case ':': case '@': case '$': case '#': case ';':
			/* Parameters have no place in a stored CREATE TABLE; a
			 * second statement neither. */
			x->bad = true;
			t.kind = T_OTHER;
			break;
		default:
			if (c < 0x20 || c == 0x7f)
				x->bad = true;
			t.kind = T_OTHER;
			break;
		}
	}
	x->pos = i < x->len ? i : x->len;
	t.len = x->pos - t.start;
	if (x->bad) {
		/* Stop here: every later call sees the end. */
		x->pos = x->len;
		t.kind = T_END;
	}
	return t;
}

static bool kw_n(const lexer *x, tok t, const char *word, size_t n)
{
	return t.len == n && t.kind == T_WORD && mg_ascii_ncasecmp(x->sql + t.start, word, n) == 0;
}

/* Whether `t` is the keyword `word` (a literal: its length is known). */
#define kw(x, t, word) kw_n((x), (t), (word), sizeof(word) - 1)

/*
 * SQLite's keywords that do not fall back to an identifier (parse.y's
 * %fallback ID lists the others): they end a type name. Every other word,
 * keyword or not, may be part of one (GENERATED and ALWAYS too, which is
 * why sqlite3AddColumn cuts them off the end of a type).
 */
#define K(word) {word, sizeof(word) - 1}
static const struct keyword {
	const char *word;
	size_t len;
} hard_keywords[] = {
	K("ADD"), K("ALL"), K("ALTER"), K("AND"), K("AS"), K("AUTOINCREMENT"), K("BETWEEN"), K("CASE"),
	K("CHECK"), K("COLLATE"), K("COMMIT"), K("CONSTRAINT"), K("CREATE"), K("CROSS"), K("DEFAULT"),
	K("DEFERRABLE"), K("DELETE"), K("DISTINCT"), K("DROP"), K("ELSE"), K("ESCAPE"), K("EXCEPT"),
	K("EXISTS"), K("FILTER"), K("FOREIGN"), K("FROM"), K("FULL"), K("GROUP"), K("HAVING"), K("IN"),
	K("INDEX"), K("INDEXED"), K("INNER"), K("INSERT"), K("INTERSECT"), K("INTO"), K("IS"), K("ISNULL"),
	K("JOIN"), K("LEFT"), K("LIMIT"), K("NATURAL"), K("NOT"), K("NOTHING"), K("NOTNULL"), K("NULL"),
	K("ON"), K("OR"), K("ORDER"), K("OUTER"), K("OVER"), K("PRIMARY"), K("REFERENCES"), K("RETURNING"),
	K("RIGHT"), K("SELECT"), K("SET"), K("TABLE"), K("THEN"), K("TO"), K("TRANSACTION"), K("UNION"),
	K("UNIQUE"), K("UPDATE"), K("USING"), K("VALUES"), K("WHEN"), K("WHERE"), K("WINDOW"),
};
#undef K

static bool hard_keyword(const lexer *x, tok t)
{
	/* Where each first letter's words start in the sorted list. */
	static size_t first[27];
	static bool indexed;
	enum { N = sizeof(hard_keywords) / sizeof(hard_keywords[0]) };
	if (!indexed) {
		for (int c = 0, i = 0; c <= 26; c++) {
			while (i < N && hard_keywords[i].word[0] - 'A' < c)
				i++;
			first[c] = (size_t)i;
		}
		indexed = true;
	}
	if (t.kind != T_WORD || t.len < 2 || t.len > 13)
		return false;
	int c = mg_ascii_toupper(x->sql[t.start]) - 'A';
	if (c < 0 || c >= 26)
		return false;
	for (size_t i = first[c]; i < first[c + 1]; i++)
		if (hard_keywords[i].len == t.len && mg_ascii_ncasecmp(x->sql + t.start, hard_keywords[i].word, t.len) == 0)
			return true;
	return false;
}

/* A name: nm (an identifier, a keyword that falls back to one, or a string). */
static bool is_name(const lexer *x, tok t)
{
	if (t.kind == T_QUOTED || t.kind == T_STRING)
		return true;
	if (t.kind != T_WORD)
		return false;
	return !hard_keyword(x, t) || kw(x, t, "INDEXED") || kw(x, t, "CROSS") || kw(x, t, "FULL") ||
	       kw(x, t, "INNER") || kw(x, t, "LEFT") || kw(x, t, "NATURAL") || kw(x, t, "OUTER") ||
	       kw(x, t, "RIGHT");
}

/* Skips to the parenthesis that closes the one just read; T_END when none. */
static tok skip_group(lexer *x)
{
	size_t depth = 1;
	tok t;
	while ((t = next(x)).kind != T_END) {
		if (t.kind == T_LP)
			depth++;
		else if (t.kind == T_RP && --depth == 0)
			break;
	}
	return t;
}

/* ---- what the scan collects ---- */

typedef struct fk_rec {
	const char *parent;
	size_t first, n; /* in store->fk_from / fk_to */
	bool has_to;
	const char *on_update, *on_delete;
} fk_rec;

typedef struct idx_rec {
	size_t first, n; /* in store->idx_cols / idx_colls */
	bool pk;
} idx_rec;

struct mg_ddl_table_store {
	char *text; /* every string returned: reserved whole before a scan, never moved during one */
	size_t text_len, text_cap;
	char *names; /* the indexes' names */
	size_t names_cap;
	size_t columns_cap;
	fk_rec *fks;
	size_t nfks, fks_cap;
	size_t *fk_from;
	const char **fk_to;
	size_t nfk_cols, fk_cols_cap;
	idx_rec *idx;
	size_t nidx, idx_cap;
	size_t *idx_cols;
	const char **idx_colls; /* NULL: the column's own collation */
	size_t nidx_cols, idx_cols_cap;
	size_t *pk_cols;
	size_t npk, pk_cap;
	mg_ddl_table_foreign_key *out_fks;
	size_t out_fks_cap;
	mg_ddl_table_index *out_idx;
	size_t out_idx_cap;
};

/* Grows *p (of elements of `size`) to hold `need`; 0 or -1. */
static int reserve(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return 0;
	size_t n = *cap ? *cap : 8;
	while (n < need)
		n *= 2;
	if (n > SIZE_MAX / size)
		return -1;
	void *grown = realloc(*(void **)p, n * size);
	if (!grown)
		return -1;
	*(void **)p = grown;
	*cap = n;
	return 0;
}

typedef struct scan {
	lexer x;
	mg_ddl_table *out;
	struct mg_ddl_table_store *s;
	const char *table;
	bool has_pk;
	size_t ipk; /* the INTEGER PRIMARY KEY column (the rowid's alias); SIZE_MAX: none */
	bool autoincrement; /* AUTOINCREMENT was written */
	uint64_t names_seen[4]; /* a Bloom filter of the column names so far, case folded */
	bool failed;
} scan;

/* Copies bytes of the statement into the reserved text. */
static char *put_text(scan *sc, const char *p, size_t n)
{
	struct mg_ddl_table_store *s = sc->s;
	if (s->text_len + n + 1 > s->text_cap) { /* cannot happen: the reserve covers every copy */
		sc->failed = true;
		s->text[0] = '\0';
		return s->text;
	}
	char *out = s->text + s->text_len;
	memcpy(out, p, n);
	out[n] = '\0';
	s->text_len += n + 1;
	return out;
}

/*
 * sqlite3Dequote: a text that starts with a quote loses it, and ends at the
 * matching one, doubled quotes undoubled ([ ] double nothing). In place.
 */
static void dequote(char *z)
{
	char quote = z[0];
	if (quote != '"' && quote != '\'' && quote != '`' && quote != '[')
		return;
	if (quote == '[')
		quote = ']';
	size_t j = 0;
	for (size_t i = 1; z[i]; i++) {
		if (z[i] == quote) {
			if (quote != ']' && z[i + 1] == quote) {
				z[j++] = quote;
				i++;
			} else {
				break;
			}
		} else {
			z[j++] = z[i];
		}
	}
	z[j] = '\0';
}

/* A name token without its quotes. */
static const char *name_text(scan *sc, tok t)
{
	char *z = put_text(sc, sc->x.sql + t.start, t.len);
	dequote(z);
	return z;
}

static mg_ddl_table_column *column_at(scan *sc, size_t i)
{
	return &sc->out->columns[i];
}

/* The column named `name` (ASCII case ignored, as SQLite); SIZE_MAX: none. */
static size_t find_column(scan *sc, const char *name)
{
	char first = mg_ascii_tolower(name[0]);
	for (size_t i = 0; i < sc->out->ncolumns; i++) {
		const char *other = column_at(sc, i)->name;
		if (mg_ascii_tolower(other[0]) == first && mg_ascii_casecmp(other, name) == 0)
			return i;
	}
	return SIZE_MAX;
}

/* Whether no column before has `name` (ASCII case ignored). A Bloom filter
 * of the names so far answers most columns without comparing names: a
 * wide table would otherwise compare each with all before it. */
static bool first_of_its_name(scan *sc, const char *name)
{
	/* Keyed by the length and three of the bytes, which tell most names
	 * apart at a fraction of a hash's cost. */
	size_t n = strlen(name);
	uint32_t h = (uint32_t)n * 0x9e3779b1u;
	h = (h ^ (unsigned char)mg_ascii_tolower(name[0])) * 0x85ebca6bu;
	h = (h ^ (unsigned char)mg_ascii_tolower(name[n / 2])) * 0xc2b2ae35u;
	h = (h ^ (unsigned char)mg_ascii_tolower(name[n ? n - 1 : 0])) * 0x27d4eb2fu;
	unsigned a = h >> 24, b = (h >> 16) & 255;
	uint64_t *seen = sc->names_seen;
	bool maybe = (seen[a / 64] >> (a % 64) & 1) && (seen[b / 64] >> (b % 64) & 1);
	seen[a / 64] |= (uint64_t)1 << (a % 64);
	seen[b / 64] |= (uint64_t)1 << (b % 64);
	return !maybe || find_column(sc, name) == SIZE_MAX;
}

/* ---- the type (sqlite3AddColumn) ---- */

/* SQLite's standard type names (sqlite3StdType): 3.37 and later report
 * them upper-cased, whatever the spelling. */
static const struct std_type {
	const char *name;
	size_t len;
} std_types[] = {{"ANY", 3}, {"BLOB", 4}, {"INT", 3}, {"INTEGER", 7}, {"REAL", 4}, {"TEXT", 4}};

static bool reports_std_types(void)
{
	static int known = -1;
	if (known < 0)
		known = sqlite3_libversion_number() >= 3037000;
	return known != 0;
}

static bool is_quote(char c)
{
	return c == '"' || c == '\'' || c == '`' || c == '[';
}

/* The type whose tokens span [start, end): what pragma_table_xinfo reports. */
static const char *type_text(scan *sc, size_t start, size_t end)
{
	const char *z = sc->x.sql + start;
	size_t n = end - start;
	/* "GENERATED ALWAYS" fall back to identifiers and end up in the type. */
	if (n >= 16 && mg_ascii_ncasecmp(z + n - 6, "always", 6) == 0) {
		n -= 6;
		while (n > 0 && is_space((unsigned char)z[n - 1]))
			n--;
		if (n >= 9 && mg_ascii_ncasecmp(z + n - 9, "generated", 9) == 0) {
			n -= 9;
			while (n > 0 && is_space((unsigned char)z[n - 1]))
				n--;
		}
	}
	/* sqlite3DequoteToken, then the standard names. */
	if (n >= 3 && is_quote(z[0])) {
		bool inner = false;
		for (size_t i = 1; i + 1 < n && !inner; i++)
			inner = is_quote(z[i]);
		if (!inner) {
			z++;
			n -= 2;
		}
	}
	if (n >= 3 && reports_std_types())
		for (size_t i = 0; i < sizeof(std_types) / sizeof(std_types[0]); i++)
			if (std_types[i].len == n && mg_ascii_ncasecmp(z, std_types[i].name, n) == 0)
				return std_types[i].name;
	if (n == 0)
		return "";
	char *type = put_text(sc, z, n);
	dequote(type);
	return type;
}

/* ---- constraint indexes (sqlite3CreateIndex, called from the parser) ---- */

static const char *index_collation(scan *sc, size_t i, size_t k)
{
	const char *coll = sc->s->idx_colls[sc->s->idx[i].first + k];
	if (!coll)
		coll = column_at(sc, sc->s->idx_cols[sc->s->idx[i].first + k])->collation;
	return coll ? coll : "BINARY";
}

/*
 * An index for a PRIMARY KEY or UNIQUE constraint over the columns just
 * appended to idx_cols (from `first`). One with the same columns in the same
 * order and the same collations as an index already made is not made again;
 * a primary key makes that index the primary key's.
 */
static void make_index(scan *sc, size_t first, bool pk)
{
	struct mg_ddl_table_store *s = sc->s;
	size_t n = s->nidx_cols - first;
	for (size_t i = 0; i < s->nidx; i++) {
		if (s->idx[i].n != n)
			continue;
		size_t k = 0;
		for (; k < n; k++)
			if (s->idx_cols[s->idx[i].first + k] != s->idx_cols[first + k])
				break;
		if (k < n)
			continue;
		s->nidx++; /* the new one, to compare its collations */
		s->idx[s->nidx - 1] = (idx_rec){.first = first, .n = n};
		for (k = 0; k < n; k++)
			if (mg_ascii_casecmp(index_collation(sc, i, k), index_collation(sc, s->nidx - 1, k)) != 0)
				break;
		s->nidx--;
		if (k == n) {
			if (pk)
				s->idx[i].pk = true;
			s->nidx_cols = first;
			return;
		}
	}
	s->idx[s->nidx++] = (idx_rec){.first = first, .n = n, .pk = pk};
}

/* ---- clauses ---- */

static tok fail(scan *sc)
{
	sc->failed = true;
	return (tok){.kind = T_END, .start = sc->x.len};
}

static tok expect(scan *sc, tok t, const char *word)
{
	return kw_n(&sc->x, t, word, strlen(word)) ? next(&sc->x) : fail(sc);
}

/* onconf: [ON CONFLICT ROLLBACK|ABORT|FAIL|IGNORE|REPLACE] */
static tok onconf(scan *sc, tok t)
{
	lexer *x = &sc->x;
	if (!kw(x, t, "ON"))
		return t;
	t = expect(sc, next(x), "CONFLICT");
	if (!(kw(x, t, "ROLLBACK") || kw(x, t, "ABORT") || kw(x, t, "FAIL") || kw(x, t, "IGNORE") ||
	      kw(x, t, "REPLACE")))
		return fail(sc);
	return next(x);
}

/* init_deferred_pred_opt: [INITIALLY DEFERRED|IMMEDIATE] */
static tok init_deferred(scan *sc, tok t)
{
	lexer *x = &sc->x;
	if (!kw(x, t, "INITIALLY"))
		return t;
	t = next(x);
	if (!kw(x, t, "DEFERRED") && !kw(x, t, "IMMEDIATE"))
		return fail(sc);
	return next(x);
}

/* [COLLATE ids] [ASC|DESC]: what may follow a name in a column list. */
static tok collate_order(scan *sc, tok t, const char **collation, bool *desc)
{
	lexer *x = &sc->x;
	while (kw(x, t, "COLLATE")) {
		t = next(x);
		if (t.kind != T_WORD && t.kind != T_QUOTED && t.kind != T_STRING)
			return fail(sc);
		if (collation)
			*collation = name_text(sc, t);
		t = next(x);
	}
	if (kw(x, t, "ASC") || kw(x, t, "DESC")) {
		if (desc)
			*desc = kw(x, t, "DESC");
		t = next(x);
	}
	return t;
}

static bool push_fk_column(scan *sc, size_t from, const char *to)
{
	struct mg_ddl_table_store *s = sc->s;
	size_t cap = s->fk_cols_cap;
	if (reserve(&s->fk_from, &cap, s->nfk_cols + 1, sizeof(*s->fk_from)) < 0)
		return false;
	cap = s->fk_cols_cap;
	if (reserve(&s->fk_to, &cap, s->nfk_cols + 1, sizeof(*s->fk_to)) < 0)
		return false;
	s->fk_cols_cap = cap;
	s->fk_from[s->nfk_cols] = from;
	s->fk_to[s->nfk_cols++] = to;
	return true;
}

static const char *action_name(scan *sc, tok *t)
{
	lexer *x = &sc->x;
	const char *name = NULL;
	if (kw(x, *t, "SET")) {
		*t = next(x);
		name = kw(x, *t, "NULL") ? "SET NULL" : kw(x, *t, "DEFAULT") ? "SET DEFAULT" : NULL;
	} else if (kw(x, *t, "CASCADE")) {
		name = "CASCADE";
	} else if (kw(x, *t, "RESTRICT")) {
		name = "RESTRICT";
	} else if (kw(x, *t, "NO")) {
		*t = next(x);
		name = kw(x, *t, "ACTION") ? "NO ACTION" : NULL;
	}
	if (!name) {
		*t = fail(sc);
		return NULL;
	}
	*t = next(x);
	return name;
}

/*
 * REFERENCES nm [(nm [COLLATE ids] [ASC|DESC], ...)] refargs, `t` the token
 * after REFERENCES; the child columns are fk_from[first...]. Returns the
 * token after the clause.
 */
static tok references(scan *sc, tok t, size_t first, bool column_level)
{
	lexer *x = &sc->x;
	struct mg_ddl_table_store *s = sc->s;
	if (!is_name(x, t))
		return fail(sc);
	fk_rec fk = {.parent = name_text(sc, t), .first = first, .n = s->nfk_cols - first,
		     .on_update = "NO ACTION", .on_delete = "NO ACTION"};
	t = next(x);
	if (t.kind == T_LP) {
		size_t i = 0;
		fk.has_to = true;
		for (;;) {
			t = next(x);
			if (!is_name(x, t) || i >= fk.n)
				return fail(sc);
			s->fk_to[first + i++] = name_text(sc, t);
			t = collate_order(sc, next(x), NULL, NULL);
			if (t.kind == T_RP)
				break;
			if (t.kind != T_COMMA)
				return fail(sc);
		}
		/* SQLite refuses a count that differs (column_level: more than one). */
		if (i != fk.n || (column_level && i != 1))
			return fail(sc);
		t = next(x);
	}
	for (;;) {
		if (kw(x, t, "MATCH")) {
			t = next(x);
			if (!is_name(x, t))
				return fail(sc);
			t = next(x);
		} else if (kw(x, t, "ON")) {
			t = next(x);
			bool insert = kw(x, t, "INSERT"), del = kw(x, t, "DELETE"), update = kw(x, t, "UPDATE");
			if (!insert && !del && !update)
				return fail(sc);
			t = next(x);
			const char *action = action_name(sc, &t);
			if (!action)
				return t;
			/* The last clause of each kind wins; ON INSERT does nothing. */
			if (del)
				fk.on_delete = action;
			else if (update)
				fk.on_update = action;
		} else {
			break;
		}
	}
	if (sc->failed)
		return t;
	if (reserve(&s->fks, &s->fks_cap, s->nfks + 1, sizeof(*s->fks)) < 0)
		return fail(sc);
	s->fks[s->nfks++] = fk;
	return t;
}

static bool is_integer_type(const char *type)
{
	return mg_ascii_casecmp(type, "INTEGER") == 0;
}

/*
 * sqlite3AddPrimaryKey over the columns in idx_cols[first...]: a key of one
 * column typed INTEGER (and, for a column constraint, not DESC) is the
 * rowid's alias and gets no index.
 */
static void primary_key(scan *sc, size_t first, bool desc)
{
	struct mg_ddl_table_store *s = sc->s;
	size_t n = s->nidx_cols - first;
	if (sc->has_pk || n == 0 || n > 64) {
		fail(sc);
		return;
	}
	sc->has_pk = true;
	if (reserve(&s->pk_cols, &s->pk_cap, n, sizeof(*s->pk_cols)) < 0) {
		fail(sc);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		size_t c = s->idx_cols[first + i];
		for (size_t j = 0; j < i; j++)
			if (s->pk_cols[j] == c) { /* SQLite drops repeats: not followed here */
				fail(sc);
				return;
			}
		if (column_at(sc, c)->hidden) {
			fail(sc);
			return;
		}
		s->pk_cols[i] = c;
	}
	s->npk = n;
	if (n == 1 && is_integer_type(column_at(sc, s->pk_cols[0])->type) && !desc) {
		sc->ipk = s->pk_cols[0];
		s->nidx_cols = first;
		return;
	}
	make_index(sc, first, true);
}

static bool is_term(const lexer *x, tok t)
{
	return t.kind == T_NUMBER || t.kind == T_STRING || t.kind == T_BLOB || kw(x, t, "NULL") ||
	       kw(x, t, "CURRENT_TIME") || kw(x, t, "CURRENT_DATE") || kw(x, t, "CURRENT_TIMESTAMP");
}

static bool push_column(scan *sc, size_t column, const char *collation)
{
	struct mg_ddl_table_store *s = sc->s;
	size_t cap = s->idx_cols_cap;
	if (reserve(&s->idx_cols, &cap, s->nidx_cols + 1, sizeof(*s->idx_cols)) < 0)
		return false;
	cap = s->idx_cols_cap;
	if (reserve(&s->idx_colls, &cap, s->nidx_cols + 1, sizeof(*s->idx_colls)) < 0)
		return false;
	s->idx_cols_cap = cap;
	if (reserve(&s->idx, &s->idx_cap, s->nidx + 2, sizeof(*s->idx)) < 0)
		return false;
	s->idx_cols[s->nidx_cols] = column;
	s->idx_colls[s->nidx_cols++] = collation;
	return true;
}

/* One column definition, from its name; returns the comma or parenthesis after it. */
static tok column_def(scan *sc, tok name)
{
	lexer *x = &sc->x;
	struct mg_ddl_table_store *s = sc->s;
	if (!is_name(x, name))
		return fail(sc);
	const char *column_name = name_text(sc, name);
	/* SQLite refuses a second column of a name ("duplicate column name"). */
	if (!column_name || !first_of_its_name(sc, column_name))
		return fail(sc);
	if (reserve(&sc->out->columns, &s->columns_cap, sc->out->ncolumns + 1, sizeof(*sc->out->columns)) < 0)
		return fail(sc);
	size_t ci = sc->out->ncolumns++;
	mg_ddl_table_column *col = column_at(sc, ci);
	*col = (mg_ddl_table_column){.name = column_name};

	/* typetoken: ids... [(signed [, signed])] */
	tok t = next(x);
	size_t type_start = t.start, type_end = t.start, ntokens = 0;
	bool quoted = false;
	while ((t.kind == T_WORD && !hard_keyword(x, t)) || t.kind == T_QUOTED || t.kind == T_STRING) {
		quoted |= t.kind != T_WORD;
		ntokens++;
		type_end = t.start + t.len;
		t = next(x);
	}
	if (ntokens && t.kind == T_LP) {
		for (int i = 0; i < 2; i++) {
			t = next(x);
			if (t.kind == T_PLUS || t.kind == T_MINUS)
				t = next(x);
			if (t.kind != T_NUMBER)
				return fail(sc);
			t = next(x);
			if (t.kind != T_COMMA)
				break;
		}
		if (t.kind != T_RP)
			return fail(sc);
		type_end = t.start + t.len;
		t = next(x);
	}
	if (quoted && ntokens > 1)
		return fail(sc); /* sqlite3Dequote on a type of several tokens: not followed */
	col = column_at(sc, ci);
	col->type = ntokens ? type_text(sc, type_start, type_end) : "";
	/* SQLITE_ENABLE_HIDDEN_COLUMNS hides columns by their type. */
	for (const char *p = col->type; *p; p++)
		if ((*p == 'h' || *p == 'H') && mg_ascii_ncasecmp(p, "hidden", 6) == 0)
			return fail(sc);

	/* carglist */
	bool has_default = false;
	for (;;) {
		col = column_at(sc, ci);
		if (sc->failed || t.kind == T_COMMA || t.kind == T_RP)
			return t;
		if (kw(x, t, "CONSTRAINT")) {
			t = next(x);
			if (!is_name(x, t))
				return fail(sc);
			t = next(x);
		} else if (kw(x, t, "DEFAULT")) {
			/* The text sqlite3AddDefaultValue keeps. */
			if (has_default || col->hidden)
				return fail(sc);
			has_default = true;
			t = next(x);
			if (t.kind == T_LP) {
				sc->out->expressions = 1;
				size_t start = t.start + 1;
				tok close = skip_group(x);
				if (close.kind != T_RP)
					return fail(sc);
				size_t end = close.start;
				while (start < end && is_space((unsigned char)x->sql[start]))
					start++;
				while (end > start && is_space((unsigned char)x->sql[end - 1]))
					end--;
				col->default_value = put_text(sc, x->sql + start, end - start);
			} else if (t.kind == T_PLUS || t.kind == T_MINUS) {
				size_t start = t.start;
				t = next(x);
				if (!is_term(x, t))
					return fail(sc);
				col->default_value = put_text(sc, x->sql + start, t.start + t.len - start);
			} else if (is_term(x, t) || (t.kind == T_WORD && !hard_keyword(x, t)) || t.kind == T_QUOTED ||
				   kw(x, t, "INDEXED")) {
				col->default_value = put_text(sc, x->sql + t.start, t.len);
			} else {
				return fail(sc);
			}
			t = next(x);
		} else if (kw(x, t, "NULL")) {
			t = onconf(sc, next(x));
		} else if (kw(x, t, "NOT")) {
			t = next(x);
			if (kw(x, t, "NULL")) {
				col->not_null = 1;
				t = onconf(sc, next(x));
			} else if (kw(x, t, "DEFERRABLE")) {
				t = init_deferred(sc, next(x));
			} else {
				return fail(sc);
			}
		} else if (kw(x, t, "PRIMARY")) {
			t = expect(sc, next(x), "KEY");
			bool desc = kw(x, t, "DESC");
			if (desc || kw(x, t, "ASC"))
				t = next(x);
			t = onconf(sc, t);
			if (kw(x, t, "AUTOINCREMENT")) {
				sc->autoincrement = true;
				t = next(x);
			}
			size_t first = s->nidx_cols;
			if (sc->failed || !push_column(sc, ci, NULL))
				return fail(sc);
			primary_key(sc, first, desc);
		} else if (kw(x, t, "UNIQUE")) {
			t = onconf(sc, next(x));
			size_t first = s->nidx_cols;
			if (sc->failed || !push_column(sc, ci, NULL))
				return fail(sc);
			make_index(sc, first, false);
		} else if (kw(x, t, "CHECK")) {
			sc->out->expressions = 1;
			if (next(x).kind != T_LP || skip_group(x).kind != T_RP)
				return fail(sc);
			t = next(x);
		} else if (kw(x, t, "REFERENCES")) {
			size_t first = s->nfk_cols;
			if (!push_fk_column(sc, ci, NULL))
				return fail(sc);
			t = references(sc, next(x), first, true);
		} else if (kw(x, t, "DEFERRABLE")) {
			t = init_deferred(sc, next(x));
		} else if (kw(x, t, "COLLATE")) {
			t = next(x);
			if (t.kind != T_WORD && t.kind != T_QUOTED && t.kind != T_STRING)
				return fail(sc);
			col->collation = name_text(sc, t);
			t = next(x);
		} else if (kw(x, t, "GENERATED") || kw(x, t, "AS")) {
			if (kw(x, t, "GENERATED")) {
				t = expect(sc, next(x), "ALWAYS");
				if (!kw(x, t, "AS"))
					return fail(sc);
			}
			sc->out->expressions = 1;
			if (col->hidden || has_default || next(x).kind != T_LP || skip_group(x).kind != T_RP)
				return fail(sc);
			col->hidden = 2;
			t = next(x);
			if (t.kind == T_WORD && !hard_keyword(x, t)) {
				if (kw(x, t, "STORED"))
					col->hidden = 3;
				else if (!kw(x, t, "VIRTUAL"))
					return fail(sc);
				t = next(x);
			}
		} else {
			return fail(sc);
		}
	}
}

/* A column list of PRIMARY KEY or UNIQUE: names only, each of a column. */
static tok key_columns(scan *sc, bool *desc, bool allow_autoinc)
{
	lexer *x = &sc->x;
	tok t = next(x);
	if (t.kind != T_LP)
		return fail(sc);
	for (;;) {
		t = next(x);
		if (!is_name(x, t))
			return fail(sc);
		const char *name = name_text(sc, t);
		size_t c = find_column(sc, name);
		const char *collation = NULL;
		bool d = false;
		t = collate_order(sc, next(x), &collation, &d);
		if (c == SIZE_MAX || !push_column(sc, c, collation))
			return fail(sc); /* the rowid, or a name SQLite takes otherwise */
		if (desc && sc->s->nidx_cols == 1)
			*desc = d;
		if (allow_autoinc && kw(x, t, "AUTOINCREMENT")) {
			sc->autoincrement = true;
			t = next(x);
		}
		if (t.kind == T_RP)
			return next(x);
		if (t.kind != T_COMMA)
			return fail(sc);
	}
}

static bool starts_table_constraint(const lexer *x, tok t)
{
	return kw(x, t, "CONSTRAINT") || kw(x, t, "PRIMARY") || kw(x, t, "UNIQUE") || kw(x, t, "CHECK") ||
	       kw(x, t, "FOREIGN");
}

/* Table constraints, one after another with or without commas; returns the closing parenthesis. */
static tok table_constraints(scan *sc, tok t)
{
	lexer *x = &sc->x;
	struct mg_ddl_table_store *s = sc->s;
	for (;;) {
		if (sc->failed)
			return t;
		if (t.kind == T_COMMA) {
			t = next(x);
			if (!starts_table_constraint(x, t))
				return fail(sc);
		}
		if (t.kind == T_RP)
			return t;
		if (kw(x, t, "CONSTRAINT")) {
			t = next(x);
			if (!is_name(x, t))
				return fail(sc);
			t = next(x);
		} else if (kw(x, t, "PRIMARY")) {
			if (!kw(x, next(x), "KEY"))
				return fail(sc);
			size_t first = s->nidx_cols;
			t = onconf(sc, key_columns(sc, NULL, true));
			if (sc->failed)
				return t;
			/* A table constraint passes no sort order (parse.y: tcons). */
			primary_key(sc, first, false);
		} else if (kw(x, t, "UNIQUE")) {
			size_t first = s->nidx_cols;
			t = onconf(sc, key_columns(sc, NULL, false));
			if (sc->failed)
				return t;
			make_index(sc, first, false);
		} else if (kw(x, t, "CHECK")) {
			sc->out->expressions = 1;
			if (next(x).kind != T_LP || skip_group(x).kind != T_RP)
				return fail(sc);
			t = onconf(sc, next(x));
		} else if (kw(x, t, "FOREIGN")) {
			if (!kw(x, next(x), "KEY") || next(x).kind != T_LP)
				return fail(sc);
			size_t first = s->nfk_cols;
			for (;;) {
				t = next(x);
				if (!is_name(x, t))
					return fail(sc);
				size_t c = find_column(sc, name_text(sc, t));
				if (c == SIZE_MAX || !push_fk_column(sc, c, NULL))
					return fail(sc);
				t = collate_order(sc, next(x), NULL, NULL);
				if (t.kind == T_RP)
					break;
				if (t.kind != T_COMMA)
					return fail(sc);
			}
			if (!kw(x, next(x), "REFERENCES"))
				return fail(sc);
			t = references(sc, next(x), first, false);
			/* defer_subclause_opt */
			if (kw(x, t, "NOT")) {
				t = next(x);
				if (!kw(x, t, "DEFERRABLE"))
					return fail(sc);
				t = init_deferred(sc, next(x));
			} else if (kw(x, t, "DEFERRABLE")) {
				t = init_deferred(sc, next(x));
			}
		} else {
			return fail(sc);
		}
	}
}

/* The table options after the column list: WITHOUT ROWID, STRICT. */
static void table_options(scan *sc)
{
	lexer *x = &sc->x;
	tok t = next(x);
	while (t.kind != T_END) {
		if (kw(x, t, "WITHOUT")) {
			if (!kw(x, next(x), "ROWID")) {
				fail(sc);
				return;
			}
			sc->out->without_rowid = 1;
		} else if (kw(x, t, "STRICT")) {
			sc->out->strict = 1;
		} else {
			fail(sc);
			return;
		}
		t = next(x);
		if (t.kind == T_COMMA)
			t = next(x);
		else if (t.kind != T_END)
			fail(sc);
	}
}

/* The types a STRICT table allows (sqlite3StdType), any case. */
static bool is_strict_type(const char *type)
{
	static const char *const allowed[] = {"INT", "INTEGER", "REAL", "TEXT", "BLOB", "ANY"};
	for (size_t i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
		if (mg_ascii_casecmp(type, allowed[i]) == 0)
			return true;
	return false;
}

/* What SQLite refuses once the whole statement is read, which only a
 * schema edited by hand can hold (SQLite checked each statement when it
 * ran): the reader then leaves the table to SQLite, which says so. */
static bool refused_by_sqlite(const scan *sc)
{
	const mg_ddl_table *out = sc->out;
	/* "AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY", and
	 * never without rowid. */
	if (sc->autoincrement && (sc->ipk == SIZE_MAX || out->without_rowid))
		return true;
	bool stored = false;
	for (size_t i = 0; i < out->ncolumns; i++) {
		const mg_ddl_table_column *col = &out->columns[i];
		stored |= !col->hidden;
		/* "missing datatype" / "unknown datatype" in a STRICT table. */
		if (out->strict && !is_strict_type(col->type))
			return true;
	}
	return !stored; /* "must have at least one non-generated column" */
}

/* What sqlite3EndTable settles once the whole statement is read. */
static void end_table(scan *sc)
{
	struct mg_ddl_table_store *s = sc->s;
	mg_ddl_table *out = sc->out;
	if (refused_by_sqlite(sc)) {
		fail(sc);
		return;
	}
	if (out->without_rowid) {
		if (!sc->has_pk) {
			fail(sc);
			return;
		}
		/* The rowid alias a table without rowid cannot have becomes its
		 * key's index, made last. */
		if (sc->ipk != SIZE_MAX) {
			size_t first = s->nidx_cols;
			if (!push_column(sc, sc->ipk, NULL)) {
				fail(sc);
				return;
			}
			make_index(sc, first, true);
			sc->ipk = SIZE_MAX;
		}
	}
	for (size_t i = 0; i < s->npk; i++) {
		mg_ddl_table_column *col = column_at(sc, s->pk_cols[i]);
		col->pk = (unsigned)i + 1;
		/* Key columns are NOT NULL without rowid, and in STRICT tables
		 * but for the rowid's alias. */
		if (out->without_rowid || (out->strict && s->pk_cols[i] != sc->ipk))
			col->not_null = 1;
	}
}

/* Points the returned arrays at what the scan collected. */
static bool publish(scan *sc)
{
	struct mg_ddl_table_store *s = sc->s;
	mg_ddl_table *out = sc->out;
	if (reserve(&s->out_fks, &s->out_fks_cap, s->nfks, sizeof(*s->out_fks)) < 0 ||
	    reserve(&s->out_idx, &s->out_idx_cap, s->nidx, sizeof(*s->out_idx)) < 0)
		return false;
	/* pragma_foreign_key_list numbers the last declared 0. */
	for (size_t i = 0; i < s->nfks; i++) {
		const fk_rec *fk = &s->fks[s->nfks - 1 - i];
		s->out_fks[i] = (mg_ddl_table_foreign_key){
			.parent = fk->parent,
			.ncolumns = fk->n,
			.from = s->fk_from + fk->first,
			.to = fk->has_to ? s->fk_to + fk->first : NULL,
			.on_update = fk->on_update,
			.on_delete = fk->on_delete,
		};
	}
	out->foreign_keys = s->out_fks;
	out->nforeign_keys = s->nfks;

	size_t name_len = strlen(sc->table) + sizeof("sqlite_autoindex__") + 24;
	if (s->nidx && reserve(&s->names, &s->names_cap, s->nidx * name_len, 1) < 0)
		return false;
	for (size_t i = 0; i < s->nidx; i++) {
		char *name = s->names + i * name_len;
		snprintf(name, name_len, "sqlite_autoindex_%s_%zu", sc->table, i + 1);
		s->out_idx[i] = (mg_ddl_table_index){
			.name = name,
			.primary_key = s->idx[i].pk,
			.stored = !(out->without_rowid && s->idx[i].pk),
			.ncolumns = s->idx[i].n,
			.columns = s->idx_cols + s->idx[i].first,
		};
	}
	out->indexes = s->out_idx;
	out->nindexes = s->nidx;
	return true;
}

int mg_ddl_scan_table(const char *sql, size_t len, const char *table, mg_ddl_table *out)
{
	if (!out->store && !(out->store = calloc(1, sizeof(*out->store))))
		return -1;
	struct mg_ddl_table_store *s = out->store;
	out->ncolumns = out->nforeign_keys = out->nindexes = 0;
	out->without_rowid = out->strict = out->expressions = 0;
	s->text_len = s->nfks = s->nfk_cols = s->nidx = s->nidx_cols = s->npk = 0;
	/* SQLite reads a statement up to its first NUL: so would not this scanner. */
	if (!sql || !table || memchr(sql, '\0', len))
		return -1;
	/* Every string returned is a piece of the statement, at most as long,
	 * each with its NUL: twice the statement holds them all. */
	if (len > SIZE_MAX / 2 - 16 || reserve(&s->text, &s->text_cap, 2 * len + 16, 1) < 0)
		return -1;

	scan sc = {.x = {.sql = sql, .len = len}, .out = out, .s = s, .table = table, .ipk = SIZE_MAX};
	lexer *x = &sc.x;
	tok t = next(x);
	if (!kw(x, t, "CREATE"))
		return -1;
	t = next(x);
	if (kw(x, t, "TEMP") || kw(x, t, "TEMPORARY"))
		t = next(x);
	if (!kw(x, t, "TABLE"))
		return -1; /* a view, a virtual table: SQLite knows their columns */
	t = next(x);
	if (kw(x, t, "IF")) {
		if (!kw(x, next(x), "NOT") || !kw(x, next(x), "EXISTS"))
			return -1;
		t = next(x);
	}
	if (!is_name(x, t))
		return -1;
	t = next(x);
	if (t.kind == T_DOT) {
		if (!is_name(x, next(x)))
			return -1;
		t = next(x);
	}
	if (t.kind != T_LP)
		return -1; /* CREATE TABLE ... AS SELECT: the columns are the query's */

	t = column_def(&sc, next(x));
	while (!sc.failed && t.kind == T_COMMA) {
		t = next(x);
		if (starts_table_constraint(x, t)) {
			t = table_constraints(&sc, t);
			break;
		}
		t = column_def(&sc, t);
	}
	if (sc.failed || t.kind != T_RP)
		return -1;
	table_options(&sc);
	if (sc.failed || x->bad)
		return -1;
	end_table(&sc);
	if (sc.failed || x->bad || !publish(&sc))
		return -1;
	return 0;
}

void mg_ddl_table_free(mg_ddl_table *t)
{
	struct mg_ddl_table_store *s = t->store;
	if (s) {
		free(s->text);
		free(s->names);
		free(s->fks);
		free(s->fk_from);
		free(s->fk_to);
		free(s->idx);
		free(s->idx_cols);
		free(s->idx_colls);
		free(s->pk_cols);
		free(s->out_fks);
		free(s->out_idx);
		free(s);
	}
	free(t->columns);
	memset(t, 0, sizeof(*t));
}
