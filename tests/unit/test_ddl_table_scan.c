/* The CREATE TABLE scanner against SQLite itself: every table of the lint
 * cases, of the corpus (scripts and databases), of generated schemas of
 * every benchmark shape, and of hostile statements written to catch it out,
 * must read through mg_ddl_scan_table as SQLite's pragmas describe it. The
 * scanner may decline a statement (the reader then asks SQLite), but not an
 * ordinary one. */

#define _POSIX_C_SOURCE 200809L

#include "tests/unit/test_support.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyzer/read/ddl_table_scan.h"
#include "analyzer/read/sqlite_schema.h"
#include "analyzer/resolve/resolve.h"
#include "render/render.h"
#include "tests/unit/ddl_table_scan_oracle.h"
#include "tests/unit/schema_image.h"
#include "tests/unit/schema_sources.h"
#include "util/buf.h"

#define CORPUS_INPUTS MG_TEST_SOURCE_DIR "/../corpus/inputs.txt"
#define GEN_SCHEMA MG_TEST_SOURCE_DIR "/../../bench/gen-schema"

typedef struct tally {
	size_t agreed, declined, virtual_tables, problems;
	mg_buf declines; /* one line per declined statement */
	mg_buf report;   /* one line per problem */
} tally;

/* Every table of `db` (as the reader lists them), through the oracle. */
static void check_tables(sqlite3 *db, const char *label, void *context)
{
	tally *t = context;
	sqlite3_stmt *stmt = NULL;
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT name, sql FROM sqlite_schema WHERE type = 'table'"
					    " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
					    -1, &stmt, NULL),
			 SQLITE_OK);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		const char *table = (const char *)sqlite3_column_text(stmt, 0);
		const char *sql = (const char *)sqlite3_column_text(stmt, 1);
		mg_buf why = MG_BUF_INIT;
		switch (mg_ddl_table_scan_oracle(db, table, sql, &why)) {
		case MG_ORACLE_AGREE:
			t->agreed++;
			break;
		case MG_ORACLE_DECLINED:
			if (strncmp(sql, "CREATE VIRTUAL TABLE", 20) == 0) {
				t->virtual_tables++;
			} else {
				t->declined++;
				mg_buf_printf(&t->declines, "%s: %s\n", label, sql);
			}
			break;
		case MG_ORACLE_DIFFER:
		case MG_ORACLE_ERROR:
			t->problems++;
			mg_buf_printf(&t->report, "%s: table \"%s\": %s\n  %s\n", label, table, why.data ? why.data : "",
				      sql);
			break;
		}
		mg_buf_free(&why);
	}
	sqlite3_finalize(stmt);
}

/* Fails on any difference, and on declines past `max_declined` of the tables. */
static void finish(tally *t, const char *what, double max_declined)
{
	size_t tables = t->agreed + t->declined + t->problems;
	printf("%s: %zu tables read as SQLite reads them, %zu declined, %zu virtual tables left to SQLite, "
	       "%zu problems\n",
	       what, t->agreed, t->declined, t->virtual_tables, t->problems);
	if (t->declines.len)
		printf("declined:\n%s", t->declines.data);
	if (t->problems)
		fail_msg("the scanner and SQLite disagree:\n%s", t->report.data);
	assert_true(t->agreed > 0);
	if ((double)t->declined > max_declined * (double)tables)
		fail_msg("%s: the scanner declined %zu of %zu tables", what, t->declined, tables);
	mg_buf_free(&t->report);
	mg_buf_free(&t->declines);
}

static void lint_cases_agree_with_sqlite(void **state)
{
	(void)state;
	tally t = {0};
	mg_test_check_lint_cases(check_tables, &t);
	finish(&t, "lint cases", 0.0);
}

static void corpus_agrees_with_sqlite(void **state)
{
	(void)state;
	tally t = {0};
	mg_test_check_corpus(check_tables, &t);
	finish(&t, "corpus", 0.0);
}

/* ---- generated schemas: the shapes of bench/gen-schema ---- */

