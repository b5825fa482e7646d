/* libFuzzer target: the DDL scanner that locates declarations and reads
 * CREATE INDEX statements, on arbitrary bytes (it must never read past
 * the length it is given). */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/read/ddl_scan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void visit(const mg_ddl_item *item, void *payload)
{
	size_t *count = payload;
	*count += item->name && item->name[0] != '\0';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The readers hand the scanner NUL-terminated text; so does this. */
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	size_t count = 0;
	mg_ddl_scan(text, size, visit, &count);
	mg_ddl_index index;
	(void)mg_ddl_scan_index(text, size, &index);
	free(text);
	return 0;
}
