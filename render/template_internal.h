#ifndef MG_TEMPLATE_INTERNAL_H
#define MG_TEMPLATE_INTERNAL_H

/* What template_parse.c builds and template_render.c walks. */

#include "analyzer/core/arena.h"
#include "render/template.h"

typedef enum mg_template_node_kind {
	MG_TNODE_TEXT,      /* literal text */
	MG_TNODE_VARIABLE,  /* {{name}}: escaped */
	MG_TNODE_RAW,       /* {{{name}}} or {{&name}}: not escaped */
	MG_TNODE_SECTION,   /* {{#name}}…{{/name}} */
	MG_TNODE_INVERTED,  /* {{^name}}…{{/name}} */
	MG_TNODE_PARTIAL,   /* {{>name}} */
} mg_template_node_kind;

typedef struct mg_template_node {
	mg_template_node_kind kind;
	const char *text;          /* TEXT: the bytes; PARTIAL: its name */
	size_t len;                /* TEXT: how many bytes */
	const char **parts;        /* VARIABLE, RAW, SECTION, INVERTED: the dotted name split
	                              at dots; nparts == 0 is the implicit iterator "." */
	size_t nparts;
	const char *indent;        /* PARTIAL: whitespace before a standalone tag; "" else */
	struct mg_template_node *children; /* SECTION, INVERTED */
	size_t nchildren;
	unsigned line;             /* 1-based line of the tag, for messages */
} mg_template_node;

struct mg_template {
	mg_arena *arena;           /* owns the nodes and their strings */
	const char *name;
	mg_template_node *nodes;
	size_t nnodes;
};

/* Parses `len` bytes of mustache into a new template; NULL with `err` set
 * ("NAME:LINE: message") on a syntax error or when out of memory. */
mg_template *mg_template_parse(const char *name, const char *source, size_t len, mg_error *err);
void mg_template_free(mg_template *tmpl);

#endif
