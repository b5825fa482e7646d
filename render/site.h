#ifndef MG_SITE_H
#define MG_SITE_H

#include <stdbool.h>
#include <stddef.h>

#include "analyzer/core/error.h"
#include "analyzer/core/findings.h"
#include "analyzer/core/graph.h"
#include "util/buf.h"

/*
 * Reference documentation: `modelgraph docs`. Each page's data is a view
 * (render/view.h, documented in docs/templates.md) rendered through a
 * mustache template (templates/<format>/, embedded in the binary, or
 * overridden from a directory). The same views serve HTML and Markdown.
 *
 * A site is many files, so the sink is a callback that receives each file
 * in a stable order; the CLI writes them into a directory, or compares them
 * with one (docs --check).
 */

typedef struct mg_site_options {
	const char *format;        /* "html" or "markdown" (mg_site_formats) */
	const char *title;         /* the site's title; NULL: "Data model" */
	const char *templates_dir; /* templates that replace the embedded ones; NULL: none */
	const char *source_url;    /* link to a definition: "https://…/{path}#L{line}";
	                              NULL: the path and line as text */
	const char *generated_at;  /* shown in the footer; NULL: nothing (output stays
	                              the same for the same input) */
	/* Called after each page when set, for a progress line; gets the
	 * payload given to mg_render_site. */
	void (*progress)(size_t done, size_t total, void *payload);
} mg_site_options;

/* Receives one output file: `path` is relative to the site's root, made
 * of safe characters ("tables/album.html"). 0 to go on, -1 to stop (the
 * callback reports why). */
typedef int (*mg_site_emit)(const char *path, const char *data, size_t len, void *payload);

extern const char *const mg_site_formats[]; /* NULL-terminated: "html", "markdown" */

/*
 * Renders the site of a resolved graph and its (sorted) findings, file by
 * file through `emit`. Returns 0; or -1 with `err` set when a template is
 * missing or does not parse, or when out of memory; or -1 with err->message
 * empty when `emit` stopped.
 */
int mg_render_site(const mg_graph *graph, const mg_findings *findings, const mg_site_options *options,
		   mg_site_emit emit, void *payload, mg_error *err);

/*
 * Page names. Each table gets a file name that is safe (lower-case ASCII
 * letters, digits, '-' and '_': no "../", no absolute path, no name a
 * file system reserves), unique even where case is ignored, and stable (it
 * depends only on the table's own name): the name itself when it is
 * already such a name, else a slug of it plus a short hash of the exact
 * name. Ids are NUL-terminated and owned by the returned list.
 */
typedef struct mg_site_names mg_site_names;
mg_site_names *mg_site_names_new(const mg_graph *graph);
void mg_site_names_free(mg_site_names *names); /* NULL is a no-op */
const char *mg_site_names_table(const mg_site_names *names, const mg_table *table); /* "album" */

/* A stem made of safe characters for any text (used for rule ids too):
 * writes into `out`. */
void mg_site_slug(mg_buf *out, const char *text);

/*
 * The seam for diagrams: writes the diagram of the whole schema (focus
 * NULL) or of one table and its neighbours into `out`, as inline SVG
 * (html) or as a Mermaid erDiagram (markdown), with every table linked to
 * the page `href` gives. Returns true when it wrote one; until the diagram
 * renderer is built, it writes nothing and the pages leave the diagram out.
 * The output goes into the pages unescaped, so it must be safe markup
 * built by modelgraph: every name escaped (mg_escape_xml), no script and no
 * event handler; and the pages' Content-Security-Policy blocks inline
 * style="…" attributes, so SVG styling must use presentation attributes
 * (fill=, stroke=, font-family=), as graphviz writes them. One <svg> element
 * (no XML declaration or DOCTYPE before it), valid UTF-8.
 */
typedef enum mg_site_diagram_format { MG_SITE_DIAGRAM_SVG, MG_SITE_DIAGRAM_MERMAID } mg_site_diagram_format;
typedef const char *(*mg_site_href)(const mg_table *table, void *payload);
bool mg_site_diagram(const mg_graph *graph, const mg_table *focus, mg_site_diagram_format format,
		     mg_site_href href, void *payload, mg_buf *out);

/* Whether the diagrams of `format` can be drawn, checked before any page
 * is written: SVG needs graphviz, loaded here. 0, or -1 with `err` saying
 * what to install. */
int mg_site_diagram_ready(const mg_graph *graph, mg_site_diagram_format format, mg_error *err);

#endif
