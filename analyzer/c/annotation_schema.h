#ifndef MG_ANNOTATION_SCHEMA_H
#define MG_ANNOTATION_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "analyzer/c/annotation_options.h"

/*
 * What each annotation kind accepts: its positional slots and its named
 * options, with the type of each value. Used by annotation_options.c only;
 * one row per option, so adding an option is adding a row.
 */

/* How a value is checked and converted (see mg_annotation_value). */
typedef enum mg_option_type {
	MG_OPT_BOOL,      /* true/false/1/0, any case; a bare key is true */
	MG_OPT_IDENT,     /* an identifier */
	MG_OPT_STRING,    /* any single value, kept as a string (comment) */
	MG_OPT_LITERAL,   /* any single value, kept as written (default) */
	MG_OPT_SQL_TYPE,  /* any single value, as text: VARCHAR(80) */
	MG_OPT_ENUM,      /* one of `values`, any case, any spacing */
	MG_OPT_REF,       /* table.column or schema.table.column */
	MG_OPT_REF_LIST,  /* references: a list, or one without brackets */
	MG_OPT_NAME_LIST, /* identifiers or references: a list, one, or "a, b" */
	MG_OPT_CASCADE,   /* words from `values`, separated by commas or spaces */
	MG_OPT_EXPR,      /* anything, kept as written (order_by) */
	MG_OPT_RULE_ID,   /* a kebab-case word */
	MG_OPT_REASON,    /* a quoted string */
	MG_OPT_BOOL_OR,   /* a boolean, or one of `values` (passive_deletes=all); a bare key is true */
	MG_OPT_COLLECTION, /* list, set, or a keyed dict: attribute_keyed_dict("name"),
	                     column_keyed_dict(Model.column) and their older spellings */
	MG_OPT_BACKREF,   /* an identifier, or backref(name, option=value, …): the options
	                     of relationship() that backref() takes, stored as
	                     "backref.<key>" options of the annotation */
} mg_option_type;

typedef struct mg_option_spec {
	const char *key;
	mg_option_type type;
	const char *const *values; /* MG_OPT_ENUM, MG_OPT_CASCADE: NULL-terminated */
	const char *const *aliases; /* MG_OPT_ENUM: older spellings, as pairs {old, value of
	                               `values`}, NULL-terminated; NULL when none */
} mg_option_spec;

typedef struct mg_slot_spec {
	const char *what;    /* for messages: "target", "reference", "rule id" */
	mg_option_type type;
	bool required;       /* required slots come before optional ones */
	bool repeats;        /* the last slot may take any number of values */
} mg_slot_spec;

/* Upper bound of option_count over all kinds. */
#define MG_ANNOTATION_MAX_OPTIONS 32

typedef struct mg_kind_spec {
	mg_annotation_kind kind;
	const char *name;  /* "foreign_key", as in the annotate string */
	const char *macro; /* "MG_FOREIGN_KEY", for messages */
	const mg_slot_spec *slots;
	size_t slot_count;
	const mg_option_spec *options;
	size_t option_count;
	const char *const *refused; /* options of `options` this kind does not take after all,
	                              NULL-terminated; NULL when none (see backref()) */
} mg_kind_spec;

/* The spec of `kind`; an unknown kind gets a spec with no slots or options. */
const mg_kind_spec *mg_annotation_schema_get(mg_annotation_kind kind);

/* What backref(name, …) takes inside MG_RELATIONSHIP(…, backref=…): a name,
 * then relationship()'s options less those the backref gets from its
 * relationship (secondary) or that make no sense there (backref,
 * back_populates). Messages name it "backref()". */
const mg_kind_spec *mg_annotation_schema_backref(void);

/* True when `spec` refuses option `key` (see mg_kind_spec.refused). */
bool mg_annotation_schema_refuses(const mg_kind_spec *spec, const char *key);

/* The kind named `name` (len bytes), or MG_ANNOTATION_UNKNOWN. */
mg_annotation_kind mg_annotation_schema_find_kind(const char *name, size_t len);

/* The option `key` (len bytes) of `spec`, with its index, or NULL. */
const mg_option_spec *mg_annotation_schema_find_option(size_t *out_index, const mg_kind_spec *spec,
                                                       const char *key, size_t len);

#endif
