#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "analyzer/c/annotation_lex.h"
#include "analyzer/c/annotation_parser.h"
#include "analyzer/core/suggest.h"

/*
 * Values: mg_annotation_value_read() says what the text of a value is
 * (string, list, integer, identifier, reference, word, free text);
 * mg_annotation_value_check() holds it against the type the schema gives the
 * option or slot and converts it, or records why it does not fit.
 */

static const char *const booleans[] = { "true", "false", NULL };

static void syntax_error(mg_annotation_parser *p, size_t offset, size_t length,
                         const char *what)
{
	mg_annotation_parser_error(p, MG_ANNOTATION_ERROR_SYNTAX, offset, length, NULL, "%s", what);
}

const char *mg_value_context_text(const mg_value_context *context, char buf[64])
{
	if (context->option)
		snprintf(buf, 64, "option \"%s\"", context->option);
	else
		snprintf(buf, 64, "the %s of %s", context->what, context->macro);
	return buf;
}

/* `context` is `option "lazy"` or `the target of MG_RELATIONSHIP`. */
static void invalid_value(mg_annotation_parser *p, size_t offset, size_t length,
                          const mg_value_context *context, const char *expected, const char *suggestion)
{
	mg_lex_quoted q;

	char where[64];
	mg_lex_quote(&q, p->text + offset, length);
	if (suggestion)
		mg_annotation_parser_error(p, MG_ANNOTATION_ERROR_INVALID_VALUE, offset, length,
		                           suggestion, "invalid value \"%s\" for %s; did you mean \"%s\"?",
		                           q.s, mg_value_context_text(context, where), suggestion);
	else
		mg_annotation_parser_error(p, MG_ANNOTATION_ERROR_INVALID_VALUE, offset, length, NULL,
		                           "invalid value \"%s\" for %s; expected %s", q.s,
		                           mg_value_context_text(context, where), expected);
}

/* "one of a, b, c" into buf. */
static const char *one_of(char *buf, size_t size, const char *const *values)
{
	size_t n = (size_t)snprintf(buf, size, "one of");

	for (size_t i = 0; values[i] && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, "%s %s", i ? "," : "", values[i]);
	return buf;
}

static size_t count_values(const char *const *values)
{
	size_t n = 0;

	while (values[n])
		n++;
	return n;
}

/* Types a scalar that is not a string or a list; str is set from `t`. */
static bool classify(mg_annotation_parser *p, mg_annotation_value *v, const char *t, size_t len)
{
	size_t parts[3], part_count;

	if (mg_lex_is_integer(&v->integer, t, len)) {
		v->type = MG_VALUE_INT;
	} else if (mg_lex_is_ident(t, len)) {
		v->type = MG_VALUE_IDENT;
	} else if (mg_lex_is_ref(parts, &part_count, t, len)) {
		const char *names[3];
		size_t at = 0;
		for (size_t i = 0; i < part_count; i++) {
			names[i] = mg_annotation_parser_copy(p, t + at, parts[i]);
			if (!names[i])
				return false;
			at += parts[i] + 1;
		}
		v->type = MG_VALUE_REF;
		v->ref.schema = part_count == 3 ? names[0] : NULL;
		v->ref.table = names[part_count - 2];
		v->ref.column = names[part_count - 1];
	} else if (mg_lex_is_word(t, len)) {
		v->type = MG_VALUE_WORD;
	} else {
		/* Free text: runs of spaces become one. */
		char *s = mg_annotation_parser_alloc(p, len + 1);
		size_t n = 0;
		if (!s)
			return false;
		for (size_t i = 0; i < len; i++) {
			if (mg_lex_is_space(t[i])) {
				if (n > 0 && s[n - 1] != ' ')
					s[n++] = ' ';
			} else {
				s[n++] = t[i];
			}
		}
		while (n > 0 && s[n - 1] == ' ')
			n--;
		s[n] = '\0';
		v->type = MG_VALUE_TEXT;
		v->str = s;
		v->size = n;
		return true;
	}
	/* Every caller has just set raw to these same bytes: str shares it. */
	v->str = v->raw;
	v->size = len;
	return v->str != NULL;
}

static bool lex_value(mg_annotation_parser *p, mg_annotation_value *v, size_t start, size_t end,
                      bool in_list);

