/* The seam between the docs and the diagram renderer. */

#include "render/site.h"

/*
 * Until the diagram renderer (render/diagram*.c) is built, there is no
 * diagram: this writes nothing and returns false, and every page leaves
 * its diagram out. The renderer plugs in here: the whole schema when
 * focus is NULL, else focus and its neighbours; every table node linked to
 * href(table, payload), a path relative to the page.
 */
bool mg_site_diagram(const mg_graph *graph, const mg_table *focus, mg_site_diagram_format format,
		     mg_site_href href, void *payload, mg_buf *out)
{
	(void)graph;
	(void)focus;
	(void)format;
	(void)href;
	(void)payload;
	(void)out;
	return false;
}
