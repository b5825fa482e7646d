/* Types, defaults and names across dialects, as diff compares them and ddl
 * writes them (analyzer/lint/drift_types.h, drift_sql.h). */

#define _POSIX_C_SOURCE 200809L

#include "tests/unit/test_support.h"

#include <stdlib.h>
#include <string.h>

#include "analyzer/lint/drift_sql.h"
#include "analyzer/lint/drift_types.h"
#include "analyzer/lint/reserved_words.h"

/* One graph per side, each a source of its kind with a table "t". */
typedef struct side {
	mg_graph *graph;
	mg_table *table;
} side;

static side side_new(mg_source_kind kind)
{
	side s = {mg_graph_new(), NULL};
	assert_non_null(s.graph);
	size_t source = mg_graph_add_source(s.graph, "src", kind);
	assert_true(source != (size_t)-1);
	s.table = mg_graph_add_table(s.graph, "t", MG_TABLE_MODEL);
	assert_non_null(s.table);
	s.table->source_index = source;
	return s;
}

static mg_column *column(side *s, const char *name, const char *type)
{
	mg_column *c = mg_table_add_column(s->table, name, type);
	assert_non_null(c);
	return c;
}

/* The verdict on a model column of type `model` against a database column
 * of type `db` in a database of `kind`. */
static mg_type_verdict verdict(const char *model, mg_source_kind kind, const char *db)
{
	side m = side_new(MG_SOURCE_C), d = side_new(kind);
	mg_type_info a, b;
	mg_type_classify(column(&m, "c", model), &a);
	mg_type_classify(column(&d, "c", db), &b);
	mg_type_verdict v = mg_type_compare(&a, &b, mg_table_dialect(d.table));
	mg_graph_free(m.graph);
	mg_graph_free(d.graph);
	return v;
}

static void types_agree_across_dialects(void **state)
{
	(void)state;
	static const struct {
		const char *model;
		mg_source_kind kind;
		const char *db;
	} same[] = {
		{"VARCHAR(80)", MG_SOURCE_POSTGRES, "character varying(80)"},
		{"VARCHAR(80)", MG_SOURCE_POSTGRES, "text"},
		{"VARCHAR(80)", MG_SOURCE_MYSQL, "varchar(200)"},
		{"VARCHAR(80)", MG_SOURCE_SQLITE, "VARCHAR(10)"},
		{"TEXT", MG_SOURCE_MYSQL, "text"},
		{"TEXT", MG_SOURCE_MYSQL, "longtext"},
		{"TEXT", MG_SOURCE_SQLITE, "CLOB"},
		{"INTEGER", MG_SOURCE_POSTGRES, "int4"},
		{"INTEGER", MG_SOURCE_POSTGRES, "bigint"},
		{"INTEGER", MG_SOURCE_MYSQL, "int(11)"},
		{"INTEGER", MG_SOURCE_MYSQL, "int unsigned"},
		{"BIGINT", MG_SOURCE_SQLITE, "INTEGER"},
		{"BOOLEAN", MG_SOURCE_MYSQL, "tinyint(1)"},
		{"BOOLEAN", MG_SOURCE_SQL, "tinyint(1)"}, /* a MySQL-dialect script */
		{"BOOLEAN", MG_SOURCE_POSTGRES, "bool"},
		{"BOOLEAN", MG_SOURCE_SQLITE, "BOOLEAN"},
		{"TIMESTAMP", MG_SOURCE_MYSQL, "datetime"},
		{"TIMESTAMP", MG_SOURCE_POSTGRES, "timestamp with time zone"},
		{"TIMESTAMP", MG_SOURCE_POSTGRES, "timestamp(3) without time zone"},
		{"TIMESTAMP", MG_SOURCE_SQLITE, "DATETIME"},
		{"DOUBLE PRECISION", MG_SOURCE_MYSQL, "double"},
		{"DOUBLE PRECISION", MG_SOURCE_POSTGRES, "real"},
		{"REAL", MG_SOURCE_SQLITE, "FLOAT"},
		{"NUMERIC(10,2)", MG_SOURCE_POSTGRES, "numeric(12,2)"},
		{"NUMERIC(10,2)", MG_SOURCE_MYSQL, "decimal(10,2)"},
		{"NUMERIC(10,2)", MG_SOURCE_POSTGRES, "numeric"},
		{"BLOB", MG_SOURCE_POSTGRES, "bytea"},
		{"BLOB", MG_SOURCE_MYSQL, "longblob"},
		{"VARCHAR(36)", MG_SOURCE_POSTGRES, "uuid"},
		{"UUID", MG_SOURCE_MYSQL, "char(36)"},
		{"JSON", MG_SOURCE_POSTGRES, "jsonb"},
		{"CHAR(2)", MG_SOURCE_MYSQL, "char(2)"},
		/* Types modelgraph does not know are not compared. */
		{"Status", MG_SOURCE_POSTGRES, "status"},
		{"GEOMETRY", MG_SOURCE_POSTGRES, "integer"},
		{"INTEGER", MG_SOURCE_POSTGRES, "integer[]"},
		{"TEXT", MG_SOURCE_MYSQL, "enum('a','b')"},
		{"", MG_SOURCE_SQLITE, "INTEGER"},
	};
	for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
		mg_type_verdict v = verdict(same[i].model, same[i].kind, same[i].db);
		if (v != MG_TYPES_AGREE)
			fail_msg("%s against %s: verdict %d, expected agreement", same[i].model, same[i].db, (int)v);
	}
}

