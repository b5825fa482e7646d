#ifndef MG_MY_SCRIPT_H
#define MG_MY_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

/*
 * A MySQL-dialect script cut into statements the way the mysql and mariadb
 * clients cut it: at the delimiter (";" until a DELIMITER command names
 * another, as scripts do around a trigger's or procedure's body) outside
 * comments ("-- " and "#" to the end of the line, and block comments) and
 * quoted strings and names ('…', "…" with backslash escapes, `…`).
 * Executable comments (a block comment opening with "!", as in dumps'
 * version-guarded settings) are kept in the statement, for the server to
 * run. A client command (DELIMITER, source, system and the client's other
 * words, or a backslash command) is a statement of its own, to the end of
 * its line.
 */

typedef enum mg_my_statement_kind {
	MG_MY_SQL,     /* an SQL statement, without its delimiter */
	MG_MY_CLIENT,  /* a client command (DELIMITER, source, \!, …), to the end of the line */
} mg_my_statement_kind;

typedef struct mg_my_statement {
	mg_my_statement_kind kind;
	const char *text;   /* into the script; not NUL-terminated */
	size_t len;
	unsigned line;      /* 1-based, of the statement's first character */
	unsigned column;    /* 1-based */
} mg_my_statement;

typedef struct mg_my_script {
	const char *text;
	size_t len, pos;
	unsigned line, column; /* of pos */
	char delimiter[16];    /* the current one: ";" at first */
} mg_my_script;

void mg_my_script_init(mg_my_script *script, const char *text, size_t len);

/* The next statement (comments and blank space before it skipped): 1, or 0
 * at the end. A DELIMITER command is returned too, after it took effect. A
 * statement left open at the end is returned as it is. */
int mg_my_script_next(mg_my_script *script, mg_my_statement *out);

/* Where byte `offset` of a statement is, as line and column of the script. */
void mg_my_statement_position(const mg_my_statement *statement, size_t offset, unsigned *out_line,
			      unsigned *out_column);

/* Whether the statement starts with `word` (ASCII case ignored), as a word. */
bool mg_my_statement_starts_with(const mg_my_statement *statement, const char *word);

/*
 * The objects a statement declares, each passed to `found` with where its
 * declaration starts: a table or view ('t': CREATE [TEMPORARY] TABLE [IF
 * NOT EXISTS] name, CREATE [OR REPLACE] [ALGORITHM=…] [DEFINER=…] [SQL
 * SECURITY …] VIEW name) and an index ('i': CREATE [UNIQUE|FULLTEXT|SPATIAL]
 * INDEX name). Names are unquoted; "db.t" is passed as it is written.
 */
void mg_my_statement_names(const mg_my_statement *statement,
			   void (*found)(void *payload, char kind, const char *name, unsigned line,
					 unsigned column),
			   void *payload);

/* Whether a statement creates, alters or drops a stored procedure,
 * function or event, or calls one (CALL): code, not schema. */
bool mg_my_statement_is_routine(const mg_my_statement *statement);

/* Whether a script reads as MySQL's dialect rather than SQLite's or
 * PostgreSQL's: outside comments and strings it has something only MySQL
 * has (ENGINE=, AUTO_INCREMENT, a DELIMITER command, an executable
 * comment, or backquoted names together with USE, CREATE DATABASE,
 * UNSIGNED or a character set; SQLite takes backquoted names too). */
bool mg_my_script_looks_mysql(const char *text, size_t len);

#endif
