#include "util/escape.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util/text.h"

/* Length of the valid UTF-8 sequence at s, or 0 when it is not valid;
 * its code point in *out_cp. */
static size_t utf8_decode(const unsigned char *s, uint32_t *out_cp)
{
	*out_cp = s[0];
	if (s[0] < 0x80)
		return 1;
	size_t n;
	uint32_t cp;
	if ((s[0] & 0xE0) == 0xC0) {
		n = 2;
		cp = s[0] & 0x1F;
	} else if ((s[0] & 0xF0) == 0xE0) {
		n = 3;
		cp = s[0] & 0x0F;
	} else if ((s[0] & 0xF8) == 0xF0) {
		n = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	/* Overlong forms, surrogates and out-of-range code points are invalid. */
	static const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
	if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	*out_cp = cp;
	return n;
}

static size_t utf8_sequence(const unsigned char *s)
{
	uint32_t cp;
	return utf8_decode(s, &cp);
}

/* Writes the valid UTF-8 sequence at p, or U+FFFD for an invalid byte and
 * for the noncharacters U+FFFE and U+FFFF; returns the bytes consumed.
 * Every markup output ends up parsed as XML somewhere (graphviz parses its
 * HTML-like labels with expat, SVG is XML, HTML calls them parse errors),
 * and XML 1.0 cannot carry those two at all. */
static size_t put_utf8(mg_buf *out, const unsigned char *p)
{
	uint32_t cp;
	size_t n = utf8_decode(p, &cp);
	if (n == 0 || cp == 0xFFFE || cp == 0xFFFF) {
		mg_buf_puts(out, "\xef\xbf\xbd"); /* U+FFFD */
		return n ? n : 1;
	}
	mg_buf_put(out, (const char *)p, n);
	return n;
}

/* Bytes a JSON string holds as they are: printable ASCII but the quote and
 * the backslash. A table, because every name of a graph dump is scanned
 * byte by byte through it. */
static const bool json_plain_byte[256] = {
	/* 0x20-0x2F: all but '"' */
	[0x20] = 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x30 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x40 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, /* 0x50: all but '\\' */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x60 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, /* 0x70: all but DEL */
};

static bool json_plain(unsigned char c)
{
	return json_plain_byte[c];
}

void mg_escape_json_string(mg_buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	/* Names are mostly plain: then the whole literal is one append. */
	const unsigned char *end = p;
	while (json_plain(*end))
		end++;
	size_t len = (size_t)(end - p);
	if (!*end && len + 2 < out->cap - out->len) {
		char *at = out->data + out->len;
		at[0] = '"';
		memcpy(at + 1, p, len);
		at[len + 1] = '"';
		at[len + 2] = '\0';
		out->len += len + 2;
		return;
	}
	mg_buf_putc(out, '"');
	while (*p) {
		/* Names are mostly plain: each run of plain bytes is one copy. */
		const unsigned char *run = p;
		while (json_plain(*p))
			p++;
		if (p > run) {
			mg_buf_put(out, (const char *)run, (size_t)(p - run));
			continue;
		}
		unsigned char c = *p;
		switch (c) {
		case '"': mg_buf_puts(out, "\\\""); p++; continue;
		case '\\': mg_buf_puts(out, "\\\\"); p++; continue;
		case '\n': mg_buf_puts(out, "\\n"); p++; continue;
		case '\r': mg_buf_puts(out, "\\r"); p++; continue;
		case '\t': mg_buf_puts(out, "\\t"); p++; continue;
		default: break;
		}
		if (c < 0x20 || c == 0x7F) {
			mg_buf_printf(out, "\\u%04x", c);
			p++;
			continue;
		}
		size_t n = utf8_sequence(p);
		if (n == 0) {
			mg_buf_puts(out, "\\ufffd");
			p++;
			continue;
		}
		mg_buf_put(out, (const char *)p, n);
		p += n;
	}
	mg_buf_putc(out, '"');
}

void mg_escape_text(mg_buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	while (*p) {
		const unsigned char *run = p; /* copied at once up to a control character */
		while (*p && *p >= 0x20 && *p != 0x7F)
			p++;
		mg_buf_put(out, (const char *)run, (size_t)(p - run));
		if (*p) {
			mg_buf_printf(out, "\\x%02x", *p);
			p++;
		}
	}
}

/* Bytes XML text and attributes hold as they are: printable ASCII but the
 * five the markup uses. (DEL is allowed in XML 1.0, as it is written.) */
static const bool xml_plain_byte[256] = {
	/* 0x20-0x2F: all but '"', '&', '\'' */
	[0x20] = 1, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, /* 0x30: all but '<', '>' */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x40 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x50 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x60 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x70 */
};

void mg_escape_xml(mg_buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	while (*p) {
		/* A report's texts are mostly plain: each run of plain bytes is one
		 * copy, where a byte at a time cost more than the rest of a JUnit
		 * report. */
		const unsigned char *run = p;
		while (xml_plain_byte[*p])
			p++;
		if (p > run) {
			mg_buf_put(out, (const char *)run, (size_t)(p - run));
			continue;
		}
		switch (*p) {
		case '&': mg_buf_puts(out, "&amp;"); p++; continue;
		case '<': mg_buf_puts(out, "&lt;"); p++; continue;
		case '>': mg_buf_puts(out, "&gt;"); p++; continue;
		case '"': mg_buf_puts(out, "&quot;"); p++; continue;
		case '\'': mg_buf_puts(out, "&apos;"); p++; continue;
		case '\n': mg_buf_puts(out, "&#10;"); p++; continue;
		case '\r': mg_buf_puts(out, "&#13;"); p++; continue;
		case '\t': mg_buf_puts(out, "&#9;"); p++; continue;
		default: break;
		}
		/* XML 1.0 has no way to write the other C0 controls, U+FFFE or
		 * U+FFFF, even as character references: each becomes U+FFFD. */
		uint32_t cp;
		size_t n = *p < 0x20 ? 0 : utf8_decode(p, &cp);
		if (n == 0 || cp == 0xFFFE || cp == 0xFFFF) {
			mg_buf_puts(out, "\xef\xbf\xbd"); /* U+FFFD */
			p += n ? n : 1;
			continue;
		}
		mg_buf_put(out, (const char *)p, n);
		p += n;
	}
}

void mg_escape_uri_path(mg_buf *out, const char *path)
{
	for (const unsigned char *p = (const unsigned char *)(path ? path : ""); *p; p++) {
		if (mg_ascii_isalnum((char)*p) || strchr("-._~/", *p))
			mg_buf_putc(out, (char)*p);
		else
			mg_buf_printf(out, "%%%02X", *p);
	}
}

/* GitHub's workflow commands decode only %25, %0D, %0A (and %3A, %2C in
 * properties); any other control character would reach the log raw (a
 * terminal escape sequence), so it is shown as \xNN, like the text format. */
/* Bytes a workflow command holds as they are, in data and in properties:
 * all but controls, DEL, '%' and (in properties) ':' and ','. */
static bool github_plain(unsigned char c, bool property)
{
	return c >= 0x20 && c != 0x7F && c != '%' && (!property || (c != ':' && c != ','));
}

static void escape_github(mg_buf *out, const char *s, bool property)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		/* Each run of plain bytes is one copy, not a byte at a time. */
		const unsigned char *run = p;
		while (github_plain(*p, property))
			p++;
		if (p > run)
			mg_buf_put(out, (const char *)run, (size_t)(p - run));
		if (!*p)
			break;
		switch (*p) {
		case '%': mg_buf_puts(out, "%25"); break;
		case '\r': mg_buf_puts(out, "%0D"); break;
		case '\n': mg_buf_puts(out, "%0A"); break;
		case ':': mg_buf_puts(out, property ? "%3A" : ":"); break;
		case ',': mg_buf_puts(out, property ? "%2C" : ","); break;
		default:
			if (*p < 0x20 || *p == 0x7F)
				mg_buf_printf(out, "\\x%02x", *p);
			else
				mg_buf_putc(out, (char)*p);
			break;
		}
	}
}