static void types_differ_or_hold_less(void **state)
{
	(void)state;
	static const struct {
		const char *model;
		mg_source_kind kind;
		const char *db;
		mg_type_verdict expected;
	} cases[] = {
		{"VARCHAR(80)", MG_SOURCE_POSTGRES, "character varying(40)", MG_TYPES_NARROWER},
		{"TEXT", MG_SOURCE_POSTGRES, "character varying(255)", MG_TYPES_NARROWER},
		{"TEXT", MG_SOURCE_MYSQL, "tinytext", MG_TYPES_NARROWER},
		{"TEXT", MG_SOURCE_POSTGRES, "uuid", MG_TYPES_NARROWER},
		{"BIGINT", MG_SOURCE_POSTGRES, "integer", MG_TYPES_NARROWER},
		{"INTEGER", MG_SOURCE_MYSQL, "smallint(6)", MG_TYPES_NARROWER},
		{"NUMERIC(10,2)", MG_SOURCE_POSTGRES, "numeric(8,2)", MG_TYPES_NARROWER},
		{"NUMERIC(10,2)", MG_SOURCE_MYSQL, "decimal(10,3)", MG_TYPES_NARROWER},
		{"CHAR(10)", MG_SOURCE_POSTGRES, "character", MG_TYPES_NARROWER},
		{"BOOLEAN", MG_SOURCE_MYSQL, "tinyint(4)", MG_TYPES_DIFFER},
		{"BOOLEAN", MG_SOURCE_POSTGRES, "integer", MG_TYPES_DIFFER},
		{"VARCHAR(80)", MG_SOURCE_SQLITE, "INTEGER", MG_TYPES_DIFFER},
		{"TIMESTAMP", MG_SOURCE_POSTGRES, "date", MG_TYPES_DIFFER},
		{"DOUBLE PRECISION", MG_SOURCE_POSTGRES, "numeric", MG_TYPES_DIFFER},
		{"BLOB", MG_SOURCE_POSTGRES, "text", MG_TYPES_DIFFER},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		mg_type_verdict v = verdict(cases[i].model, cases[i].kind, cases[i].db);
		if (v != cases[i].expected)
			fail_msg("%s against %s: verdict %d, expected %d", cases[i].model, cases[i].db, (int)v,
				 (int)cases[i].expected);
	}
}

