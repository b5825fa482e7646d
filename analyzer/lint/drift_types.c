/* Column types and defaults compared across dialects (drift_types.h). */

#include "analyzer/lint/drift_types.h"

#include <stdlib.h>
#include <string.h>

#include "analyzer/lint/drift_sql.h"
#include "analyzer/lint/reserved_words.h"
#include "util/text.h"

static bool is_word(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && mg_ascii_ncasecmp(s, word, n) == 0;
}

void mg_type_split(const char *type, mg_type_parts *out)
{
	memset(out, 0, sizeof(*out));
	size_t n = 0;
	const char *p = type;
	while (*p) {
		if (mg_ascii_isspace(*p)) {
			p++;
			continue;
		}
		if (*p == '(') {
			/* Numbers, separated by commas; anything else marks other_args. */
			int depth = 0;
			const char *q = p;
			for (; *q; q++) {
				if (*q == '(')
					depth++;
				else if (*q == ')' && --depth == 0)
					break;
			}
			const char *end = q;
			for (q = p + 1; q < end;) {
				while (q < end && mg_ascii_isspace(*q))
					q++;
				char *stop;
				unsigned long v = strtoul(q, &stop, 10);
				if (stop == q || out->nargs == 2) {
					out->other_args = true;
					break;
				}
				out->args[out->nargs++] = v;
				q = stop;
				while (q < end && mg_ascii_isspace(*q))
					q++;
				if (q < end && *q != ',') {
					out->other_args = true;
					break;
				}
				q += q < end;
			}
			if (out->other_args)
				out->nargs = 0;
			p = *end ? end + 1 : end;
			continue;
		}
		size_t len = 0;
		while (p[len] && !mg_ascii_isspace(p[len]) && p[len] != '(')
			len++;
		if (!is_word(p, len, "UNSIGNED") && !is_word(p, len, "SIGNED") && !is_word(p, len, "ZEROFILL")) {
			if (n && n + 1 < sizeof(out->name))
				out->name[n++] = ' ';
			for (size_t i = 0; i < len && n + 1 < sizeof(out->name); i++)
				out->name[n++] = mg_ascii_toupper(p[i]);
		}
		p += len;
	}
	out->name[n] = '\0';
}

/*
 * The class of each type name, by its name without arguments (normalised:
 * sql_type.c has made INT4 INTEGER, BOOL BOOLEAN, TIMESTAMPTZ TIMESTAMP WITH
 * TIME ZONE). `size`: integers' bits; for text and blobs the longest value
 * (0: none). ARG: the first argument is the length or the precision, and
 * LENGTH1: without one the length is 1 (CHAR is CHAR(1)). Types not listed
 * (user-defined types, enums, arrays, geometry) are never compared.
 */