typedef struct shape {
	const char *name;
	unsigned columns_min, columns_max, fks_min, fks_max;
	unsigned index_percent, assoc_every, keyless_percent;
	int long_names, comments, hub, recent, implied_percent;
} shape;

static const shape shapes[] = {
	{"app", 3, 5, 1, 2, 80, 10, 0, 0, 0, 0, 1, 0},
	{"wide", 6, 8, 1, 3, 10, 10, 33, 0, 0, 0, 0, 0},
	{"legacy", 12, 30, 0, 1, 30, 0, 0, 1, 1, 0, 0, 50},
	{"hub", 4, 6, 1, 3, 50, 20, 0, 0, 0, 1, 0, 0},
};

static const char *const words[] = {"account", "address", "agent", "alert", "answer", "archive", "article",
				    "asset", "badge", "balance", "batch", "bill", "block", "booking", "branch",
				    "budget", "cache", "campaign", "card", "cart", "category", "channel", "city",
				    "claim", "client", "comment", "company", "contact", "coupon", "course"};
static const char *const types[] = {"VARCHAR(80)", "TEXT", "INTEGER", "TIMESTAMP", "NUMERIC(10,2)", "BOOLEAN"};

static unsigned long rng_state;

static unsigned rnd(unsigned n)
{
	rng_state = rng_state * 6364136223846793005UL + 1442695040888963407UL;
	return n ? (unsigned)((rng_state >> 33) % n) : 0;
}

static unsigned between(unsigned lo, unsigned hi)
{
	return lo + rnd(hi - lo + 1);
}

/* A schema of `ntables` tables of shape `sh`, as gen-schema prints it. */
static void generate(const shape *sh, unsigned ntables, mg_buf *sql)
{
	enum { W = sizeof(words) / sizeof(words[0]) };
	mg_buf *names = calloc(ntables, sizeof(*names));
	char *assoc = calloc(ntables, 1);
	assert_non_null(names);
	assert_non_null(assoc);
	rng_state = 1;
	mg_buf_puts(sql, "BEGIN;\n");
	for (unsigned i = 0; i < ntables; i++) {
		unsigned nwords = sh->long_names ? between(2, 4) : 1;
		for (unsigned w = 0; w < nwords; w++)
			mg_buf_printf(&names[i], "%s_", words[rnd(W)]);
		mg_buf_printf(&names[i], "%u", i);
		unsigned earlier[2], nearlier = 0;
		for (unsigned j = i; j-- > 0 && nearlier < 2;)
			if (!assoc[j])
				earlier[nearlier++] = j;
		if (sh->assoc_every && i % sh->assoc_every == sh->assoc_every - 1 && nearlier == 2) {
			assoc[i] = 1;
			const char *l = names[earlier[0]].data, *r = names[earlier[1]].data;
			mg_buf_printf(sql,
				      "CREATE TABLE %s (\n  %s_id INTEGER NOT NULL REFERENCES %s (id) ON DELETE CASCADE,\n"
				      "  %s_id INTEGER NOT NULL REFERENCES %s (id) ON DELETE CASCADE",
				      names[i].data, l, l, r, r);
			if (rnd(100) >= sh->keyless_percent)
				mg_buf_printf(sql, ",\n  PRIMARY KEY (%s_id, %s_id)", l, r);
			mg_buf_puts(sql, "\n);\n");
			continue;
		}
		if (sh->comments)
			mg_buf_printf(sql, "/* Rows of %s, kept for %s. */\n", names[i].data, words[rnd(W)]);
		mg_buf_printf(sql, "CREATE TABLE %s (\n  id INTEGER PRIMARY KEY", names[i].data);
		unsigned ncols = between(sh->columns_min, sh->columns_max);
		for (unsigned c = 0; c < ncols; c++) {
			mg_buf col = MG_BUF_INIT;
			unsigned n = sh->long_names ? between(1, 3) : 1;
			for (unsigned w = 0; w < n; w++)
				mg_buf_printf(&col, "%s%s", w ? "_" : "", words[rnd(W)]);
			mg_buf_printf(&col, "_%u", c); /* no repeats */
			if (sh->comments && rnd(2))
				mg_buf_printf(sql, ",\n  -- The %s of the %s.", col.data, names[i].data);
			mg_buf_printf(sql, ",\n  %s %s%s", col.data, types[rnd(6)], c == 0 && rnd(100) < 15 ? " UNIQUE" : "");
			mg_buf_free(&col);
		}
		if (i > 0) {
			unsigned nfks = between(sh->fks_min, sh->fks_max);
			unsigned used[4] = {0}, nused = 0;
			for (unsigned f = 0; f < nfks; f++) {
				unsigned parent = sh->hub ? rnd(i < 20 ? i : 20)
						  : sh->recent ? (i > 3 ? i - 1 - rnd(3) : rnd(i))
						  : rnd(i);
				if (assoc[parent])
					continue;
				int repeat = 0;
				for (unsigned u = 0; u < nused; u++)
					repeat |= used[u] == parent;
				if (repeat)
					continue;
				used[nused++] = parent;
				mg_buf_printf(sql, ",\n  %s_id INTEGER REFERENCES %s (id)", names[parent].data,
					      names[parent].data);
			}
			if (rnd(100) < (unsigned)sh->implied_percent)
				mg_buf_printf(sql, ",\n  %s_ref_id INTEGER", names[rnd(i)].data);
			mg_buf_puts(sql, "\n);\n");
			for (unsigned u = 0; u < nused; u++)
				if (rnd(100) < sh->index_percent)
					mg_buf_printf(sql, "CREATE INDEX ix_%s_%s ON %s (%s_id);\n", names[i].data,
						      names[used[u]].data, names[i].data, names[used[u]].data);
		} else {
			mg_buf_puts(sql, "\n);\n");
		}
	}
	mg_buf_puts(sql, "COMMIT;\n");
	for (unsigned i = 0; i < ntables; i++)
		mg_buf_free(&names[i]);
	free(names);
	free(assoc);
	assert_false(sql->failed);
}

