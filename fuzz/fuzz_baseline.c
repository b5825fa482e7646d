/* libFuzzer target: the baseline reader (analyzer/lint/baseline.h) on
 * arbitrary file contents. A baseline it accepts must also hold together:
 * every entry is found by a lookup of its own rule and path, and writing
 * the entries as findings and reading that back gives the same entries. */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/lint/baseline.h"
#include "fuzz/fuzz_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what, size_t index)
{
	fprintf(stderr, "baseline entry %zu: %s\n", index, what);
	abort();
}

static void check_lookups(const mg_baseline *baseline)
{
	size_t n;
	const mg_baseline_entry *entries = mg_baseline_entries(baseline, &n);
	for (size_t i = 0; i < n; i++) {
		size_t count;
		size_t first = mg_baseline_lookup(baseline, entries[i].rule, entries[i].path, &count);
		if (count == 0 || i < first || i >= first + count)
			fail("a lookup of its own rule and path does not find it", i);
		if (mg_baseline_compare(entries[i].rule, entries[i].rule) != 0)
			fail("its rule does not compare equal to itself", i);
	}
}

/* The entries as findings, written as a baseline and read back. */
static void check_round_trip(const mg_baseline *baseline)
{
	size_t n;
	const mg_baseline_entry *entries = mg_baseline_entries(baseline, &n);
	mg_findings *findings = mg_findings_new();
	if (!findings)
		return;
	mg_location nowhere = {.file = NULL, .line = 0, .column = 0};
	for (size_t i = 0; i < n; i++)
		if (!mg_findings_add(findings, entries[i].rule, MG_SEVERITY_WARNING, MG_OBJECT_TABLE,
				     entries[i].path, nowhere, entries[i].message))
			goto done;
	mg_buf out = MG_BUF_INIT;
	mg_baseline_write(findings, &out);
	const char *path = out.failed ? NULL : mg_fuzz_file((const uint8_t *)out.data, out.len, "again.json");
	mg_baseline *again = NULL;
	mg_error err;
	if (path && mg_baseline_load(&again, path, &err) < 0) {
		fprintf(stderr, "the baseline written from it does not load: %s\n", err.message);
		abort();
	}
	size_t m = 0;
	const mg_baseline_entry *read_back = mg_baseline_entries(again, &m);
	if (again && m != n)
		fail("the baseline written from the entries has another number of them", m);
	for (size_t i = 0; again && i < n; i++)
		if (strcmp(entries[i].rule, read_back[i].rule) != 0 ||
		    strcmp(entries[i].path, read_back[i].path) != 0 ||
		    strcmp(entries[i].message, read_back[i].message) != 0)
			fail("written and read back, it differs", i);
	mg_baseline_free(again);
	mg_buf_free(&out);
done:
	mg_findings_free(findings);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = mg_fuzz_file(data, size, "baseline.json");
	mg_baseline *baseline = NULL;
	mg_error err;
	if (path && mg_baseline_load(&baseline, path, &err) == 0) {
		check_lookups(baseline);
		check_round_trip(baseline);
	}
	mg_baseline_free(baseline);
	return 0;
}
