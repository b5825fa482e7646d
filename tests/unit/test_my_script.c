/* MySQL-dialect scripts cut as the mariadb client cuts them, the names
 * they declare, and which scripts read as MySQL's (analyzer/read/my_script.h). */

#include "tests/unit/test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/read/input_file.h"
#include "analyzer/read/my_script.h"
#include "util/buf.h"

/* Every statement as "<kind> <line>:<column> <text>\n". */
static char *cut(const char *script)
{
	mg_my_script s;
	mg_my_statement st;
	mg_buf out = MG_BUF_INIT;
	mg_my_script_init(&s, script, strlen(script));
	while (mg_my_script_next(&s, &st))
		mg_buf_printf(&out, "%s %u:%u %.*s\n", st.kind == MG_MY_CLIENT ? "client" : "sql", st.line,
			      st.column, (int)st.len, st.text);
	assert_false(out.failed);
	return out.data ? out.data : calloc(1, 1);
}

static void cuts_at_the_delimiter(void **state)
{
	(void)state;
	char *text = cut("-- a comment; not a statement\n"
			 "# another one;\n"
			 "/* and a block; */ CREATE TABLE a (s varchar(9) DEFAULT 'x;y', `c;` int);\n"
			 "/*!40101 SET NAMES utf8mb4 */;\n"
			 "INSERT INTO a VALUES ('it''s;', \"q\\\";\") ;;\n"
			 "CREATE TABLE b (n int -- trailing; comment\n"
			 ");\n"
			 "DELIMITER //\n"
			 "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET @x = 1; END//\n"
			 "delimiter ;\n"
			 "source other.sql\n"
			 "\\! ls\n"
			 "SELECT 1--1;\n"
			 "CREATE TABLE c (id int)");
	assert_string_equal(text,
			    "sql 3:20 CREATE TABLE a (s varchar(9) DEFAULT 'x;y', `c;` int)\n"
			    "sql 4:1 /*!40101 SET NAMES utf8mb4 */\n"
			    "sql 5:1 INSERT INTO a VALUES ('it''s;', \"q\\\";\")\n"
			    "sql 6:1 CREATE TABLE b (n int -- trailing; comment\n)\n"
			    "client 8:1 DELIMITER //\n"
			    "sql 9:1 CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET @x = 1; END\n"
			    "client 10:1 delimiter ;\n"
			    "client 11:1 source other.sql\n"
			    "client 12:1 \\! ls\n"
			    "sql 13:1 SELECT 1--1\n"
			    "sql 14:1 CREATE TABLE c (id int)\n");
	free(text);
}

typedef struct names {
	char text[512];
} names;

static void note(void *payload, char kind, const char *name, unsigned line, unsigned column)
{
	names *n = payload;
	size_t used = strlen(n->text);
	snprintf(n->text + used, sizeof(n->text) - used, "%c %s %u:%u\n", kind, name, line, column);
}

static void finds_the_names_declared(void **state)
{
	(void)state;
	static const char script[] = "CREATE TABLE IF NOT EXISTS `Order` (id int);\n"
				     "CREATE TEMPORARY TABLE shop.totals (n int);\n"
				     "CREATE UNIQUE INDEX ix_a ON a (n);\n"
				     "CREATE DEFINER=`root`@`localhost` SQL SECURITY INVOKER VIEW v AS SELECT 1;\n"
				     "CREATE OR REPLACE VIEW `we``ird` AS SELECT 1;\n"
				     "CREATE PROCEDURE p() SELECT 1;\n"
				     "ALTER TABLE a ADD COLUMN b int;\n";
	names d = {{0}};
	mg_my_script s;
	mg_my_statement st;
	mg_my_script_init(&s, script, strlen(script));
	while (mg_my_script_next(&s, &st))
		mg_my_statement_names(&st, note, &d);
	assert_string_equal(d.text, "t Order 1:28\n"
				    "t shop.totals 2:24\n"
				    "i ix_a 3:21\n"
				    "t v 4:61\n"
				    "t we`ird 5:24\n");
}

