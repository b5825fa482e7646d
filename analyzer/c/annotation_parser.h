#ifndef MG_ANNOTATION_PARSER_H
#define MG_ANNOTATION_PARSER_H

#include <stdbool.h>
#include <stddef.h>

#include "analyzer/c/annotation_options.h"
#include "analyzer/c/annotation_schema.h"

/*
 * State of one mg_annotation_parse() call, shared by annotation_options.c
 * (items, memory, errors) and annotation_values.c (what a value is and
 * whether it fits its option). Not for use elsewhere.
 */
typedef struct mg_annotation_parser {
	mg_annotation *annotation; /* the result being built */
	const mg_kind_spec *spec;  /* what the kind accepts */
	size_t required;           /* slots of spec that must be written: the first ones */
	const char *text;          /* the options text (the annotation's copy) */
	size_t len;
	bool failed;               /* out of memory: the parse returns -1 */
	bool full;                 /* MG_ANNOTATION_MAX_ERRORS reached: stop */
	bool named_seen;           /* a key=value item has appeared */
	size_t next_slot;          /* index of the next positional value */
	size_t slots_end;          /* end of the last positional item, for "missing" errors */
	bool seen[MG_ANNOTATION_MAX_OPTIONS]; /* options given, by schema index */
	/* Inside backref(…): its options go to the annotation as "<prefix><key>",
	   its positional value to *nested_slot (nested_filled once written). */
	const char *prefix;
	struct mg_annotation_value *nested_slot;
	bool nested_filled;
} mg_annotation_parser;

/*
 * What a value is checked for, named in messages: `option "lazy"` when
 * `option` is set, else `the <what> of <macro>` (`the target of
 * MG_RELATIONSHIP`). Only a value that does not fit needs the text.
 */
typedef struct mg_value_context {
	const char *option;
	const char *what;
	const char *macro;
} mg_value_context;

/* The context as messages say it, in `buf`. */
const char *mg_value_context_text(const mg_value_context *context, char buf[64]);

/* Zeroed memory owned by the annotation; NULL (and p->failed) when out of memory. */
void *mg_annotation_parser_alloc(mg_annotation_parser *p, size_t size);

/* A NUL-terminated copy of len bytes owned by the annotation; NULL when out of memory. */
char *mg_annotation_parser_copy(mg_annotation_parser *p, const char *s, size_t len);

/* Appends an error; `suggestion` must outlive the annotation (a schema string). */
void mg_annotation_parser_error(mg_annotation_parser *p, mg_annotation_error_code code,
                                size_t offset, size_t length, const char *suggestion,
                                const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/*
 * Reads the value spanning [start, end) of the text (trimmed, not empty) into
 * *v: its lexical type, raw text and decoded str. False, with an error
 * recorded (or p->failed set), when it is malformed.
 */
bool mg_annotation_value_read(mg_annotation_parser *p, mg_annotation_value *v, size_t start,
                              size_t end);

/*
 * Holds *v against `type` (with the allowed `values` of an enum), converting
 * it as mg_annotation_value describes. False, with an error recorded, when it
 * does not fit. `context` names the place in messages.
 */
bool mg_annotation_value_check(mg_annotation_parser *p, mg_annotation_value *v,
                               const mg_option_spec *spec, const mg_value_context *context);

#endif
