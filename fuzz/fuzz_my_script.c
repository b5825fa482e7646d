/* libFuzzer target: the MySQL-dialect script reader that cuts statements,
 * follows DELIMITER, finds declared names and tells dialects apart, on
 * arbitrary bytes. Every statement lies within the text, in order, with
 * positions that only move forward, and the reader always reaches the end. */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/read/my_script.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void found(void *payload, char kind, const char *name, unsigned line, unsigned column)
{
	size_t *count = payload;
	if ((kind != 't' && kind != 'i') || !name[0] || !line || !column)
		abort();
	(*count)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	mg_my_script script;
	mg_my_statement st;
	size_t names = 0, statements = 0;
	const char *last_end = text;
	unsigned last_line = 0;
	mg_my_script_init(&script, text, size);
	while (mg_my_script_next(&script, &st)) {
		if (st.text < last_end || st.text + st.len > text + size || st.len == 0 || st.line < last_line ||
		    ++statements > size)
			abort();
		last_end = st.text + st.len;
		last_line = st.line;
		unsigned line, column;
		mg_my_statement_position(&st, st.len, &line, &column);
		if (line < st.line)
			abort();
		mg_my_statement_names(&st, found, &names);
		(void)mg_my_statement_is_routine(&st);
		(void)mg_my_statement_starts_with(&st, "use");
	}
	(void)mg_my_script_looks_mysql(text, size);
	return 0;
}
