#ifndef MG_BASELINE_H
#define MG_BASELINE_H

#include <stddef.h>

#include "util/buf.h"
#include "analyzer/core/error.h"
#include "analyzer/core/findings.h"

/*
 * A baseline: the findings a project has accepted, so CI fails only on new
 * ones. It is a versioned JSON document (docs/configuration.md):
 *
 *   {"format": "modelgraph-baseline", "version": 1,
 *    "findings": [{"rule": "fk-missing-index", "path": "post.fk_user",
 *                  "message": "…"}, …]}
 *
 * Entries are keyed by rule and object path, never by line, so moving a
 * declaration keeps the baseline valid. Matching counts: each entry accepts
 * one finding, so two findings of one rule on one object need two entries
 * and a new duplicate still fails. The message is for people reading the
 * file, and only decides which of several findings on one object an entry
 * accepts first.
 */

typedef struct mg_baseline mg_baseline;

typedef struct mg_baseline_entry {
	const char *rule;     /* as written; a rule no longer in the catalog simply matches nothing */
	const char *path;     /* object path */
	const char *message;  /* "" when the entry has none */
} mg_baseline_entry;

/*
 * Writes `findings` as a baseline, sorted by rule, path and message, each
 * finding once (duplicates twice). Strings that are not valid UTF-8 are
 * written with U+FFFD for each bad byte, and matched the same way. On
 * allocation failure out->failed is set, as with every renderer.
 */
void mg_baseline_write(const mg_findings *findings, mg_buf *out);

/*
 * Reads the baseline `path`. 0 with *out set (free with mg_baseline_free),
 * or -1 with `err` set and *out NULL: a missing file, malformed JSON
 * (with jansson's line and column), another format or version, or entries
 * of the wrong shape.
 */
int mg_baseline_load(mg_baseline **out, const char *path, mg_error *err);

/* Releases a baseline; NULL is a no-op. */
void mg_baseline_free(mg_baseline *baseline);

/* The entries, sorted by rule, path and message; *out_count 0 for NULL. */
const mg_baseline_entry *mg_baseline_entries(const mg_baseline *baseline, size_t *out_count);

/*
 * The entries for one rule and object path, compared as mg_baseline_write
 * would write them: returns the index of the first, with their number in
 * *out_count (0 when there are none).
 */
size_t mg_baseline_lookup(const mg_baseline *baseline, const char *rule, const char *path,
			  size_t *out_count);

/* strcmp of `raw` as mg_baseline_write writes it (bad UTF-8 bytes as
 * U+FFFD) against `written`. */
int mg_baseline_compare(const char *raw, const char *written);

#endif