static void generated_schemas_agree_with_sqlite(void **state)
{
	(void)state;
	tally t = {0};
	for (size_t i = 0; i < sizeof(shapes) / sizeof(shapes[0]); i++) {
		mg_buf sql = MG_BUF_INIT;
		generate(&shapes[i], 300, &sql);
		mg_test_check_sql(sql.data, shapes[i].name, check_tables, &t);
		mg_buf_free(&sql);
	}
	finish(&t, "generated schemas", 0.0);
}

/* bench/gen-schema itself, when the tree has it and Python runs it. */
static void gen_schema_agrees_with_sqlite(void **state)
{
	(void)state;
	if (access(GEN_SCHEMA, R_OK) != 0 || access("/usr/bin/python3", X_OK) != 0) {
		printf("bench/gen-schema or /usr/bin/python3 missing: skipped\n");
		skip();
	}
	static const char *const shape_names[] = {"app", "wide", "legacy", "hub"};
	tally t = {0};
	for (size_t i = 0; i < 4; i++) {
		mg_buf command = MG_BUF_INIT;
		mg_buf_printf(&command, "/usr/bin/python3 '%s' --shape %s --tables 300 --seed 7", GEN_SCHEMA,
			      shape_names[i]);
		FILE *p = popen(command.data, "r");
		assert_non_null(p);
		mg_buf sql = MG_BUF_INIT;
		char chunk[4096];
		size_t n;
		while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
			mg_buf_put(&sql, chunk, n);
		assert_int_equal(pclose(p), 0);
		mg_buf_putc(&sql, '\0');
		mg_test_check_sql(sql.data, shape_names[i], check_tables, &t);
		mg_buf_free(&sql);
		mg_buf_free(&command);
	}
	finish(&t, "bench/gen-schema", 0.0);
}

/* ---- hostile statements ---- */

/* Parents the statements below reference, so that SQLite accepts them. */
static const char parents[] =
	"CREATE TABLE p (id INTEGER PRIMARY KEY, a INT, b INT, UNIQUE (a, b));"
	"CREATE TABLE \"odd \"\"parent\"\"\" (\"the key\" INT PRIMARY KEY);";

