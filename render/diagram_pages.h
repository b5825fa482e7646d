#ifndef MG_DIAGRAM_PAGES_H
#define MG_DIAGRAM_PAGES_H

#include <stddef.h>

#include "analyzer/core/error.h"
#include "analyzer/core/graph.h"
#include "render/diagram.h"
#include "util/buf.h"

/*
 * Large schemas as pages: see diagram_pages.c. A caller (the CLI's -o DIR,
 * the docs site) paginates once, renders the overview and each page (a
 * MG_SCOPE_TABLES selection of the page's tables at depth 0, whose border
 * tables get "+k more" stubs), and may render them all at once in worker
 * processes with mg_diagram_render_files.
 */

typedef struct mg_diagram_page {
	char *name;               /* the cluster's name, "(2)" when cut; "tables 3" for packed ones */
	char *stem;               /* a file name without extension: mg_diagram_id of the name */
	const char **tables;      /* table names, neighbours together */
	size_t ntables;
} mg_diagram_page;

typedef struct mg_diagram_link {
	size_t a, b;              /* pages, a < b */
	size_t count;             /* foreign keys between them */
} mg_diagram_link;

typedef struct mg_diagram_pages {
	mg_diagram_page *pages;
	size_t npages;
	mg_diagram_link *links;   /* sorted by (a, b) */
	size_t nlinks;
} mg_diagram_pages;

/* Pages of at most page_max tables. 0, or -1 with err set. */
int mg_diagram_paginate(const mg_graph *graph, const mg_diagram_options *options, size_t page_max,
			mg_diagram_pages *out, mg_error *err);
void mg_diagram_pages_free(mg_diagram_pages *pages);

/* The overview: one node per page ("name", "N tables"; in SVG a link to
 * "<stem><extension>"), one edge per link labelled with its count. */
int mg_diagram_render_overview(const mg_diagram_pages *pages, const mg_diagram_options *options,
			       mg_diagram_format format, const char *extension, mg_buf *out, mg_buf *notes,
			       mg_error *err);

/* One diagram to write: a selection, a format, a path. */
typedef struct mg_diagram_job {
	mg_diagram_scope scope;   /* MG_SCOPE_*; or kind MG_SCOPE_ALL with `overview` set */
	const mg_diagram_pages *overview; /* non-NULL: this job is the overview of these pages */
	mg_diagram_format format;
	const char *extension;    /* for the overview's links */
	const char *path;         /* written atomically (temporary file, then rename) */
} mg_diagram_job;

/*
 * Renders and writes every job in `workers` processes (gvc is not thread
 * safe; the parsed graph is shared by fork, never reread). Notes about
 * layout retries are appended to `notes`. 0 when every job was written, -1
 * with err naming the first that failed.
 */
int mg_diagram_render_files(const mg_graph *graph, const mg_diagram_options *options,
			    const mg_diagram_job *jobs, size_t njobs, unsigned workers, mg_buf *notes,
			    mg_error *err);

#endif