void mg_escape_github_data(mg_buf *out, const char *s)
{
	escape_github(out, s, false);
}

void mg_escape_github_property(mg_buf *out, const char *s)
{
	escape_github(out, s, true);
}

void mg_escape_dot_html(mg_buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	while (*p) {
		switch (*p) {
		case '&': mg_buf_puts(out, "&amp;"); p++; continue;
		case '<': mg_buf_puts(out, "&lt;"); p++; continue;
		case '>': mg_buf_puts(out, "&gt;"); p++; continue;
		case '"': mg_buf_puts(out, "&quot;"); p++; continue;
		case '\'': mg_buf_puts(out, "&#39;"); p++; continue;
		default: break;
		}
		if (*p < 0x20 || *p == 0x7F) {
			mg_buf_printf(out, "\\x%02x", *p);
			p++;
			continue;
		}
		p += put_utf8(out, p);
	}
}

void mg_escape_dot_string(mg_buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	while (*p) {
		if (*p == '\\') {
			mg_buf_puts(out, "\\\\");
			p++;
			continue;
		}
		if (*p < 0x20 || *p == 0x7F) {
			mg_buf_printf(out, "\\\\x%02x", *p);
			p++;
			continue;
		}
		p += put_utf8(out, p);
	}
}

void mg_escape_diagram_text(mg_buf *out, const char *s, int creole)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	while (*p) {
		if (*p < 0x80) {
			char c = (char)*p++;
			if (creole && strchr("_-/.=@$!'", c)) {
				mg_buf_putc(out, '~'); /* never markup, a separator, a comment or a directive */
				mg_buf_putc(out, c);
			} else if (mg_ascii_isalnum(c) || strchr(" _-/.,:()+=@$!?'", c)) {
				mg_buf_putc(out, c);
			} else if (c == '"') {
				mg_buf_putc(out, '\'');
			} else if (c == '<' || c == '>') {
				mg_buf_puts(out, c == '<' ? "\xe2\x80\xb9" : "\xe2\x80\xba"); /* ‹ › */
			} else {
				mg_buf_puts(out, "\xef\xbf\xbd");
			}
			continue;
		}
		p += put_utf8(out, p);
	}
}