/* After the closing quote at `close`: where the next piece of a "a" "b"
 * concatenation starts (its opening quote), or 0 when none follows. */
static size_t next_piece(const char *text, size_t close, size_t end)
{
	size_t j = close + 1;
	while (j < end && mg_lex_is_space(text[j]))
		j++;
	return j < end && text[j] == '"' ? j : 0;
}

/* A "string" spanning [start, end): decodes the escapes into str. Adjacent
 * literals join, as C joins them: "and_(a == b, " "c == d)" is one string,
 * so a long value may be split over lines. */
static bool lex_string(mg_annotation_parser *p, mg_annotation_value *v, size_t start,
                       size_t end)
{
	char *s = mg_annotation_parser_alloc(p, end - start);
	size_t n = 0, i = start + 1;
	bool ok = true;

	if (!s)
		return false;
	for (; i < end; i++) {
		if (p->text[i] == '"') {
			size_t next = next_piece(p->text, i, end);
			if (!next)
				break;
			i = next;
			continue;
		}
		char c = p->text[i];
		if (c == '\\' && i + 1 < end) {
			switch (p->text[++i]) {
			case '"': c = '"'; break;
			case '\\': c = '\\'; break;
			case '\'': c = '\''; break;
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case 'r': c = '\r'; break;
			default: {
				mg_lex_quoted q;
				mg_lex_quote(&q, p->text + i - 1, 2);
				mg_annotation_parser_error(p, MG_ANNOTATION_ERROR_SYNTAX, i - 1, 2, NULL,
				                           "invalid escape \"%s\" in string", q.s);
				ok = false;
				continue;
			}
			}
		}
		s[n++] = c;
	}
	if (i >= end) {
		syntax_error(p, start, end - start, "unterminated string");
		return false;
	}
	if (i + 1 < end) {
		syntax_error(p, i + 1, end - i - 1, "unexpected text after the closing quote");
		return false;
	}
	s[n] = '\0';
	v->type = MG_VALUE_STRING;
	v->str = s;
	v->size = n;
	return ok;
}

/* A [list] spanning [start, end). */
static bool lex_list(mg_annotation_parser *p, mg_annotation_value *v, size_t start, size_t end,
                     bool in_list)
{
	size_t close = mg_lex_find(p->text, start, end, ']');
	size_t inner_start = start + 1, inner_end = close, count = 0, pos;
	mg_annotation_value *items = NULL;
	mg_lex_fault fault; /* none: the whole item was scanned already */
	bool ok = true;

	if (in_list) {
		syntax_error(p, start, end - start, "lists inside lists are not supported");
		return false;
	}
	if (close + 1 != end) {
		syntax_error(p, close + 1, end - close - 1, "unexpected text after \"]\"");
		return false;
	}
	mg_lex_trim(p->text, &inner_start, &inner_end);
	if (inner_start < inner_end) {
		for (pos = inner_start;; pos++) {
			pos = mg_lex_scan_item(&fault, p->text, pos, inner_end);
			count++;
			if (pos >= inner_end)
				break;
		}
		items = mg_annotation_parser_alloc(p, count * sizeof *items);
		if (!items)
			return false;
		count = 0;
		for (pos = inner_start;; pos++) {
			size_t item_start = pos;
			size_t item_end = mg_lex_scan_item(&fault, p->text, pos, inner_end);
			pos = item_end;
			mg_lex_trim(p->text, &item_start, &item_end);
			if (item_start == item_end) {
				syntax_error(p, item_start, 0, "empty list item");
				ok = false;
			} else if (!lex_value(p, &items[count++], item_start, item_end, true)) {
				ok = false;
			}
			if (pos >= inner_end)
				break;
		}
	}
	v->type = MG_VALUE_LIST;
	v->str = "";
	v->items = items;
	v->count = count;
	return ok;
}

/* Reads the value spanning [start, end), trimmed and not empty, into *v. */
static bool lex_value(mg_annotation_parser *p, mg_annotation_value *v, size_t start, size_t end,
                      bool in_list)
{
	v->offset = start;
	v->length = end - start;
	v->raw = mg_annotation_parser_copy(p, p->text + start, end - start);
	if (!v->raw)
		return false;
	if (p->text[start] == '"')
		return lex_string(p, v, start, end);
	if (p->text[start] == '[')
		return lex_list(p, v, start, end, in_list);
	return classify(p, v, p->text + start, end - start);
}

