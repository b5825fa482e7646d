/* How SQLite, PostgreSQL and MySQL write a schema (drift_sql.h). */

#include "analyzer/lint/drift_sql.h"

#include <stdlib.h>
#include <string.h>

#include "analyzer/lint/drift_types.h"
#include "util/text.h"

unsigned mg_table_dialect(const mg_table *table)
{
	const mg_graph *g = table->graph;
	if (!g || table->source_index >= g->nsources)
		return 0;
	switch (g->sources[table->source_index].kind) {
	case MG_SOURCE_SQLITE:
	case MG_SOURCE_SQL:
		return MG_DIALECT_SQLITE;
	case MG_SOURCE_POSTGRES:
		return MG_DIALECT_POSTGRESQL;
	case MG_SOURCE_MYSQL:
		return MG_DIALECT_MYSQL;
	case MG_SOURCE_C:
	case MG_SOURCE_JSON:
		break;
	}
	return 0;
}

const char *mg_dialect_option_name(unsigned dialect)
{
	switch (dialect) {
	case MG_DIALECT_SQLITE: return "sqlite";
	case MG_DIALECT_POSTGRESQL: return "postgresql";
	case MG_DIALECT_MYSQL: return "mysql";
	default: return NULL;
	}
}

unsigned mg_dialect_from_option(const char *name)
{
	if (!name)
		return 0;
	if (strcmp(name, "sqlite") == 0)
		return MG_DIALECT_SQLITE;
	if (strcmp(name, "postgresql") == 0)
		return MG_DIALECT_POSTGRESQL;
	if (strcmp(name, "mysql") == 0)
		return MG_DIALECT_MYSQL;
	return 0;
}

/* ---- names and literals ---- */

bool mg_dialect_needs_quotes(const char *name, unsigned dialect)
{
	if (!*name || (*name >= '0' && *name <= '9'))
		return true;
	for (const char *p = name; *p; p++) {
		bool lower = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_';
		bool upper = *p >= 'A' && *p <= 'Z';
		if (!lower && !(upper && dialect != MG_DIALECT_POSTGRESQL))
			return true;
	}
	return (mg_reserved_word_dialects(name) & dialect) != 0;
}

void mg_dialect_put_name(mg_buf *out, const char *name, unsigned dialect)
{
	if (!mg_dialect_needs_quotes(name, dialect)) {
		mg_buf_puts(out, name);
		return;
	}
	char quote = dialect == MG_DIALECT_MYSQL ? '`' : '"';
	mg_buf_putc(out, quote);
	for (const char *p = name; *p; p++) {
		if (*p == quote)
			mg_buf_putc(out, quote);
		mg_buf_putc(out, *p);
	}
	mg_buf_putc(out, quote);
}

const char *mg_table_bare_name(const mg_table *table)
{
	size_t n = table->schema ? strlen(table->schema) : 0;
	if (n && strncmp(table->name, table->schema, n) == 0 && table->name[n] == '.' && table->name[n + 1])
		return table->name + n + 1;
	return table->name;
}

void mg_dialect_put_table(mg_buf *out, const mg_table *table, unsigned dialect)
{
	if (table->schema && dialect == MG_DIALECT_POSTGRESQL) {
		mg_dialect_put_name(out, table->schema, dialect);
		mg_buf_putc(out, '.');
	}
	mg_dialect_put_name(out, mg_table_bare_name(table), dialect);
}

void mg_dialect_put_columns(mg_buf *out, mg_column *const *columns, size_t n, unsigned dialect)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			mg_buf_puts(out, ", ");
		mg_dialect_put_name(out, columns[i] ? columns[i]->name : "?", dialect);
	}
}

void mg_dialect_put_string(mg_buf *out, const char *text, unsigned dialect)
{
	mg_buf_putc(out, '\'');
	for (const char *p = text; *p; p++) {
		if (*p == '\'')
			mg_buf_putc(out, '\'');
		else if (*p == '\\' && dialect == MG_DIALECT_MYSQL)
			mg_buf_putc(out, '\\');
		mg_buf_putc(out, *p);
	}
	mg_buf_putc(out, '\'');
}

/* ---- types ---- */

bool mg_dialect_autoincrements(const mg_column *column)
{
	const mg_table *t = column->table;
	return column->autoincrement && t->npk == 1 && t->primary_key[0] == column &&
	       column->family == MG_TYPE_INTEGER;
}

static bool in_columns(mg_column *const *columns, size_t n, const mg_column *column)
{
	for (size_t i = 0; i < n; i++)
		if (columns[i] == column)
			return true;
	return false;
}

