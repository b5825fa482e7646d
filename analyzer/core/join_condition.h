#ifndef MG_JOIN_CONDITION_H
#define MG_JOIN_CONDITION_H

#include <stdbool.h>
#include <stddef.h>

#include "analyzer/core/arena.h"
#include "analyzer/core/graph.h"

/*
 * A relationship's primaryjoin= or secondaryjoin=, as a small structured
 * grammar: the conjunction of comparisons SQLAlchemy models write.
 *
 *   condition  := factor ("&" factor)* | comparison
 *   factor     := "(" condition ")" | and_ "(" condition ("," condition)* ")"
 *   comparison := operand "==" operand
 *   operand    := foreign "(" operand ")" | remote "(" operand ")"
 *               | column | constant
 *   column     := Model.attr | table.c.column | table.column | column
 *   constant   := number | 'string' | "string" | true | false | True | False
 *               | None | true() | false() | null()
 *
 * Names are those SQLAlchemy's evaluation of a string argument knows: and_,
 * foreign, remote, true... bare (sa.and_ or db.and_ name nothing there, so
 * they are opaque). Around "&" each side must be parenthesised or an and_(),
 * as Python needs: a == b & c == d is a chained comparison there, not a
 * conjunction.
 *
 * Anything else (or_, function calls, casts, !=, in_, ...) is not an error:
 * the condition is kept as text and marked opaque, and the rules that need
 * the join say they skipped it. Nesting is bounded (MG_JOIN_MAX_DEPTH), so
 * no text makes the parser recurse without end.
 */

#define MG_JOIN_MAX_DEPTH 32

typedef enum mg_join_term_kind {
	MG_JOIN_TERM_COLUMN,   /* a column reference */
	MG_JOIN_TERM_CONSTANT, /* a literal: true(), 'x', 3, None */
} mg_join_term_kind;

typedef struct mg_join_term {
	mg_join_term_kind kind;
	const char *text;      /* as written, without foreign()/remote() around it */
	const char *owner;     /* COLUMN: "Post" of Post.user_id, "followers" of
	                          followers.c.x; NULL for a bare column of the
	                          declaring model */
	const char *name;      /* COLUMN: the attribute or column name */
	bool table_form;       /* written table.c.column: owner is a table name */
	bool foreign;          /* inside foreign() */
	bool remote;           /* inside remote() */
	size_t offset, length; /* of `text` within the condition's text */
	mg_location location;  /* where it was written (exact for C models) */
	/* Filled by mg_resolve(), as SQLAlchemy annotates the condition: */
	mg_column *column;     /* the column it names, or NULL */
	bool is_foreign;       /* foreign: marked, listed in foreign_keys=, or holding a
	                          foreign key to the other side's column */
	bool is_remote;        /* on the remote side of the join */
} mg_join_term;

/* One `left == right`. */
typedef struct mg_join_comparison {
	mg_join_term left, right;
} mg_join_comparison;

typedef struct mg_join_condition {
	const char *text;                 /* as written */
	mg_location location;             /* of the text's first byte */
	mg_join_comparison *comparisons;  /* in the order written; none when opaque */
	size_t ncomparisons;
	bool opaque;                      /* beyond the grammar: kept as text only */
	const char *opaque_reason;        /* why, one line; NULL unless opaque */
	size_t opaque_offset;             /* where in the text */
} mg_join_condition;

/*
 * Parses `text` into the arena; each term's location is `location` moved
 * right by the term's offset (callers that know better set it after).
 * Returns NULL only when out of memory: text beyond the grammar gives an
 * opaque condition.
 */
mg_join_condition *mg_join_parse(mg_arena *arena, const char *text, mg_location location);

/* The terms of a condition in order (left then right of each comparison):
 * term i of 2 * ncomparisons. */
mg_join_term *mg_join_term_at(mg_join_condition *cond, size_t i);
const mg_join_term *mg_join_term_get(const mg_join_condition *cond, size_t i);

#endif