/* Turns a single value into a list holding it. */
static bool wrap_in_list(mg_annotation_parser *p, mg_annotation_value *v)
{
	mg_annotation_value *item = mg_annotation_parser_alloc(p, sizeof *item);

	if (!item)
		return false;
	*item = *v;
	v->type = MG_VALUE_LIST;
	v->str = "";
	v->size = 0;
	v->items = item;
	v->count = 1;
	return true;
}

static bool check_bool(mg_annotation_parser *p, mg_annotation_value *v, const mg_value_context *context)
{
	const char *suggestion = NULL;
	bool value;

	if (v->type == MG_VALUE_IDENT && mg_lex_loose_equal(v->str, v->size, "true"))
		value = true;
	else if (v->type == MG_VALUE_IDENT && mg_lex_loose_equal(v->str, v->size, "false"))
		value = false;
	else if (v->type == MG_VALUE_INT && strcmp(v->raw, "1") == 0)
		value = true;
	else if (v->type == MG_VALUE_INT && strcmp(v->raw, "0") == 0)
		value = false;
	else {
		if (v->type != MG_VALUE_LIST)
			suggestion = mg_suggest_nearest(v->str, v->size, booleans, 2);
		invalid_value(p, v->offset, v->length, context, "true or false", suggestion);
		return false;
	}
	v->type = MG_VALUE_BOOL;
	v->boolean = value;
	v->str = value ? "true" : "false";
	v->size = strlen(v->str);
	return true;
}

static bool check_enum(mg_annotation_parser *p, mg_annotation_value *v, const mg_value_context *context,
                       const char *const *values, const char *const *aliases)
{
	const char *suggestion = NULL;
	char expected[256];

	if (v->type != MG_VALUE_LIST) {
		for (size_t i = 0; values[i]; i++) {
			if (mg_lex_loose_equal(v->str, v->size, values[i])) {
				v->type = MG_VALUE_ENUM;
				v->str = values[i];
				v->size = strlen(values[i]);
				return true;
			}
		}
		for (size_t i = 0; aliases && aliases[i]; i += 2) {
			if (mg_lex_loose_equal(v->str, v->size, aliases[i])) {
				v->type = MG_VALUE_ENUM;
				v->str = aliases[i + 1];
				v->size = strlen(aliases[i + 1]);
				return true;
			}
		}
		suggestion = mg_suggest_nearest(v->str, v->size, values, count_values(values));
	}
	invalid_value(p, v->offset, v->length, context,
	              one_of(expected, sizeof expected, values), suggestion);
	return false;
}

/* A name in a list: an identifier or a reference (or only a reference). */
static bool name_ok(const mg_annotation_value *v, bool idents_too)
{
	return v->type == MG_VALUE_REF || (idents_too && v->type == MG_VALUE_IDENT);
}

/* "a, b.c d" (an already decoded string) into a list of names. */
static bool split_names(mg_annotation_parser *p, mg_annotation_value *v, const mg_value_context *context)
{
	const char *s = v->str;
	size_t count = 0, i = 0, n;
	mg_annotation_value *items;

	/* Names are separated, so there are at most size / 2 + 1 of them. */
	items = mg_annotation_parser_alloc(p, (v->size / 2 + 1) * sizeof *items);
	if (!items)
		return false;
	while (i < v->size) {
		mg_annotation_value *item = &items[count];
		if (s[i] == ',' || mg_lex_is_space(s[i])) {
			i++;
			continue;
		}
		for (n = 0; i + n < v->size && s[i + n] != ',' && !mg_lex_is_space(s[i + n]); n++)
			;
		*item = (mg_annotation_value){ .offset = v->offset, .length = v->length };
		item->raw = mg_annotation_parser_copy(p, s + i, n);
		if (!item->raw || !classify(p, item, s + i, n))
			return false;
		if (!name_ok(item, true)) {
			mg_lex_quoted q;
			char where[64];
			mg_lex_quote(&q, s + i, n);
			mg_annotation_parser_error(p, MG_ANNOTATION_ERROR_INVALID_VALUE, v->offset,
			                           v->length, NULL,
			                           "invalid name \"%s\" in %s; expected an identifier "
			                           "or table.column",
			                           q.s, mg_value_context_text(context, where));
			return false;
		}
		count++;
		i += n;
	}
	v->type = MG_VALUE_LIST;
	v->str = "";
	v->size = 0;
	v->items = count ? items : NULL;
	v->count = count;
	return true;
}

