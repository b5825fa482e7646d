#include "analyzer/c/annotation_lex.h"

#include <limits.h>
#include <string.h>

bool mg_lex_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool is_ident_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_ident_char(char c)
{
	return is_ident_start(c) || (c >= '0' && c <= '9');
}

bool mg_lex_is_ident(const char *t, size_t len)
{
	if (len == 0 || !is_ident_start(t[0]))
		return false;
	for (size_t i = 1; i < len; i++) {
		if (!is_ident_char(t[i]))
			return false;
	}
	return true;
}

bool mg_lex_is_word(const char *t, size_t len)
{
	bool hyphen = false;

	if (len == 0 || t[0] == '-' || t[len - 1] == '-')
		return false;
	for (size_t i = 0; i < len; i++) {
		if (t[i] == '-') {
			if (t[i - 1] == '-')
				return false;
			hyphen = true;
		} else if (!is_ident_char(t[i])) {
			return false;
		}
	}
	return hyphen;
}

bool mg_lex_is_integer(long long *out, const char *t, size_t len)
{
	size_t i = 0;
	bool negative = false;
	unsigned long long value = 0, limit = LLONG_MAX;

	if (len > 0 && (t[0] == '-' || t[0] == '+')) {
		negative = t[0] == '-';
		i = 1;
	}
	if (negative)
		limit = (unsigned long long)LLONG_MAX + 1;
	if (i == len)
		return false;
	for (; i < len; i++) {
		unsigned digit;
		if (t[i] < '0' || t[i] > '9')
			return false;
		digit = (unsigned)(t[i] - '0');
		if (value > (limit - digit) / 10)
			return false;
		value = value * 10 + digit;
	}
	if (negative)
		*out = value == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN : -(long long)value;
	else
		*out = (long long)value;
	return true;
}

bool mg_lex_is_ref(size_t out_parts[3], size_t *out_count, const char *t, size_t len)
{
	size_t count = 0, start = 0;

	for (size_t i = 0; i <= len; i++) {
		if (i < len && t[i] != '.')
			continue;
		if (count == 3 || !mg_lex_is_ident(t + start, i - start))
			return false;
		out_parts[count++] = i - start;
		start = i + 1;
	}
	*out_count = count;
	return count >= 2;
}

void mg_lex_trim(const char *text, size_t *start, size_t *end)
{
	while (*start < *end && mg_lex_is_space(text[*start]))
		(*start)++;
	while (*end > *start && mg_lex_is_space(text[*end - 1]))
		(*end)--;
}

static char fold(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

bool mg_lex_loose_equal(const char *a, size_t a_len, const char *b)
{
	size_t i = 0;

	while (i < a_len && mg_lex_is_space(a[i]))
		i++;
	for (;;) {
		if (i < a_len && mg_lex_is_space(a[i])) {
			while (i < a_len && mg_lex_is_space(a[i]))
				i++;
			if (i == a_len)
				return *b == '\0';
			if (*b++ != ' ')
				return false;
		} else if (i == a_len || *b == '\0') {
			return i == a_len && *b == '\0';
		} else if (fold(a[i]) != fold(*b)) {
			return false;
		} else {
			i++;
			b++;
		}
	}
}

static void fault(mg_lex_fault *out, const char *message, size_t offset, size_t length)
{
	if (out->message)
		return; /* the first one tells */
	out->message = message;
	out->offset = offset;
	out->length = length;
}

/* The bytes that end an item or change what a comma means: quotes,
 * brackets, the comma itself. Runs of other bytes are skipped at once. */
static bool is_structural(char c)
{
	return c == '"' || c == '(' || c == '[' || c == ')' || c == ']' || c == ',';
}

size_t mg_lex_scan_item(mg_lex_fault *out, const char *text, size_t pos, size_t end)
{
	char open[MG_LEX_MAX_NESTING];
	size_t open_at[MG_LEX_MAX_NESTING];
	size_t depth = 0, overflow = 0, i = pos;

	*out = (mg_lex_fault){ 0 };
	while (i < end) {
		while (i < end && !is_structural(text[i]))
			i++;
		if (i == end)
			break;
		char c = text[i];

		if (c == '"') {
			size_t start = i++;
			while (i < end && text[i] != '"')
				i += (text[i] == '\\' && i + 1 < end) ? 2 : 1;
			if (i >= end) {
				fault(out, "unterminated string", start, end - start);
				return end;
			}
		} else if (c == '(' || c == '[') {
			if (depth < MG_LEX_MAX_NESTING) {
				open[depth] = c;
				open_at[depth++] = i;
			} else {
				fault(out, "brackets nested too deep", i, 1);
				overflow++;
			}
		} else if (c == ')' || c == ']') {
			if (overflow)
				overflow--;
			else if (depth > 0 && open[depth - 1] == (c == ')' ? '(' : '['))
				depth--;
			else
				fault(out, c == ')' ? "unmatched \")\"" : "unmatched \"]\"", i, 1);
		} else if (c == ',' && depth == 0 && overflow == 0) {
			break;
		}
		i++;
	}
	if (depth > 0)
		fault(out, open[0] == '(' ? "unclosed \"(\"" : "unclosed \"[\"", open_at[0], 1);
	return i;
}

size_t mg_lex_find(const char *text, size_t start, size_t end, char c)
{
	size_t depth = 0;

	for (size_t i = start; i < end; i++) {
		char d = text[i];
		if (d == '"') {
			for (i++; i < end && text[i] != '"'; i++) {
				if (text[i] == '\\')
					i++;
			}
		} else if (d == '(' || d == '[') {
			depth++;
		} else if ((d == ')' || d == ']') && depth > 0) {
			depth--;
			if (depth == 0 && c == d)
				return i;
		} else if (d == c && depth == 0) {
			return i;
		}
	}
	return end;
}

const char *mg_lex_quote(mg_lex_quoted *out, const char *text, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = 0;

	for (size_t i = 0; i < len && i < MG_LEX_QUOTE_MAX; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == '"' || c == '\\') {
			out->s[n++] = '\\';
			out->s[n++] = (char)c;
		} else if (c < 0x20 || c >= 0x7f) {
			out->s[n++] = '\\';
			out->s[n++] = 'x';
			out->s[n++] = hex[c >> 4];
			out->s[n++] = hex[c & 15];
		} else {
			out->s[n++] = (char)c;
		}
	}
	if (len > MG_LEX_QUOTE_MAX) {
		memcpy(out->s + n, "...", 3);
		n += 3;
	}
	out->s[n] = '\0';
	return out->s;
}
