#ifndef MG_SITE_INTERNAL_H
#define MG_SITE_INTERNAL_H

/* What the site's files share: the run's context, the views of each page
 * (site_view.c, site_table.c, site_class.c) and the search index
 * (site_search.c). */

#include "render/site.h"
#include "render/template.h"
#include "render/view.h"

/* One output format: a row of site.c's table. */
typedef struct mg_site_format {
	const char *name;             /* --format NAME */
	const char *extension;        /* of every page: ".html" */
	const char *index_file;       /* the front page: "index.html", "README.md" */
	mg_template_escape escape;    /* for every interpolation */
	bool assets;                  /* copy templates/assets/ and write the search index */
	mg_site_diagram_format diagram;
} mg_site_format;

/* What every page of one run reads. */
typedef struct mg_site_context {
	const mg_graph *graph;
	const mg_findings *findings;
	const mg_site_options *options;
	const mg_site_format *format;
	mg_site_names *names;
	const mg_table **finding_table;  /* per finding: the table it is about, or NULL */
	size_t **table_findings;         /* per table (graph order): indices into findings */
	size_t *ntable_findings;
	mg_relationship ***incoming;     /* per table: relationships of others that target it */
	size_t *nincoming;
	mg_relationship ***through;      /* per table: many-to-many relationships it is the
	                                    secondary (association table) of */
	size_t *nthrough;
	const char **fired_rules;        /* ids of the rules with findings, in id order */
	size_t nfired_rules;
	size_t nedges;                   /* relationships, each with its inverse counted once */
	size_t ncolumns;                 /* columns of every table */
	size_t findings_by_severity[MG_SEVERITY_ERROR + 1]; /* all findings, by severity */
} mg_site_context;

/* The row of the formats table named `name`; NULL when none. */
const mg_site_format *mg_site_format_find(const char *name);

/* Fills the indexes of a context whose graph, findings, options and format
 * are set: findings by table and rule, relationships by target and by
 * association table, page names. 0, or -1 when out of memory (release it
 * all the same). */
int mg_site_context_prepare(mg_site_context *ctx);
void mg_site_context_release(mg_site_context *ctx);

/* The index of `table` in graph->tables. */
size_t mg_site_table_index(const mg_site_context *ctx, const mg_table *table);

/* True for the one relationship of a pair that stands for the edge (the
 * one without an inverse, or the first by path). */
bool mg_site_is_edge(const mg_relationship *r);

/* The views of each page; NULL when out of memory. `depth` is how many
 * folders below the root the page lives (0 or 1): hrefs are relative to it. */
mg_view *mg_site_view_index(const mg_site_context *ctx, mg_arena *arena);
mg_view *mg_site_view_findings(const mg_site_context *ctx, mg_arena *arena);
mg_view *mg_site_view_orphans(const mg_site_context *ctx, mg_arena *arena);
mg_view *mg_site_view_relationships(const mg_site_context *ctx, mg_arena *arena);
mg_view *mg_site_view_rule(const mg_site_context *ctx, mg_arena *arena, const char *rule_id);
mg_view *mg_site_view_table(const mg_site_context *ctx, mg_arena *arena, const mg_table *table);

/* Shared by the views: the common members every page has ("site", "page",
 * "links"), a table's href, a finding, a relationship, a location. */
mg_view *mg_site_view_page(const mg_site_context *ctx, mg_arena *arena, const char *kind,
			   const char *title, unsigned depth);
const char *mg_site_table_href(const mg_site_context *ctx, mg_arena *arena, const mg_table *table,
			       unsigned depth);
const char *mg_site_rule_href(const mg_site_context *ctx, mg_arena *arena, const char *rule_id,
			      unsigned depth);
void mg_site_view_finding(const mg_site_context *ctx, mg_view *object, size_t index, unsigned depth);
void mg_site_view_relationship(const mg_site_context *ctx, mg_view *object, const mg_relationship *r,
			       unsigned depth);
void mg_site_view_location(const mg_site_context *ctx, mg_view *object, const char *key,
			   mg_location location);
void mg_site_view_table_summary(const mg_site_context *ctx, mg_view *object, const mg_table *table,
				unsigned depth);

/* What C models say about classes (site_class.c); nothing for databases.
 * The `inheritance` object of a table's page (absent when the table takes
 * no part in inheritance); the options, subclass and backref options of a
 * relationship; the `association_proxies` list of a table. */
void mg_site_view_inheritance(const mg_site_context *ctx, mg_view *object, const mg_table *table,
			      unsigned depth);
void mg_site_view_relationship_options(mg_view *object, const mg_relationship *r);
void mg_site_view_association_proxies(const mg_site_context *ctx, mg_view *object, const mg_table *table,
				      unsigned depth);

/* Sets view.diagram.svg (html) or view.diagram.mermaid (markdown) when
 * mg_site_diagram gives a diagram of `focus` (NULL: the whole schema). */
void mg_site_view_diagram(const mg_site_context *ctx, mg_view *view, const mg_table *focus, unsigned depth);

/* Column names as "a, b": from columns (a NULL entry prints "?") or, when
 * columns is NULL, from names. */
const char *mg_site_columns_text(mg_arena *arena, mg_column *const *columns, const char *const *names,
				 size_t n);

/* The search index (search-index.js): every table, column and relationship. */
void mg_site_search_index(const mg_site_context *ctx, mg_buf *out);

#endif
