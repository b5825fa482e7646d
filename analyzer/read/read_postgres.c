#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/read/libpq_api.h"
#include "analyzer/read/postgres_schema.h"
#include "analyzer/read/readers.h"
#include "analyzer/read/server_url.h"

/*
 * Reads a PostgreSQL database named by a postgresql:// URI. libpq parses
 * the URI and fills what it leaves out from the environment (PGHOST,
 * PGUSER, PGPASSWORD, …) and the password file (~/.pgpass).
 *
 * No message shows a password: the source is named by the URI without its
 * password and query string, and libpq's own messages have every secret
 * the URI or the environment holds masked, however it was spelt.
 */

/* libpq's message on one line: its lines joined by "; ", secrets masked. */
static void connection_message(char *out, size_t size, PGconn *conn, const char *url)
{
	const char *message = conn ? mg_pq.PQerrorMessage(conn) : "out of memory";
	size_t n = 0;
	for (const char *p = message; *p && n + 3 < size; p++) {
		if (*p == '\n' || *p == '\r') {
			if (p[1] && p[1] != '\n' && n > 0) {
				out[n++] = ';';
				out[n++] = ' ';
			}
			continue;
		}
		/* libpq indents continuation lines with a tab and doubles the space
		 * after "FATAL:". */
		char c = *p == '\t' ? ' ' : *p;
		if (c == ' ' && (n == 0 || out[n - 1] == ' '))
			continue;
		out[n++] = c;
	}
	while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == ';'))
		n--;
	out[n] = '\0';
	mg_server_scrub_url_secrets(out, url);
	mg_server_scrub(out, getenv("PGPASSWORD"));
	/* What libpq itself read from the URI (a password given as a keyword). */
	PQconninfoOption *parsed = mg_pq.PQconninfoParse(url, NULL);
	for (PQconninfoOption *o = parsed; o && o->keyword; o++)
		if (strcmp(o->keyword, "password") == 0)
			mg_server_scrub(out, o->val);
	mg_pq.PQconninfoFree(parsed);
}

int mg_read_postgres(mg_graph *graph, const char *url, const mg_postgres_options *options,
		     mg_error *err)
{
	char shown[512], message[768];
	PGconn *conn = NULL;
	int result = -1;
	mg_server_url_redact(shown, sizeof(shown), url);
	if (mg_pq_load(shown, err) < 0)
		return -1;

	/* The URI is expanded in place of dbname; client_encoding, given after
	 * it, wins over the URI's: names are read as UTF-8. */
	const char *const keywords[] = {"dbname", "fallback_application_name", "client_encoding", NULL};
	const char *const values[] = {url, "modelgraph", "UTF8", NULL};
	conn = mg_pq.PQconnectdbParams(keywords, values, 1);
	if (!conn || mg_pq.PQstatus(conn) != CONNECTION_OK) {
		connection_message(message, sizeof(message), conn, url);
		mg_error_set(err, "%s: cannot connect: %s", shown, message);
		goto cleanup;
	}
	int version = mg_pq.PQserverVersion(conn);
	if (version < MG_POSTGRES_MIN_VERSION) {
		mg_error_set(err, "%s: the server runs PostgreSQL %d.%d; modelgraph reads PostgreSQL %d or later",
			     shown, version / 10000, version >= 100000 ? version % 10000 : version / 100 % 100,
			     MG_POSTGRES_MIN_VERSION / 10000);
		goto cleanup;
	}
	size_t source = mg_graph_add_source(graph, shown, MG_SOURCE_POSTGRES);
	if (source == (size_t)-1) {
		mg_error_set(err, "%s: out of memory", shown);
		goto cleanup;
	}
	/* Locations point at the graph's copy of the name. */
	result = mg_postgres_schema_load(graph, conn, graph->sources[source].name, options, NULL, err);
cleanup:
	mg_pq.PQfinish(conn);
	return result;
}
