#ifndef MG_EMBEDDED_H
#define MG_EMBEDDED_H

#include <stddef.h>

/* A file built into the binary (cmake/embed_dir.cmake). */
typedef struct mg_embedded_file {
	const char *path;  /* relative to the embedded folder: "html/index.mustache" */
	const char *data;  /* NUL-terminated */
	size_t size;       /* bytes, without the NUL */
} mg_embedded_file;

/* Everything under templates/, in path order; the last row is all zero. */
extern const mg_embedded_file mg_embedded_templates[];
extern const size_t mg_embedded_templates_count;

/* The embedded file at `path`, or NULL. */
const mg_embedded_file *mg_embedded_find(const char *path);

#endif