static void type_names_split(void **state)
{
	(void)state;
	mg_type_parts p;
	mg_type_split("timestamp(3) with time zone", &p);
	assert_string_equal(p.name, "TIMESTAMP WITH TIME ZONE");
	assert_int_equal(p.nargs, 1);
	assert_int_equal(p.args[0], 3);
	mg_type_split("NUMERIC ( 10 , 2 )", &p);
	assert_string_equal(p.name, "NUMERIC");
	assert_int_equal(p.nargs, 2);
	assert_int_equal(p.args[1], 2);
	mg_type_split("int(10) unsigned zerofill", &p);
	assert_string_equal(p.name, "INT");
	mg_type_split("enum('a','b')", &p);
	assert_string_equal(p.name, "ENUM");
	assert_true(p.other_args);
	assert_int_equal(p.nargs, 0);
	mg_type_split("varchar(80", &p); /* unbalanced: no crash, no arguments */
	assert_string_equal(p.name, "VARCHAR");
}

static void defaults_compare_as_values(void **state)
{
	(void)state;
	enum { SQLITE = MG_DIALECT_SQLITE, PG = MG_DIALECT_POSTGRESQL, MY = MG_DIALECT_MYSQL };
	static const struct {
		const char *model;
		const char *db;
		unsigned dialect;
		bool boolean, agree;
	} cases[] = {
		{"0", "0", PG, false, true},
		{"0", "(0)", SQLITE, false, true},
		{"0", "0.0", MY, false, true},
		{"0", "'0'", MY, false, true},
		{"'draft'", "'draft'::character varying", PG, false, true},
		{"'draft'", "('draft'::text)", PG, false, true},
		{"'it''s'", "'it''s'", MY, false, true},
		{"'it''s'", "'it\\'s'", MY, false, true},
		{"now()", "CURRENT_TIMESTAMP", SQLITE, false, true},
		{"CURRENT_TIMESTAMP", "current_timestamp()", MY, false, true},
		{"CURRENT_TIMESTAMP", "datetime('now')", SQLITE, false, true},
		{"CURRENT_TIMESTAMP", "now(6)", PG, false, true},
		{"true", "1", MY, true, true},
		{"TRUE", "'t'", PG, true, true},
		{"false", "0", SQLITE, true, true},
		{"lower('A')", "LOWER( 'A' )", PG, false, true},
		{NULL, "'x'", PG, false, true},
		{"NULL", NULL, PG, false, true},
		{"'draft'", NULL, PG, false, false},
		{"'draft'", "'published'", PG, false, false},
		{"1", "0", MY, true, false},
		{"true", "1", PG, false, false},
		{"CURRENT_DATE", "CURRENT_TIMESTAMP", PG, false, false},
		{"'a'", "'A'", SQLITE, false, false},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (mg_defaults_agree(cases[i].model, 0, cases[i].db, cases[i].dialect, cases[i].boolean) !=
		    cases[i].agree)
			fail_msg("default %s against %s: expected %s", cases[i].model ? cases[i].model : "(none)",
				 cases[i].db ? cases[i].db : "(none)", cases[i].agree ? "agreement" : "a difference");
}

static char *written(void (*put)(mg_buf *, const char *, unsigned), const char *text, unsigned dialect)
{
	mg_buf out = MG_BUF_INIT;
	put(&out, text, dialect);
	assert_false(out.failed);
	return out.data;
}

static void names_and_strings_are_quoted_per_dialect(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		unsigned dialect;
		const char *expected;
	} names[] = {
		{"post", MG_DIALECT_POSTGRESQL, "post"},
		{"user", MG_DIALECT_POSTGRESQL, "\"user\""},
		{"user", MG_DIALECT_SQLITE, "user"},
		{"order", MG_DIALECT_MYSQL, "`order`"},
		{"order", MG_DIALECT_SQLITE, "\"order\""},
		{"User", MG_DIALECT_POSTGRESQL, "\"User\""},
		{"User", MG_DIALECT_MYSQL, "User"},
		{"my table", MG_DIALECT_SQLITE, "\"my table\""},
		{"a\"b", MG_DIALECT_POSTGRESQL, "\"a\"\"b\""},
		{"a`b", MG_DIALECT_MYSQL, "`a``b`"},
		{"1st", MG_DIALECT_MYSQL, "`1st`"},
		{"", MG_DIALECT_SQLITE, "\"\""},
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *text = written(mg_dialect_put_name, names[i].name, names[i].dialect);
		assert_string_equal(text, names[i].expected);
		free(text);
	}
	char *text = written(mg_dialect_put_string, "it's a\\b", MG_DIALECT_MYSQL);
	assert_string_equal(text, "'it''s a\\\\b'");
	free(text);
	text = written(mg_dialect_put_string, "it's a\\b", MG_DIALECT_POSTGRESQL);
	assert_string_equal(text, "'it''s a\\b'");
	free(text);
}

