#include "analyzer/core/sql_type.h"

#include <string.h>

#include "util/text.h"

/* Whole-name synonyms, applied to the part before any "(". */
static const struct {
	const char *from, *to;
} synonyms[] = {
	{"INT", "INTEGER"},        {"INT4", "INTEGER"},      {"INT8", "BIGINT"},
	{"INT2", "SMALLINT"},      {"BOOL", "BOOLEAN"},      {"FLOAT8", "DOUBLE PRECISION"},
	{"DOUBLE", "DOUBLE PRECISION"}, {"FLOAT4", "REAL"},  {"CHARACTER VARYING", "VARCHAR"},
	{"SERIAL", "INTEGER"},     {"BIGSERIAL", "BIGINT"},  {"SMALLSERIAL", "SMALLINT"},
	{"TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE"}, {"DEC", "DECIMAL"},
};

const char *mg_sql_type_normalize(mg_arena *arena, const char *declared)
{
	size_t len = strlen(declared);
	char *out = mg_arena_alloc(arena, len + 1);
	if (!out)
		return NULL;
	size_t n = 0;
	bool pending_space = false;
	for (const char *p = declared; *p; p++) {
		if (mg_ascii_isspace(*p)) {
			pending_space = n > 0;
			continue;
		}
		/* No space around parentheses and commas: "VARCHAR ( 80 )" → "VARCHAR(80)". */
		if (pending_space && !strchr("(),", *p) && !strchr("(,", out[n - 1]))
			out[n++] = ' ';
		pending_space = false;
		out[n++] = mg_ascii_toupper(*p);
	}
	out[n] = '\0';

	size_t base_len = strcspn(out, "(");
	while (base_len > 0 && out[base_len - 1] == ' ')
		base_len--;
	for (size_t i = 0; i < sizeof(synonyms) / sizeof(synonyms[0]); i++) {
		if (strlen(synonyms[i].from) == base_len && strncmp(out, synonyms[i].from, base_len) == 0)
			return mg_arena_printf(arena, "%s%s", synonyms[i].to, out + base_len);
	}
	return out;
}

static bool contains(const char *s, const char *word)
{
	return strstr(s, word) != NULL;
}

mg_type_family mg_sql_type_family(const char *t)
{
	if (!*t)
		return MG_TYPE_UNKNOWN;
	/* Names SQLite would give NUMERIC affinity but that mean something more precise. */
	if (strncmp(t, "BOOL", 4) == 0 || strncmp(t, "BIT", 3) == 0)
		return MG_TYPE_BOOLEAN;
	if (contains(t, "DATE") || contains(t, "TIME") || contains(t, "INTERVAL") ||
	    contains(t, "YEAR"))
		return MG_TYPE_DATETIME;
	/* SQLite's affinity rules, in their order (datatype3.html §3.1). */
	if (contains(t, "INT"))
		return MG_TYPE_INTEGER;
	if (contains(t, "CHAR") || contains(t, "CLOB") || contains(t, "TEXT") ||
	    contains(t, "UUID") || contains(t, "JSON") || contains(t, "ENUM"))
		return MG_TYPE_TEXT;
	if (contains(t, "BLOB") || contains(t, "BINARY") || contains(t, "BYTEA"))
		return MG_TYPE_BLOB;
	if (contains(t, "REAL") || contains(t, "FLOA") || contains(t, "DOUB"))
		return MG_TYPE_REAL;
	return MG_TYPE_NUMERIC;
}