/* Ordinary statements written unusually: the scanner must read each one. */
static const char *const must_read[] = {
	"CREATE TABLE \"we\"\"ird name\" (\"col with space\" TEXT, [bracket col] INT, `back``tick` REAL,"
	" 'single' BLOB)",
	"CREATE TABLE kw (\"select\" INT, \"from\" TEXT, key INT, action TEXT, \"order\" INT, replace INT,"
	" temp INT, view TEXT, virtual INT, without INT, left INT, indexed INT)",
	"CREATE /* a */ TABLE /* b */ comments -- c\n ( -- d\n a /* e */ INT /* f */ NOT /* g */ NULL -- h\n"
	" , b TEXT /* i */ DEFAULT /* j */ 'x' -- k\n ) -- l\n",
	"CREATE TABLE defaults (a DEFAULT ( 'a,)' ), b DEFAULT -  5, c DEFAULT \"abc\", d DEFAULT 'x''y',"
	" e DEFAULT CURRENT_TIMESTAMP, f DEFAULT +1.5e3, g DEFAULT x'00ff', h DEFAULT (  1 + /*c*/ 2  ),"
	" i DEFAULT ((1) + (2)), j DEFAULT NULL, k DEFAULT true, l DEFAULT 'it''s (, )', m DEFAULT 0x1F,"
	" n DEFAULT .5, o DEFAULT (strftime('%s', 'now')), p DEFAULT -0.5e-3, q DEFAULT current_date)",
	"CREATE TABLE types (a VARCHAR  ( 80 ), b UNSIGNED   BIG INT, c integer, d \"text\", e DOUBLE /* x */"
	" PRECISION, f DOUBLE PRECISION, g NATIVE CHARACTER(70), h VARCHAR(10,  2), i DECIMAL(10, -2),"
	" j int, k Real, l blob, m any, n [int], o `Integer`, p \"my type\", q NUMERIC(+5), r CHARACTER VARYING(255),"
	" s TEXT, t, u INT8, v DATETIME, w BOOLEAN, x CLOB, y NCHAR(55))",
	"CREATE TABLE generated (a INT, b INT GENERATED ALWAYS AS (a * 2), c AS (a + 1) STORED,"
	" d TEXT GENERATED ALWAYS AS ('x(' || a) VIRTUAL, e GENERATED ALWAYS AS (1), f REAL GENERATED ALWAYS,"
	" g INT AS (2) NOT NULL, h INT CONSTRAINT hc GENERATED ALWAYS AS (3) stored)",
	"CREATE TABLE checks (a INT CHECK (a > 0 AND (a < 10 OR a IN (20, 30))), b TEXT CHECK (b <> ')'),"
	" CHECK (a + length(b) > (1)), CONSTRAINT named_check CHECK (b LIKE '%(%'))",
	"CREATE TABLE collated (a TEXT COLLATE NOCASE, b TEXT COLLATE \"rtrim\" NOT NULL, c TEXT NOT NULL COLLATE binary"
	" UNIQUE, d TEXT UNIQUE COLLATE nocase, UNIQUE (a), UNIQUE (b COLLATE nocase), UNIQUE (c COLLATE binary))",
	"CREATE TABLE conflicts (a INT PRIMARY KEY ON CONFLICT REPLACE, b INT NOT NULL ON CONFLICT IGNORE,"
	" c INT UNIQUE ON CONFLICT FAIL, d INT NULL ON CONFLICT ABORT, UNIQUE (b, c) ON CONFLICT ROLLBACK)",
	"CREATE TABLE refs (id INTEGER PRIMARY KEY AUTOINCREMENT, a INT REFERENCES p (id) ON DELETE CASCADE"
	" ON UPDATE SET NULL, b INT REFERENCES p ON UPDATE RESTRICT MATCH FULL DEFERRABLE INITIALLY DEFERRED,"
	" c INT, d INT, e INT CONSTRAINT fk_e REFERENCES \"odd \"\"parent\"\"\" (\"the key\") NOT DEFERRABLE,"
	" FOREIGN KEY (c, d) REFERENCES p (a, b) ON DELETE SET DEFAULT ON DELETE NO ACTION ON INSERT CASCADE,"
	" CONSTRAINT fk_d FOREIGN KEY (D) REFERENCES p (id) DEFERRABLE INITIALLY IMMEDIATE,"
	" FOREIGN KEY (a) REFERENCES missing (x) NOT DEFERRABLE INITIALLY DEFERRED)",
	"CREATE TABLE pk_table (a TEXT, b INT, c INT, PRIMARY KEY (b, a), UNIQUE (a, b), UNIQUE (b, a))",
	"CREATE TABLE pk_desc (id INTEGER PRIMARY KEY DESC, x INT)",
	"CREATE TABLE pk_table_desc (id INTEGER, x INT, PRIMARY KEY (id DESC))",
	"CREATE TABLE pk_int (id INT PRIMARY KEY, x INT UNIQUE, y INT UNIQUE, UNIQUE (x), UNIQUE (y, x))",
	"CREATE TABLE unique_then_pk (a TEXT UNIQUE, b INT, PRIMARY KEY (a))",
	"CREATE TABLE ipk_unique (id INTEGER PRIMARY KEY UNIQUE, x INT)",
	"CREATE TABLE no_rowid (id INTEGER PRIMARY KEY, x TEXT UNIQUE, y INT) WITHOUT ROWID",
	"CREATE TABLE no_rowid2 (a TEXT, b INT, c INT UNIQUE, PRIMARY KEY (a, b)) without rowid",
	"CREATE TABLE no_rowid3 (id INTEGER, x INT, UNIQUE (id), PRIMARY KEY (id)) WITHOUT ROWID",
	"CREATE TABLE no_rowid4 (id INTEGER PRIMARY KEY, UNIQUE (id)) WITHOUT ROWID",
	"CREATE TABLE strict_t (id INTEGER PRIMARY KEY, a TEXT NOT NULL, b ANY, c INT, d REAL, e BLOB) STRICT",
	"CREATE TABLE strict_pk (a TEXT, b INT, PRIMARY KEY (a, b)) STRICT, WITHOUT ROWID",
	"CREATE TABLE strict_pk2 (a TEXT PRIMARY KEY, b INT) STRICT",
	"CREATE TABLE constraint_names (a INT CONSTRAINT a_nn NOT NULL CONSTRAINT a_pk PRIMARY KEY, b INT"
	" CONSTRAINT b_u UNIQUE, CONSTRAINT t_u UNIQUE (a, b) CONSTRAINT t_c CHECK (b > 0))",
	"CREATE TABLE no_commas (a INT, b INT, PRIMARY KEY (a) UNIQUE (b) CHECK (a > b) FOREIGN KEY (b) REFERENCES p)",
	"CREATE TABLE \"quoted pk\" (\"Id\" INTEGER, [Other] TEXT, PRIMARY KEY (\"ID\"), UNIQUE ('other'))",
	"CREATE TABLE case_fk (Alpha INT, Beta INT, FOREIGN KEY (ALPHA, beta) REFERENCES P (A, B))",
	"CREATE TABLE IF NOT EXISTS if_not (a INT)",
	"CREATE TABLE main.qualified (a INT, b TEXT)",
	"CREATE TABLE untyped (a, b, c PRIMARY KEY)",
	"CREATE TABLE autoinc_table (id INTEGER, PRIMARY KEY (id AUTOINCREMENT))",
	"CREATE TABLE many_fks (a INT REFERENCES p, b INT REFERENCES p, c INT REFERENCES p (id),"
	" FOREIGN KEY (a) REFERENCES p (id), FOREIGN KEY (b, c) REFERENCES p (a, b))",
	"CREATE TABLE unicode (\"naïve\" TEXT, café INT, \"日本\" TEXT DEFAULT '日本')",
	"CREATE TABLE tabs\t(\ta\tINT\tNOT\tNULL\t,\r\n\tb\fTEXT)",
	"CREATE TABLE defaults2 (a INT DEFAULT (-1), b TEXT DEFAULT (''), c DEFAULT '', d DEFAULT \"\","
	" e INT DEFAULT - 1, f DEFAULT [ident], g DEFAULT `tick`)",
	"CREATE TABLE keyword_types (a KEY, b INT ASC, c TEXT MATCH, d REPLACE, e INT IF)",
	"CREATE TABLE trailing (a INT) -- the end",
};

