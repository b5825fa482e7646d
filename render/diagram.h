#ifndef MG_DIAGRAM_H
#define MG_DIAGRAM_H

#include <stdbool.h>
#include <stddef.h>

#include "analyzer/core/error.h"
#include "analyzer/core/graph.h"
#include "util/buf.h"

/*
 * ER diagrams. A caller first SELECTS what to draw (the whole schema, one
 * cluster, or some tables and their neighbours up to a depth), which gives
 * an mg_diagram: the tables drawn, the stubs standing for the tables cut off
 * at the border, and the edges with their crow's-foot ends, all sorted by
 * name, so every format prints the same diagram in the same order. Then it
 * RENDERS that selection in any format: DOT, SVG, PNG and PDF through a
 * cgraph graph laid out by gvc in process (never a `dot` process), Mermaid
 * and PlantUML as text from the same selection.
 *
 * Vocabulary: an edge goes from its PARENT end (the referenced table, the
 * "one" side) to its CHILD end (the table holding the foreign key, the
 * "many" side, unless the key is unique); a collapsed association table is
 * one many-to-many edge between the two tables it links.
 */

typedef enum mg_diagram_format {
	MG_DIAGRAM_SVG,
	MG_DIAGRAM_PNG,
	MG_DIAGRAM_PDF,
	MG_DIAGRAM_DOT,      /* the graph before layout: what `dot` would be given */
	MG_DIAGRAM_MERMAID,  /* erDiagram */
	MG_DIAGRAM_PLANTUML, /* @startuml, information-engineering notation */
} mg_diagram_format;

typedef enum mg_diagram_columns {
	MG_COLUMNS_ALL,      /* every column */
	MG_COLUMNS_KEYS,     /* primary key, foreign key and unique columns */
	MG_COLUMNS_RELATED,  /* the columns the drawn edges join */
	MG_COLUMNS_NONE,     /* the table name alone */
} mg_diagram_columns;

typedef enum mg_diagram_edge_labels {
	MG_EDGE_LABELS_NONE,
	MG_EDGE_LABELS_COLUMNS, /* the joined columns: "user_id → id" */
	MG_EDGE_LABELS_NAMES,   /* relationship names (C models) or the foreign key's name,
	                           unless a reader made it up for an unnamed key */
	MG_EDGE_LABELS_ALL,     /* names, then columns */
} mg_diagram_edge_labels;

typedef enum mg_diagram_group {
	MG_GROUP_NONE,
	MG_GROUP_FILE,       /* the source the table came from */
	MG_GROUP_SCHEMA,     /* the table's schema ("main" when none) */
	MG_GROUP_PREFIX,     /* the name up to its first '_' */
} mg_diagram_group;

typedef enum mg_diagram_theme { MG_THEME_LIGHT, MG_THEME_DARK } mg_diagram_theme;

typedef struct mg_diagram_options {
	mg_diagram_columns columns;
	mg_diagram_edge_labels edge_labels;
	mg_diagram_group group_by;
	mg_diagram_theme theme;
	bool collapse_association; /* an association table becomes one N:M edge */
	double layout_timeout;     /* seconds for one layout; <= 0: no limit */
} mg_diagram_options;

#define MG_DIAGRAM_OPTIONS_INIT {.columns = MG_COLUMNS_ALL, .edge_labels = MG_EDGE_LABELS_NAMES, \
				 .group_by = MG_GROUP_NONE, .theme = MG_THEME_LIGHT,            \
				 .collapse_association = false, .layout_timeout = 0}

/* Above this many tables one diagram is neither readable nor laid out in
 * seconds (measured: bench/run-diagram-bench): the diagram command draws
 * an overview and pages instead, and the docs index goes without one. */
#define MG_DIAGRAM_MAX_TABLES 250

/* What to draw. */
typedef enum mg_diagram_scope_kind {
	MG_SCOPE_ALL,         /* every table */
	MG_SCOPE_CLUSTER,     /* the tables of one cluster (options->group_by) */
	MG_SCOPE_TABLES,      /* some tables and their neighbours up to `depth` */
} mg_diagram_scope_kind;

typedef struct mg_diagram_scope {
	mg_diagram_scope_kind kind;
	const char *cluster;          /* MG_SCOPE_CLUSTER: its name, as mg_diagram_clusters lists it */
	const char *const *tables;    /* MG_SCOPE_TABLES: names, as written */
	size_t ntables;
	unsigned depth;               /* MG_SCOPE_TABLES: 0 the tables alone, 1 their neighbours, … */
} mg_diagram_scope;

/* The ends of an edge, in crow's-foot notation. */
typedef enum mg_diagram_end {
	MG_END_ONE,          /* exactly one */
	MG_END_ZERO_OR_ONE,
	MG_END_ZERO_OR_MANY,
} mg_diagram_end;

