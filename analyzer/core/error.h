#ifndef MG_ERROR_H
#define MG_ERROR_H

/*
 * Why an input could not be read. Readers fill it and return -1; the CLI
 * prints it on one line and exits 2. The message names the input first
 * ("app.db: …", "schema.sql:12: …") and says how to fix it where it can.
 */
typedef struct mg_error {
	char message[1024]; /* a longer message ends in "..." */
} mg_error;

void mg_error_set(mg_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
