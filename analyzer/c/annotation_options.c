#include "analyzer/c/annotation_options.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/c/annotation_lex.h"
#include "analyzer/c/annotation_parser.h"
#include "analyzer/c/annotation_schema.h"
#include "analyzer/core/suggest.h"

/*
 * Items: the options text is cut at top-level commas (mg_lex_scan_item); an
 * item with a top-level "=" is a named option, one without is a positional
 * value or a bare key (parse_bare decides). Values are read and checked in
 * annotation_values.c. Errors are appended to the annotation and parsing
 * moves to the next item.
 */

/*
 * The memory an annotation owns: blocks, chained so that one call frees all,
 * each filled before the next is taken. An annotation is a few hundred bytes
 * in a dozen pieces, so the first block holds most (a malloc per piece cost
 * more than the parsing). Built with MG_ARENA_MALLOC, as for the graph's
 * arena, each piece is a block of its own, so AddressSanitizer sees each.
 */
typedef struct owned {
	struct owned *next;
	size_t size, used; /* bytes of data, and those handed out */
	max_align_t data[];
} owned;

/* The first block holds the annotation itself and, for most, all it owns:
 * a value and the copies of its text per item. */
#define FIRST_BLOCK_SIZE(text_len) (256 + 8 * (text_len))


struct mg_annotation {
	mg_annotation_kind kind;
	char *text;      /* copy of the options text, NUL-terminated */
	size_t text_len; /* its length: it may hold NUL bytes */
	owned *owned;    /* strings, values and messages */
	mg_annotation_error *errors;
	size_t error_count, error_cap;
	mg_annotation_option *options;
	size_t option_count, option_cap;
	const mg_annotation_value **positionals; /* NULL: slot not written or invalid */
	size_t positional_count, positional_cap;
};

/* An empty annotation at the start of its first block of memory; NULL when
 * out of memory. */
static mg_annotation *new_annotation(size_t text_len)
{
	const size_t align = sizeof(max_align_t);
	size_t head = (sizeof(mg_annotation) + align - 1) / align * align;
	size_t size = head;
#ifndef MG_ARENA_MALLOC
	if (text_len <= SIZE_MAX / 16)
		size += FIRST_BLOCK_SIZE(text_len);
#else
	(void)text_len;
#endif
	owned *block = calloc(1, sizeof(owned) + size);
	if (!block)
		return NULL;
	block->size = size;
	block->used = head;
	mg_annotation *a = (mg_annotation *)(void *)block->data;
	a->owned = block;
	return a;
}

/* ---- memory and errors ------------------------------------------------- */

void *mg_annotation_parser_alloc(mg_annotation_parser *p, size_t size)
{
	const size_t align = sizeof(max_align_t);
	owned *block = p->annotation->owned;

	if (size > SIZE_MAX / 2 - sizeof(owned)) {
		p->failed = true;
		return NULL;
	}
	size_t rounded = size ? (size + align - 1) / align * align : align;
#ifdef MG_ARENA_MALLOC
	block = NULL;
#endif
	if (!block || block->size - block->used < rounded) {
		size_t want = rounded;
#ifndef MG_ARENA_MALLOC
		want = 2 * block->size;
		if (want < rounded)
			want = rounded;
#endif
		block = calloc(1, sizeof(owned) + want);
		if (!block) {
			p->failed = true;
			return NULL;
		}
		block->size = want;
		block->next = p->annotation->owned;
		p->annotation->owned = block;
	}
	void *out = (char *)block->data + block->used;
	block->used += rounded;
	return out;
}

char *mg_annotation_parser_copy(mg_annotation_parser *p, const char *s, size_t len)
{
	char *out = len < SIZE_MAX ? mg_annotation_parser_alloc(p, len + 1) : NULL;

	if (out && len)
		memcpy(out, s, len);
	return out;
}

/* Returns `items` with room for count + 1 elements, or NULL (then `items` is unchanged). */
static void *grow(mg_annotation_parser *p, void *items, size_t count, size_t *cap, size_t size)
{
	size_t new_cap;
	void *bigger;

	if (count < *cap)
		return items;
	new_cap = *cap ? *cap * 2 : 4;
	if (new_cap > SIZE_MAX / size) {
		p->failed = true;
		return NULL;
	}
	bigger = realloc(items, new_cap * size);
	if (!bigger) {
		p->failed = true;
		return NULL;
	}
	*cap = new_cap;
	return bigger;
}

