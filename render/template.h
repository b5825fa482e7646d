#ifndef MG_TEMPLATE_H
#define MG_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "analyzer/core/error.h"
#include "render/view.h"
#include "util/buf.h"

/*
 * Mustache templates (https://mustache.github.io/mustache.5.html), as the
 * official spec defines them: variables ({{name}}, {{{raw}}}, {{&raw}}),
 * dotted names, sections, inverted sections, comments, partials (with
 * standalone indentation) and set delimiters. Lambdas are not supported.
 *
 * A template is parsed once into a tree of nodes and rendered any number
 * of times against a view (render/view.h). Templates live in a set that
 * loads them by name on first use, partials included.
 */

typedef struct mg_template mg_template;
typedef struct mg_template_set mg_template_set;

/*
 * Finds the source of the template `name`: returns it and its length in
 * *out_len, or NULL when there is none. The text must stay valid while the
 * set lives.
 */
typedef const char *(*mg_template_loader)(const char *name, size_t *out_len, void *payload);

/* Escapes one interpolated string into `out`. */
typedef void (*mg_template_escape)(mg_buf *out, const char *text);

typedef struct mg_template_options {
	mg_template_escape escape;  /* NULL: mg_escape_html */
	bool strict;                /* {{{x}}} and {{&x}} escape TEXT strings too: only
	                               MARKUP (built by modelgraph) is ever output raw */
} mg_template_options;

/* A new set; NULL when out of memory. Free with mg_template_set_free. */
mg_template_set *mg_template_set_new(mg_template_loader loader, void *payload);
void mg_template_set_free(mg_template_set *set); /* NULL is a no-op */

/*
 * The template `name`, parsed on first use. NULL with `err` set when the
 * loader has no such template ("no template NAME") or its text is not valid
 * mustache ("NAME:LINE: message").
 */
const mg_template *mg_template_set_get(mg_template_set *set, const char *name, mg_error *err);

/*
 * Renders `tmpl` (from `set`, which supplies its partials) against `view`,
 * appending to `out`. A partial the loader does not have renders as
 * nothing, as the spec says. Returns 0, or -1 with `err` set when a partial
 * does not parse or partials nest too deep (a template that includes
 * itself without end).
 */
int mg_template_render(mg_template_set *set, const mg_template *tmpl, const mg_view *view,
		       const mg_template_options *options, mg_buf *out, mg_error *err);

#endif