/* The type ddl writes for a model column of type `model` in `dialect`. */
static char *ddl_type(const char *model, unsigned dialect)
{
	side m = side_new(MG_SOURCE_C);
	mg_column *c = column(&m, "c", model);
	mg_buf out = MG_BUF_INIT;
	mg_dialect_put_type(&out, c, dialect);
	assert_false(out.failed);
	char *text = strdup(out.data ? out.data : "");
	mg_buf_free(&out);
	mg_graph_free(m.graph);
	return text;
}

static void types_are_spelt_per_dialect(void **state)
{
	(void)state;
	static const struct {
		const char *model, *sqlite, *postgresql, *mysql;
	} rows[] = {
		{"INTEGER", "INTEGER", "INTEGER", "INTEGER"},
		{"VARCHAR(80)", "VARCHAR(80)", "VARCHAR(80)", "VARCHAR(80)"},
		{"VARCHAR", "VARCHAR", "VARCHAR", "TEXT"},
		{"VARCHAR(20000)", "VARCHAR(20000)", "VARCHAR(20000)", "MEDIUMTEXT"},
		{"TEXT", "TEXT", "TEXT", "TEXT"},
		{"BOOLEAN", "BOOLEAN", "BOOLEAN", "BOOLEAN"},
		{"DOUBLE PRECISION", "REAL", "DOUBLE PRECISION", "DOUBLE"},
		{"TIMESTAMP", "DATETIME", "TIMESTAMP", "DATETIME"},
		{"TIMESTAMP WITH TIME ZONE", "DATETIME", "TIMESTAMP WITH TIME ZONE", "DATETIME"},
		{"NUMERIC(10, 2)", "NUMERIC(10, 2)", "NUMERIC(10, 2)", "DECIMAL(10, 2)"},
		{"BLOB", "BLOB", "BYTEA", "BLOB"},
		{"UUID", "CHAR(36)", "UUID", "CHAR(36)"},
		{"TINYINT", "TINYINT", "SMALLINT", "TINYINT"},
		/* A name none of the three knows: written by its family. */
		{"MONEYISH", "NUMERIC", "NUMERIC", "DECIMAL(65,30)"},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const char *expected[] = {rows[i].sqlite, rows[i].postgresql, rows[i].mysql};
		unsigned dialects[] = {MG_DIALECT_SQLITE, MG_DIALECT_POSTGRESQL, MG_DIALECT_MYSQL};
		for (size_t d = 0; d < 3; d++) {
			char *text = ddl_type(rows[i].model, dialects[d]);
			if (strcmp(text, expected[d]) != 0)
				fail_msg("%s in %s: \"%s\", expected \"%s\"", rows[i].model,
					 mg_dialect_option_name(dialects[d]), text, expected[d]);
			free(text);
		}
	}
	/* A C enum is text to the reader (SQLAlchemy's Enum is a VARCHAR). */
	side m = side_new(MG_SOURCE_C);
	mg_column *c = column(&m, "c", "Status");
	c->family = MG_TYPE_TEXT;
	mg_buf out = MG_BUF_INIT;
	mg_dialect_put_type(&out, c, MG_DIALECT_POSTGRESQL);
	assert_string_equal(out.data, "TEXT");
	mg_buf_free(&out);
	mg_graph_free(m.graph);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(types_agree_across_dialects),
		cmocka_unit_test(types_differ_or_hold_less),
		cmocka_unit_test(type_names_split),
		cmocka_unit_test(defaults_compare_as_values),
		cmocka_unit_test(names_and_strings_are_quoted_per_dialect),
		cmocka_unit_test(types_are_spelt_per_dialect),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