enum { ARG = 1, LENGTH1 = 2 };
static const struct type_class {
	const char *name;
	mg_type_class cls;
	unsigned long size;
	unsigned flags;
} classes[] = {
	{"BIGINT", MG_CLASS_INTEGER, 64, 0},
	{"BINARY", MG_CLASS_BLOB, 0, ARG | LENGTH1},
	{"BLOB", MG_CLASS_BLOB, 0, 0},
	{"BOOLEAN", MG_CLASS_BOOLEAN, 0, 0},
	{"BYTEA", MG_CLASS_BLOB, 0, 0},
	{"CHAR", MG_CLASS_TEXT, 0, ARG | LENGTH1},
	{"CHARACTER", MG_CLASS_TEXT, 0, ARG | LENGTH1},
	{"CITEXT", MG_CLASS_TEXT, 0, 0},
	{"CLOB", MG_CLASS_TEXT, 0, 0},
	{"DATE", MG_CLASS_DATE, 0, 0},
	{"DATETIME", MG_CLASS_TIMESTAMP, 0, 0},
	{"DATETIME2", MG_CLASS_TIMESTAMP, 0, 0},
	{"DECIMAL", MG_CLASS_NUMERIC, 0, ARG},
	{"DOUBLE PRECISION", MG_CLASS_REAL, 0, 0},
	{"FLOAT", MG_CLASS_REAL, 0, 0},
	{"INTEGER", MG_CLASS_INTEGER, 32, 0},
	{"INTERVAL", MG_CLASS_INTERVAL, 0, 0},
	{"JSON", MG_CLASS_TEXT, 0, 0},
	{"JSONB", MG_CLASS_TEXT, 0, 0},
	{"LONGBLOB", MG_CLASS_BLOB, 0, 0},
	{"LONGTEXT", MG_CLASS_TEXT, 0, 0},
	{"MEDIUMBLOB", MG_CLASS_BLOB, 0, 0},
	{"MEDIUMINT", MG_CLASS_INTEGER, 24, 0},
	{"MEDIUMTEXT", MG_CLASS_TEXT, 0, 0},
	{"NCHAR", MG_CLASS_TEXT, 0, ARG | LENGTH1},
	{"NUMBER", MG_CLASS_NUMERIC, 0, ARG},
	{"NUMERIC", MG_CLASS_NUMERIC, 0, ARG},
	{"NVARCHAR", MG_CLASS_TEXT, 0, ARG},
	{"REAL", MG_CLASS_REAL, 0, 0},
	{"SMALLDATETIME", MG_CLASS_TIMESTAMP, 0, 0},
	{"SMALLINT", MG_CLASS_INTEGER, 16, 0},
	{"TEXT", MG_CLASS_TEXT, 0, 0},
	{"TIME", MG_CLASS_TIME, 0, 0},
	{"TIME WITH TIME ZONE", MG_CLASS_TIME, 0, 0},
	{"TIMESTAMP", MG_CLASS_TIMESTAMP, 0, 0},
	{"TIMESTAMP WITH TIME ZONE", MG_CLASS_TIMESTAMP, 0, 0},
	{"TIMETZ", MG_CLASS_TIME, 0, 0},
	{"TINYBLOB", MG_CLASS_BLOB, 255, 0},
	{"TINYINT", MG_CLASS_INTEGER, 8, 0},
	{"TINYTEXT", MG_CLASS_TEXT, 255, 0},
	{"UUID", MG_CLASS_TEXT, 36, 0},
	{"VARBINARY", MG_CLASS_BLOB, 0, ARG},
	{"VARCHAR", MG_CLASS_TEXT, 0, ARG},
	{"XML", MG_CLASS_TEXT, 0, 0},
	{"YEAR", MG_CLASS_YEAR, 0, 0},
};

void mg_type_classify(const mg_column *column, mg_type_info *out)
{
	*out = (mg_type_info){0};
	unsigned dialect = mg_table_dialect(column->table);
	mg_type_parts parts;
	/* MySQL has no boolean: BOOLEAN is TINYINT(1), which only the declared
	 * type still shows (its normal form drops an integer's display width).
	 * So in any dialect: a MySQL-dialect script is a SQL source, and a
	 * TINYINT(1) elsewhere came from MySQL. */
	if (column->type) {
		mg_type_split(column->type, &parts);
		if ((strcmp(parts.name, "TINYINT") == 0 || strcmp(parts.name, "BIT") == 0) && parts.nargs == 1 &&
		    parts.args[0] == 1) {
			out->cls = MG_CLASS_BOOLEAN;
			return;
		}
	}
	mg_type_split(column->sql_type ? column->sql_type : "", &parts);
	if (strcmp(parts.name, "BIT") == 0 && (!parts.nargs || parts.args[0] == 1)) {
		out->cls = MG_CLASS_BOOLEAN;
		return;
	}
	const struct type_class *c = NULL;
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]) && !c; i++)
		if (strcmp(classes[i].name, parts.name) == 0)
			c = &classes[i];
	if (!c || parts.other_args)
		return;
	out->cls = c->cls;
	out->size = c->size;
	if (c->flags & ARG) {
		out->size = parts.nargs ? parts.args[0] : (c->flags & LENGTH1) && dialect != MG_DIALECT_SQLITE;
		out->scale = parts.nargs > 1 ? parts.args[1] : 0;
	}
	/* MySQL's TEXT holds 64 KiB, but it is what TEXT is everywhere: no limit. */
}

