/* PostgreSQL-dialect scripts: cut into statements as psql cuts them, and
 * told from SQLite's and MySQL's dialects. */

#include "tests/unit/test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/read/input_file.h"
#include "analyzer/read/pg_script.h"

static void splits_like_psql(void **state)
{
	(void)state;
	static const char script[] =
		"-- a comment; with a semicolon\n"
		"CREATE TABLE a (x text DEFAULT 'it''s; fine', \"y;\" int);\n"
		"/* outer /* inner; */ still; */ CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$\n"
		"  LANGUAGE sql;\n"
		"\\connect other\n"
		"COPY a (x) FROM stdin;\n"
		"one;\n"
		"\\.\n"
		"SELECT E'\\';', $$;$$";
	mg_pg_script s;
	mg_pg_statement st;
	mg_pg_script_init(&s, script, strlen(script));

	assert_int_equal(mg_pg_script_next(&s, &st), 1);
	assert_int_equal(st.kind, MG_PG_SQL);
	assert_int_equal(st.line, 2);
	assert_int_equal(st.column, 1);
	assert_true(st.len == strlen("CREATE TABLE a (x text DEFAULT 'it''s; fine', \"y;\" int)"));

	assert_int_equal(mg_pg_script_next(&s, &st), 1);
	assert_int_equal(st.line, 3);
	assert_int_equal(st.column, 33);
	assert_true(strncmp(st.text, "CREATE FUNCTION", 15) == 0);
	assert_true(st.text[st.len - 1] == 'l'); /* "LANGUAGE sql", the semicolon left out */
	unsigned line, column;
	mg_pg_statement_position(&st, (size_t)(strstr(st.text, "LANGUAGE") - st.text), &line, &column);
	assert_int_equal(line, 4);
	assert_int_equal(column, 3);

	assert_int_equal(mg_pg_script_next(&s, &st), 1);
	assert_int_equal(st.kind, MG_PG_META);
	assert_true(st.len == strlen("\\connect other"));

	assert_int_equal(mg_pg_script_next(&s, &st), 1);
	assert_true(st.copy_data);
	assert_int_equal(st.line, 6);

	assert_int_equal(mg_pg_script_next(&s, &st), 1);
	assert_int_equal(st.line, 9);
	assert_true(st.len == strlen("SELECT E'\\';', $$;$$"));
	assert_int_equal(mg_pg_script_next(&s, &st), 0);
}

typedef struct declared {
	char text[512];
} declared;

static void note(void *payload, char kind, const char *name, unsigned line, unsigned column)
{
	declared *d = payload;
	size_t n = strlen(d->text);
	snprintf(d->text + n, sizeof(d->text) - n, "%c %s %u:%u\n", kind, name, line, column);
}

static void names_what_statements_declare(void **state)
{
	(void)state;
	static const char script[] =
		"CREATE UNLOGGED TABLE IF NOT EXISTS public.\"Order\" (\n"
		"  id int, CONSTRAINT order_pk PRIMARY KEY (id));\n"
		"create or replace materialized view App.Totals as select 1;\n"
		"CREATE UNIQUE INDEX CONCURRENTLY ix_a ON a (b);\n"
		"CREATE INDEX ON a (c);\n"
		"ALTER TABLE a ADD CONSTRAINT \"A fk\" FOREIGN KEY (b) REFERENCES b;\n"
		"INSERT INTO a VALUES ('CONSTRAINT x');\n";
	mg_pg_script s;
	mg_pg_statement st;
	declared d = {{0}};
	mg_pg_script_init(&s, script, strlen(script));
	while (mg_pg_script_next(&s, &st))
		mg_pg_statement_names(&st, note, &d);
	assert_string_equal(d.text, "t Order 1:1\n"
				    "c order_pk 2:11\n"
				    "t app.totals 3:1\n"
				    "i ix_a 4:1\n"
				    "c A fk 6:19\n");
}

static bool file_looks_postgresql(const char *name)
{
	char path[1024];
	mg_error err;
	size_t len;
	snprintf(path, sizeof(path), "%s/%s", MG_CORPUS_DIR, name);
	char *text = mg_input_read_all(path, &len, &err);
	assert_non_null(text);
	bool postgres = mg_pg_script_looks_postgresql(text, len);
	free(text);
	return postgres;
}

static void tells_dialects_apart(void **state)
{
	(void)state;
	static const char *const postgres[] = {
		"chinook/Chinook_PostgreSql.sql", "mediawiki/tables-generated.postgres.sql",
		"powerdns/schema.pgsql.sql", "roundcube/postgres.initial.sql",
		"sakila/postgres-sakila-schema.sql",
	};
	static const char *const others[] = {
		"chinook/Chinook_Sqlite.sql", "mediawiki/tables-generated.sqlite.sql",
		"powerdns/schema.sqlite3.sql", "roundcube/sqlite.initial.sql",
		"sakila/sqlite-sakila-schema.sql", "northwind/create.sql",
		"chinook/Chinook_MySql.sql", "mediawiki/tables-generated.mysql.sql",
		"roundcube/mysql.initial.sql", "sakila/mysql-sakila-schema.sql",
	};
	for (size_t i = 0; i < sizeof(postgres) / sizeof(postgres[0]); i++)
		assert_true(file_looks_postgresql(postgres[i]));
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++)
		assert_false(file_looks_postgresql(others[i]));
	static const char serial_in_comment[] = "-- id serial\nCREATE TABLE t (note text DEFAULT 'x::y');\n";
	assert_false(mg_pg_script_looks_postgresql(serial_in_comment, strlen(serial_in_comment)));
	static const char cast[] = "CREATE TABLE t (n int DEFAULT '1'::int);\n";
	assert_true(mg_pg_script_looks_postgresql(cast, strlen(cast)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(splits_like_psql),
		cmocka_unit_test(names_what_statements_declare),
		cmocka_unit_test(tells_dialects_apart),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
