#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/plain_format.h"

void mg_buf_free(mg_buf *buf)
{
	free(buf->data);
	*buf = (mg_buf)MG_BUF_INIT;
}

/* Once failed, the buffer shows no room: the inline appends of buf.h then
 * always come here, and do nothing. */
static void fail(mg_buf *buf)
{
	buf->failed = 1;
	buf->cap = buf->len;
}

int mg_buf_flush(mg_buf *buf)
{
	if (buf->failed)
		return -1;
	if (!buf->flush || !buf->len)
		return 0;
	if (buf->flush(buf->flush_context, buf->data, buf->len) < 0) {
		fail(buf);
		return -1;
	}
	buf->len = 0;
	buf->data[0] = '\0';
	return 0;
}

static int reserve(mg_buf *buf, size_t extra)
{
	if (buf->failed)
		return -1;
	if (extra < buf->cap - buf->len)
		return 0;
	/* Emptied once it is big enough, rather than grown. */
	if (buf->flush && buf->cap >= MG_BUF_FLUSH_SIZE && buf->len) {
		if (mg_buf_flush(buf) < 0)
			return -1;
		if (extra < buf->cap - buf->len)
			return 0;
	}
	if (extra > (size_t)-1 / 4 - buf->len) {
		fail(buf);
		return -1;
	}
	size_t cap = buf->cap ? buf->cap : 256;
	while (cap < buf->len + extra + 1)
		cap *= 2;
	char *data = realloc(buf->data, cap);
	if (!data) {
		fail(buf);
		return -1;
	}
	buf->data = data;
	buf->cap = cap;
	return 0;
}

void mg_buf_put_growing(mg_buf *buf, const char *data, size_t len)
{
	if (reserve(buf, len) < 0)
		return;
	memcpy(buf->data + buf->len, data, len);
	buf->len += len;
	buf->data[buf->len] = '\0';
}

void mg_buf_puts(mg_buf *buf, const char *s)
{
	mg_buf_put(buf, s, strlen(s));
}

void mg_buf_vprintf(mg_buf *buf, const char *fmt, va_list ap)
{
	/* Printed straight into the room left, and again only when it did not fit. */
	if (reserve(buf, 64) < 0)
		return;
	va_list copy;
	va_copy(copy, ap);
	int n = mg_format_plain(buf->data + buf->len, buf->cap - buf->len, fmt, copy);
	va_end(copy);
	if (n == MG_FORMAT_UNSUPPORTED) {
		va_copy(copy, ap);
		n = vsnprintf(buf->data + buf->len, buf->cap - buf->len, fmt, copy);
		va_end(copy);
	}
	if (n >= 0 && (size_t)n >= buf->cap - buf->len) {
		if (reserve(buf, (size_t)n) < 0) {
			buf->data[buf->len] = '\0'; /* what did fit is not kept */
			return;
		}
		va_copy(copy, ap);
		if (mg_format_plain(buf->data + buf->len, (size_t)n + 1, fmt, copy) == MG_FORMAT_UNSUPPORTED)
			vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
		va_end(copy);
	}
	if (n < 0) {
		buf->data[buf->len] = '\0';
		return;
	}
	buf->len += (size_t)n;
}

void mg_buf_printf(mg_buf *buf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mg_buf_vprintf(buf, fmt, ap);
	va_end(ap);
}
