/* File names for table pages: safe, unique ignoring case, stable. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "render/site.h"
#include "util/text.h"

#define MAX_STEM 48 /* characters of a name kept in its file name */

struct mg_site_names {
	const mg_graph *graph;
	char **ids;      /* by index in graph->tables */
	size_t count;
};

void mg_site_slug(mg_buf *out, const char *text)
{
	size_t n = 0;
	bool dash = false;
	for (const unsigned char *p = (const unsigned char *)(text ? text : ""); *p && n < MAX_STEM; p++) {
		char c = mg_ascii_tolower((char)*p);
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
			if (dash && n > 0) {
				mg_buf_putc(out, '-');
				n++;
			}
			mg_buf_putc(out, c);
			n++;
			dash = false;
		} else {
			dash = true;
		}
	}
}

/* Names Windows reserves for devices, in any case and with any extension. */
static bool reserved(const char *stem)
{
	static const char *const names[] = {"con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
					    "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3",
					    "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(stem, names[i]) == 0)
			return true;
	return false;
}

/* FNV-1a over the exact bytes of a name. */
static uint32_t name_hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h;
}

static int compare_ids(const void *a, const void *b)
{
	return mg_ascii_casecmp(**(char *const *const *)a, **(char *const *const *)b);
}

mg_site_names *mg_site_names_new(const mg_graph *graph)
{
	mg_site_names *names = calloc(1, sizeof(*names)), *result = NULL;
	char ***sorted = NULL;
	mg_buf id = MG_BUF_INIT;
	if (!names || !(names->ids = calloc(graph->ntables + 1, sizeof(*names->ids))))
		goto cleanup;
	names->graph = graph;
	names->count = graph->ntables;
	for (size_t i = 0; i < graph->ntables; i++) {
		const char *name = graph->tables[i]->path;
		id.len = 0;
		mg_site_slug(&id, name);
		/* The slug alone only when it is the name itself but for case
		 * (which the graph ignores, so no other table has it), so two
		 * names that differ in punctuation never share a file. */
		bool same = id.len > 0 && (graph->case_insensitive ? mg_ascii_casecmp(id.data, name) == 0
								    : strcmp(id.data, name) == 0);
		if (!same || reserved(id.data))
			mg_buf_printf(&id, "%s%08x", id.len ? "-" : "t-", name_hash(name));
		if (id.failed || !(names->ids[i] = malloc(id.len + 1)))
			goto cleanup;
		memcpy(names->ids[i], id.data, id.len + 1);
	}
	/* Two hashes may still meet (or a table may be named like another's
	 * slug and hash): the later name in table order gets a number. */
	if (!(sorted = malloc((graph->ntables + 1) * sizeof(*sorted))))
		goto cleanup;
	for (size_t i = 0; i < graph->ntables; i++)
		sorted[i] = &names->ids[i];
	qsort(sorted, graph->ntables, sizeof(*sorted), compare_ids);
	for (size_t i = 1; i < graph->ntables; i++) {
		if (mg_ascii_casecmp(*sorted[i - 1], *sorted[i]) != 0)
			continue;
		char **later = sorted[i - 1] > sorted[i] ? sorted[i - 1] : sorted[i];
		for (unsigned k = 2;; k++) {
			id.len = 0;
			mg_buf_printf(&id, "%s-%u", *later, k);
			bool taken = false;
			for (size_t j = 0; j < graph->ntables && !taken; j++)
				taken = mg_ascii_casecmp(names->ids[j], id.data ? id.data : "") == 0;
			if (!taken)
				break;
		}
		char *renamed = id.failed ? NULL : malloc(id.len + 1);
		if (!renamed)
			goto cleanup;
		memcpy(renamed, id.data, id.len + 1);
		free(*later);
		*later = renamed;
	}
	result = names;
	names = NULL;
cleanup:
	free(sorted);
	mg_buf_free(&id);
	mg_site_names_free(names);
	return result;
}

void mg_site_names_free(mg_site_names *names)
{
	if (!names)
		return;
	for (size_t i = 0; names->ids && i < names->count; i++)
		free(names->ids[i]);
	free(names->ids);
	free(names);
}

const char *mg_site_names_table(const mg_site_names *names, const mg_table *table)
{
	for (size_t lo = 0, hi = names->count; lo < hi;) {
		size_t mid = lo + (hi - lo) / 2;
		const mg_table *t = names->graph->tables[mid];
		if (t == table)
			return names->ids[mid];
		int c = mg_name_order(t->name, table->name);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = 0; i < names->count; i++)
		if (names->graph->tables[i] == table)
			return names->ids[i];
	return NULL;
}
