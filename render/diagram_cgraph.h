#ifndef MG_DIAGRAM_CGRAPH_H
#define MG_DIAGRAM_CGRAPH_H

#include <stdint.h>

#include "render/graphviz_api.h"

/*
 * cgraph (graphviz 2.42) takes `char *` for strings it only reads: names,
 * attribute names and values. This is the one place that casts the const
 * away; every call into cgraph with a string of ours goes through it.
 */
static inline char *mg_cg_str(const char *s)
{
	return (char *)(uintptr_t)s;
}

/* Sets an attribute, declaring it (default "") on first use. */
static inline void mg_cg_set(void *object, const char *name, const char *value)
{
	mg_gv.agsafeset(object, mg_cg_str(name), mg_cg_str(value), mg_cg_str(""));
}

/* Sets an HTML-like label: interned as HTML, set, then our reference released.
 * The markup starts with "<TABLE" or "<FONT", never plain text, so no plain
 * string of the same content can already be interned. */
static inline void mg_cg_set_html(Agraph_t *graph, void *object, const char *name, const char *html)
{
	char *value = mg_gv.agstrdup_html(graph, mg_cg_str(html));
	mg_gv.agsafeset(object, mg_cg_str(name), value, mg_cg_str(""));
	mg_gv.agstrfree(graph, value);
}

/* What to do without graphviz, for mg_graphviz_load's message. */
#define MG_DIAGRAM_WITHOUT_GRAPHVIZ "draw Mermaid or PlantUML (--format mermaid, --format plantuml)"

/* The discipline every diagram graph is opened with: object ids in order of
 * creation, never memory addresses (diagram_ids.c). Once graphviz is loaded. */
Agdisc_t *mg_diagram_discipline(void);

#endif