/* Writes the valid UTF-8 sequence at *p, or U+FFFD for an invalid byte or
 * a control character other than tab, newline and carriage return; returns
 * the bytes consumed. */
static size_t put_utf8_or_replacement(mg_buf *out, const unsigned char *p)
{
	if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7F) {
		mg_buf_puts(out, "\xef\xbf\xbd"); /* U+FFFD */
		return 1;
	}
	return put_utf8(out, p);
}

void mg_escape_html(mg_buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	while (*p) {
		switch (*p) {
		case '&': mg_buf_puts(out, "&amp;"); p++; continue;
		case '<': mg_buf_puts(out, "&lt;"); p++; continue;
		case '>': mg_buf_puts(out, "&gt;"); p++; continue;
		case '"': mg_buf_puts(out, "&quot;"); p++; continue;
		case '\'': mg_buf_puts(out, "&#39;"); p++; continue;
		default: break;
		}
		p += put_utf8_or_replacement(out, p);
	}
}

void mg_escape_markdown(mg_buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	while (*p) {
		switch (*p) {
		case '&': mg_buf_puts(out, "&amp;"); p++; continue;
		case '<': mg_buf_puts(out, "&lt;"); p++; continue;
		case '>': mg_buf_puts(out, "&gt;"); p++; continue;
		case '"': mg_buf_puts(out, "&quot;"); p++; continue;
		case '\n': case '\r': mg_buf_putc(out, ' '); p++; continue;
		case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '~': case '#':
		case '!': case '$':
			mg_buf_putc(out, '\\');
			mg_buf_putc(out, (char)*p);
			p++;
			continue;
		default: break;
		}
		p += put_utf8_or_replacement(out, p);
	}
}

void mg_escape_utf8(mg_buf *out, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	const unsigned char *end = p + (s ? len : 0);
	while (p < end) {
		if (*p == '\0') {
			p++;
			continue;
		}
		p += put_utf8_or_replacement(out, p);
	}
}
