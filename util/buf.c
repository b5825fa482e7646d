#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void mg_buf_free(mg_buf *buf)
{
	free(buf->data);
	*buf = (mg_buf)MG_BUF_INIT;
}

static int reserve(mg_buf *buf, size_t extra)
{
	if (buf->failed)
		return -1;
	if (buf->len + extra + 1 <= buf->cap)
		return 0;
	size_t cap = buf->cap ? buf->cap : 256;
	while (cap < buf->len + extra + 1)
		cap *= 2;
	char *data = realloc(buf->data, cap);
	if (!data) {
		buf->failed = 1;
		return -1;
	}
	buf->data = data;
	buf->cap = cap;
	return 0;
}

void mg_buf_put(mg_buf *buf, const char *data, size_t len)
{
	if (reserve(buf, len) < 0)
		return;
	if (len == 1) /* escaping writes a byte at a time: no call for it */
		buf->data[buf->len] = data[0];
	else
		memcpy(buf->data + buf->len, data, len);
	buf->len += len;
	buf->data[buf->len] = '\0';
}

void mg_buf_puts(mg_buf *buf, const char *s)
{
	mg_buf_put(buf, s, strlen(s));
}

void mg_buf_putc(mg_buf *buf, char c)
{
	mg_buf_put(buf, &c, 1);
}

/* Formatting is written straight into the room the buffer has, in one
 * pass when it fits (a finding's message mostly does), measured and
 * written again only when it does not. */
void mg_buf_vprintf(mg_buf *buf, const char *fmt, va_list ap)
{
	if (reserve(buf, 0) < 0)
		return;
	size_t room = buf->cap - buf->len;
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(buf->data + buf->len, room, fmt, copy);
	va_end(copy);
	if (n >= 0 && (size_t)n < room) {
		buf->len += (size_t)n;
		return;
	}
	buf->data[buf->len] = '\0'; /* a cut or failed attempt appends nothing */
	if (n < 0 || reserve(buf, (size_t)n) < 0)
		return;
	vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
	buf->len += (size_t)n;
}

void mg_buf_printf(mg_buf *buf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mg_buf_vprintf(buf, fmt, ap);
	va_end(ap);
}
