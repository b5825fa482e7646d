#include "util/plain_format.h"

#include <limits.h>
#include <stdbool.h>
#include <string.h>

/* Whether every directive of `fmt` is one mg_format_plain writes. */
static bool supported(const char *fmt)
{
	for (const char *p = strchr(fmt, '%'); p; p = strchr(p, '%')) {
		p++;
		if (*p == 's' || *p == 'd' || *p == 'u' || *p == 'c' || *p == '%')
			p++;
		else if (p[0] == 'z' && p[1] == 'u')
			p += 2;
		else if (p[0] == '.' && p[1] == '*' && p[2] == 's')
			p += 3;
		else
			return false;
	}
	return true;
}

typedef struct sink {
	char *out;
	size_t size; /* room, the NUL included */
	size_t len;  /* of the whole text, written or not */
} sink;

static void put(sink *s, const char *text, size_t n)
{
	if (s->len + 1 < s->size) {
		size_t room = s->size - 1 - s->len;
		memcpy(s->out + s->len, text, n < room ? n : room);
	}
	s->len += n;
}

size_t mg_format_decimal(char digits[MG_DECIMAL_DIGITS_MAX], unsigned long long value)
{
	size_t i = MG_DECIMAL_DIGITS_MAX;
	do {
		digits[--i] = (char)('0' + value % 10);
		value /= 10;
	} while (value);
	return i;
}

static void put_unsigned(sink *s, unsigned long long v, bool negative)
{
	char digits[MG_DECIMAL_DIGITS_MAX];
	size_t i = mg_format_decimal(digits, v);
	if (negative)
		put(s, "-", 1);
	put(s, digits + i, MG_DECIMAL_DIGITS_MAX - i);
}

int mg_format_plain(char *out, size_t size, const char *fmt, va_list ap)
{
	if (!supported(fmt))
		return MG_FORMAT_UNSUPPORTED;
	sink s = {out, size, 0};
	const char *p = fmt;
	for (const char *pct = strchr(p, '%'); pct; pct = strchr(p, '%')) {
		put(&s, p, (size_t)(pct - p));
		p = pct + 1;
		switch (*p++) {
		case 's': {
			const char *text = va_arg(ap, const char *);
			if (!text)
				text = "(null)";
			put(&s, text, strlen(text));
			break;
		}
		case 'd': {
			int v = va_arg(ap, int);
			/* Negated as unsigned: INT_MIN has no positive int. */
			put_unsigned(&s, v < 0 ? 0u - (unsigned)v : (unsigned)v, v < 0);
			break;
		}
		case 'u':
			put_unsigned(&s, va_arg(ap, unsigned), false);
			break;
		case 'c': {
			char c = (char)va_arg(ap, int);
			put(&s, &c, 1);
			break;
		}
		case '%':
			put(&s, "%", 1);
			break;
		case 'z':
			p++; /* the u */
			put_unsigned(&s, va_arg(ap, size_t), false);
			break;
		default: { /* .*s: at most that many bytes, stopping at a NUL */
			p += 2;
			int max = va_arg(ap, int);
			const char *text = va_arg(ap, const char *);
			if (!text) /* glibc: "(null)" only where it fits whole */
				text = max < 0 || max >= 6 ? "(null)" : "";
			size_t n = 0;
			while ((max < 0 || n < (size_t)max) && text[n])
				n++;
			put(&s, text, n);
			break;
		}
		}
	}
	put(&s, p, strlen(p));
	if (size)
		out[s.len < size ? s.len : size - 1] = '\0';
	return s.len > INT_MAX ? -1 : (int)s.len;
}