static void hostile_statements_read_as_sqlite(void **state)
{
	(void)state;
	tally t = {0};
	for (size_t i = 0; i < sizeof(must_read) / sizeof(must_read[0]); i++) {
		mg_buf sql = MG_BUF_INIT;
		mg_buf_printf(&sql, "%s%s;", parents, must_read[i]);
		mg_test_check_sql(sql.data, must_read[i], check_tables, &t);
		mg_buf_free(&sql);
	}
	finish(&t, "hostile statements", 0.0);
}

/* Statements the scanner may leave to SQLite, but must not read wrong. */
static const char *const may_decline[] = {
	"CREATE TABLE ctas AS SELECT 1 AS a, 'x' AS b",
	"CREATE TABLE rowid_key (a INT, UNIQUE (rowid))",
	"CREATE TABLE repeat_pk (a INT, b INT, PRIMARY KEY (a, b, a))",
	"CREATE TABLE two_defaults (a INT DEFAULT 1 DEFAULT 2)",
	"CREATE TABLE quoted_types (a \"weird\" INT, b 'x' y)",
	"CREATE TABLE hidden_type (a INT HIDDEN)",
	"CREATE TABLE expr_pk (a INT, b INT, PRIMARY KEY ((a)))",
	("CREATE TABLE generated_always_type (a INT GENERATED, b TEXT ALWAYS, c INT GENERATED AS (1),"
	 " d BIGALWAYS, e xxxxxxxxxxxxxxxxalways)"),
	"CREATE TABLE semicolon (a INT);",
	"CREATE VIRTUAL TABLE v USING fts5 (a, b)",
};

