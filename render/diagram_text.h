#ifndef MG_DIAGRAM_TEXT_H
#define MG_DIAGRAM_TEXT_H

#include "render/diagram.h"

/* Shared by the text diagram languages (mermaid.c, plantuml.c). */

/* Crow's-foot markers, as Mermaid and PlantUML both write them. */
const char *mg_diagram_marker(mg_diagram_end end, bool left);

/* "PK", "FK", "UK" marks of a column, comma separated, into out. */
void mg_diagram_column_keys(const mg_table *table, const mg_column *column, mg_buf *out);

/* The type to show: the normalised SQL type, else as declared. */
const char *mg_diagram_column_type(const mg_column *column);

#endif
