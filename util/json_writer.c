#include "util/json_writer.h"

#include <assert.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "util/escape.h"
#include "util/plain_format.h"

/* A newline and `depth` levels of indent, in one append. */
static void newline_indent(mg_json *json, int depth)
{
	static const char spaces[] = "\n                                                                "
				     "                                                                ";
	size_t n = 1 + 2 * (size_t)depth;
	if (n <= sizeof(spaces) - 1) {
		mg_buf_put(json->out, spaces, n);
		return;
	}
	mg_buf_putc(json->out, '\n');
	for (int i = 0; i < depth; i++)
		mg_buf_put(json->out, "  ", 2);
}

void mg_json_init(mg_json *json, mg_buf *out)
{
	*json = (mg_json){.out = out};
	json->first[0] = true;
}

/* Comma, newline and indent before a value or key, unless it follows a key. */
static void before_value(mg_json *json)
{
	if (json->after_key) {
		json->after_key = false;
		return;
	}
	if (!json->first[json->depth])
		mg_buf_putc(json->out, ',');
	if (json->depth > 0)
		newline_indent(json, json->depth);
	json->first[json->depth] = false;
}

static void open_container(mg_json *json, char c)
{
	before_value(json);
	mg_buf_putc(json->out, c);
	if (json->depth < 63)
		json->depth++;
	json->first[json->depth] = true;
}

static void close_container(mg_json *json, char c)
{
	bool empty = json->first[json->depth];
	if (json->depth > 0)
		json->depth--;
	if (!empty)
		newline_indent(json, json->depth);
	mg_buf_putc(json->out, c);
	if (json->depth == 0)
		mg_buf_putc(json->out, '\n');
}

void mg_json_begin_object(mg_json *json) { open_container(json, '{'); }
void mg_json_end_object(mg_json *json) { close_container(json, '}'); }
void mg_json_begin_array(mg_json *json) { open_container(json, '['); }
void mg_json_end_array(mg_json *json) { close_container(json, ']'); }

/* The bytes of a plain key: a-z and _, written without escaping. */
static const bool plain_key_byte[256] = {
	['_'] = true, ['a'] = true, ['b'] = true, ['c'] = true, ['d'] = true, ['e'] = true,
	['f'] = true, ['g'] = true, ['h'] = true, ['i'] = true, ['j'] = true, ['k'] = true,
	['l'] = true, ['m'] = true, ['n'] = true, ['o'] = true, ['p'] = true, ['q'] = true,
	['r'] = true, ['s'] = true, ['t'] = true, ['u'] = true, ['v'] = true, ['w'] = true,
	['x'] = true, ['y'] = true, ['z'] = true,
};

/* Learns `key` into `slot` when it is a plain key of at most 28 bytes;
 * NULL for any other key (escaped every time). Out of line: the writer's
 * few dozen keys are each learnt once. */
static __attribute__((noinline)) const mg_json_known_key *learn_key(mg_json_known_key *slot, const char *key)
{
	size_t n = 0;
	while (plain_key_byte[(unsigned char)key[n]])
		n++;
	if (key[n] || n + 4 > sizeof(slot->written))
		return NULL;
	slot->key = key;
	slot->len = n + 4;
	memset(slot->written, 0, sizeof(slot->written));
	slot->written[0] = '"';
	memcpy(slot->written + 1, key, n);
	memcpy(slot->written + 1 + n, "\": ", 3);
	return slot;
}

/* What is known of `key`, by its address. */
static const mg_json_known_key *known_key(mg_json *json, const char *key)
{
	mg_json_known_key *slot =
		&json->known[((uintptr_t)key * 0x9e3779b97f4a7c15u) >> (sizeof(uintptr_t) * 8 - 8)];
	if (slot->key != key)
		return learn_key(slot, key);
	assert(strlen(key) + 4 == slot->len); /* the key kept its text */
	return slot;
}

/* Enough spaces for the indent of a dump's members, copied in one move. */
static const char spaces[32] = "                                ";

void mg_json_key(mg_json *json, const char *key)
{
	mg_buf *out = json->out;
	/* What before_value would append (comma, newline, indent) and a known
	 * key go into the buffer with moves of a fixed size when there is room
	 * for them whole; the NUL the buffer keeps goes after. */
	const mg_json_known_key *known = known_key(json, key);
	size_t indent = 2 * (size_t)json->depth;
	if (!known || indent > sizeof(spaces) || 2 + sizeof(spaces) + sizeof(known->written) >= out->cap - out->len) {
		before_value(json);
		mg_escape_json_string(out, key);
		mg_buf_put(out, ": ", 2);
		json->after_key = true;
		return;
	}
	char *at = out->data + out->len;
	if (json->after_key) {
		json->after_key = false;
	} else {
		if (!json->first[json->depth])
			*at++ = ',';
		if (json->depth > 0) {
			*at++ = '\n';
			memcpy(at, spaces, sizeof(spaces));
			at += indent;
		}
		json->first[json->depth] = false;
	}
	memcpy(at, known->written, sizeof(known->written));
	at += known->len;
	*at = '\0';
	out->len = (size_t)(at - out->data);
	json->after_key = true;
}

void mg_json_string(mg_json *json, const char *value)
{
	before_value(json);
	if (value)
		mg_escape_json_string(json->out, value);
	else
		mg_buf_put(json->out, "null", 4);
}

void mg_json_uint(mg_json *json, unsigned long long value)
{
	before_value(json);
	char digits[MG_DECIMAL_DIGITS_MAX];
	size_t n = mg_format_decimal(digits, value);
	mg_buf_put(json->out, digits + n, MG_DECIMAL_DIGITS_MAX - n);
}

void mg_json_bool(mg_json *json, bool value)
{
	before_value(json);
	if (value)
		mg_buf_put(json->out, "true", 4);
	else
		mg_buf_put(json->out, "false", 5);
}

void mg_json_null(mg_json *json)
{
	before_value(json);
	mg_buf_puts(json->out, "null");
}

void mg_json_member_string(mg_json *json, const char *key, const char *value)
{
	mg_json_key(json, key);
	mg_json_string(json, value);
}

void mg_json_member_uint(mg_json *json, const char *key, unsigned long long value)
{
	mg_json_key(json, key);
	mg_json_uint(json, value);
}

void mg_json_member_bool(mg_json *json, const char *key, bool value)
{
	mg_json_key(json, key);
	mg_json_bool(json, value);
}