bool mg_column_is_keyed(const mg_column *column)
{
	const mg_table *t = column->table;
	if (in_columns(t->primary_key, t->npk, column))
		return true;
	for (size_t i = 0; i < t->nuniques; i++)
		if (in_columns(t->uniques[i].columns, t->uniques[i].ncolumns, column))
			return true;
	for (size_t i = 0; i < t->nindexes; i++)
		if (in_columns(t->indexes[i]->columns, t->indexes[i]->ncolumns, column))
			return true;
	for (size_t i = 0; i < t->nforeign_keys; i++)
		if (!t->foreign_keys[i]->implied &&
		    in_columns(t->foreign_keys[i]->columns, t->foreign_keys[i]->ncolumns, column))
			return true;
	for (size_t i = 0; i < t->nreferenced_by; i++) {
		const mg_foreign_key *fk = t->referenced_by[i];
		if (!fk->implied && fk->parent_columns && in_columns(fk->parent_columns, fk->ncolumns, column))
			return true;
	}
	return false;
}

/*
 * How each dialect spells a normalised type (sql_type.c), looked up by its
 * name without arguments or MySQL's sign words: "VARCHAR(80)" by VARCHAR,
 * "TIMESTAMP(3) WITH TIME ZONE" by TIMESTAMP WITH TIME ZONE. A spelling
 * ending in "*" takes the type's arguments: VARCHAR(80) stays VARCHAR(80).
 * A type not listed is written by its family (family_spellings).
 */
static const struct spelling {
	const char *name, *sqlite, *postgresql, *mysql;
} spellings[] = {
	{"BIGINT", "BIGINT", "BIGINT", "BIGINT"},
	{"BINARY", "BLOB", "BYTEA", "BINARY*"},
	{"BLOB", "BLOB", "BYTEA", "BLOB"},
	{"BOOLEAN", "BOOLEAN", "BOOLEAN", "BOOLEAN"},
	{"BYTEA", "BLOB", "BYTEA", "LONGBLOB"},
	{"CHAR", "CHAR*", "CHAR*", "CHAR*"},
	{"CLOB", "TEXT", "TEXT", "LONGTEXT"},
	{"DATE", "DATE", "DATE", "DATE"},
	{"DATETIME", "DATETIME", "TIMESTAMP*", "DATETIME*"},
	{"DECIMAL", "DECIMAL*", "NUMERIC*", "DECIMAL*"},
	{"DOUBLE PRECISION", "REAL", "DOUBLE PRECISION", "DOUBLE"},
	{"FLOAT", "FLOAT", "FLOAT*", "FLOAT*"},
	{"INTEGER", "INTEGER", "INTEGER", "INTEGER"},
	{"JSON", "JSON", "JSON", "JSON"},
	{"JSONB", "JSON", "JSONB", "JSON"},
	{"LONGBLOB", "BLOB", "BYTEA", "LONGBLOB"},
	{"LONGTEXT", "TEXT", "TEXT", "LONGTEXT"},
	{"MEDIUMBLOB", "BLOB", "BYTEA", "MEDIUMBLOB"},
	{"MEDIUMINT", "MEDIUMINT", "INTEGER", "MEDIUMINT"},
	{"MEDIUMTEXT", "TEXT", "TEXT", "MEDIUMTEXT"},
	{"NUMERIC", "NUMERIC*", "NUMERIC*", "DECIMAL*"},
	{"REAL", "REAL", "REAL", "FLOAT"},
	{"SMALLINT", "SMALLINT", "SMALLINT", "SMALLINT"},
	{"TEXT", "TEXT", "TEXT", "TEXT"},
	{"TIME", "TIME", "TIME*", "TIME*"},
	{"TIME WITH TIME ZONE", "TIME", "TIME WITH TIME ZONE", "TIME"},
	{"TIMESTAMP", "DATETIME", "TIMESTAMP*", "DATETIME*"},
	{"TIMESTAMP WITH TIME ZONE", "DATETIME", "TIMESTAMP WITH TIME ZONE", "DATETIME"},
	{"TINYBLOB", "BLOB", "BYTEA", "TINYBLOB"},
	{"TINYINT", "TINYINT", "SMALLINT", "TINYINT"},
	{"TINYTEXT", "TEXT", "TEXT", "TINYTEXT"},
	{"UUID", "CHAR(36)", "UUID", "CHAR(36)"},
	{"VARBINARY", "BLOB", "BYTEA", "VARBINARY*"},
	{"VARCHAR", "VARCHAR*", "VARCHAR*", "VARCHAR*"},
};

