#ifndef MG_SERVER_URL_H
#define MG_SERVER_URL_H

#include <stddef.h>

/*
 * Database server URLs (postgresql://user:password@host/db?options) as
 * messages and outputs may show them: never with what may be secret.
 */

/* The URL without the password of its user information and without the
 * query string (where libpq also accepts password=…), written to `buf`
 * (cut to `size`); returns buf. */
const char *mg_server_url_redact(char *buf, size_t size, const char *url);

/* Replaces, in the NUL-terminated `message`, every occurrence of `secret`
 * (when not NULL or empty) by "***". The message never grows. */
void mg_server_scrub(char *message, const char *secret);

/* Replaces every secret the URL holds (its password, raw and
 * percent-decoded, and any password= of its query string) in `message`. */
void mg_server_scrub_url_secrets(char *message, const char *url);

#endif
