/*
 * Baselines: written with the JSON writer every JSON output shares, read
 * with jansson.
 */
#include "analyzer/lint/baseline.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/json_text.h"
#include "util/json_writer.h"
#include "util/limits.h"
#include "analyzer/core/arena.h"
#include "analyzer/lint/config.h"
#include "analyzer/lint/glob.h"
#include "analyzer/core/suggest.h"

#define BASELINE_FORMAT "modelgraph-baseline"
#define BASELINE_VERSION 1

struct mg_baseline {
	mg_arena *arena;            /* owns the entries and their strings */
	mg_baseline_entry *entries; /* sorted by rule, path, message */
	size_t count, cap;
};

/* ---- comparing strings as written ---- */

/*
 * Walks a string byte by byte as the JSON writer writes it: when `raw`, a
 * byte that starts no valid UTF-8 character reads as U+FFFD (EF BF BD).
 */
typedef struct cursor {
	const char *s;
	const char *chunk;   /* the rest of the current character's bytes */
	size_t left;
	bool raw;
} cursor;

static int next_byte(cursor *c)
{
	if (!c->left) {
		if (!*c->s)
			return -1;
		uint32_t cp;
		size_t n = c->raw ? mg_glob_char(c->s, &cp) : 1;
		if (c->raw && cp >= 0xD800 && cp <= 0xDFFF) { /* mg_glob_char's mark of a bad byte */
			c->chunk = "\xEF\xBF\xBD";
			c->left = 3;
		} else {
			c->chunk = c->s;
			c->left = n;
		}
		c->s += n;
	}
	c->left--;
	return (unsigned char)*c->chunk++;
}

static int compare_written(const char *a, bool a_raw, const char *b, bool b_raw)
{
	cursor x = {.s = a, .raw = a_raw}, y = {.s = b, .raw = b_raw};
	for (;;) {
		int p = next_byte(&x), q = next_byte(&y);
		if (p != q)
			return p < q ? -1 : 1;
		if (p < 0)
			return 0;
	}
}

int mg_baseline_compare(const char *raw, const char *written)
{
	return compare_written(raw, true, written, false);
}

/* ---- writing ---- */

static int cmp_findings(const void *pa, const void *pb)
{
	const mg_finding *a = *(const mg_finding *const *)pa, *b = *(const mg_finding *const *)pb;
	int c = compare_written(a->rule, true, b->rule, true);
	if (!c)
		c = compare_written(a->path ? a->path : "", true, b->path ? b->path : "", true);
	if (!c)
		c = compare_written(a->message, true, b->message, true);
	return c;
}

void mg_baseline_write(const mg_findings *findings, mg_buf *out)
{
	size_t n = findings->count;
	const mg_finding **order = malloc((n ? n : 1) * sizeof(*order));
	if (!order) {
		out->failed = 1;
		return;
	}
	for (size_t i = 0; i < n; i++)
		order[i] = &findings->items[i];
	qsort(order, n, sizeof(*order), cmp_findings);

	mg_json json;
	mg_json_init(&json, out);
	mg_json_begin_object(&json);
	mg_json_member_string(&json, "format", BASELINE_FORMAT);
	mg_json_member_uint(&json, "version", BASELINE_VERSION);
	mg_json_key(&json, "findings");
	mg_json_begin_array(&json);
	for (size_t i = 0; i < n; i++) {
		mg_json_begin_object(&json);
		mg_json_member_string(&json, "rule", order[i]->rule);
		mg_json_member_string(&json, "path", order[i]->path ? order[i]->path : "");
		mg_json_member_string(&json, "message", order[i]->message);
		mg_json_end_object(&json);
	}
	mg_json_end_array(&json);
	mg_json_end_object(&json);
	free(order);
}

/* ---- reading ---- */