/* By family, for the types the table does not list. */
static const struct spelling family_spellings[] = {
	[MG_TYPE_UNKNOWN] = {NULL, "", "TEXT", "TEXT"},
	[MG_TYPE_INTEGER] = {NULL, "INTEGER", "INTEGER", "INTEGER"},
	[MG_TYPE_REAL] = {NULL, "REAL", "DOUBLE PRECISION", "DOUBLE"},
	[MG_TYPE_NUMERIC] = {NULL, "NUMERIC", "NUMERIC", "DECIMAL(65,30)"},
	[MG_TYPE_TEXT] = {NULL, "TEXT", "TEXT", "TEXT"},
	[MG_TYPE_BLOB] = {NULL, "BLOB", "BYTEA", "BLOB"},
	[MG_TYPE_BOOLEAN] = {NULL, "BOOLEAN", "BOOLEAN", "BOOLEAN"},
	[MG_TYPE_DATETIME] = {NULL, "DATETIME", "TIMESTAMP", "DATETIME"},
};

/* The longest VARCHAR MySQL takes in utf8mb4 (65,535 bytes, 4 a character). */
#define MYSQL_VARCHAR_MAX 16383

static const char *spelling_for(const struct spelling *s, unsigned dialect)
{
	return dialect == MG_DIALECT_POSTGRESQL ? s->postgresql
	       : dialect == MG_DIALECT_MYSQL    ? s->mysql
						: s->sqlite;
}

void mg_dialect_put_type(mg_buf *out, const mg_column *column, unsigned dialect)
{
	bool numbered = mg_dialect_autoincrements(column);
	if (numbered && dialect == MG_DIALECT_SQLITE) {
		mg_buf_puts(out, "INTEGER"); /* only INTEGER PRIMARY KEY is the rowid */
		return;
	}
	mg_type_parts parts;
	mg_type_split(column->sql_type ? column->sql_type : "", &parts);
	if (numbered && dialect == MG_DIALECT_POSTGRESQL) {
		mg_buf_puts(out, strcmp(parts.name, "BIGINT") == 0     ? "BIGSERIAL"
				 : strcmp(parts.name, "SMALLINT") == 0 ? "SMALLSERIAL"
								       : "SERIAL");
		return;
	}
	if (mg_table_dialect(column->table) == dialect && column->type && *column->type) {
		mg_buf_puts(out, column->type); /* its own dialect: as declared */
		return;
	}
	const char *spelt = NULL;
	for (size_t i = 0; i < sizeof(spellings) / sizeof(spellings[0]) && !spelt; i++)
		if (strcmp(spellings[i].name, parts.name) == 0)
			spelt = spelling_for(&spellings[i], dialect);
	if (!spelt) {
		unsigned family = column->family <= MG_TYPE_DATETIME ? column->family : MG_TYPE_UNKNOWN;
		spelt = spelling_for(&family_spellings[family], dialect);
	}
	size_t len = strlen(spelt);
	bool args = len && spelt[len - 1] == '*';
	if (args)
		len--;
	if (dialect == MG_DIALECT_MYSQL) {
		bool keyed = mg_column_is_keyed(column);
		bool text = strncmp(spelt, "VARCHAR", 7) == 0 || strstr(spelt, "TEXT") != NULL;
		bool blob = strstr(spelt, "BLOB") != NULL;
		/* MySQL keys no TEXT or BLOB without a length, and has no VARCHAR without one. */
		if ((text && (!parts.nargs || strstr(spelt, "TEXT"))) || blob) {
			if (keyed) {
				mg_buf_puts(out, blob ? "VARBINARY(255)" : "VARCHAR(255)");
				return;
			}
			if (strncmp(spelt, "VARCHAR", 7) == 0) {
				mg_buf_puts(out, "TEXT");
				return;
			}
		} else if (strncmp(spelt, "VARCHAR", 7) == 0 && parts.nargs && parts.args[0] > MYSQL_VARCHAR_MAX &&
			   !keyed) {
			mg_buf_puts(out, "MEDIUMTEXT");
			return;
		}
	}
	mg_buf_put(out, spelt, len);
	if (args && parts.nargs) {
		mg_buf_putc(out, '(');
		for (size_t i = 0; i < parts.nargs; i++)
			mg_buf_printf(out, "%s%lu", i ? ", " : "", parts.args[i]);
		mg_buf_putc(out, ')');
	}
}

/* ---- defaults ---- */

