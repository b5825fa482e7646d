#ifndef MG_BUF_H
#define MG_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

/*
 * The output sink every renderer writes to: a growable memory buffer. The
 * CLI writes it to a file (atomically) or stdout; tests compare it. A failed
 * allocation sets `failed` and later appends do nothing, so renderers check
 * once at the end.
 */
typedef struct mg_buf {
	char *data;   /* NUL-terminated; NULL until the first append */
	size_t len;
	size_t cap;
	int failed;
	/* Optional: where a full buffer is emptied, so that a long output (a graph
	 * dump is tens of megabytes) never sits whole in memory. Returns 0, or -1,
	 * which fails the buffer. NULL: the buffer keeps everything. */
	int (*flush)(void *context, const char *data, size_t len);
	void *flush_context;
} mg_buf;

/* Bytes a buffer with a flush function holds before it empties itself. */
#define MG_BUF_FLUSH_SIZE (256 * 1024)

#define MG_BUF_INIT {0}

void mg_buf_free(mg_buf *buf);

/* Hands what the buffer holds to its flush function and empties it; -1 when
 * that fails (or failed before). A buffer without one keeps its data: 0. */
int mg_buf_flush(mg_buf *buf);
void mg_buf_puts(mg_buf *buf, const char *s);
void mg_buf_printf(mg_buf *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void mg_buf_vprintf(mg_buf *buf, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

/* mg_buf_put when the buffer must grow first (or has failed). */
void mg_buf_put_growing(mg_buf *buf, const char *data, size_t len);

/*
 * Appends are inline: renderers make millions of them (a graph dump is tens
 * of megabytes in pieces of a few bytes), and most fit the room left. A
 * failed buffer has no room left (cap == len), so every later append takes
 * the slow path, which does nothing.
 */
static inline void mg_buf_put(mg_buf *buf, const char *data, size_t len)
{
	if (len < buf->cap - buf->len) {
		memcpy(buf->data + buf->len, data, len);
		buf->len += len;
		buf->data[buf->len] = '\0';
	} else {
		mg_buf_put_growing(buf, data, len);
	}
}

static inline void mg_buf_putc(mg_buf *buf, char c)
{
	if (buf->cap - buf->len > 1) {
		buf->data[buf->len++] = c;
		buf->data[buf->len] = '\0';
	} else {
		mg_buf_put_growing(buf, &c, 1);
	}
}

#endif
