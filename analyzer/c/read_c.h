#ifndef MG_READ_C_H
#define MG_READ_C_H

#include <stdbool.h>
#include <stddef.h>


#include "analyzer/c/annotation_options.h"
#include "analyzer/core/arena.h"
#include "analyzer/core/error.h"
#include "analyzer/core/graph.h"
#include "analyzer/c/libclang.h"
#include "analyzer/core/name_index.h"
#include "analyzer/read/readers.h"

/*
 * The C model reader, in parts (mg_read_c, in readers.h, is the entry):
 *
 *   read_c.c        parses with libclang and walks the annotated structs
 *                   into the description below, one mg_c_struct at a time
 *   read_c_args.c   the clang command line: standard, -I, -D, flags taken
 *                   from compile_commands.json, and the embedded header
 *   c_types.c       C type -> SQL type, and where pointers lead
 *   c_model.c       an mg_c_struct -> tables, columns, keys, relationships,
 *                   annotation problems, suppressions
 *   c_inherit.c     a model embedding its base first: joined-table or
 *                   single-table inheritance
 *   c_fk_constraint.c  MG_FOREIGN_KEY_CONSTRAINT, a foreign key of several columns
 *   c_naming.c      default table names (snake_case)
 *   c_comment.c     doc comment text without its markers
 *   c_position.c    an offset in an annotation's options text -> line:col
 *
 * The description is plain data (no libclang types) so that c_model.c
 * knows nothing of libclang. Its strings live in a scratch arena that the
 * reader frees after the file; c_model.c copies what the graph keeps.
 */

/* ---- the description of one struct ---- */

/* One "mg:<kind>:<options>" annotate attribute. */
typedef struct mg_c_annotation {
	mg_annotation_kind kind;     /* MG_ANNOTATION_UNKNOWN for an unknown kind */
	const char *kind_name;       /* as written between "mg:" and ":" */
	const char *options;         /* the options text (what # made of the arguments) */
	mg_location location;        /* of the macro's name where it is written */
	const char *source;          /* the file's text from the macro's name on; NULL when
	                                unknown (c_position.c maps offsets through it) */
	size_t source_len;           /* bytes from `source` to the end of the file */
} mg_c_annotation;

typedef enum mg_c_type_kind {
	MG_C_SCALAR, /* has an SQL type: a column by default */
	MG_C_RECORD, /* leads to a struct: a pointer, an array or an embedded struct */
	MG_C_OTHER,  /* neither: void *, int *, unions, function pointers, int arrays */
} mg_c_type_kind;

/* What c_types.c made of a field's C type. */
typedef struct mg_c_type {
	mg_c_type_kind kind;
	const char *sql_type;        /* MG_C_SCALAR: "VARCHAR(80)", "BIGINT", an enum's name */
	mg_type_family family;       /* MG_C_SCALAR: family of sql_type */
	const char *target;          /* MG_C_RECORD: the struct's tag (or typedef name);
	                                NULL for an anonymous struct */
	bool collection;             /* MG_C_RECORD: `T **`, `T *[N]`, `T[N]`, `T *[]` */
	bool pointer;                /* MG_C_RECORD: reached through a pointer */
} mg_c_type;

typedef struct mg_c_field {
	const char *name;            /* "" for an anonymous member */
	const char *c_type;          /* as clang spells it: "char[81]", "struct Post **" */
	mg_c_type type;
	const char *comment;         /* doc comment text; NULL when none */
	mg_location location;        /* of the field's name */
	mg_c_annotation *annotations;
	size_t nannotations, annotations_cap;
	bool from_mixin;             /* a field of a mixin (MG_MIXIN) the struct embeds */
} mg_c_field;

typedef struct mg_c_struct {
	const char *tag;             /* struct tag, or the typedef name of an anonymous
	                                struct; NULL when it has neither */
	const char *definition;      /* "device:inode:offset" of the definition */
	const char *comment;         /* doc comment text; NULL when none */
	mg_location location;        /* of the struct's name */
	mg_c_annotation *annotations; /* struct-level, in source order */
	size_t nannotations, annotations_cap;
	mg_c_field *fields;          /* in declaration order */
	size_t nfields, fields_cap;
} mg_c_struct;

/* ---- c_model.c ---- */

/* An annotation parsed, kept for the next one written alike (c_model.c). */
typedef struct mg_c_cached_annotation {
	unsigned hash;
	mg_annotation_kind kind;
	mg_annotation *a;            /* NULL: an empty slot */
} mg_c_cached_annotation;

/* Builds graph objects from struct descriptions, across the inputs of one graph. */
typedef struct mg_c_model {
	mg_graph *graph;
	mg_name_index *definitions;  /* c_definition -> table: read once */
	mg_name_index *structs;      /* struct_name -> table, exact case */
	mg_name_index *sql_types;    /* SQL type text -> interned normal form */
	mg_c_cached_annotation *parsed; /* the annotations parsed last, by kind and text:
	                                MG_COLUMN(primary_key=true) is written on every
	                                model; a fixed number of slots (c_model.c) */
	mg_annotation **retired;     /* pushed out of `parsed` while the struct being added
	                                may hold them: freed once it is added */
	size_t nretired, retired_cap;
} mg_c_model;