bool mg_dialect_put_default(mg_buf *out, const mg_column *column, unsigned dialect)
{
	if (!column->default_value || mg_dialect_autoincrements(column) || column->autoincrement)
		return false;
	mg_default value;
	char *text = mg_default_parse(column->default_value, mg_table_dialect(column->table), &value);
	if (!text)
		return false;
	bool boolean = column->family == MG_TYPE_BOOLEAN;
	bool written = true;
	switch (value.kind) {
	case MG_DEFAULT_NULL:
		written = false;
		break;
	case MG_DEFAULT_NUMBER:
		if (boolean && dialect == MG_DIALECT_POSTGRESQL && (!strcmp(value.text, "0") || !strcmp(value.text, "1")))
			mg_buf_puts(out, strcmp(value.text, "1") == 0 ? "TRUE" : "FALSE");
		else
			mg_buf_puts(out, value.text);
		break;
	case MG_DEFAULT_STRING:
		mg_dialect_put_string(out, value.text, dialect);
		break;
	case MG_DEFAULT_TRUE:
	case MG_DEFAULT_FALSE:
		if (dialect == MG_DIALECT_SQLITE)
			mg_buf_puts(out, value.kind == MG_DEFAULT_TRUE ? "1" : "0");
		else
			mg_buf_puts(out, value.kind == MG_DEFAULT_TRUE ? "TRUE" : "FALSE");
		break;
	case MG_DEFAULT_KEYWORD:
		mg_buf_puts(out, value.text);
		break;
	case MG_DEFAULT_EXPRESSION:
		/* SQLite and MySQL take an expression only in parentheses. */
		mg_buf_printf(out, "(%s)", value.text);
		break;
	}
	free(text);
	return written;
}

/* ---- definitions ---- */

void mg_dialect_put_column(mg_buf *out, const mg_column *column, unsigned dialect)
{
	mg_dialect_put_name(out, column->name, dialect);
	mg_buf t = MG_BUF_INIT;
	mg_dialect_put_type(&t, column, dialect);
	if (t.len) { /* SQLite: a column may have no type */
		mg_buf_putc(out, ' ');
		mg_buf_put(out, t.data, t.len);
	}
	t.len = 0;
	bool numbered = mg_dialect_autoincrements(column);
	if (numbered && dialect == MG_DIALECT_MYSQL)
		mg_buf_puts(out, " NOT NULL AUTO_INCREMENT");
	if (numbered) { /* INTEGER PRIMARY KEY and SERIAL are never NULL */
		if (t.failed)
			out->failed = 1;
		mg_buf_free(&t);
		return;
	}
	if (!column->nullable)
		mg_buf_puts(out, " NOT NULL");
	if (mg_dialect_put_default(&t, column, dialect) && t.data) {
		mg_buf_puts(out, " DEFAULT ");
		mg_buf_put(out, t.data, t.len);
	}
	if (t.failed)
		out->failed = 1;
	mg_buf_free(&t);
}

void mg_dialect_put_fk_actions(mg_buf *out, const mg_foreign_key *fk, unsigned dialect)
{
	(void)dialect;
	const char *del = mg_fk_action_name(fk->on_delete), *upd = mg_fk_action_name(fk->on_update);
	if (del)
		mg_buf_printf(out, " ON DELETE %s", del);
	if (upd)
		mg_buf_printf(out, " ON UPDATE %s", upd);
}

bool mg_dialect_put_parent_columns(mg_buf *out, const mg_foreign_key *fk, unsigned dialect)
{
	if (fk->parent_columns) {
		for (size_t i = 0; i < fk->ncolumns; i++)
			if (!fk->parent_columns[i])
				return false;
		mg_dialect_put_columns(out, fk->parent_columns, fk->ncolumns, dialect);
		return true;
	}
	if (fk->nparent_columns != fk->ncolumns)
		return false;
	for (size_t i = 0; i < fk->nparent_columns; i++) {
		if (i)
			mg_buf_puts(out, ", ");
		mg_dialect_put_name(out, fk->parent_column_names[i], dialect);
	}
	return true;
}

bool mg_dialect_put_fk_constraint(mg_buf *out, const mg_foreign_key *fk, unsigned dialect)
{
	return mg_dialect_put_fk_named(out, fk, fk->name, dialect);
}

bool mg_dialect_put_fk_named(mg_buf *out, const mg_foreign_key *fk, const char *name, unsigned dialect)
{
	if (!fk->parent)
		return false;
	mg_buf columns = MG_BUF_INIT;
	bool known = mg_dialect_put_parent_columns(&columns, fk, dialect);
	if (known && !columns.failed) {
		mg_buf_puts(out, "CONSTRAINT ");
		mg_dialect_put_name(out, name, dialect);
		mg_buf_puts(out, " FOREIGN KEY (");
		mg_dialect_put_columns(out, fk->columns, fk->ncolumns, dialect);
		mg_buf_puts(out, ") REFERENCES ");
		mg_dialect_put_table(out, fk->parent, dialect);
		mg_buf_puts(out, " (");
		mg_buf_put(out, columns.data, columns.len);
		mg_buf_putc(out, ')');
		mg_dialect_put_fk_actions(out, fk, dialect);
		if (fk->deferrable && dialect != MG_DIALECT_MYSQL)
			mg_buf_puts(out, fk->initially_deferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE");
	}
	if (columns.failed)
		out->failed = 1;
	mg_buf_free(&columns);
	return known;
}
