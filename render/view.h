#ifndef MG_VIEW_H
#define MG_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "analyzer/core/arena.h"

/*
 * The data a template renders: a JSON-like tree of null, booleans,
 * strings, lists and objects (numbers are strings). Every node lives in
 * one arena, released with it; nothing is freed alone.
 *
 * A string is TEXT (names, comments, defaults: anything from the input,
 * escaped on every interpolation) or MARKUP (built by modelgraph itself,
 * such as a diagram's SVG, which a template may output raw with
 * {{{name}}}). In strict rendering, raw interpolation of TEXT escapes it
 * anyway, so a template cannot unescape a name by mistake.
 *
 * Objects keep their members in insertion order; lookups are linear, as
 * views have a handful of members each.
 */

typedef enum mg_view_kind {
	MG_VIEW_NULL,
	MG_VIEW_BOOL,
	MG_VIEW_STRING,
	MG_VIEW_LIST,
	MG_VIEW_OBJECT,
} mg_view_kind;

typedef struct mg_view mg_view;
typedef struct mg_view_member mg_view_member;

struct mg_view_member {
	const char *key;
	mg_view *value;
	mg_view_member *next;
};

struct mg_view {
	mg_view_kind kind;
	bool boolean;              /* BOOL */
	bool markup;               /* STRING: built by modelgraph, safe to output raw */
	const char *string;        /* STRING: NUL-terminated */
	mg_view **items;           /* LIST */
	size_t nitems, items_cap;
	mg_view_member *members;   /* OBJECT, in insertion order */
	mg_view_member *last_member;
	mg_arena *arena;           /* where children are allocated */
};

/* Constructors; NULL when out of memory (and NULL in gives NULL out, so a
 * chain of calls needs one check at the end: see mg_view_failed). */
mg_view *mg_view_null(mg_arena *arena);
mg_view *mg_view_bool(mg_arena *arena, bool value);
mg_view *mg_view_text(mg_arena *arena, const char *text);   /* copied; NULL text: null */
mg_view *mg_view_markup(mg_arena *arena, const char *markup, size_t len); /* copied */
mg_view *mg_view_uint(mg_arena *arena, unsigned long long value);
mg_view *mg_view_list(mg_arena *arena);
mg_view *mg_view_object(mg_arena *arena);

/* Adds to a list or an object; returns `value`, or NULL when out of memory
 * or when `container` or `value` is NULL. A key set twice keeps both
 * members; lookups find the first. */
mg_view *mg_view_push(mg_view *list, mg_view *value);
mg_view *mg_view_set(mg_view *object, const char *key, mg_view *value);

/* Shorthands: set a member to a new node of the container's arena. */
mg_view *mg_view_set_text(mg_view *object, const char *key, const char *text);
mg_view *mg_view_set_bool(mg_view *object, const char *key, bool value);
mg_view *mg_view_set_uint(mg_view *object, const char *key, unsigned long long value);
mg_view *mg_view_set_list(mg_view *object, const char *key);   /* returns the new list */
mg_view *mg_view_set_object(mg_view *object, const char *key); /* returns the new object */
mg_view *mg_view_push_object(mg_view *list);                  /* returns the new object */

/* The member `key` of an object; NULL when absent or not an object. */
const mg_view *mg_view_get(const mg_view *object, const char *key);

/* Mustache truthiness: false for null, false, "" and the empty list. */
bool mg_view_truthy(const mg_view *view);

#endif