/* References (idents_too: or identifiers): one, a list, or (idents_too) a string of them. */
static bool check_names(mg_annotation_parser *p, mg_annotation_value *v, const mg_value_context *context,
                        bool idents_too)
{
	const char *expected = idents_too ? "a name or a list of names"
	                                  : "table.column or a list of them";
	bool ok = true;

	if (v->type == MG_VALUE_STRING && idents_too)
		return split_names(p, v, context);
	if (v->type != MG_VALUE_LIST) {
		if (name_ok(v, idents_too))
			return wrap_in_list(p, v);
		invalid_value(p, v->offset, v->length, context, expected, NULL);
		return false;
	}
	for (size_t i = 0; i < v->count; i++) {
		const mg_annotation_value *item = &v->items[i];
		if (!name_ok(item, idents_too)) {
			invalid_value(p, item->offset, item->length, context,
			              idents_too ? "a name or table.column" : "table.column", NULL);
			ok = false;
		}
	}
	return ok;
}

/* Checks one cascade rule, `word` of `len` bytes, found in value v. */
static bool check_cascade_word(mg_annotation_parser *p, const mg_annotation_value *v,
                               const mg_value_context *context, const char *const *values,
                               const char *word, size_t len)
{
	const char *suggestion;
	char expected[256], where[64];
	mg_lex_quoted q;

	for (size_t i = 0; values[i]; i++) {
		if (mg_lex_loose_equal(word, len, values[i]))
			return true;
	}
	suggestion = mg_suggest_nearest(word, len, values, count_values(values));
	mg_lex_quote(&q, word, len);
	if (suggestion)
		mg_annotation_parser_error(p, MG_ANNOTATION_ERROR_INVALID_VALUE, v->offset, v->length,
		                           suggestion,
		                           "invalid cascade rule \"%s\" in %s; did you mean \"%s\"?",
		                           q.s, mg_value_context_text(context, where), suggestion);
	else
		mg_annotation_parser_error(p, MG_ANNOTATION_ERROR_INVALID_VALUE, v->offset, v->length,
		                           NULL, "invalid cascade rule \"%s\" in %s; expected %s", q.s,
		                           mg_value_context_text(context, where),
		                           one_of(expected, sizeof expected, values));
	return false;
}

/* "all, delete-orphan", all, or [all, delete-orphan]: a string of rules. */
static bool check_cascade(mg_annotation_parser *p, mg_annotation_value *v, const mg_value_context *context,
                          const char *const *values)
{
	bool ok = true;

	if (v->type == MG_VALUE_LIST) {
		size_t size = 1;
		char *joined;
		for (size_t i = 0; i < v->count; i++) {
			const mg_annotation_value *item = &v->items[i];
			ok = check_cascade_word(p, item, context, values, item->str, item->size) && ok;
			size += item->size + 2;
		}
		if (!ok)
			return false;
		joined = mg_annotation_parser_alloc(p, size);
		if (!joined)
			return false;
		for (size_t i = 0; i < v->count; i++) {
			if (i)
				strcat(joined, ", ");
			strcat(joined, v->items[i].str);
		}
		v->str = joined;
		v->size = strlen(joined);
	} else {
		const char *s = v->str;
		size_t i = 0, n;
		while (i < v->size) {
			if (s[i] == ',' || mg_lex_is_space(s[i])) {
				i++;
				continue;
			}
			for (n = 0; i + n < v->size && s[i + n] != ',' && !mg_lex_is_space(s[i + n]); n++)
				;
			ok = check_cascade_word(p, v, context, values, s + i, n) && ok;
			i += n;
		}
		if (!ok)
			return false;
	}
	v->type = MG_VALUE_STRING;
	v->items = NULL;
	v->count = 0;
	return true;
}

