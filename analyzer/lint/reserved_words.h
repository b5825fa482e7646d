#ifndef MG_RESERVED_WORDS_H
#define MG_RESERVED_WORDS_H

/* SQL dialects, as bits. */
enum {
	MG_DIALECT_SQLITE = 1 << 0,
	MG_DIALECT_POSTGRESQL = 1 << 1,
	MG_DIALECT_MYSQL = 1 << 2,
};
#define MG_DIALECT_ALL (MG_DIALECT_SQLITE | MG_DIALECT_POSTGRESQL | MG_DIALECT_MYSQL)

/*
 * The dialects in which `name` is a reserved word, i.e. cannot name a table
 * or column unless quoted (ASCII case ignored). 0 when none.
 */
unsigned mg_reserved_word_dialects(const char *name);

/* "SQLite", "PostgreSQL", "MySQL" for one dialect bit. */
const char *mg_dialect_name(unsigned dialect);

#endif
