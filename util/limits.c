#include "util/limits.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct limit_row {
	const char *name;
	long long default_value;
	const char *unit;
	const char *what;
} limit_row;

static const limit_row rows[MG_LIMIT_COUNT] = {
#define MG_LIMIT(ID, NAME, DEFAULT, UNIT, WHAT) [ID] = {NAME, DEFAULT, UNIT, WHAT},
#include "util/limits.def"
#undef MG_LIMIT
};

/* 0: not set, the default applies. */
static long long values[MG_LIMIT_COUNT];

long long mg_limit(mg_limit_id id)
{
	return values[id] ? values[id] : rows[id].default_value;
}

size_t mg_limit_bytes(mg_limit_id id)
{
	unsigned long long mib = (unsigned long long)mg_limit(id);
	if (mib > SIZE_MAX / (1024 * 1024))
		return SIZE_MAX;
	return (size_t)mib * 1024 * 1024;
}

const char *mg_limit_name(mg_limit_id id) { return rows[id].name; }
const char *mg_limit_unit(mg_limit_id id) { return rows[id].unit; }
const char *mg_limit_what(mg_limit_id id) { return rows[id].what; }
long long mg_limit_default(mg_limit_id id) { return rows[id].default_value; }

void mg_limits_reset(void)
{
	memset(values, 0, sizeof(values));
}

/* Every limit's name, comma-separated, for the unknown-name message. */
static void list_names(char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; i < MG_LIMIT_COUNT && used < size; i++) {
		int n = snprintf(out + used, size - used, "%s%s", i ? ", " : "", rows[i].name);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

int mg_limit_set(const char *assignment, char *message, size_t size)
{
	const char *equals = strchr(assignment, '=');
	if (!equals) {
		snprintf(message, size, "--limit %s: expected NAME=VALUE, e.g. --limit %s=%lld", assignment,
			 rows[0].name, rows[0].default_value * 2);
		return -1;
	}
	size_t name_len = (size_t)(equals - assignment);
	for (int i = 0; i < MG_LIMIT_COUNT; i++) {
		if (strlen(rows[i].name) != name_len || strncmp(rows[i].name, assignment, name_len) != 0)
			continue;
		const char *text = equals + 1;
		char *end = NULL;
		errno = 0;
		long long value = strtoll(text, &end, 10);
		if (text[0] < '0' || text[0] > '9' || *end || errno == ERANGE || value <= 0) {
			snprintf(message, size, "--limit %s: the value must be a positive whole number of %s",
				 assignment, rows[i].unit);
			return -1;
		}
		values[i] = value;
		return 0;
	}
	char names[512];
	list_names(names, sizeof(names));
	snprintf(message, size, "--limit %s: unknown limit \"%.*s\"; the limits are %s", assignment,
		 (int)name_len, assignment, names);
	return -1;
}