typedef struct mg_diagram_node {
	const mg_table *table;
	char *id;                 /* stable and safe in every format: see mg_diagram_id */
	const char *cluster;      /* NULL: not in a cluster */
	size_t more;              /* neighbours not drawn: > 0 gives a "+k more" stub */
} mg_diagram_node;

typedef struct mg_diagram_edge {
	size_t parent, child;     /* indexes into nodes */
	const mg_foreign_key *fk; /* the key drawn; for a collapsed association, the one to `parent` */
	const mg_foreign_key *fk2;/* collapsed association: its key to `child`; else NULL */
	mg_diagram_end parent_end, child_end;
	bool dashed;              /* implied: not declared */
	const char *tooltip;      /* why it was implied, or that a join condition makes it;
	                             NULL when declared */
	const mg_relationship *relationship; /* C models: the relationship walking this key
	                             from parent to child, or NULL */
	const mg_relationship *inverse;      /* and the one from child to parent, or NULL */
} mg_diagram_edge;

typedef struct mg_diagram {
	const mg_graph *graph;
	mg_diagram_options options;
	mg_diagram_node *nodes;   /* sorted by table name */
	size_t nnodes;
	mg_diagram_edge *edges;   /* sorted by (parent, child, key name) */
	size_t nedges;
	char **clusters;          /* names of the clusters used, sorted */
	size_t nclusters;
} mg_diagram;

/*
 * Selects what to draw from a resolved graph. Returns a new mg_diagram
 * (free with mg_diagram_free), or NULL with `err` set: a table or cluster
 * the graph does not hold, or out of memory. The graph must outlive it.
 */
mg_diagram *mg_diagram_select(const mg_graph *graph, const mg_diagram_scope *scope,
			      const mg_diagram_options *options, mg_error *err);
void mg_diagram_free(mg_diagram *diagram);

/* The cluster names of a graph under `group_by`, sorted; clusters of one
 * table are not clusters. Returns the count; *out is malloc'd (free with
 * mg_diagram_free_names), NULL when there are none. (size_t)-1 when out of memory. */
size_t mg_diagram_clusters(const mg_graph *graph, mg_diagram_group group_by, char ***out);
void mg_diagram_free_names(char **names, size_t count);

/*
 * Renders a selection. Text formats (DOT, Mermaid, PlantUML) are written
 * without layout; SVG, PNG and PDF are laid out by gvc in a child process
 * bounded by options.layout_timeout, retried with cheaper settings and then
 * a cheaper engine past it (`notes` receives one line per retry, for the
 * user; it may be NULL). 0, or -1 with `err` set.
 */
int mg_diagram_render(const mg_diagram *diagram, mg_diagram_format format, mg_buf *out,
		      mg_buf *notes, mg_error *err);

/* Format rows: name, file extension, whether the output is binary. */
typedef struct mg_diagram_format_info {
	const char *name;
	const char *extension;    /* with the dot */
	mg_diagram_format format;
	bool binary;
} mg_diagram_format_info;

extern const mg_diagram_format_info mg_diagram_formats[]; /* the last row has name NULL */
const mg_diagram_format_info *mg_diagram_format_find(const char *name);      /* NULL when unknown */
const mg_diagram_format_info *mg_diagram_format_for_path(const char *path);  /* by extension */

/* The stable, safe identifier of a name in every diagram format: ASCII
 * letters, digits and '_' kept, every other byte "-xx" (hex); "-" for the
 * empty name. Distinct names give distinct ids. Formats whose ids must
 * start with a letter add their own prefix. */
void mg_diagram_id(mg_buf *out, const char *name);

/* Internal to render/diagram*.c, mermaid.c and plantuml.c. */
struct Agraph_s;
struct Agraph_s *mg_diagram_build_cgraph(const mg_diagram *diagram, mg_error *err);
int mg_diagram_layout_render(struct Agraph_s *graph, mg_diagram_format format, double timeout,
			     mg_buf *out, mg_buf *notes, mg_error *err);
/* Mermaid past its default limits (50,000 characters, 500 edges) lists
 * fewer columns, and says so and what was left out in `notes` (may be NULL). */
void mg_render_mermaid(const mg_diagram *diagram, mg_buf *out, mg_buf *notes);
void mg_render_plantuml(const mg_diagram *diagram, mg_buf *out);

/* The text of an edge label (names and/or columns, by options), nothing when
 * none: every name through `escape`, the names and the columns separated by
 * `separator` (written as is). */
typedef void (*mg_diagram_escape_fn)(mg_buf *out, const char *text);
void mg_diagram_edge_label(const mg_diagram *diagram, const mg_diagram_edge *edge, mg_diagram_escape_fn escape,
			   const char *separator, mg_buf *out);

/* Whether a column is listed under options.columns. */
bool mg_diagram_shows_column(const mg_diagram *diagram, size_t node, const mg_column *column);

#endif