static void declines_are_never_wrong(void **state)
{
	(void)state;
	tally t = {0};
	for (size_t i = 0; i < sizeof(may_decline) / sizeof(may_decline[0]); i++) {
		sqlite3 *db = NULL;
		assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
		if (sqlite3_exec(db, may_decline[i], NULL, NULL, NULL) == SQLITE_OK)
			check_tables(db, may_decline[i], &t);
		sqlite3_close(db);
	}
	if (t.problems)
		fail_msg("the scanner and SQLite disagree:\n%s", t.report.data);
	printf("unusual statements: %zu read, %zu declined\n", t.agreed, t.declined + t.virtual_tables);
	mg_buf_free(&t.report);
	mg_buf_free(&t.declines);
}

/* Bytes that are no statement: never a crash, never a read past the end. */
static void garbage_is_declined(void **state)
{
	(void)state;
	static const char *const garbage[] = {
		"", "CREATE", "CREATE TABLE", "CREATE TABLE t", "CREATE TABLE t (", "CREATE TABLE t (a",
		"CREATE TABLE t (a INT", "CREATE TABLE t (a \"unterminated", "CREATE TABLE t (a INT /* open",
		"CREATE TABLE t (a INT DEFAULT (1", "CREATE TABLE t (a x'0)", "CREATE TABLE t (a INT)) extra",
		"CREATE TABLE t (a INT CHECK ((((", "CREATE TABLE t (PRIMARY KEY (a))",
	};
	mg_ddl_table t = {0};
	for (size_t i = 0; i < sizeof(garbage) / sizeof(garbage[0]); i++) {
		/* Exactly as long as the text: a sanitizer sees any read past it. */
		size_t len = strlen(garbage[i]);
		char *copy = malloc(len ? len : 1);
		assert_non_null(copy);
		memcpy(copy, garbage[i], len);
		assert_int_equal(mg_ddl_scan_table(copy, len, "t", &t), -1);
		free(copy);
	}
	/* An embedded NUL: SQLite would read less than the scanner. */
	assert_int_equal(mg_ddl_scan_table("CREATE TABLE t (a INT)\0x", 24, "t", &t), -1);
	assert_int_equal(mg_ddl_scan_table("CREATE TABLE t (a INT)", 22, "t", &t), 0);
	assert_int_equal(t.ncolumns, 1);
	mg_ddl_table_free(&t);
}