const char *mg_type_class_name(mg_type_class cls)
{
	switch (cls) {
	case MG_CLASS_UNKNOWN: return "unknown";
	case MG_CLASS_INTEGER: return "integer";
	case MG_CLASS_REAL: return "floating-point";
	case MG_CLASS_NUMERIC: return "decimal";
	case MG_CLASS_TEXT: return "text";
	case MG_CLASS_BLOB: return "binary";
	case MG_CLASS_BOOLEAN: return "boolean";
	case MG_CLASS_DATE: return "date";
	case MG_CLASS_TIME: return "time";
	case MG_CLASS_TIMESTAMP: return "timestamp";
	case MG_CLASS_INTERVAL: return "interval";
	case MG_CLASS_YEAR: return "year";
	}
	return "unknown";
}

mg_type_verdict mg_type_compare(const mg_type_info *model, const mg_type_info *db, unsigned db_dialect)
{
	if (model->cls == MG_CLASS_UNKNOWN || db->cls == MG_CLASS_UNKNOWN)
		return MG_TYPES_AGREE;
	if (model->cls != db->cls)
		return MG_TYPES_DIFFER;
	if (db_dialect == MG_DIALECT_SQLITE)
		return MG_TYPES_AGREE; /* SQLite keeps any value in any column */
	switch (model->cls) {
	case MG_CLASS_INTEGER:
		return model->size && db->size && db->size < model->size ? MG_TYPES_NARROWER : MG_TYPES_AGREE;
	case MG_CLASS_TEXT:
	case MG_CLASS_BLOB:
		return db->size && (!model->size || db->size < model->size) ? MG_TYPES_NARROWER : MG_TYPES_AGREE;
	case MG_CLASS_NUMERIC:
		return model->size && db->size && (db->size < model->size || db->scale != model->scale)
			       ? MG_TYPES_NARROWER
			       : MG_TYPES_AGREE;
	default:
		return MG_TYPES_AGREE;
	}
}

/* ---- defaults ---- */

static char *trim(char *s)
{
	while (mg_ascii_isspace(*s))
		s++;
	size_t n = strlen(s);
	while (n && mg_ascii_isspace(s[n - 1]))
		s[--n] = '\0';
	return s;
}

/* The end of the quoted literal starting at s (its closing quote), or NULL. */
static const char *literal_end(const char *s, unsigned dialect)
{
	char quote = *s;
	for (const char *p = s + 1; *p; p++) {
		if (*p == '\\' && dialect == MG_DIALECT_MYSQL && p[1]) {
			p++;
			continue;
		}
		if (*p == quote) {
			if (p[1] == quote) {
				p++;
				continue;
			}
			return p;
		}
	}
	return NULL;
}

/* True when s is wrapped whole in one pair of parentheses. */
static bool wrapped(const char *s, unsigned dialect)
{
	size_t n = strlen(s);
	if (n < 2 || s[0] != '(' || s[n - 1] != ')')
		return false;
	int depth = 0;
	for (const char *p = s; *p; p++) {
		if (*p == '\'' || *p == '"') {
			const char *end = literal_end(p, dialect);
			if (!end)
				return false;
			p = end;
			continue;
		}
		if (*p == '(')
			depth++;
		else if (*p == ')' && --depth == 0 && p[1])
			return false;
	}
	return depth == 0;
}

/* Cuts a PostgreSQL cast (expr::type) off the end of s at the outer level. */
static bool cut_cast(char *s, unsigned dialect)
{
	int depth = 0;
	char *last = NULL;
	for (char *p = s; *p; p++) {
		if (*p == '\'' || *p == '"') {
			const char *end = literal_end(p, dialect);
			if (!end)
				return false;
			p += end - p;
			continue;
		}
		if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		else if (depth == 0 && p[0] == ':' && p[1] == ':')
			last = p;
	}
	if (!last)
		return false;
	*last = '\0';
	return true;
}