static const char *const top_members[] = {"format", "version", "findings"};
/* The other documents modelgraph writes, named when given as a baseline. */
static const char *const other_formats[] = {"modelgraph-graph", "modelgraph-findings"};
static const char *const entry_members[] = {"rule", "path", "message"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The first member of `object` not among `known`, or NULL. */
static const char *unknown_member(json_t *object, const char *const *known, size_t n)
{
	const char *key;
	json_t *value;
	json_object_foreach(object, key, value) {
		size_t i = 0;
		while (i < n && strcmp(key, known[i]) != 0)
			i++;
		if (i == n)
			return key;
	}
	return NULL;
}

/* "; did you mean \"rule\"?" or "; expected rule, path or message" */
static void suggestion(char *buf, size_t size, const char *word, const char *const *known, size_t n)
{
	const char *near = mg_suggest_nearest(word, strlen(word), known, n);
	if (near) {
		snprintf(buf, size, "; did you mean \"%s\"?", near);
		return;
	}
	size_t len = 0;
	for (size_t i = 0; i < n && len < size; i++) {
		const char *sep = i == 0 ? "; expected " : i + 1 == n ? " or " : ", ";
		int w = snprintf(buf + len, size - len, "%s%s", sep, known[i]);
		if (w < 0)
			break;
		len += (size_t)w;
	}
}

static int cmp_entries(const void *pa, const void *pb)
{
	const mg_baseline_entry *a = pa, *b = pb;
	int c = strcmp(a->rule, b->rule);
	if (!c)
		c = strcmp(a->path, b->path);
	if (!c)
		c = strcmp(a->message, b->message);
	return c;
}

static int read_entry(mg_baseline *baseline, json_t *item, size_t index, const char *path,
		      mg_error *err)
{
	char hint[200];
	if (!json_is_object(item)) {
		mg_error_set(err, "%s: findings[%zu] must be an object", path, index);
		return -1;
	}
	const char *unknown = unknown_member(item, entry_members, COUNT(entry_members));
	if (unknown) {
		suggestion(hint, sizeof(hint), unknown, entry_members, COUNT(entry_members));
		mg_error_set(err, "%s: findings[%zu]: unknown member \"%s\"%s", path, index, unknown, hint);
		return -1;
	}
	const char *values[COUNT(entry_members)];
	for (size_t i = 0; i < COUNT(entry_members); i++) {
		json_t *member = json_object_get(item, entry_members[i]);
		bool optional = strcmp(entry_members[i], "message") == 0;
		if ((!member && !optional) || (member && !json_is_string(member))) {
			mg_error_set(err, "%s: findings[%zu]: \"%s\" must be a string", path, index,
				     entry_members[i]);
			return -1;
		}
		values[i] = member ? json_string_value(member) : "";
	}
	mg_baseline_entry entry = {
		.rule = mg_arena_strdup(baseline->arena, values[0]),
		.path = mg_arena_strdup(baseline->arena, values[1]),
		.message = mg_arena_strdup(baseline->arena, values[2]),
	};
	if (!entry.rule || !entry.path || !entry.message ||
	    MG_ARENA_PUSH(baseline->arena, baseline->entries, baseline->count, baseline->cap, entry) < 0) {
		mg_error_set(err, "%s: out of memory", path);
		return -1;
	}
	return 0;
}

static int read_document(mg_baseline *baseline, json_t *root, const char *path, mg_error *err)
{
	char hint[200];
	if (!json_is_object(root)) {
		mg_error_set(err, "%s: not a modelgraph baseline (the document is not a JSON object)", path);
		return -1;
	}
	json_t *format = json_object_get(root, "format");
	if (!json_is_string(format)) {
		mg_error_set(err, "%s: not a modelgraph baseline (no \"format\": \"%s\")", path,
			     BASELINE_FORMAT);
		return -1;
	}
	if (strcmp(json_string_value(format), BASELINE_FORMAT) != 0) {
		/* Only a format of modelgraph's own is named: the file may hold
		 * anything, and messages go to CI logs. */
		const char *value = json_string_value(format);
		for (size_t i = 0; i < COUNT(other_formats); i++)
			if (strcmp(value, other_formats[i]) == 0) {
				mg_error_set(err, "%s: not a modelgraph baseline (its format is \"%s\")",
					     path, value);
				return -1;
			}
		mg_error_set(err, "%s: not a modelgraph baseline (its \"format\" is not \"%s\")", path,
			     BASELINE_FORMAT);
		return -1;
	}
	json_t *version = json_object_get(root, "version");
	if (!json_is_integer(version)) {
		mg_error_set(err, "%s: \"version\" must be an integer", path);
		return -1;
	}
	if (json_integer_value(version) != BASELINE_VERSION) {
		mg_error_set(err,
			     "%s: baseline version %" JSON_INTEGER_FORMAT " is not supported (this "
			     "modelgraph reads version %d); write it again with --write-baseline",
			     path, json_integer_value(version), BASELINE_VERSION);
		return -1;
	}
	const char *unknown = unknown_member(root, top_members, COUNT(top_members));
	if (unknown) {
		suggestion(hint, sizeof(hint), unknown, top_members, COUNT(top_members));
		mg_error_set(err, "%s: unknown member \"%s\"%s", path, unknown, hint);
		return -1;
	}
	json_t *findings = json_object_get(root, "findings");
	if (!json_is_array(findings)) {
		mg_error_set(err, "%s: \"findings\" must be an array", path);
		return -1;
	}
	for (size_t i = 0; i < json_array_size(findings); i++)
		if (read_entry(baseline, json_array_get(findings, i), i, path, err) < 0)
			return -1;
	if (baseline->count > 1)
		qsort(baseline->entries, baseline->count, sizeof(*baseline->entries), cmp_entries);
	return 0;
}

int mg_baseline_load(mg_baseline **out, const char *path, mg_error *err)
{
	char *data = NULL;
	size_t len = 0;
	json_t *root = NULL;
	mg_baseline *baseline = NULL;
	json_error_t jerr;
	int status = -1;

	*out = NULL;
	if (!(data = mg_config_read_file(path, "baseline file", "write one with --write-baseline",
					 &len, err)))
		goto cleanup;
	size_t bom = mg_json_bom_length(data, len), line = 0, column = 0;
	if (mg_json_check_depth(data + bom, len - bom, mg_limit(MG_LIMIT_NESTING_DEPTH), &line,
				&column) < 0) {
		mg_error_set(err, "%s:%zu:%zu: arrays and objects nested deeper than a baseline may be; "
			     MG_LIMIT_ADVICE_FMT, path, line, column,
			     MG_LIMIT_ADVICE_ARGS(MG_LIMIT_NESTING_DEPTH));
		goto cleanup;
	}
	if (!(root = json_loadb(data + bom, len - bom, JSON_REJECT_DUPLICATES, &jerr))) {
		/* jansson quotes the text it stopped at ("near 'API_TOKEN'"); the
		 * file may be anything (a secret given by mistake), so the quote is
		 * left out: the position shows where to look. */
		char *near = strstr(jerr.text, " near '");
		if (near)
			*near = '\0';
		mg_error_set(err, "%s:%d:%d: not valid JSON: %s", path, jerr.line, jerr.column, jerr.text);
		goto cleanup;
	}
	if (!(baseline = calloc(1, sizeof(*baseline))) || !(baseline->arena = mg_arena_new())) {
		mg_error_set(err, "%s: out of memory", path);
		goto cleanup;
	}
	if (read_document(baseline, root, path, err) < 0)
		goto cleanup;
	*out = baseline;
	baseline = NULL;
	status = 0;
cleanup:
	mg_baseline_free(baseline);
	json_decref(root);
	free(data);
	return status;
}

void mg_baseline_free(mg_baseline *baseline)
{
	if (!baseline)
		return;
	mg_arena_free(baseline->arena);
	free(baseline);
}

const mg_baseline_entry *mg_baseline_entries(const mg_baseline *baseline, size_t *out_count)
{
	*out_count = baseline ? baseline->count : 0;
	return baseline ? baseline->entries : NULL;
}

/* Orders a (rule, path) key given raw against an entry. */
static int compare_key(const char *rule, const char *path, const mg_baseline_entry *entry)
{
	int c = mg_baseline_compare(rule, entry->rule);
	return c ? c : mg_baseline_compare(path, entry->path);
}

/* The first entry not before (rule, path) when `after` is false, else the
 * first entry after it: a binary search either way, so looking up a key
 * that many entries share takes log n, not their number. */
static size_t bound(const mg_baseline *baseline, const char *rule, const char *path, bool after)
{
	size_t lo = 0, hi = baseline ? baseline->count : 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = compare_key(rule, path, &baseline->entries[mid]);
		if (c > 0 || (after && c == 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t mg_baseline_lookup(const mg_baseline *baseline, const char *rule, const char *path,
			  size_t *out_count)
{
	if (!path)
		path = "";
	size_t first = bound(baseline, rule, path, false);
	*out_count = bound(baseline, rule, path, true) - first;
	return first;
}
