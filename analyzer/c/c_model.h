#ifndef MG_C_MODEL_H
#define MG_C_MODEL_H

#include <stdarg.h>

#include "analyzer/c/read_c.h"

/*
 * Shared by c_model.c (tables and struct-level annotations) and c_fields.c
 * (columns, foreign keys, relationships): the state of the struct being
 * built, and how problems are recorded.
 */

/* An annotation and what the grammar made of it. */
typedef struct mg_c_parsed {
	const mg_c_annotation *source;
	const mg_annotation *a;      /* the model's (see mg_c_parse_all) */
} mg_c_parsed;

typedef struct mg_c_builder {
	mg_c_model *model;
	mg_graph *graph;
	const mg_c_struct *s;
	mg_table *table;
	mg_column **field_columns;   /* by field index: the field's column, or NULL */
	bool *autoincrement_given;   /* by column position: autoincrement= was written */
	size_t first_field;          /* 1 when fields[0] is the embedded base (inheritance) */
	mg_subclass *subclass;       /* single-table inheritance: the class being read, whose
	                                fields go to b->table, its root's table; else NULL */
	int failed;                  /* out of memory */
} mg_c_builder;

/* "<table>_<a>_<b><suffix>": the default name of a constraint
 * over these columns of the table being built ("_key", "_fkey"); NULL, with
 * b->failed set, when out of memory. */
char *mg_c_constraint_name(mg_c_builder *b, mg_column *const *columns, size_t n, const char *suffix);

/* Records an annotation problem: at byte `offset` (for `length` bytes) of
 * `at`'s options text, or at `fallback` when `at` is NULL. */
void mg_c_problem(mg_c_builder *b, mg_annotation_problem_kind kind, mg_annotation_subject subject,
		  const char *path, const mg_c_annotation *at, size_t offset, size_t length,
		  mg_location fallback, const char *suggestion, const char *fmt, ...)
    __attribute__((format(printf, 10, 11)));

/* The grammar's errors in one annotation, as problems about `path`. */
void mg_c_parse_problems(mg_c_builder *b, const mg_c_parsed *p, mg_annotation_subject subject,
			 const char *path);

/* Parses annotations[0..n) into out[0..n) (the model keeps the results, for
 * as long as the struct is being added); -1 when out of memory. */
int mg_c_parse_all(mg_c_model *model, mg_c_parsed *out, const mg_c_annotation *annotations, size_t n);
void mg_c_free_all(mg_c_parsed *parsed);

/* An MG_ALLOW, recorded for lint. */
void mg_c_add_allow(mg_c_builder *b, const mg_c_parsed *p, const char *path);

/* An unknown "mg:<kind>" annotation, with the nearest kind. */
void mg_c_unknown_kind(mg_c_builder *b, const mg_c_annotation *a, mg_annotation_subject subject,
		       const char *path);

/* Adds a column to the primary key unless it is in it already. */
void mg_c_add_primary_key(mg_c_builder *b, mg_column *column);

/* Normalises an SQL type once per graph; NULL when out of memory. */
const char *mg_c_sql_type(mg_c_builder *b, const char *text, mg_type_family *out_family);

/* The graph's copy of a string; sets b->failed when out of memory. */
const char *mg_c_copy(mg_c_builder *b, const char *s);

/* Option `key` (primaryjoin, secondaryjoin) of a relationship annotation,
 * parsed, each term at its place in the source (annotation_join.c); NULL
 * when not given, or out of memory (b->failed is set then). */
struct mg_join_condition *mg_c_join_option(mg_c_builder *b, const mg_c_parsed *p, const char *key);

/* Builds the fields of the struct into b->table (c_fields.c). */
void mg_c_build_fields(mg_c_builder *b);

/* The column a struct-level column list names: by column name, else by
 * field name (when name= renamed it); NULL when none. */
mg_column *mg_c_listed_column(mg_c_builder *b, const char *name);

/* ---- c_fk_constraint.c ---- */

/* MG_FOREIGN_KEY_CONSTRAINT: a foreign key over several columns, checked. */
void mg_c_foreign_key_constraint(mg_c_builder *b, const mg_c_parsed *p);

/* ---- c_inherit.c ---- */

/* The table of the model whose struct is embedded by value as the struct's
 * first field (the class it inherits from); NULL when there is none. */
mg_table *mg_c_inherited(mg_c_builder *b, const mg_c_parsed *table_p);

/* Whether the struct declares a primary key column of its own (or a
 * tablename=): a subclass that does has a table of its own (joined-table
 * inheritance), one that does not maps to its base's (single-table). */
bool mg_c_own_table(mg_c_builder *b, const mg_c_parsed *parsed, size_t n, const mg_c_parsed *table_p);

/* Records the struct as a single-table subclass of `base` (b->table); 0, or
 * -1 with `err` set. */
int mg_c_add_subclass(mg_c_builder *b, mg_table *base, const mg_c_parsed *table_p, mg_error *err);

/* Sets the polymorphic options of MG_MODEL on the table (joined or base). */
void mg_c_polymorphic(mg_c_builder *b, const mg_c_parsed *table_p);

/* A column the subclass declares that its table has already. */
void mg_c_subclass_conflict(mg_c_builder *b, const char *name, mg_location location);

#endif
