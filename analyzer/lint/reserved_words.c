#include "analyzer/lint/reserved_words.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "analyzer/core/name_index.h"
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

/* Every word with the dialects that reserve it, in one hash built on first
 * use: rules ask for every table and column name, most of them no word. */
static mg_name_index *words_index(void)
{
	static mg_name_index *index;
	static bool failed;
	static const struct {
		const char *const *words;
		size_t n;
		unsigned dialect;
	} lists[] = {
		{sqlite_words, sizeof(sqlite_words) / sizeof(sqlite_words[0]), MG_DIALECT_SQLITE},
		{postgresql_words, sizeof(postgresql_words) / sizeof(postgresql_words[0]), MG_DIALECT_POSTGRESQL},
		{mysql_words, sizeof(mysql_words) / sizeof(mysql_words[0]), MG_DIALECT_MYSQL},
	};
	if (index || failed)
		return index;
	index = mg_name_index_new(true);
	for (size_t l = 0; index && l < sizeof(lists) / sizeof(lists[0]); l++)
		for (size_t i = 0; i < lists[l].n; i++) {
			uintptr_t dialects = (uintptr_t)mg_name_index_get(index, lists[l].words[i]) | lists[l].dialect;
			if (mg_name_index_put(index, lists[l].words[i], (void *)dialects) < 0) {
				mg_name_index_free(index);
				index = NULL;
			}
			if (!index)
				break;
		}
	failed = !index;
	return index;
}

static int cmp_word(const void *key, const void *element)
{
	return mg_ascii_casecmp(key, *(const char *const *)element);
}

static int in_list(const char *name, const char *const *words, size_t n)
{
	return bsearch(name, words, n, sizeof(words[0]), cmp_word) != NULL;
}

#define IN(name, list) in_list((name), (list), sizeof(list) / sizeof((list)[0]))

unsigned mg_reserved_word_dialects(const char *name)
{
	const mg_name_index *index = words_index();
	if (index)
		return (unsigned)(uintptr_t)mg_name_index_get(index, name);
	/* No memory for the hash: the sorted lists. */
	unsigned dialects = 0;
	if (IN(name, sqlite_words))
		dialects |= MG_DIALECT_SQLITE;
	if (IN(name, postgresql_words))
		dialects |= MG_DIALECT_POSTGRESQL;
	if (IN(name, mysql_words))
		dialects |= MG_DIALECT_MYSQL;
	return dialects;
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
