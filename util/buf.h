#ifndef MG_BUF_H
#define MG_BUF_H

#include <stdarg.h>
#include <stddef.h>

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
} mg_buf;

#define MG_BUF_INIT {0}

void mg_buf_free(mg_buf *buf);
void mg_buf_put(mg_buf *buf, const char *data, size_t len);
void mg_buf_puts(mg_buf *buf, const char *s);
void mg_buf_putc(mg_buf *buf, char c);
void mg_buf_printf(mg_buf *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void mg_buf_vprintf(mg_buf *buf, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

#endif
