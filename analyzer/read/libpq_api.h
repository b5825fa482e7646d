#ifndef MG_LIBPQ_API_H
#define MG_LIBPQ_API_H

#include <libpq-fe.h>

#include "analyzer/core/error.h"

/*
 * libpq, loaded when the first PostgreSQL source (a postgresql:// URL or a
 * PostgreSQL-dialect script) is read rather than linked: it brings
 * Kerberos, LDAP, SASL and a TLS library with it, which every run on a
 * SQLite file would otherwise load (util/dynlib.h). The readers call libpq
 * through mg_pq, one member per function they use, named and typed as
 * libpq-fe.h declares it; the header still gives the types.
 */

#define MG_PQ_FUNCTIONS(X) \
	X(PQclear) \
	X(PQconnectdb) \
	X(PQconnectdbParams) \
	X(PQconninfoFree) \
	X(PQconninfoParse) \
	X(PQerrorMessage) \
	X(PQexec) \
	X(PQexecParams) \
	X(PQfinish) \
	X(PQgetisnull) \
	X(PQgetvalue) \
	X(PQntuples) \
	X(PQping) \
	X(PQresultErrorField) \
	X(PQresultStatus) \
	X(PQserverVersion) \
	X(PQsetNoticeProcessor) \
	X(PQstatus)

typedef struct mg_pq_api {
#define MG_PQ_MEMBER(name) __typeof__(name) *name;
	MG_PQ_FUNCTIONS(MG_PQ_MEMBER)
#undef MG_PQ_MEMBER
} mg_pq_api;

/* The functions; valid once mg_pq_load has returned 0. */
extern mg_pq_api mg_pq;

/*
 * Loads libpq (once; later calls return at once): the file the environment
 * variable MODELGRAPH_LIBPQ names when it is set, else libpq.so.5, else the
 * library the build found. Returns 0, or -1 with `err` naming the package
 * to install, for the input `shown` (a URL without its password, or a path).
 */
int mg_pq_load(const char *shown, mg_error *err);

#endif