/* Indexes the C tables already in the graph; 0, or -1 when out of memory. */
int mg_c_model_init(mg_c_model *model, mg_graph *graph);
void mg_c_model_free(mg_c_model *model);

/*
 * Adds one struct: a table when it carries MG_MODEL or MG_TABLE, nothing
 * when its definition was already read (through another input). Mistakes
 * in annotations become graph->annotation_problems. Returns 0, or -1 with
 * `err` set when out of memory or when the table or model is defined twice.
 */
int mg_c_model_add(mg_c_model *model, const mg_c_struct *s, mg_error *err);

/* ---- c_types.c ---- */

/* Describes a field's type; strings go to `arena`. 0, or -1 when out of memory. */
int mg_c_type_infer(mg_c_type *out, CXType type, mg_arena *arena);

/* ---- c_naming.c ---- */

/*
 * Flask-SQLAlchemy's default table name for a class: an underscore goes
 * before each capital that follows a lower-case letter or digit, and before
 * each capital (but the first) that a lower-case letter follows; then all is
 * lower case and leading underscores go. UserProfile -> user_profile,
 * HTTPLog -> http_log, Song2Playlist -> song2_playlist. NULL when out of memory.
 */
char *mg_c_snake_case(mg_arena *arena, const char *name);

/* ---- c_comment.c ---- */

/*
 * The text of a doc comment (Javadoc, Qt or triple-slash style, before the
 * declaration or trailing it): markers and leading asterisks removed, lines
 * joined by one space,
 * paragraphs (blank lines) kept as "\n\n". `raw` is `len` bytes, from clang
 * or straight from the file. NULL when it holds no text or out of memory.
 */
char *mg_c_comment_text(mg_arena *arena, const char *raw, size_t len);

/* ---- c_position.c ---- */

/*
 * Where byte `offset` of an annotation's options text was written. The
 * options text is the macro's arguments after #: runs of whitespace and
 * comments became one space. Walking the source after "MACRO(" beside the
 * text undoes that, so the position is exact, across lines too. When the
 * source does not match (the macro was reached through another macro), the
 * position of the macro's name is returned.
 */
mg_location mg_c_annotation_position(const mg_c_annotation *annotation, size_t offset);

/* ---- read_c_args.c ---- */

/* A clang command line; every string is malloc'd. */
typedef struct mg_c_args {
	char **argv;
	size_t argc, cap;
} mg_c_args;

/* The directory under which the embedded annotations header is found:
 * "<dir>/modelgraph/annotations.h". Nothing is read from the disk there. */
#define MG_C_BUILTIN_INCLUDE_DIR "/modelgraph-builtin/include"
#define MG_C_BUILTIN_HEADER MG_C_BUILTIN_INCLUDE_DIR "/modelgraph/annotations.h"

/*
 * The arguments for parsing `path`: flags of compile_commands.json when
 * options->build_dir names one (those of the file itself, else of the
 * nearest file in the database), then -I, -D and the standard from the
 * options (C11 when none says otherwise), and last the directory of the
 * embedded header, searched after every other. 0, or -1 with `err` set.
 */
int mg_c_args_build(mg_c_args *out, const char *path, const mg_c_options *options, mg_error *err);
void mg_c_args_free(mg_c_args *args);

/* 0 when `std` is a C standard clang knows ("c11", "gnu17", "iso9899:1999");
 * else -1 with `err` saying so and suggesting the nearest. */
int mg_c_std_check(const char *std, mg_error *err);

/* ---- include_guard.c ---- */

/* A file the guard refused to let libclang open. */
typedef struct mg_c_refusal {
	bool refused;
	char path[4096];             /* as libclang named it (cut to fit) */
	const char *what;            /* "a FIFO", "a character device", "a regular file", ... */
	bool too_large;              /* a regular file larger than the limit */
	unsigned long long size;     /* its size in bytes, for too_large */
	unsigned long long device, inode;
} mg_c_refusal;

/*
 * Between begin and end, every file the process opens for reading must be
 * a regular file of at most `limit_bytes` (or a directory); any other open
 * fails, and the first refused is kept (include_guard.c says how and why).
 */
void mg_c_guard_begin(size_t limit_bytes);

/* Ends the guard: the number of files it let through, and in *refusal
 * (when not NULL) the first it refused, if any. */
unsigned long mg_c_guard_end(mg_c_refusal *refusal);

/* ---- the embedded header (generated at build time) ---- */

extern const char mg_embedded_annotations_h[];
extern const size_t mg_embedded_annotations_h_size;

#endif
