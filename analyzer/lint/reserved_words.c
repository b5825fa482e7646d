#include "analyzer/lint/reserved_words.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

/*
 * Words each dialect refuses as an unquoted table or column name, sorted.
 * SQLite: its keywords without an identifier fallback (measured against
 * SQLite's own parser). PostgreSQL: the "reserved" and "reserved (can be
 * function or type)" keywords of its SQL key words appendix. MySQL: the
 * words marked (R) in the MySQL 8.0 keyword list.
 */
static const char *const sqlite_words[] = {
	"ADD", "ALL", "ALTER", "AND", "AS", "AUTOINCREMENT", "BETWEEN", "CASE", "CHECK",
	"COLLATE", "COMMIT", "CONSTRAINT", "CREATE", "DEFAULT", "DEFERRABLE", "DELETE",
	"DISTINCT", "DROP", "ELSE", "ESCAPE", "EXCEPT", "EXISTS", "FOREIGN", "FROM", "GROUP",
	"HAVING", "IN", "INDEX", "INSERT", "INTERSECT", "INTO", "IS", "ISNULL", "JOIN", "LIMIT",
	"NOT", "NOTHING", "NOTNULL", "NULL", "ON", "OR", "ORDER", "PRIMARY", "REFERENCES",
	"RETURNING", "SELECT", "SET", "TABLE", "THEN", "TO", "TRANSACTION", "UNION", "UNIQUE",
	"UPDATE", "USING", "VALUES", "WHEN", "WHERE",
};

static const char *const postgresql_words[] = {
	"ALL", "ANALYSE", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC", "ASYMMETRIC",
	"AUTHORIZATION", "BINARY", "BOTH", "CASE", "CAST", "CHECK", "COLLATE", "COLLATION",
	"COLUMN", "CONCURRENTLY", "CONSTRAINT", "CREATE", "CROSS", "CURRENT_CATALOG",
	"CURRENT_DATE", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_TIME", "CURRENT_TIMESTAMP",
	"CURRENT_USER", "DEFAULT", "DEFERRABLE", "DESC", "DISTINCT", "DO", "ELSE", "END",
	"EXCEPT", "FALSE", "FETCH", "FOR", "FOREIGN", "FREEZE", "FROM", "FULL", "GRANT", "GROUP",
	"HAVING", "ILIKE", "IN", "INITIALLY", "INNER", "INTERSECT", "INTO", "IS", "ISNULL",
	"JOIN", "LATERAL", "LEADING", "LEFT", "LIKE", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP",
	"NATURAL", "NOT", "NOTNULL", "NULL", "OFFSET", "ON", "ONLY", "OR", "ORDER", "OUTER",
	"OVERLAPS", "PLACING", "PRIMARY", "REFERENCES", "RETURNING", "RIGHT", "SELECT",
	"SESSION_USER", "SIMILAR", "SOME", "SYMMETRIC", "SYSTEM_USER", "TABLE", "TABLESAMPLE",
	"THEN", "TO", "TRAILING", "TRUE", "UNION", "UNIQUE", "USER", "USING", "VARIADIC",
	"VERBOSE", "WHEN", "WHERE", "WINDOW", "WITH",
};