static bool is_number(const char *s)
{
	const char *p = s;
	if (*p == '+' || *p == '-')
		p++;
	bool digits = false;
	while (*p >= '0' && *p <= '9')
		p++, digits = true;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			digits = true;
	if (digits && (*p == 'e' || *p == 'E')) {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return digits && !*p;
}

/* The spellings of the current date and time, by what they mean. */
static const struct {
	const char *spelling, *keyword;
} clock_words[] = {
	{"CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"},
	{"CURRENT_TIMESTAMP()", "CURRENT_TIMESTAMP"},
	{"NOW()", "CURRENT_TIMESTAMP"},
	{"LOCALTIMESTAMP", "CURRENT_TIMESTAMP"},
	{"LOCALTIMESTAMP()", "CURRENT_TIMESTAMP"},
	{"TRANSACTION_TIMESTAMP()", "CURRENT_TIMESTAMP"},
	{"STATEMENT_TIMESTAMP()", "CURRENT_TIMESTAMP"},
	{"DATETIME('NOW')", "CURRENT_TIMESTAMP"},
	{"CURRENT_DATE", "CURRENT_DATE"},
	{"CURRENT_DATE()", "CURRENT_DATE"},
	{"CURDATE()", "CURRENT_DATE"},
	{"DATE('NOW')", "CURRENT_DATE"},
	{"CURRENT_TIME", "CURRENT_TIME"},
	{"CURRENT_TIME()", "CURRENT_TIME"},
	{"CURTIME()", "CURRENT_TIME"},
	{"TIME('NOW')", "CURRENT_TIME"},
};

/* The keyword `s` (spaces dropped, any case, a precision argument such as
 * CURRENT_TIMESTAMP(6) ignored) stands for; NULL when none. */
static const char *clock_keyword(const char *s)
{
	char compact[48];
	size_t n = 0;
	for (const char *p = s; *p; p++) {
		if (mg_ascii_isspace(*p))
			continue;
		if (n + 1 >= sizeof(compact))
			return NULL;
		compact[n++] = mg_ascii_toupper(*p);
	}
	compact[n] = '\0';
	/* now(6), current_timestamp(6): the precision says nothing of the value. */
	char *paren = strchr(compact, '(');
	if (paren && paren[1] >= '0' && paren[1] <= '9' && strchr(paren, ')') && !strchr(paren, '\'')) {
		paren[1] = ')';
		paren[2] = '\0';
	}
	for (size_t i = 0; i < sizeof(clock_words) / sizeof(clock_words[0]); i++)
		if (strcmp(compact, clock_words[i].spelling) == 0)
			return clock_words[i].keyword;
	return NULL;
}

char *mg_default_parse(const char *sql, unsigned dialect, mg_default *out)
{
	char *copy = malloc(strlen(sql) + 1);
	if (!copy)
		return NULL;
	strcpy(copy, sql);
	char *s = trim(copy);
	for (;;) {
		if (wrapped(s, dialect)) {
			s[strlen(s) - 1] = '\0';
			s = trim(s + 1);
		} else if (!cut_cast(s, dialect)) {
			break;
		} else {
			s = trim(s);
		}
	}
	const char *keyword = clock_keyword(s);
	if (mg_ascii_casecmp(s, "NULL") == 0)
		*out = (mg_default){MG_DEFAULT_NULL, s};
	else if (mg_ascii_casecmp(s, "TRUE") == 0)
		*out = (mg_default){MG_DEFAULT_TRUE, s};
	else if (mg_ascii_casecmp(s, "FALSE") == 0)
		*out = (mg_default){MG_DEFAULT_FALSE, s};
	else if (is_number(s))
		*out = (mg_default){MG_DEFAULT_NUMBER, s + (*s == '+')};
	else if (keyword)
		*out = (mg_default){MG_DEFAULT_KEYWORD, keyword};
	else if (*s == '\'' && literal_end(s, dialect) == s + strlen(s) - 1 && s[1]) {
		/* Undo the quoting in place. */
		char *o = s;
		const char *close = s + strlen(s) - 1;
		for (const char *p = s + 1; p < close; p++) {
			if (*p == '\\' && dialect == MG_DIALECT_MYSQL && p + 1 < close) {
				p++;
				switch (*p) {
				case 'n': *o++ = '\n'; break;
				case 't': *o++ = '\t'; break;
				case 'r': *o++ = '\r'; break;
				case '0': *o++ = '\0'; break;
				default: *o++ = *p; break;
				}
				continue;
			}
			if (*p == '\'' && p[1] == '\'')
				p++;
			*o++ = *p;
		}
		*o = '\0';
		*out = (mg_default){MG_DEFAULT_STRING, s};
	} else {
		*out = (mg_default){MG_DEFAULT_EXPRESSION, s};
	}
	return copy;
}

/* A boolean's default as TRUE or FALSE when it is one, however spelt. */
static mg_default_kind as_boolean(const mg_default *d)
{
	static const char *const truths[] = {"1", "t", "true", "y", "yes", "on"};
	static const char *const lies[] = {"0", "f", "false", "n", "no", "off"};
	if (d->kind != MG_DEFAULT_NUMBER && d->kind != MG_DEFAULT_STRING)
		return d->kind;
	for (size_t i = 0; i < sizeof(truths) / sizeof(truths[0]); i++) {
		if (mg_ascii_casecmp(d->text, truths[i]) == 0)
			return MG_DEFAULT_TRUE;
		if (mg_ascii_casecmp(d->text, lies[i]) == 0)
			return MG_DEFAULT_FALSE;
	}
	return d->kind;
}

/* Expressions compare ignoring case and blanks outside literals. */
static bool same_expression(const char *a, const char *b)
{
	for (;;) {
		while (mg_ascii_isspace(*a))
			a++;
		while (mg_ascii_isspace(*b))
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		if (mg_ascii_toupper(*a) != mg_ascii_toupper(*b))
			return false;
		a++, b++;
	}
}

static bool same_default(mg_default *m, mg_default *d, bool boolean)
{
	if (boolean) {
		m->kind = as_boolean(m);
		d->kind = as_boolean(d);
	}
	/* A number may come back quoted ('0'), and 1.0 is 1. */
	if ((m->kind == MG_DEFAULT_NUMBER || m->kind == MG_DEFAULT_STRING) &&
	    (d->kind == MG_DEFAULT_NUMBER || d->kind == MG_DEFAULT_STRING) && is_number(m->text) &&
	    is_number(d->text) && (m->kind == MG_DEFAULT_NUMBER || d->kind == MG_DEFAULT_NUMBER))
		return strtod(m->text, NULL) == strtod(d->text, NULL);
	if (m->kind != d->kind)
		return false;
	switch (m->kind) {
	case MG_DEFAULT_NULL:
	case MG_DEFAULT_TRUE:
	case MG_DEFAULT_FALSE:
		return true;
	case MG_DEFAULT_NUMBER:
		return strtod(m->text, NULL) == strtod(d->text, NULL);
	case MG_DEFAULT_STRING:
	case MG_DEFAULT_KEYWORD:
		return strcmp(m->text, d->text) == 0;
	case MG_DEFAULT_EXPRESSION:
		return same_expression(m->text, d->text);
	}
	return false;
}

bool mg_defaults_agree(const char *model, unsigned model_dialect, const char *db, unsigned db_dialect,
		       bool boolean)
{
	if (!model)
		return true;
	mg_default m, d = {MG_DEFAULT_NULL, ""};
	char *mtext = mg_default_parse(model, model_dialect, &m);
	char *dtext = db ? mg_default_parse(db, db_dialect, &d) : NULL;
	bool agree = true; /* out of memory: no finding rather than a wrong one */
	if (mtext && (dtext || !db))
		agree = m.kind == MG_DEFAULT_NULL || same_default(&m, &d, boolean);
	free(mtext);
	free(dtext);
	return agree;
}
