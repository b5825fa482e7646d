#ifndef MG_ANNOTATION_OPTIONS_H
#define MG_ANNOTATION_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The option grammar of the annotation macros (include/modelgraph/annotations.h).
 *
 * Under clang, MG_RELATIONSHIP(Post, backref=author) becomes the annotate
 * string "mg:relationship:Post, backref=author". mg_annotation_split() finds
 * the KIND ("relationship") and the OPTIONS TEXT ("Post, backref=author");
 * mg_annotation_parse() turns the options text into a checked, typed
 * mg_annotation.
 *
 * Vocabulary:
 *   - ITEM: what lies between top-level commas. Commas inside "strings",
 *     [lists] and (parentheses) do not split items.
 *   - POSITIONAL: an item without a name, e.g. the target `Post`. Positional
 *     values come first, in the order the kind fixes (its SLOTS).
 *   - OPTION: `key=value`, or a bare `key`, which sets a true/false option to
 *     true. Once a positional slot is filled or a named option has appeared, a
 *     bare identifier is read as an option name.
 *   - VALUE: a "string" (C escapes \" \\ \' \n \t \r), an integer, an
 *     identifier, a reference `table.column` or `schema.table.column`, a
 *     kebab-case word (`fk-missing-index`), free text (`SET NULL`,
 *     `VARCHAR(80)`, `Post.created desc`), or a list `[a.x, a.y]` of those.
 *     Each option and slot has a value type; the parser checks the value
 *     against it and converts it (see mg_annotation_value).
 *
 * Errors in the text are data, not failures: mg_annotation_parse() returns 0
 * and records each error, with the byte range of the offending text within
 * the options text, so a reader can point at it. Parsing goes on after an
 * error; an option or slot whose value is wrong is left out of the result
 * (the accessors do not see it), so a caller can apply its defaults.
 *
 * The options text is the macro's arguments as # made them: each run of
 * whitespace between tokens (newlines included) became one space, and
 * comments became spaces. So an offset maps onto the source text after the
 * macro's "(" exactly as long as the arguments hold no such runs, and
 * approximately (same token) otherwise.
 *
 * Ownership: mg_annotation_parse() returns one heap object that owns every
 * string, value and error it exposes; they live until mg_annotation_free().
 */

typedef enum mg_annotation_kind {
	MG_ANNOTATION_UNKNOWN = 0, /* "mg:" prefix, unknown kind */
	MG_ANNOTATION_MODEL,       /* MG_MODEL */
	MG_ANNOTATION_TABLE,       /* MG_TABLE */
	MG_ANNOTATION_COLUMN,      /* MG_COLUMN */
	MG_ANNOTATION_FOREIGN_KEY, /* MG_FOREIGN_KEY */
	MG_ANNOTATION_RELATIONSHIP, /* MG_RELATIONSHIP */
	MG_ANNOTATION_PRIMARY_KEY, /* MG_PRIMARY_KEY */
	MG_ANNOTATION_UNIQUE,      /* MG_UNIQUE */
	MG_ANNOTATION_INDEX,       /* MG_INDEX */
	MG_ANNOTATION_TRANSIENT,   /* MG_TRANSIENT */
	MG_ANNOTATION_ALLOW,       /* MG_ALLOW */
	MG_ANNOTATION_ASSOCIATION_PROXY, /* MG_ASSOCIATION_PROXY */
	MG_ANNOTATION_MIXIN,       /* MG_MIXIN */
	MG_ANNOTATION_FOREIGN_KEY_CONSTRAINT, /* MG_FOREIGN_KEY_CONSTRAINT */
} mg_annotation_kind;

typedef enum mg_annotation_error_code {
	MG_ANNOTATION_ERROR_SYNTAX = 1,          /* malformed text: quote, bracket, empty item */
	MG_ANNOTATION_ERROR_UNKNOWN_KEY,         /* an option the kind does not have */
	MG_ANNOTATION_ERROR_INVALID_VALUE,       /* a value of the wrong type or not in the enum */
	MG_ANNOTATION_ERROR_MISSING_VALUE,       /* `key=` or a bare key that needs a value */
	MG_ANNOTATION_ERROR_DUPLICATE_KEY,       /* the same option twice; the first one counts */
	MG_ANNOTATION_ERROR_MISSING_POSITIONAL,  /* a required positional value is absent */
	MG_ANNOTATION_ERROR_UNEXPECTED_POSITIONAL, /* more positional values than the kind takes */
} mg_annotation_error_code;

/* One error in an annotation's options text. */
typedef struct mg_annotation_error {
	mg_annotation_error_code code;
	size_t offset;          /* byte offset of the offending text in the options text */
	size_t length;          /* its length in bytes; 0 for a position (missing text) */
	const char *message;    /* one line, impersonal, no final period; ASCII only */
	const char *suggestion; /* nearest valid key or value, or NULL */
} mg_annotation_error;

typedef enum mg_annotation_value_type {
	MG_VALUE_BOOL,   /* `boolean`; str is "true" or "false" */
	MG_VALUE_INT,    /* `integer`; str is the digits as written */
	MG_VALUE_STRING, /* str is the decoded string (may hold NUL: see `size`) */
	MG_VALUE_IDENT,  /* str is the identifier */
	MG_VALUE_REF,    /* `ref`; str is the dotted text */
	MG_VALUE_WORD,   /* str is a kebab-case word such as a rule id */
	MG_VALUE_ENUM,   /* str is the canonical spelling ("SET NULL", "select") */
	MG_VALUE_TEXT,   /* str is the text with runs of spaces made one */
	MG_VALUE_LIST,   /* `items` */
} mg_annotation_value_type;

/* A reference: table.column or schema.table.column (or Model.attribute). */
typedef struct mg_annotation_ref {
	const char *schema; /* NULL when not given */
	const char *table;
	const char *column;
} mg_annotation_ref;

/*
 * A checked value. After checking, the type depends on the option, not only
 * on the text: a true/false option is always MG_VALUE_BOOL, an enum option
 * MG_VALUE_ENUM, a list option MG_VALUE_LIST even when one value was written
 * without brackets, a string option (comment, cascade) MG_VALUE_STRING even
 * when written without quotes. Literal options (default, server_default,
 * order_by) keep the type of what was written, so `default="NULL"` (a
 * string) and `default=NULL` (an identifier) differ.
 */
typedef struct mg_annotation_value {
	mg_annotation_value_type type;
	size_t offset;     /* byte range of the value in the options text */
	size_t length;
	const char *raw;   /* the value as written; "" for a bare key */
	const char *str;   /* see the type; never NULL, "" for a list */
	size_t size;       /* strlen(str), except for strings holding "\0" */
	bool boolean;      /* MG_VALUE_BOOL */
	long long integer; /* MG_VALUE_INT */
	mg_annotation_ref ref; /* MG_VALUE_REF */
	const struct mg_annotation_value *items; /* MG_VALUE_LIST: the elements */
	size_t count;      /* MG_VALUE_LIST: number of elements */
} mg_annotation_value;

/* A named option, as written and checked. */
typedef struct mg_annotation_option {
	const char *key;           /* as in the schema: "backref" */
	size_t offset;             /* byte range of the whole item `key=value` */
	size_t length;
	mg_annotation_value value;
} mg_annotation_option;

typedef struct mg_annotation mg_annotation;

/*
 * Recognises an annotate string: on "mg:<kind>:<options>" sets *out_kind
 * (MG_ANNOTATION_UNKNOWN for an unknown kind), *out_options to the text after
 * the second colon (inside `annotation`) and returns true. Returns false,
 * leaving the outputs alone, when the string does not start with "mg:" or has
 * no second colon: not a modelgraph annotation.
 */
bool mg_annotation_split(mg_annotation_kind *out_kind, const char **out_options,
                         const char *annotation);

/*
 * Parses `len` bytes of options text for an annotation of `kind` (any bytes,
 * no terminator needed). On success returns 0 and sets *out to a new
 * annotation, which the caller frees with mg_annotation_free(); errors in the
 * text are inside it. MG_ANNOTATION_UNKNOWN parses the items but accepts none
 * of them. Returns -1 when out of memory, when `out` is NULL, or when `options`
 * is NULL with len > 0; *out is then NULL (if out is not NULL).
 */
int mg_annotation_parse(mg_annotation **out, mg_annotation_kind kind,
                        const char *options, size_t len);

/* Frees an annotation and everything it owns; NULL is a no-op. */
void mg_annotation_free(mg_annotation *annotation);

/* The kind it was parsed for; its options text (a NUL-terminated copy). */
mg_annotation_kind mg_annotation_get_kind(const mg_annotation *annotation);
const char *mg_annotation_text(const mg_annotation *annotation);

/*
 * Errors, in the order of the text. At most MG_ANNOTATION_MAX_ERRORS are kept;
 * parsing stops at that many.
 */
#define MG_ANNOTATION_MAX_ERRORS 64
size_t mg_annotation_error_count(const mg_annotation *annotation);
const mg_annotation_error *mg_annotation_error_at(const mg_annotation *annotation, size_t i);

/*
 * Positional values by slot index: MG_RELATIONSHIP's target is 0, MG_ALLOW's
 * rule id 0 and reason 1, MG_INDEX's name 0 and columns from 1. The count is
 * one past the last slot written; a slot that was not written, or whose value
 * was invalid, gives NULL. So for MG_ALLOW, `mg_annotation_positional(a, 1)
 * == NULL` means the reason was not given (or was not a string; that error is
 * recorded), while `""` gives an empty string: the linter judges both.
 */
size_t mg_annotation_positional_count(const mg_annotation *annotation);
const mg_annotation_value *mg_annotation_positional(const mg_annotation *annotation, size_t i);

/* Valid named options, in the order written. */
size_t mg_annotation_option_count(const mg_annotation *annotation);
const mg_annotation_option *mg_annotation_option_at(const mg_annotation *annotation, size_t i);

/* The value of option `key`, or NULL when it was not given (or was invalid). */
const mg_annotation_value *mg_annotation_get(const mg_annotation *annotation, const char *key);

/* Sets *out and returns 0 when `key` holds a boolean; else -1, *out untouched. */
int mg_annotation_get_bool(bool *out, const mg_annotation *annotation, const char *key);

/* The value's `str` when `key` holds anything but a list; else NULL. */
const char *mg_annotation_get_string(const mg_annotation *annotation, const char *key);

/*
 * The elements of list option `key` and their number in *out_count; NULL and
 * 0 when the list is empty, absent or not a list.
 */
const mg_annotation_value *mg_annotation_get_list(size_t *out_count,
                                                  const mg_annotation *annotation,
                                                  const char *key);

/* "column", "foreign_key", ... and "MG_COLUMN", "MG_FOREIGN_KEY", ... ("?" if unknown). */
const char *mg_annotation_kind_name(mg_annotation_kind kind);
const char *mg_annotation_macro_name(mg_annotation_kind kind);

/* "syntax", "unknown-key", "invalid-value", ... for tests and debugging. */
const char *mg_annotation_error_code_name(mg_annotation_error_code code);

#endif