static const char *const mysql_words[] = {
	"ACCESSIBLE", "ADD", "ALL", "ALTER", "ANALYZE", "AND", "AS", "ASC", "ASENSITIVE",
	"BEFORE", "BETWEEN", "BIGINT", "BINARY", "BLOB", "BOTH", "BY", "CALL", "CASCADE", "CASE",
	"CHANGE", "CHAR", "CHARACTER", "CHECK", "COLLATE", "COLUMN", "CONDITION", "CONSTRAINT",
	"CONTINUE", "CONVERT", "CREATE", "CROSS", "CUBE", "CUME_DIST", "CURRENT_DATE",
	"CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "CURSOR", "DATABASE", "DATABASES",
	"DAY_HOUR", "DAY_MICROSECOND", "DAY_MINUTE", "DAY_SECOND", "DEC", "DECIMAL", "DECLARE",
	"DEFAULT", "DELAYED", "DELETE", "DENSE_RANK", "DESC", "DESCRIBE", "DETERMINISTIC",
	"DISTINCT", "DISTINCTROW", "DIV", "DOUBLE", "DROP", "DUAL", "EACH", "ELSE", "ELSEIF",
	"EMPTY", "ENCLOSED", "ESCAPED", "EXCEPT", "EXISTS", "EXIT", "EXPLAIN", "FALSE", "FETCH",
	"FIRST_VALUE", "FLOAT", "FLOAT4", "FLOAT8", "FOR", "FORCE", "FOREIGN", "FROM", "FULLTEXT",
	"FUNCTION", "GENERATED", "GET", "GRANT", "GROUP", "GROUPING", "GROUPS", "HAVING",
	"HIGH_PRIORITY", "HOUR_MICROSECOND", "HOUR_MINUTE", "HOUR_SECOND", "IF", "IGNORE", "IN",
	"INDEX", "INFILE", "INNER", "INOUT", "INSENSITIVE", "INSERT", "INT", "INT1", "INT2",
	"INT3", "INT4", "INT8", "INTEGER", "INTERSECT", "INTERVAL", "INTO", "IO_AFTER_GTIDS",
	"IO_BEFORE_GTIDS", "IS", "ITERATE", "JOIN", "JSON_TABLE", "KEY", "KEYS", "KILL", "LAG",
	"LAST_VALUE", "LATERAL", "LEAD", "LEADING", "LEAVE", "LEFT", "LIKE", "LIMIT", "LINEAR",
	"LINES", "LOAD", "LOCALTIME", "LOCALTIMESTAMP", "LOCK", "LONG", "LONGBLOB", "LONGTEXT",
	"LOOP", "LOW_PRIORITY", "MASTER_BIND", "MASTER_SSL_VERIFY_SERVER_CERT", "MATCH",
	"MAXVALUE", "MEDIUMBLOB", "MEDIUMINT", "MEDIUMTEXT", "MIDDLEINT", "MINUTE_MICROSECOND",
	"MINUTE_SECOND", "MOD", "MODIFIES", "NATURAL", "NO_WRITE_TO_BINLOG", "NOT", "NTH_VALUE",
	"NTILE", "NULL", "NUMERIC", "OF", "ON", "OPTIMIZE", "OPTIMIZER_COSTS", "OPTION",
	"OPTIONALLY", "OR", "ORDER", "OUT", "OUTER", "OUTFILE", "OVER", "PARTITION",
	"PERCENT_RANK", "PRECISION", "PRIMARY", "PROCEDURE", "PURGE", "RANGE", "RANK", "READ",
	"READ_WRITE", "READS", "REAL", "RECURSIVE", "REFERENCES", "REGEXP", "RELEASE", "RENAME",
	"REPEAT", "REPLACE", "REQUIRE", "RESIGNAL", "RESTRICT", "RETURN", "REVOKE", "RIGHT",
	"RLIKE", "ROW", "ROW_NUMBER", "ROWS", "SCHEMA", "SCHEMAS", "SECOND_MICROSECOND", "SELECT",
	"SENSITIVE", "SEPARATOR", "SET", "SHOW", "SIGNAL", "SMALLINT", "SPATIAL", "SPECIFIC",
	"SQL", "SQL_BIG_RESULT", "SQL_CALC_FOUND_ROWS", "SQL_SMALL_RESULT", "SQLEXCEPTION",
	"SQLSTATE", "SQLWARNING", "SSL", "STARTING", "STORED", "STRAIGHT_JOIN", "SYSTEM", "TABLE",
	"TERMINATED", "THEN", "TINYBLOB", "TINYINT", "TINYTEXT", "TO", "TRAILING", "TRIGGER",
	"TRUE", "UNDO", "UNION", "UNIQUE", "UNLOCK", "UNSIGNED", "UPDATE", "USAGE", "USE",
	"USING", "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP", "VALUES", "VARBINARY", "VARCHAR",
	"VARCHARACTER", "VARYING", "VIRTUAL", "WHEN", "WHERE", "WHILE", "WINDOW", "WITH", "WRITE",
	"XOR", "YEAR_MONTH", "ZEROFILL",
};