static void knows_routines(void **state)
{
	(void)state;
	static const struct {
		const char *sql;
		bool routine;
	} cases[] = {
		{"CREATE PROCEDURE p() SELECT 1", true},
		{"CREATE DEFINER=`root`@`localhost` FUNCTION f() RETURNS int RETURN 1", true},
		{"CREATE DEFINER='root'@'%' PROCEDURE p() SELECT 1", true},
		{"CREATE OR REPLACE EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 1", true},
		{"DROP PROCEDURE IF EXISTS p", true},
		{"CALL p()", true},
		{"CREATE TABLE procedure_log (id int)", false},
		{"CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET @x = 1", false},
		{"CREATE DEFINER=CURRENT_USER VIEW v AS SELECT 1", false},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		mg_my_statement st = {.kind = MG_MY_SQL, .text = cases[i].sql, .len = strlen(cases[i].sql)};
		if (mg_my_statement_is_routine(&st) != cases[i].routine)
			fail_msg("%s: %s a routine", cases[i].sql, cases[i].routine ? "is" : "is not");
	}
}

static bool file_looks_mysql(const char *name)
{
	char path[1024];
	mg_error err;
	size_t len;
	snprintf(path, sizeof(path), "%s/%s", MG_CORPUS_DIR, name);
	char *text = mg_input_read_all(path, &len, &err);
	assert_non_null(text);
	bool mysql = mg_my_script_looks_mysql(text, len);
	free(text);
	return mysql;
}

static void tells_dialects_apart(void **state)
{
	(void)state;
	static const char *const mysql[] = {
		"chinook/Chinook_MySql.sql", "mediawiki/tables-generated.mysql.sql",
		"roundcube/mysql.initial.sql", "sakila/mysql-sakila-schema.sql",
	};
	static const char *const others[] = {
		"chinook/Chinook_Sqlite.sql", "mediawiki/tables-generated.sqlite.sql",
		"powerdns/schema.sqlite3.sql", "roundcube/sqlite.initial.sql",
		"sakila/sqlite-sakila-schema.sql", "northwind/create.sql",
		"chinook/Chinook_PostgreSql.sql", "mediawiki/tables-generated.postgres.sql",
		"powerdns/schema.pgsql.sql", "roundcube/postgres.initial.sql",
		"sakila/postgres-sakila-schema.sql",
	};
	for (size_t i = 0; i < sizeof(mysql) / sizeof(mysql[0]); i++)
		if (!file_looks_mysql(mysql[i]))
			fail_msg("%s does not read as MySQL's", mysql[i]);
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++)
		if (file_looks_mysql(others[i]))
			fail_msg("%s reads as MySQL's", others[i]);
	static const struct {
		const char *sql;
		bool mysql;
	} cases[] = {
		{"-- AUTO_INCREMENT in a comment\nCREATE TABLE t (note text DEFAULT 'ENGINE=x');\n", false},
		{"CREATE TABLE `t` (`id` INTEGER PRIMARY KEY AUTOINCREMENT);\n", false},
		{"CREATE TABLE t (id int) ENGINE = InnoDB;\n", true},
		{"CREATE TABLE t (id int AUTO_INCREMENT PRIMARY KEY);\n", true},
		{"DELIMITER ;;\n", true},
		{"/*!40101 SET NAMES utf8 */;\n", true},
		{"USE shop;\nCREATE TABLE `t` (id int);\n", true},
		{"CREATE TABLE `t` (id int UNSIGNED);\n", true},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (mg_my_script_looks_mysql(cases[i].sql, strlen(cases[i].sql)) != cases[i].mysql)
			fail_msg("%s: %s read as MySQL's", cases[i].sql, cases[i].mysql ? "should" : "should not");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cuts_at_the_delimiter),
		cmocka_unit_test(finds_the_names_declared),
		cmocka_unit_test(knows_routines),
		cmocka_unit_test(tells_dialects_apart),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