/* A boolean, else one of `values` (passive_deletes: true, false or all). */
static bool check_bool_or(mg_annotation_parser *p, mg_annotation_value *v,
                          const mg_value_context *context, const char *const *values)
{
	const char *suggestion = NULL;
	char expected[256];
	const char *all[8];
	size_t n = 0;

	if ((v->type == MG_VALUE_IDENT && (mg_lex_loose_equal(v->str, v->size, "true") ||
	                                   mg_lex_loose_equal(v->str, v->size, "false"))) ||
	    (v->type == MG_VALUE_INT && (strcmp(v->raw, "1") == 0 || strcmp(v->raw, "0") == 0)))
		return check_bool(p, v, context);
	for (size_t i = 0; values[i]; i++) {
		if (v->type != MG_VALUE_LIST && mg_lex_loose_equal(v->str, v->size, values[i])) {
			v->type = MG_VALUE_ENUM;
			v->str = values[i];
			v->size = strlen(values[i]);
			return true;
		}
	}
	all[n++] = "true";
	all[n++] = "false";
	for (size_t i = 0; values[i] && n < 7; i++)
		all[n++] = values[i];
	all[n] = NULL;
	if (v->type != MG_VALUE_LIST)
		suggestion = mg_suggest_nearest(v->str, v->size, all, n);
	invalid_value(p, v->offset, v->length, context, one_of(expected, sizeof expected, all),
	              suggestion);
	return false;
}

/* collection_class's plain classes, and the keyed dicts by every name
 * SQLAlchemy has given them: {spelling, canonical name}. */
static const char *const collection_plain[] = { "list", "set", NULL };
static const char *const collection_keyed[] = {
	"attribute_keyed_dict", "attribute_keyed_dict",
	"attribute_mapped_collection", "attribute_keyed_dict",
	"column_keyed_dict", "column_keyed_dict",
	"column_mapped_collection", "column_keyed_dict",
	NULL,
};
static const char *const collection_names[] = {
	"list", "set", "attribute_keyed_dict", "attribute_mapped_collection",
	"column_keyed_dict", "column_mapped_collection", NULL,
};

/*
 * list, set, attribute_keyed_dict("name") or column_keyed_dict(Model.column)
 * (and the *_mapped_collection spellings): str becomes the canonical class
 * name; a keyed dict's key is the one item (a string or identifier for an
 * attribute, a Model.column or column name for a column).
 */
static bool check_collection(mg_annotation_parser *p, mg_annotation_value *v,
                             const mg_value_context *context)
{
	const char *expected = "list, set, attribute_keyed_dict(\"attribute\") or "
	                       "column_keyed_dict(Model.column)";
	const char *t = p->text + v->offset;
	size_t open = 0, callee_end, arg_start, arg_end;

	if (v->type == MG_VALUE_IDENT) {
		for (size_t i = 0; collection_plain[i]; i++)
			if (strcmp(v->str, collection_plain[i]) == 0) {
				v->type = MG_VALUE_ENUM;
				v->str = collection_plain[i];
				return true;
			}
	}
	while (open < v->length && t[open] != '(' && t[open] != '"' && t[open] != '[')
		open++;
	if (v->type == MG_VALUE_LIST || open == v->length || t[open] != '(' || t[v->length - 1] != ')') {
		callee_end = open;
		while (callee_end > 0 && mg_lex_is_space(t[callee_end - 1]))
			callee_end--;
		invalid_value(p, v->offset, v->length, context, expected,
		              v->type == MG_VALUE_LIST ? NULL
		                                       : mg_suggest_nearest(t, callee_end, collection_names,
		                                                            count_values(collection_names)));
		return false;
	}
	callee_end = open;
	while (callee_end > 0 && mg_lex_is_space(t[callee_end - 1]))
		callee_end--;
	const char *canonical = NULL;
	for (size_t i = 0; collection_keyed[i]; i += 2)
		if (strlen(collection_keyed[i]) == callee_end && memcmp(t, collection_keyed[i], callee_end) == 0)
			canonical = collection_keyed[i + 1];
	if (!canonical) {
		const char *suggestion = mg_suggest_nearest(t, callee_end, collection_names,
		                                            count_values(collection_names));
		invalid_value(p, v->offset, callee_end, context, expected, suggestion);
		return false;
	}
	arg_start = v->offset + open + 1;
	arg_end = v->offset + v->length - 1;
	mg_lex_trim(p->text, &arg_start, &arg_end);
	mg_annotation_value *key = mg_annotation_parser_alloc(p, sizeof *key);
	if (!key)
		return false;
	bool by_column = canonical[0] == 'c';
	if (arg_start == arg_end) {
		mg_annotation_parser_error(p, MG_ANNOTATION_ERROR_INVALID_VALUE, v->offset, v->length, NULL,
		                           "%s in option \"%s\" needs what it keys by: %s", canonical,
		                           context->option ? context->option : "collection_class",
		                           by_column ? "a column, Model.column" : "an attribute name, \"name\"");
		return false;
	}
	if (!lex_value(p, key, arg_start, arg_end, false))
		return false;
	bool fits = by_column ? key->type == MG_VALUE_REF || key->type == MG_VALUE_IDENT
	                      : key->type == MG_VALUE_STRING || key->type == MG_VALUE_IDENT;
	if (!fits) {
		invalid_value(p, key->offset, key->length, context,
		              by_column ? "a column to key by: Model.column"
		                        : "an attribute name to key by: \"name\"",
		              NULL);
		return false;
	}
	v->type = MG_VALUE_ENUM;
	v->str = canonical;
	v->size = strlen(canonical);
	v->items = key;
	v->count = 1;
	return true;
}

