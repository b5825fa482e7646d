#include "analyzer/read/server_url.h"

#include <stdio.h>
#include <string.h>

/* Where the authority of a URL starts, and how long it is. */
static const char *authority_of(const char *url, size_t *out_len)
{
	const char *authority = strstr(url, "://");
	authority = authority ? authority + 3 : url;
	*out_len = strcspn(authority, "/?#");
	return authority;
}

const char *mg_server_url_redact(char *buf, size_t size, const char *url)
{
	size_t authority_len;
	const char *authority = authority_of(url, &authority_len);
	size_t path_len = strcspn(authority + authority_len, "?#");
	const char *host = authority, *at = NULL;
	for (const char *p = authority; p < authority + authority_len; p++)
		if (*p == '@')
			at = p;
	size_t user_len = 0;
	if (at) {
		host = at + 1;
		user_len = strcspn(authority, ":@");
	}
	snprintf(buf, size, "%.*s%.*s%s%.*s%.*s", (int)(authority - url), url, (int)user_len, authority,
		 user_len ? "@" : "", (int)(authority + authority_len - host), host, (int)path_len,
		 authority + authority_len);
	return buf;
}

void mg_server_scrub(char *message, const char *secret)
{
	if (!secret || !*secret)
		return;
	size_t n = strlen(secret);
	for (char *hit = strstr(message, secret); hit; hit = strstr(hit, secret)) {
		/* "***" is never longer than what it replaces unless the secret is
		 * shorter than three bytes: then it is masked in place. */
		size_t mask = n < 3 ? n : 3;
		memset(hit, '*', mask);
		memmove(hit + mask, hit + n, strlen(hit + n) + 1);
		hit += mask;
	}
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Scrubs `len` bytes at `raw`, and their percent-decoded form. */
static void scrub_span(char *message, const char *raw, size_t len)
{
	char secret[512], decoded[512];
	if (len >= sizeof(secret))
		len = sizeof(secret) - 1; /* a longer one is still masked up to here */
	if (len == 0)
		return;
	memcpy(secret, raw, len);
	secret[len] = '\0';
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		int hi, lo;
		if (secret[i] == '%' && i + 2 < len && (hi = hex_value(secret[i + 1])) >= 0 &&
		    (lo = hex_value(secret[i + 2])) >= 0) {
			decoded[n++] = (char)(hi * 16 + lo);
			i += 2;
		} else {
			decoded[n++] = secret[i];
		}
	}
	decoded[n] = '\0';
	mg_server_scrub(message, secret);
	mg_server_scrub(message, decoded);
}

void mg_server_scrub_url_secrets(char *message, const char *url)
{
	size_t authority_len;
	const char *authority = authority_of(url, &authority_len);
	const char *at = NULL;
	for (const char *p = authority; p < authority + authority_len; p++)
		if (*p == '@')
			at = p;
	if (at) {
		const char *colon = memchr(authority, ':', (size_t)(at - authority));
		if (colon)
			scrub_span(message, colon + 1, (size_t)(at - colon - 1));
	}
	const char *query = strchr(url, '?');
	for (const char *p = query; p && *p; p += strcspn(p, "&")) {
		p += *p == '?' || *p == '&';
		if (strncmp(p, "password=", 9) == 0)
			scrub_span(message, p + 9, strcspn(p + 9, "&#"));
	}
}
