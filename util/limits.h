#ifndef MG_LIMITS_H
#define MG_LIMITS_H

#include <stddef.h>

/*
 * The limits on input (util/limits.def), process-wide: set once from the
 * command line before any reading, read wherever an input is checked.
 */
typedef enum mg_limit_id {
#define MG_LIMIT(ID, NAME, DEFAULT, UNIT, WHAT) ID,
#include "util/limits.def"
#undef MG_LIMIT
	MG_LIMIT_COUNT
} mg_limit_id;

/* The limit's current value (its default unless set). */
long long mg_limit(mg_limit_id id);

/* The limit's value in bytes, for the limits counted in MiB. */
size_t mg_limit_bytes(mg_limit_id id);

const char *mg_limit_name(mg_limit_id id);
const char *mg_limit_unit(mg_limit_id id);
const char *mg_limit_what(mg_limit_id id);
long long mg_limit_default(mg_limit_id id);

/*
 * Sets a limit from "NAME=VALUE" (VALUE a positive integer in the limit's
 * unit). 0, or -1 with a message in `message` (size `size`) naming what is
 * wrong and, for an unknown name, the nearest known one.
 */
int mg_limit_set(const char *assignment, char *message, size_t size);

/* Every limit back to its default. */
void mg_limits_reset(void);

/*
 * The tail every message about a limit ends with: "the limit is NAME=VALUE
 * UNIT; raise it with --limit NAME=N". Use as
 *   mg_error_set(err, "%s: ...; " MG_LIMIT_ADVICE_FMT, path, MG_LIMIT_ADVICE_ARGS(id));
 */
#define MG_LIMIT_ADVICE_FMT "the limit is %s=%lld %s; raise it with --limit %s=N"
#define MG_LIMIT_ADVICE_ARGS(id) mg_limit_name(id), mg_limit(id), mg_limit_unit(id), mg_limit_name(id)

#endif
