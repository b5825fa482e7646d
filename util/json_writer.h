#ifndef MG_JSON_WRITER_H
#define MG_JSON_WRITER_H

#include <stdbool.h>

#include "util/buf.h"

/*
 * Writes pretty-printed JSON (two-space indent, one member per line) to a
 * buffer, keeping track of commas. Every string goes through
 * mg_escape_json_string.
 */
/* What the writer learnt of one plain key: its text as written, quotes,
 * colon and space included, padded so that it is copied in one fixed
 * move. */
typedef struct mg_json_known_key {
	const char *key;  /* NULL: nothing learnt in this slot */
	size_t len;       /* of `written` */
	char written[32]; /* "key": */
} mg_json_known_key;

typedef struct mg_json {
	mg_buf *out;
	int depth;
	bool first[64];   /* per depth: nothing written yet at this level */
	bool after_key;   /* the next value follows "key": on the same line */
	/* Plain keys (a-z and _, up to 28 bytes) by address. A dump writes
	 * some 250 keys a table, each one of a few dozen literals: measuring,
	 * checking and copying each byte by byte was a quarter of a dump. */
	mg_json_known_key known[256];
} mg_json;

void mg_json_init(mg_json *json, mg_buf *out);
void mg_json_begin_object(mg_json *json);
void mg_json_end_object(mg_json *json);
void mg_json_begin_array(mg_json *json);
void mg_json_end_array(mg_json *json);
/* `key` must keep its text while the writer lives (the writers' keys are
 * literals): the writer remembers a plain key by its address. */
void mg_json_key(mg_json *json, const char *key);

void mg_json_string(mg_json *json, const char *value); /* NULL writes null */
void mg_json_uint(mg_json *json, unsigned long long value);
void mg_json_bool(mg_json *json, bool value);
void mg_json_null(mg_json *json);

/* key + value shorthands */
void mg_json_member_string(mg_json *json, const char *key, const char *value);
void mg_json_member_uint(mg_json *json, const char *key, unsigned long long value);
void mg_json_member_bool(mg_json *json, const char *key, bool value);

#endif