void mg_annotation_parser_error(mg_annotation_parser *p, mg_annotation_error_code code,
                                size_t offset, size_t length, const char *suggestion,
                                const char *fmt, ...)
{
	mg_annotation *a = p->annotation;
	mg_annotation_error *errors;
	char *message;
	va_list ap;
	int n;

	if (p->full || p->failed)
		return;
	/* At its full length: the message quotes what was written. */
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	message = malloc(n < 0 ? 1 : (size_t)n + 1);
	if (!message) {
		p->failed = true;
		return;
	}
	message[0] = '\0';
	if (n >= 0) {
		va_start(ap, fmt);
		vsnprintf(message, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	errors = grow(p, a->errors, a->error_count, &a->error_cap, sizeof *errors);
	if (!errors) {
		free(message);
		return;
	}
	a->errors = errors;
	errors[a->error_count] = (mg_annotation_error){
		.code = code,
		.offset = offset,
		.length = length,
		.message = mg_annotation_parser_copy(p, message, strlen(message)),
		.suggestion = suggestion,
	};
	free(message);
	a->error_count++;
	if (a->error_count == MG_ANNOTATION_MAX_ERRORS)
		p->full = true;
}

static void syntax_error(mg_annotation_parser *p, size_t offset, size_t length,
                         const char *what)
{
	mg_annotation_parser_error(p, MG_ANNOTATION_ERROR_SYNTAX, offset, length, NULL, "%s", what);
}

/* ---- items ------------------------------------------------------------- */

static void add_option(mg_annotation_parser *p, const char *key, size_t start, size_t end,
                       const mg_annotation_value *value)
{
	mg_annotation *a = p->annotation;
	mg_annotation_option *options = grow(p, a->options, a->option_count, &a->option_cap,
	                                     sizeof *options);

	if (!options)
		return;
	a->options = options;
	if (p->prefix) {
		size_t lp = strlen(p->prefix), lk = strlen(key);
		char *full = mg_annotation_parser_alloc(p, lp + lk + 1);
		if (!full)
			return;
		memcpy(full, p->prefix, lp);
		memcpy(full + lp, key, lk + 1);
		key = full;
	}
	options[a->option_count++] = (mg_annotation_option){
		.key = key,
		.offset = start,
		.length = end - start,
		.value = *value,
	};
}

static void unknown_key(mg_annotation_parser *p, size_t start, size_t end)
{
	const char *keys[MG_ANNOTATION_MAX_OPTIONS];
	const char *suggestion;
	mg_lex_quoted q;

	size_t nkeys = 0;

	for (size_t i = 0; i < p->spec->option_count; i++)
		if (!mg_annotation_schema_refuses(p->spec, p->spec->options[i].key))
			keys[nkeys++] = p->spec->options[i].key;
	suggestion = mg_suggest_nearest(p->text + start, end - start, keys, nkeys);
	mg_lex_quote(&q, p->text + start, end - start);
	if (suggestion)
		mg_annotation_parser_error(p, MG_ANNOTATION_ERROR_UNKNOWN_KEY, start, end - start,
		                           suggestion,
		                           "unknown option \"%s\" for %s; did you mean \"%s\"?", q.s,
		                           p->spec->macro, suggestion);
	else
		mg_annotation_parser_error(p, MG_ANNOTATION_ERROR_UNKNOWN_KEY, start, end - start, NULL,
		                           "unknown option \"%s\" for %s", q.s, p->spec->macro);
}

/* False, with an error, when option `index` was already given. */
static bool first_time(mg_annotation_parser *p, size_t index, const char *key, size_t start,
                       size_t end)
{
	if (!p->seen[index]) {
		p->seen[index] = true;
		return true;
	}
	mg_annotation_parser_error(p, MG_ANNOTATION_ERROR_DUPLICATE_KEY, start, end - start, NULL,
	                           "duplicate option \"%s\"", key);
	return false;
}

static void missing_value(mg_annotation_parser *p, const char *key, size_t start, size_t end)
{
	mg_annotation_parser_error(p, MG_ANNOTATION_ERROR_MISSING_VALUE, start, end - start, NULL,
	                           "option \"%s\" needs a value", key);
}

/* An option of the relationship that backref() does not take: unknown to
 * it, with why (the refused options are backref()'s). */
static void refused_key(mg_annotation_parser *p, const char *key, size_t start, size_t end)
{
	const char *why = "leave it out";

	if (strcmp(key, "secondary") == 0)
		why = "the backref goes through its relationship's secondary; leave it out";
	else if (strcmp(key, "name") == 0)
		why = "the backref's name is the first value, backref(name, …)";
	else if (strcmp(key, "backref") == 0 || strcmp(key, "back_populates") == 0)
		why = "backref() links the backref to its relationship already; leave it out";
	mg_annotation_parser_error(p, MG_ANNOTATION_ERROR_UNKNOWN_KEY, start, end - start, NULL,
	                           "%s does not take option \"%s\": %s", p->spec->macro, key, why);
}

static void parse_range(mg_annotation_parser *p, size_t start, size_t end);

/*
 * backref=backref(name, key=value, …) over [start, end) (the whole item):
 * `call` is where the value starts, `open` and `close` its parentheses. The
 * items inside are read against backref()'s spec, into the same annotation,
 * as "backref.<key>" options; the name becomes the value of "backref".
 */
static void parse_backref_call(mg_annotation_parser *p, const mg_option_spec *option, size_t start,
                               size_t end, size_t call, size_t open, size_t close)
{
	mg_annotation_parser sub = *p;
	mg_annotation_value *name = mg_annotation_parser_alloc(p, sizeof *name);
	size_t word_end = call;

	if (!name)
		return;
	while (word_end < open && !mg_lex_is_space(p->text[word_end]))
		word_end++;
	if (word_end - call != strlen("backref") || memcmp(p->text + call, "backref", 7) != 0) {
		static const char *const callee[] = { "backref" };
		const char *suggestion = mg_suggest_nearest(p->text + call, word_end - call, callee, 1);
		mg_lex_quoted q;
		mg_lex_quote(&q, p->text + call, word_end - call);
		mg_annotation_parser_error(p, MG_ANNOTATION_ERROR_INVALID_VALUE, call, word_end - call,
		                           suggestion ? callee[0] : NULL,
		                           "invalid value \"%s(…)\" for option \"%s\"; expected a name "
		                           "or backref(name, option=value, …)",
		                           q.s, option->key);
		return;
	}
	sub.spec = mg_annotation_schema_backref();
	sub.required = 1;
	sub.next_slot = 0;
	sub.slots_end = open + 1;
	sub.named_seen = false;
	memset(sub.seen, 0, sizeof sub.seen);
	sub.prefix = "backref.";
	sub.nested_slot = name;
	sub.nested_filled = false;
	parse_range(&sub, open + 1, close);
	p->failed = sub.failed;
	p->full = sub.full;
	if (sub.nested_filled)
		add_option(p, option->key, start, end, name);
}

/* The value over [start, end) is a call: word(…) ending the value. Sets the
 * parentheses' offsets. */
static bool is_call(const mg_annotation_parser *p, size_t start, size_t end, size_t *open,
                    size_t *close)
{
	size_t i = start;

	while (i < end && p->text[i] != '(' && p->text[i] != '"' && p->text[i] != '[')
		i++;
	if (i == end || p->text[i] != '(' || i == start)
		return false;
	*open = i;
	*close = mg_lex_find(p->text, i, end, ')');
	return *close < end;
}

/* key=value over [start, end), '=' at eq. */
static void parse_named(mg_annotation_parser *p, size_t start, size_t end, size_t eq)
{
	size_t key_start = start, key_end = eq, value_start = eq + 1, value_end = end, index;
	const mg_option_spec *option;
	mg_annotation_value *value;
	mg_lex_quoted q;

	mg_lex_trim(p->text, &key_start, &key_end);
	mg_lex_trim(p->text, &value_start, &value_end);
	if (key_start == key_end) {
		syntax_error(p, eq, 1, "expected an option name before \"=\"");
		return;
	}
	if (!mg_lex_is_ident(p->text + key_start, key_end - key_start)) {
		mg_lex_quote(&q, p->text + key_start, key_end - key_start);
		mg_annotation_parser_error(p, MG_ANNOTATION_ERROR_SYNTAX, key_start,
		                           key_end - key_start, NULL, "invalid option name \"%s\"", q.s);
		return;
	}
	p->named_seen = true;
	option = mg_annotation_schema_find_option(&index, p->spec, p->text + key_start,
	                                          key_end - key_start);
	if (!option) {
		unknown_key(p, key_start, key_end);
		return;
	}
	if (mg_annotation_schema_refuses(p->spec, option->key)) {
		refused_key(p, option->key, key_start, key_end);
		return;
	}
	if (!first_time(p, index, option->key, start, end))
		return;
	if (value_start == value_end) {
		missing_value(p, option->key, start, end);
		return;
	}
	size_t open, close;
	if (option->type == MG_OPT_BACKREF && is_call(p, value_start, value_end, &open, &close)) {
		if (close + 1 != value_end)
			syntax_error(p, close + 1, value_end - close - 1, "unexpected text after \")\"");
		else
			parse_backref_call(p, option, start, end, value_start, open, close);
		return;
	}
	value = mg_annotation_parser_alloc(p, sizeof *value);
	if (!value || !mg_annotation_value_read(p, value, value_start, value_end))
		return;
	const mg_value_context context = {.option = option->key};
	if (mg_annotation_value_check(p, value, option, &context))
		add_option(p, option->key, start, end, value);
}

static bool has_room(const mg_annotation_parser *p)
{
	const mg_kind_spec *spec = p->spec;

	return p->next_slot < spec->slot_count ||
	       (spec->slot_count > 0 && spec->slots[spec->slot_count - 1].repeats);
}

/* A positional value over [start, end) into the next slot. */
static void fill_slot(mg_annotation_parser *p, size_t start, size_t end)
{
	mg_annotation *a = p->annotation;
	const mg_kind_spec *spec = p->spec;
	size_t slot_index = p->next_slot < spec->slot_count ? p->next_slot : spec->slot_count - 1;
	const mg_slot_spec *slot = &spec->slots[slot_index]; /* the last one repeats */
	const mg_annotation_value **positionals;
	mg_annotation_value *value;

	positionals = grow(p, a->positionals, a->positional_count, &a->positional_cap,
	                   sizeof *positionals);
	if (!positionals)
		return;
	a->positionals = positionals;
	positionals[a->positional_count++] = NULL;
	p->next_slot++;
	p->slots_end = end;
	value = mg_annotation_parser_alloc(p, sizeof *value);
	if (!value || !mg_annotation_value_read(p, value, start, end))
		return;
	const mg_value_context context = {.what = slot->what, .macro = spec->macro};
	const mg_option_spec as_option = {.key = slot->what, .type = slot->type};
	if (mg_annotation_value_check(p, value, &as_option, &context))
		positionals[a->positional_count - 1] = value;
}

/* backref()'s name: the one positional value of the nested list. */
static void fill_nested_slot(mg_annotation_parser *p, size_t start, size_t end)
{
	const mg_slot_spec *slot = &p->spec->slots[0];

	p->next_slot++;
	p->slots_end = end;
	if (!mg_annotation_value_read(p, p->nested_slot, start, end))
		return;
	const mg_value_context context = {.what = slot->what, .macro = p->spec->macro};
	const mg_option_spec as_option = {.key = slot->what, .type = slot->type};
	p->nested_filled = mg_annotation_value_check(p, p->nested_slot, &as_option, &context);
}

/* An item without "=" over [start, end): a positional value or a bare key. */
static void parse_bare(mg_annotation_parser *p, size_t start, size_t end)
{
	const mg_kind_spec *spec = p->spec;
	const char *t = p->text + start;
	bool ident = mg_lex_is_ident(t, end - start);
	const mg_option_spec *option = NULL;
	size_t index = 0;
	mg_lex_quoted q; /* what was written, for messages: quoted when needed */

	if (ident)
		option = mg_annotation_schema_find_option(&index, spec, t, end - start);
	if (option && (option->type == MG_OPT_BOOL || option->type == MG_OPT_BOOL_OR) &&
	    p->next_slot >= p->required) {
		mg_annotation_value value = {
			.type = MG_VALUE_BOOL,
			.offset = end,
			.raw = "",
			.str = "true",
			.size = 4,
			.boolean = true,
		};
		if (first_time(p, index, option->key, start, end))
			add_option(p, option->key, start, end, &value);
	} else if (has_room(p)) {
		if (p->named_seen)
			mg_annotation_parser_error(p, MG_ANNOTATION_ERROR_SYNTAX, start, end - start, NULL,
			                           "positional value \"%s\" after named options",
			                           mg_lex_quote(&q, t, end - start));
		if (p->nested_slot)
			fill_nested_slot(p, start, end);
		else
			fill_slot(p, start, end);
	} else if (ident && spec->option_count > 0) {
		if (!option)
			unknown_key(p, start, end);
		else if (mg_annotation_schema_refuses(spec, option->key))
			refused_key(p, option->key, start, end);
		else if (first_time(p, index, option->key, start, end))
			missing_value(p, option->key, start, end);
	} else {
		mg_annotation_parser_error(p, MG_ANNOTATION_ERROR_UNEXPECTED_POSITIONAL, start,
		                           end - start, NULL, "unexpected value \"%s\" for %s",
		                           mg_lex_quote(&q, t, end - start), spec->macro);
	}
}

static void parse_item(mg_annotation_parser *p, size_t start, size_t end)
{
	size_t eq;

	mg_lex_trim(p->text, &start, &end);
	if (start == end) {
		syntax_error(p, start, 0, "empty option");
		return;
	}
	eq = mg_lex_find(p->text, start, end, '=');
	if (eq < end)
		parse_named(p, start, end, eq);
	else
		parse_bare(p, start, end);
}

/* The items of [from, to): the whole text, or what backref(…) holds. */
static void parse_range(mg_annotation_parser *p, size_t from, size_t to)
{
	size_t start = from, end = to;
	const mg_kind_spec *spec = p->spec;

	mg_lex_trim(p->text, &start, &end);
	if (start < end) {
		for (size_t pos = from;; pos++) {
			mg_lex_fault fault;
			size_t item_end = mg_lex_scan_item(&fault, p->text, pos, to);
			if (fault.message)
				syntax_error(p, fault.offset, fault.length, fault.message);
			else
				parse_item(p, pos, item_end);
			if (p->failed || p->full || item_end >= to)
				break;
			pos = item_end;
		}
	}
	if (!p->failed && !p->full && p->next_slot < p->required) {
		const mg_slot_spec *slot = &spec->slots[p->next_slot];
		mg_annotation_parser_error(p, MG_ANNOTATION_ERROR_MISSING_POSITIONAL, p->slots_end, 0,
		                           NULL, "missing %s for %s", slot->what, spec->macro);
	}
}

/* Stable sort by offset: errors read in the order of the text. */
static void sort_errors(mg_annotation *a)
{
	for (size_t i = 1; i < a->error_count; i++) {
		mg_annotation_error e = a->errors[i];
		size_t j = i;
		for (; j > 0 && a->errors[j - 1].offset > e.offset; j--)
			a->errors[j] = a->errors[j - 1];
		a->errors[j] = e;
	}
}

/* ---- public ------------------------------------------------------------ */

bool mg_annotation_split(mg_annotation_kind *out_kind, const char **out_options,
                         const char *annotation)
{
	const char *name, *colon;

	if (!annotation || strncmp(annotation, "mg:", 3) != 0)
		return false;
	name = annotation + 3;
	colon = strchr(name, ':');
	if (!colon)
		return false;
	*out_kind = mg_annotation_schema_find_kind(name, (size_t)(colon - name));
	*out_options = colon + 1;
	return true;
}

int mg_annotation_parse(mg_annotation **out, mg_annotation_kind kind, const char *options,
                        size_t len)
{
	mg_annotation *a = NULL;
	mg_annotation_parser p = { 0 };
	int rc = -1;

	if (!out)
		return -1;
	*out = NULL;
	if (!options && len > 0)
		goto cleanup;
	a = new_annotation(len);
	if (!a)
		goto cleanup;
	p.annotation = a;
	p.spec = mg_annotation_schema_get(kind);
	while (p.required < p.spec->slot_count && p.spec->slots[p.required].required)
		p.required++;
	a->kind = p.spec->kind;
	a->text = mg_annotation_parser_copy(&p, options ? options : "", len);
	if (!a->text)
		goto cleanup;
	a->text_len = len;
	p.text = a->text;
	p.len = len;
	parse_range(&p, 0, len);
	if (p.failed)
		goto cleanup;
	sort_errors(a);
	*out = a;
	a = NULL;
	rc = 0;
cleanup:
	mg_annotation_free(a);
	return rc;
}

void mg_annotation_free(mg_annotation *annotation)
{
	owned *block, *next;

	if (!annotation)
		return;
	free(annotation->errors);
	free(annotation->options);
	free(annotation->positionals);
	/* The annotation itself is in its first block, the last of the chain. */
	for (block = annotation->owned; block; block = next) {
		next = block->next;
		free(block);
	}
}

mg_annotation_kind mg_annotation_get_kind(const mg_annotation *annotation)
{
	return annotation ? annotation->kind : MG_ANNOTATION_UNKNOWN;
}

const char *mg_annotation_text(const mg_annotation *annotation)
{
	return annotation ? annotation->text : NULL;
}

size_t mg_annotation_error_count(const mg_annotation *annotation)
{
	return annotation ? annotation->error_count : 0;
}

const mg_annotation_error *mg_annotation_error_at(const mg_annotation *annotation, size_t i)
{
	return annotation && i < annotation->error_count ? &annotation->errors[i] : NULL;
}

size_t mg_annotation_positional_count(const mg_annotation *annotation)
{
	return annotation ? annotation->positional_count : 0;
}

const mg_annotation_value *mg_annotation_positional(const mg_annotation *annotation, size_t i)
{
	return annotation && i < annotation->positional_count ? annotation->positionals[i] : NULL;
}

size_t mg_annotation_option_count(const mg_annotation *annotation)
{
	return annotation ? annotation->option_count : 0;
}

const mg_annotation_option *mg_annotation_option_at(const mg_annotation *annotation, size_t i)
{
	return annotation && i < annotation->option_count ? &annotation->options[i] : NULL;
}

const mg_annotation_value *mg_annotation_get(const mg_annotation *annotation, const char *key)
{
	if (!annotation || !key)
		return NULL;
	for (size_t i = 0; i < annotation->option_count; i++) {
		if (strcmp(annotation->options[i].key, key) == 0)
			return &annotation->options[i].value;
	}
	return NULL;
}

int mg_annotation_get_bool(bool *out, const mg_annotation *annotation, const char *key)
{
	const mg_annotation_value *value = mg_annotation_get(annotation, key);

	if (!value || value->type != MG_VALUE_BOOL)
		return -1;
	*out = value->boolean;
	return 0;
}

const char *mg_annotation_get_string(const mg_annotation *annotation, const char *key)
{
	const mg_annotation_value *value = mg_annotation_get(annotation, key);

	return value && value->type != MG_VALUE_LIST ? value->str : NULL;
}

const mg_annotation_value *mg_annotation_get_list(size_t *out_count,
                                                  const mg_annotation *annotation,
                                                  const char *key)
{
	const mg_annotation_value *value = mg_annotation_get(annotation, key);

	if (!value || value->type != MG_VALUE_LIST) {
		*out_count = 0;
		return NULL;
	}
	*out_count = value->count;
	return value->items;
}

const char *mg_annotation_kind_name(mg_annotation_kind kind)
{
	const mg_kind_spec *spec = mg_annotation_schema_get(kind);

	return spec->kind == MG_ANNOTATION_UNKNOWN ? "?" : spec->name;
}

const char *mg_annotation_macro_name(mg_annotation_kind kind)
{
	const mg_kind_spec *spec = mg_annotation_schema_get(kind);

	return spec->kind == MG_ANNOTATION_UNKNOWN ? "?" : spec->macro;
}

const char *mg_annotation_error_code_name(mg_annotation_error_code code)
{
	switch (code) {
	case MG_ANNOTATION_ERROR_SYNTAX: return "syntax";
	case MG_ANNOTATION_ERROR_UNKNOWN_KEY: return "unknown-key";
	case MG_ANNOTATION_ERROR_INVALID_VALUE: return "invalid-value";
	case MG_ANNOTATION_ERROR_MISSING_VALUE: return "missing-value";
	case MG_ANNOTATION_ERROR_DUPLICATE_KEY: return "duplicate-key";
	case MG_ANNOTATION_ERROR_MISSING_POSITIONAL: return "missing-positional";
	case MG_ANNOTATION_ERROR_UNEXPECTED_POSITIONAL: return "unexpected-positional";
	default: return "?";
	}
}
