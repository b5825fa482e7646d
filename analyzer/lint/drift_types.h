#ifndef MG_DRIFT_TYPES_H
#define MG_DRIFT_TYPES_H

#include <stdbool.h>
#include <stddef.h>

#include "analyzer/core/graph.h"

/*
 * Column types and defaults compared across dialects, for the drift rules:
 * TEXT and VARCHAR, INTEGER and INT4, BOOLEAN and MySQL's TINYINT(1),
 * TIMESTAMP and DATETIME are each one class, and a length or a width is
 * compared only where the database enforces it. The classes are data
 * (drift_types.c), listed with the reasons in docs/rules.md under
 * drift-column-mismatch.
 */

/* A normalised type (sql_type.c) taken apart. */
typedef struct mg_type_parts {
	char name[64];          /* without arguments and without MySQL's UNSIGNED, SIGNED,
	                           ZEROFILL: "TIMESTAMP WITH TIME ZONE", "VARCHAR" */
	unsigned long args[2];  /* the numeric arguments: VARCHAR(80), NUMERIC(10, 2) */
	size_t nargs;           /* 0 also when the arguments are not numbers (ENUM('a')) */
	bool other_args;        /* arguments that are not numbers */
} mg_type_parts;

/* Splits `type` (any case; upper-cased here). */
void mg_type_split(const char *type, mg_type_parts *out);

typedef enum mg_type_class {
	MG_CLASS_UNKNOWN, /* a type the table does not list: never compared */
	MG_CLASS_INTEGER,
	MG_CLASS_REAL,
	MG_CLASS_NUMERIC,
	MG_CLASS_TEXT,
	MG_CLASS_BLOB,
	MG_CLASS_BOOLEAN,
	MG_CLASS_DATE,
	MG_CLASS_TIME,
	MG_CLASS_TIMESTAMP,
	MG_CLASS_INTERVAL,
	MG_CLASS_YEAR,
} mg_type_class;

typedef struct mg_type_info {
	mg_type_class cls;
	unsigned long size;   /* integers: bits; text and blobs: the longest value (0: no
	                         limit); numerics: the precision (0: none given) */
	unsigned long scale;  /* numerics with a precision: the scale */
} mg_type_info;

/* The class of a column's type, read in its table's dialect. */
void mg_type_classify(const mg_column *column, mg_type_info *out);

/* "integer", "text", …, as messages name them. */
const char *mg_type_class_name(mg_type_class cls);

typedef enum mg_type_verdict {
	MG_TYPES_AGREE,    /* the same class, and the database holds what the model does */
	MG_TYPES_DIFFER,   /* another class */
	MG_TYPES_NARROWER, /* the same class, but shorter or narrower where the database enforces it */
} mg_type_verdict;

/* The model's column against the database's, whose dialect is `db_dialect`
 * (MG_DIALECT_*, 0 for models): SQLite enforces no length and no width. */
mg_type_verdict mg_type_compare(const mg_type_info *model, const mg_type_info *db, unsigned db_dialect);

/* A column default taken apart, whatever dialect spelt it. */
typedef enum mg_default_kind {
	MG_DEFAULT_NULL,       /* DEFAULT NULL: as good as none */
	MG_DEFAULT_NUMBER,
	MG_DEFAULT_STRING,     /* text: its value, quotes undone */
	MG_DEFAULT_TRUE,
	MG_DEFAULT_FALSE,
	MG_DEFAULT_KEYWORD,    /* CURRENT_TIMESTAMP, CURRENT_DATE or CURRENT_TIME, however spelt
	                          (now(), datetime('now'), current_timestamp()) */
	MG_DEFAULT_EXPRESSION, /* anything else; text without casts or outer parentheses */
} mg_default_kind;

typedef struct mg_default {
	mg_default_kind kind;
	const char *text;      /* in the returned memory */
} mg_default;

/*
 * Parses a default's SQL text as `dialect` (MG_DIALECT_*, 0 for models) wrote
 * it: outer parentheses and PostgreSQL casts ('x'::text) are taken off.
 * Returns the memory `out->text` points into (free it), or NULL when out
 * of memory.
 */
char *mg_default_parse(const char *sql, unsigned dialect, mg_default *out);

/* Whether the database's default gives what the model's does. A model
 * without a default agrees with anything; `boolean` reads 1 as TRUE. */
bool mg_defaults_agree(const char *model, unsigned model_dialect, const char *db, unsigned db_dialect,
		       bool boolean);

#endif