/*
 * The rules ask about every table and column name, twice: the three lists
 * are merged once into a hash table of lower-case words, each with the
 * dialects that reserve it. A name is folded and hashed in one pass, and
 * stops as soon as it is longer than the longest word (most names are); the
 * table is sparse and keeps each word's hash, so a name that is no word
 * (nearly all) is told so at its first or second slot without comparing
 * strings.
 */
#define WORD_MAX 32     /* longer than any word: a longer name is not one */
#define WORD_SLOTS 4096 /* a power of two, over five times the words */

static char slot_word[WORD_SLOTS][WORD_MAX]; /* lower case */
static uint32_t slot_hash[WORD_SLOTS];
static unsigned slot_dialects[WORD_SLOTS];   /* 0: an empty slot */
static size_t longest_word = WORD_MAX - 1;   /* in bytes, once the table is built */
static bool table_built;

/* Folds `name` into `out` (WORD_MAX bytes) and hashes it (FNV-1a); its
 * length, or 0 when it is longer than any word. */
static size_t fold(char *out, const char *name, uint32_t *hash)
{
	uint32_t h = 2166136261u;
	size_t n = 0;
	for (; name[n]; n++) {
		if (n >= longest_word)
			return 0;
		char c = mg_ascii_tolower(name[n]);
		out[n] = c;
		h = (h ^ (unsigned char)c) * 16777619u;
	}
	out[n] = '\0';
	*hash = h;
	return n;
}

/* The slot of `lower`, or the empty slot where it would go. */
static size_t slot_of(const char *lower, uint32_t hash)
{
	for (size_t i = hash & (WORD_SLOTS - 1);; i = (i + 1) & (WORD_SLOTS - 1))
		if (!slot_dialects[i] || (slot_hash[i] == hash && strcmp(slot_word[i], lower) == 0))
			return i;
}

static void add_words(const char *const *words, size_t n, unsigned dialect)
{
	char lower[WORD_MAX];
	uint32_t hash;
	for (size_t i = 0; i < n; i++) {
		size_t len = fold(lower, words[i], &hash);
		if (!len)
			continue;
		size_t k = slot_of(lower, hash);
		memcpy(slot_word[k], lower, len + 1);
		slot_hash[k] = hash;
		slot_dialects[k] |= dialect;
	}
}

#define ADD(list, dialect) add_words((list), sizeof(list) / sizeof((list)[0]), (dialect))

static void build_table(void)
{
	ADD(sqlite_words, MG_DIALECT_SQLITE);
	ADD(postgresql_words, MG_DIALECT_POSTGRESQL);
	ADD(mysql_words, MG_DIALECT_MYSQL);
	size_t longest = 0;
	for (size_t i = 0; i < WORD_SLOTS; i++)
		if (slot_dialects[i] && strlen(slot_word[i]) > longest)
			longest = strlen(slot_word[i]);
	longest_word = longest;
	table_built = true;
}

unsigned mg_reserved_word_dialects(const char *name)
{
	if (!table_built)
		build_table();
	char lower[WORD_MAX];
	uint32_t hash;
	size_t len = fold(lower, name, &hash);
	return len ? slot_dialects[slot_of(lower, hash)] : 0;
}

const char *mg_dialect_name(unsigned dialect)
{
	switch (dialect) {
	case MG_DIALECT_SQLITE: return "SQLite";
	case MG_DIALECT_POSTGRESQL: return "PostgreSQL";
	case MG_DIALECT_MYSQL: return "MySQL";
	default: return "SQL";
	}
}
