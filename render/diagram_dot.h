#ifndef MG_DIAGRAM_DOT_H
#define MG_DIAGRAM_DOT_H

#include "render/diagram.h"
#include "util/buf.h"

/* Internal to the graphviz side of diagrams (render/diagram_*.c). */

/* The colours of a theme, readable on its background. */
typedef struct mg_diagram_palette {
	const char *background;
	const char *text;
	const char *table;        /* table body */
	const char *header;       /* table name row */
	const char *header_text;
	const char *border;
	const char *muted;        /* types, marks */
	const char *edge;
	const char *cluster;      /* cluster fill */
	const char *cluster_border;
	const char *stub;         /* "+k more" fill */
} mg_diagram_palette;

const mg_diagram_palette *mg_diagram_palette_of(mg_diagram_theme theme);

/* The HTML-like label of node `index`: the name, then one row per listed
 * column with its marks (PK, FK, UQ), name and type, and ports "<id>_w" and
 * "<id>_e" (id: mg_diagram_id of the column name) on its two outer cells. */
void mg_diagram_node_label(const mg_diagram *diagram, size_t index, mg_buf *out);

/* The port of `column` on the side edges leave from ("_e") or arrive at
 * ("_w"), with its compass point; "" when the column is not listed. */
void mg_diagram_port(const mg_diagram *diagram, size_t node, const mg_column *column, const char *side,
		     mg_buf *out);

#endif
