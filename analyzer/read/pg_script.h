#ifndef MG_PG_SCRIPT_H
#define MG_PG_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

/*
 * A PostgreSQL-dialect script cut into statements the way psql cuts it:
 * at semicolons outside comments (block comments nest), quoted strings
 * ('…', E'…' with backslash escapes), quoted identifiers and dollar-quoted
 * bodies ($$…$$, $fn$…$fn$). A backslash where a statement would start is
 * a psql meta-command, which runs to the end of its line. After
 * COPY … FROM stdin, the data up to the line "\." belongs to the statement.
 */

typedef enum mg_pg_statement_kind {
	MG_PG_SQL,  /* an SQL statement, without its semicolon */
	MG_PG_META, /* a psql meta-command, from its backslash to the end of the line */
} mg_pg_statement_kind;

typedef struct mg_pg_statement {
	mg_pg_statement_kind kind;
	const char *text;   /* into the script; not NUL-terminated */
	size_t len;
	unsigned line;      /* 1-based, of the statement's first character */
	unsigned column;    /* 1-based */
	bool copy_data;     /* COPY … FROM stdin: its data followed it, and was skipped */
} mg_pg_statement;

typedef struct mg_pg_script {
	const char *text;
	size_t len, pos;
	unsigned line, column; /* of pos */
} mg_pg_script;

void mg_pg_script_init(mg_pg_script *script, const char *text, size_t len);

/* The next statement (comments and blank space before it skipped): 1, or 0
 * at the end of the script. A statement left open at the end (no
 * semicolon) is returned as it is. */
int mg_pg_script_next(mg_pg_script *script, mg_pg_statement *out);

/* Where byte `offset` of a statement is, as line and column of the script. */
void mg_pg_statement_position(const mg_pg_statement *statement, size_t offset, unsigned *out_line,
			      unsigned *out_column);

/*
 * The objects a statement declares, each passed to `found` with where its
 * declaration starts: a table or view ('t': CREATE [UNLOGGED|TEMP]
 * TABLE, CREATE [OR REPLACE] [MATERIALIZED] VIEW), an index ('i': CREATE
 * [UNIQUE] INDEX name) and a named constraint ('c': CONSTRAINT name, in
 * CREATE TABLE or ALTER TABLE). Names are as PostgreSQL keeps them:
 * unquoted ones in lower case; "public.t" is "t", other schemas stay.
 */
void mg_pg_statement_names(const mg_pg_statement *statement,
			   void (*found)(void *payload, char kind, const char *name, unsigned line,
					 unsigned column),
			   void *payload);

/* Whether a script reads as PostgreSQL's dialect rather than SQLite's: it
 * uses something only PostgreSQL has (a :: cast, a dollar-quoted body, a
 * psql meta-command, CREATE SEQUENCE/TYPE/DOMAIN/EXTENSION, COMMENT ON,
 * OWNER TO, SERIAL, BYTEA, JSONB, TIMESTAMPTZ, USING btree, INHERITS, …)
 * and nothing of MySQL's (backquotes, ENGINE=, AUTO_INCREMENT). */
bool mg_pg_script_looks_postgresql(const char *text, size_t len);

#endif