/* The oracle itself: it must see a scanner that reads a statement wrong. */
static void oracle_reports_a_difference(void **state)
{
	(void)state;
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t (a INT NOT NULL, b TEXT UNIQUE, c INT REFERENCES t (a));",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	mg_buf why = MG_BUF_INIT;
	assert_int_equal(mg_ddl_table_scan_oracle(db, "t", "CREATE TABLE t (a INT NOT NULL, b TEXT UNIQUE,"
							     " c INT REFERENCES t (a))",
						  &why),
			 MG_ORACLE_AGREE);
	/* Statements other than the one SQLite holds, as a wrong scanner would read it. */
	assert_int_equal(mg_ddl_table_scan_oracle(db, "t", "CREATE TABLE t (a INTEGER, b TEXT, c INT REFERENCES u)",
						  &why),
			 MG_ORACLE_DIFFER);
	assert_non_null(strstr(why.data, "column 1 (a) type: SQLite \"INT\", scanner \"INTEGER\""));
	assert_non_null(strstr(why.data, "column 1 (a) notnull: SQLite 1, scanner 0"));
	assert_non_null(strstr(why.data, "parent: SQLite \"t\", scanner \"u\""));
	assert_non_null(strstr(why.data, "SQLite has 1 constraint indexes, the scanner 0"));
	mg_buf_free(&why);
	sqlite3_close(db);
}

/* ---- the reader: through the scanner as through the pragmas, the rows
 * of sqlite_schema from SQLite as off the pages ---- */

/* How the reader gets at a schema: the scanner on SQLite's rows of
 * sqlite_schema, the scanner on the rows read off the pages of the
 * database image, or every table through the pragmas. */
typedef enum { BY_SCANNER, OFF_PAGES, BY_PRAGMAS } read_path;

/* `db` read into a resolved graph, as graph JSON. */
static char *graph_json(sqlite3 *db, read_path path)
{
	mg_graph *graph = mg_graph_new();
	assert_non_null(graph);
	assert_int_not_equal(mg_graph_add_source(graph, "schema.db", MG_SOURCE_SQLITE), (size_t)-1);
	mg_error err = {0};
	mg_schema_rows rows = {0};
	sqlite3 *image = NULL;
	int rc;
	if (path == OFF_PAGES) {
		image = mg_test_image_of(db, NULL, NULL);
		assert_int_equal(mg_test_read_rows(image, &rows), 1);
		rc = mg_sqlite_schema_load(graph, image, "schema.db", NULL, &rows, &err);
	} else {
		rc = path == BY_PRAGMAS ? mg_sqlite_schema_load_by_pragmas(graph, db, "schema.db", NULL, &err)
					: mg_sqlite_schema_load(graph, db, "schema.db", NULL, NULL, &err);
	}
	if (rc < 0 || mg_resolve(graph, &err) < 0)
		fail_msg("%s", err.message);
	if (image) {
		mg_test_end_read(image);
		sqlite3_close(image);
	}
	mg_schema_rows_free(&rows);
	mg_buf json = MG_BUF_INIT;
	mg_render_graph_json(graph, &json);
	mg_graph_free(graph);
	assert_false(json.failed);
	return json.data;
}

static void differ(const char *label, const char *a, const char *a_name, const char *b, const char *b_name)
{
	size_t i = 0;
	while (a[i] && a[i] == b[i])
		i++;
	size_t from = i > 200 ? i - 200 : 0;
	fail_msg("%s: the graphs differ at byte %zu:\n%s: %.400s\n%s: %.400s", label, i, a_name, a + from, b_name,
		 b + from);
}