bool mg_annotation_value_check(mg_annotation_parser *p, mg_annotation_value *v,
                               const mg_option_spec *spec, const mg_value_context *context)
{
	const mg_option_type type = spec->type;
	const char *const *values = spec->values;
	switch (type) {
	case MG_OPT_BOOL:
		return check_bool(p, v, context);
	case MG_OPT_IDENT:
	case MG_OPT_BACKREF: /* the backref(…) form is read as options: see annotation_options.c */
		if (v->type == MG_VALUE_IDENT)
			return true;
		invalid_value(p, v->offset, v->length, context, "an identifier", NULL);
		return false;
	case MG_OPT_STRING:
	case MG_OPT_LITERAL:
	case MG_OPT_SQL_TYPE:
		if (v->type == MG_VALUE_LIST || (type == MG_OPT_SQL_TYPE && v->size == 0)) {
			invalid_value(p, v->offset, v->length, context,
			              type == MG_OPT_SQL_TYPE ? "a SQL type" : "a single value", NULL);
			return false;
		}
		if (type == MG_OPT_STRING)
			v->type = MG_VALUE_STRING;
		else if (type == MG_OPT_SQL_TYPE)
			v->type = MG_VALUE_TEXT;
		return true;
	case MG_OPT_ENUM:
		return check_enum(p, v, context, values, spec->aliases);
	case MG_OPT_BOOL_OR:
		return check_bool_or(p, v, context, values);
	case MG_OPT_COLLECTION:
		return check_collection(p, v, context);
	case MG_OPT_REF:
		if (v->type == MG_VALUE_REF)
			return true;
		invalid_value(p, v->offset, v->length, context, "table.column", NULL);
		return false;
	case MG_OPT_REF_LIST:
		return check_names(p, v, context, false);
	case MG_OPT_NAME_LIST:
		return check_names(p, v, context, true);
	case MG_OPT_CASCADE:
		return check_cascade(p, v, context, values);
	case MG_OPT_EXPR:
		return true;
	case MG_OPT_RULE_ID:
		if (v->type == MG_VALUE_WORD || v->type == MG_VALUE_IDENT ||
		    (v->type == MG_VALUE_STRING && v->size == strlen(v->str) &&
		     (mg_lex_is_word(v->str, v->size) || mg_lex_is_ident(v->str, v->size)))) {
			v->type = MG_VALUE_WORD;
			return true;
		}
		invalid_value(p, v->offset, v->length, context, "a rule id such as fk-missing-index",
		              NULL);
		return false;
	case MG_OPT_REASON:
		if (v->type == MG_VALUE_STRING)
			return true;
		invalid_value(p, v->offset, v->length, context, "a quoted string", NULL);
		return false;
	default:
		assert(0);
		return false;
	}
}

bool mg_annotation_value_read(mg_annotation_parser *p, mg_annotation_value *v, size_t start,
                              size_t end)
{
	return lex_value(p, v, start, end, false);
}