static void same_graph(sqlite3 *db, const char *label)
{
	char *scanned = graph_json(db, BY_SCANNER), *pragmas = graph_json(db, BY_PRAGMAS);
	char *off_pages = graph_json(db, OFF_PAGES);
	if (strcmp(scanned, pragmas) != 0)
		differ(label, scanned, "scanner", pragmas, "pragmas");
	if (strcmp(scanned, off_pages) != 0)
		differ(label, scanned, "scanner", off_pages, "off the pages");
	free(scanned);
	free(pragmas);
	free(off_pages);
}

static void same_graph_of_sql(const char *sql, const char *label)
{
	sqlite3 *db = NULL;
	char *error = NULL;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &error) != SQLITE_OK)
		fail_msg("%s: %s", label, error);
	same_graph(db, label);
	sqlite3_close(db);
}

static void reader_reads_corpus_as_by_pragmas(void **state)
{
	(void)state;
	char *inputs = mg_test_read_file(CORPUS_INPUTS);
	for (char *line = strtok(inputs, "\n"); line; line = strtok(NULL, "\n")) {
		mg_buf path = MG_BUF_INIT;
		mg_buf_printf(&path, "%s/%s", MG_CORPUS_DIR, line);
		size_t len = strlen(line);
		if (len > 4 && strcmp(line + len - 4, ".sql") == 0) {
			char *text = mg_test_read_file(path.data);
			same_graph_of_sql(text, path.data);
			free(text);
		} else {
			sqlite3 *db = NULL;
			assert_int_equal(sqlite3_open_v2(path.data, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
			same_graph(db, path.data);
			sqlite3_close(db);
		}
		mg_buf_free(&path);
	}
	free(inputs);
}

static void reader_reads_generated_schemas_as_by_pragmas(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(shapes) / sizeof(shapes[0]); i++) {
		mg_buf sql = MG_BUF_INIT;
		generate(&shapes[i], 300, &sql);
		same_graph_of_sql(sql.data, shapes[i].name);
		mg_buf_free(&sql);
	}
}

/* Scanned and declined tables side by side, views, a virtual table and its
 * shadow tables, the key of a table without rowid. */
static void reader_reads_mixed_schema_as_by_pragmas(void **state)
{
	(void)state;
	mg_buf sql = MG_BUF_INIT;
	mg_buf_puts(&sql, parents);
	for (size_t i = 0; i < sizeof(must_read) / sizeof(must_read[0]); i++)
		mg_buf_printf(&sql, "%s\n;\n", must_read[i]);
	for (size_t i = 0; i < sizeof(may_decline) / sizeof(may_decline[0]); i++) {
		/* Those SQLite accepts; a statement ending in ';' already. */
		sqlite3 *db = NULL;
		assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
		if (sqlite3_exec(db, may_decline[i], NULL, NULL, NULL) == SQLITE_OK)
			mg_buf_printf(&sql, "%s;\n", may_decline[i]);
		sqlite3_close(db);
	}
	mg_buf_puts(&sql, "CREATE VIEW pv AS SELECT id, a FROM p;"
			  "CREATE UNIQUE INDEX refs_ab ON refs (a, b);"
			  "CREATE INDEX declined_index ON ctas (a);");
	same_graph_of_sql(sql.data, "mixed schema");
	mg_buf_free(&sql);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(oracle_reports_a_difference),
		cmocka_unit_test(garbage_is_declined),
		cmocka_unit_test(hostile_statements_read_as_sqlite),
		cmocka_unit_test(declines_are_never_wrong),
		cmocka_unit_test(lint_cases_agree_with_sqlite),
		cmocka_unit_test(corpus_agrees_with_sqlite),
		cmocka_unit_test(generated_schemas_agree_with_sqlite),
		cmocka_unit_test(gen_schema_agrees_with_sqlite),
		cmocka_unit_test(reader_reads_corpus_as_by_pragmas),
		cmocka_unit_test(reader_reads_generated_schemas_as_by_pragmas),
		cmocka_unit_test(reader_reads_mixed_schema_as_by_pragmas),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
