/* sqlite_schema read off the pages against SQLite reading it: the same rows
 * in the same order on every schema of the corpus and the lint cases, on
 * every page size, with reserved bytes, overflow pages and free pages; the
 * same graph through either; a decline for what the reader does not know;
 * never a crash or a read past a page on a damaged file. */

#define _POSIX_C_SOURCE 200809L

#include "tests/unit/test_support.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/read/sqlite_schema.h"
#include "analyzer/read/sqlite_schema_rows.h"
#include "analyzer/resolve/resolve.h"
#include "render/render.h"
#include "tests/unit/schema_image.h"
#include "tests/unit/schema_rows_oracle.h"
#include "tests/unit/schema_sources.h"
#include "util/buf.h"

/* The rows read off the pages of `db` are SQLite's, one by one, and SQLite
 * did not load its schema to let them be read. */
static void check_rows(sqlite3 *db, const char *label)
{
	mg_schema_rows rows = {0};
	if (mg_test_read_rows(db, &rows) != 1)
		fail_msg("%s: the rows were not read off the pages", label);
	int used = -1, highest = 0;
	assert_int_equal(sqlite3_db_status(db, SQLITE_DBSTATUS_SCHEMA_USED, &used, &highest, 0), SQLITE_OK);
	if (used != 0)
		fail_msg("%s: SQLite loaded the schema (%d bytes) to read it off the pages", label, used);
	mg_buf why = MG_BUF_INIT;
	if (mg_schema_rows_oracle(db, &rows, &why) != MG_ORACLE_AGREE)
		fail_msg("%s: %s", label, why.data);
	mg_buf_free(&why);
	mg_test_end_read(db);
	mg_schema_rows_free(&rows);
}

/* ---- the same rows as SQLite ---- */

static void check_image(sqlite3 *db, const char *label, void *context)
{
	(void)context;
	sqlite3 *copy = mg_test_image_of(db, NULL, NULL);
	check_rows(copy, label);
	sqlite3_close(copy);
}

static void rows_are_sqlites_on_corpus_and_lint_cases(void **state)
{
	(void)state;
	mg_test_check_corpus(check_image, NULL);
	mg_test_check_lint_cases(check_image, NULL);
}

/* A schema of `ntables` tables whose statements run from a few bytes to
 * several pages (overflow chains), with indexes, views and triggers. */
static void build_schema(sqlite3 *db, unsigned ntables, bool views)
{
	mg_buf sql = MG_BUF_INIT;
	mg_buf_puts(&sql, "BEGIN;");
	for (unsigned i = 0; i < ntables; i++) {
		mg_buf_printf(&sql, "CREATE TABLE t%u (id INTEGER PRIMARY KEY, name TEXT UNIQUE", i);
		if (i)
			mg_buf_printf(&sql, ", parent_id INT REFERENCES t%u (id)", i / 2);
		for (unsigned j = 0; j < (i * 7919) % 97; j++) /* up to 96 columns: 5 KB */
			mg_buf_printf(&sql, ", column_with_a_long_name_%u TEXT", j);
		mg_buf_puts(&sql, ");");
		if (i % 3 == 0)
			mg_buf_printf(&sql, "CREATE INDEX t%u_parent ON t%u (name);", i, i);
		if (views && i % 50 == 0)
			mg_buf_printf(&sql, "CREATE VIEW v%u AS SELECT id FROM t%u;"
					    "CREATE TRIGGER g%u AFTER INSERT ON t%u BEGIN SELECT 1; END;",
				      i, i, i, i);
	}
	mg_buf_puts(&sql, "COMMIT;");
	assert_false(sql.failed);
	char *error = NULL;
	if (sqlite3_exec(db, sql.data, NULL, NULL, &error) != SQLITE_OK)
		fail_msg("%s", error);
	mg_buf_free(&sql);
}

/* Tables dropped from a grown schema: free pages, gaps between rowids. */
static void drop_some(sqlite3 *db, unsigned ntables)
{
	mg_buf sql = MG_BUF_INIT;
	for (unsigned i = 1; i < ntables; i += 3)
		mg_buf_printf(&sql, "DROP TABLE t%u;", i);
	assert_int_equal(sqlite3_exec(db, sql.data, NULL, NULL, NULL), SQLITE_OK);
	mg_buf_free(&sql);
}

static void rows_are_sqlites_on_every_page_size(void **state)
{
	(void)state;
	static const int page_sizes[] = {512, 1024, 4096, 65536};
	for (size_t i = 0; i < sizeof(page_sizes) / sizeof(page_sizes[0]); i++)
		for (int reserved = 0; reserved <= 32; reserved += 32) {
			sqlite3 *db = NULL;
			assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
			char pragma[64];
			snprintf(pragma, sizeof(pragma), "PRAGMA page_size = %d", page_sizes[i]);
			assert_int_equal(sqlite3_exec(db, pragma, NULL, NULL, NULL), SQLITE_OK);
			int bytes = reserved;
			assert_int_equal(sqlite3_file_control(db, "main", SQLITE_FCNTL_RESERVE_BYTES, &bytes), SQLITE_OK);
			/* With reserved bytes, pointer-map pages too (auto-vacuum). */
			if (reserved)
				assert_int_equal(sqlite3_exec(db, "PRAGMA auto_vacuum = FULL", NULL, NULL, NULL), SQLITE_OK);
			build_schema(db, 400, true);
			char label[64];
			snprintf(label, sizeof(label), "page size %d, %d reserved%s", page_sizes[i], reserved,
				 reserved ? ", auto-vacuum" : "");

			/* The database really has that geometry and a tree of several levels. */
			sqlite3_int64 size = 0;
			unsigned char *image = sqlite3_serialize(db, "main", &size, 0);
			assert_non_null(image);
			assert_int_equal(image[16] << 8 | image[17], page_sizes[i] == 65536 ? 1 : page_sizes[i]);
			assert_int_equal(image[20], reserved);
			/* The largest root page: 0 without auto-vacuum. */
			assert_int_equal((image[52] | image[53] | image[54] | image[55]) != 0, reserved != 0);
			assert_true(size / page_sizes[i] > 8);
			sqlite3_free(image);

			check_image(db, label, NULL);
			drop_some(db, 400);
			check_image(db, label, NULL);
			sqlite3_close(db);
		}
}

/* ---- the same graph ---- */

/* A new graph of one SQLite source with `db` loaded into it, the rows of
 * sqlite_schema off the pages when `rows` is given; the load's 0 or -1 in
 * *rc, its error in *err. */
static mg_graph *loaded(sqlite3 *db, const mg_schema_rows *rows, mg_error *err, int *rc)
{
	mg_graph *graph = mg_graph_new();
	assert_non_null(graph);
	assert_int_not_equal(mg_graph_add_source(graph, "schema.db", MG_SOURCE_SQLITE), (size_t)-1);
	*err = (mg_error){0};
	*rc = mg_sqlite_schema_load(graph, db, "schema.db", NULL, rows, err);
	return graph;
}

/* `db` read into a resolved graph, as graph JSON; or the reader's error. */
static char *graph_json(sqlite3 *db, bool off_pages)
{
	mg_schema_rows rows = {0};
	assert_int_equal(mg_test_read_rows(db, &rows), 1);
	mg_error err;
	int rc;
	mg_graph *graph = loaded(db, off_pages ? &rows : NULL, &err, &rc);
	mg_buf json = MG_BUF_INIT;
	if (rc < 0 || mg_resolve(graph, &err) < 0)
		mg_buf_printf(&json, "error: %s", err.message);
	else
		mg_render_graph_json(graph, &json);
	mg_test_end_read(db);
	mg_schema_rows_free(&rows);
	mg_graph_free(graph);
	assert_false(json.failed);
	return json.data;
}

/* The same graph, or the same error (a virtual table whose shadow tables
 * were written by hand may fail SQLite either way). */
static void check_graph(sqlite3 *db, const char *label, void *context)
{
	(void)context;
	sqlite3 *copy = mg_test_image_of(db, NULL, NULL);
	char *off_pages = graph_json(copy, true);
	sqlite3_close(copy);
	copy = mg_test_image_of(db, NULL, NULL);
	char *by_sqlite = graph_json(copy, false);
	sqlite3_close(copy);
	if (strcmp(off_pages, by_sqlite) != 0)
		fail_msg("%s: the graph read off the pages differs from SQLite's:\n%.300s\n%.300s", label, off_pages,
			 by_sqlite);
	free(off_pages);
	free(by_sqlite);
}

static void graph_is_the_same_off_the_pages(void **state)
{
	(void)state;
	mg_test_check_corpus(check_graph, NULL);
	mg_test_check_lint_cases(check_graph, NULL);
}

/* A schema the scanner reads whole: SQLite never loads its own copy. */
static void scanned_schema_leaves_sqlite_schema_unloaded(void **state)
{
	(void)state;
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	build_schema(db, 100, false);
	/* Indexes on expressions and with WHERE are tried on a scratch database. */
	assert_int_equal(sqlite3_exec(db, "CREATE INDEX t7_lower ON t7 (lower(name), id);"
					  "CREATE UNIQUE INDEX t8_named ON t8 (name) WHERE name IS NOT NULL;",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3 *copy = mg_test_image_of(db, NULL, NULL);
	sqlite3_close(db);
	mg_schema_rows rows = {0};
	assert_int_equal(mg_test_read_rows(copy, &rows), 1);
	mg_error err;
	int rc;
	mg_graph *graph = loaded(copy, &rows, &err, &rc);
	assert_int_equal(rc, 0);
	assert_int_equal(mg_sqlite_schema_count_objects(&rows), 100);
	int used = -1, highest = 0;
	assert_int_equal(sqlite3_db_status(copy, SQLITE_DBSTATUS_SCHEMA_USED, &used, &highest, 0), SQLITE_OK);
	assert_int_equal(used, 0);
	assert_non_null(mg_graph_find_table(graph, "t99"));
	const mg_table *t8 = mg_graph_find_table(graph, "t8");
	bool partial = false;
	for (size_t i = 0; i < t8->nindexes; i++)
		partial |= strcmp(t8->indexes[i]->name, "t8_named") == 0 && t8->indexes[i]->partial && t8->indexes[i]->unique;
	assert_true(partial);
	mg_test_end_read(copy);
	mg_graph_free(graph);
	mg_schema_rows_free(&rows);
	sqlite3_close(copy);
}

/* ---- declines ---- */

/* What the page reader makes of the image of `db` (edited first when
 * `edit` is given): 1 read, 0 declined. */
static int rows_of_image(sqlite3 *db, mg_test_image_edit edit, void *payload)
{
	sqlite3 *copy = mg_test_image_of(db, edit, payload);
	mg_schema_rows rows = {0};
	int result = mg_test_read_rows(copy, &rows);
	mg_test_end_read(copy);
	mg_schema_rows_free(&rows);
	sqlite3_close(copy);
	return result;
}

static int rows_of_sql(const char *pragmas, const char *sql)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, pragmas, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	int result = rows_of_image(db, NULL, NULL);
	sqlite3_close(db);
	return result;
}

static void declines_other_encodings(void **state)
{
	(void)state;
	assert_int_equal(rows_of_sql("PRAGMA encoding = 'UTF-8'", "CREATE TABLE t (a)"), 1);
	assert_int_equal(rows_of_sql("PRAGMA encoding = 'UTF-16le'", "CREATE TABLE t (a)"), 0);
	assert_int_equal(rows_of_sql("PRAGMA encoding = 'UTF-16be'", "CREATE TABLE t (a)"), 0);
}

/* A value of another type where sqlite_schema holds text (only a schema
 * edited by hand holds one: the columns' affinity turns a number into
 * text, not a blob), or a NUL inside a name: SQLite converts or cuts
 * them, the reader declines. */
static void declines_values_that_are_not_text(void **state)
{
	(void)state;
	assert_int_equal(rows_of_sql("PRAGMA writable_schema = ON",
				     "CREATE TABLE t (a);"
				     "UPDATE sqlite_schema SET tbl_name = x'74' WHERE name = 't'"),
			 0);
	assert_int_equal(rows_of_sql("PRAGMA writable_schema = ON",
				     "CREATE TABLE t (a);"
				     "UPDATE sqlite_schema SET name = 't' || char(0) || 'u' WHERE name = 't'"),
			 0);
}

/* Pages newer than the file's wait in the -wal file: only SQLite reads them. */
static void declines_a_wal_with_frames(void **state)
{
	(void)state;
	char path[1024];
	snprintf(path, sizeof(path), "%s/wal.db", mg_test_tmpdir());
	remove(path);
	sqlite3 *writer = NULL, *reader = NULL;
	assert_int_equal(sqlite3_open(path, &writer), SQLITE_OK);
	assert_int_equal(sqlite3_exec(writer, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
					      "CREATE TABLE t (a); CREATE TABLE u (b);",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_open_v2(path, &reader, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	mg_schema_rows rows = {0};
	assert_int_equal(mg_test_read_rows(reader, &rows), 0);
	mg_test_end_read(reader);
	sqlite3_close(reader);
	/* Checkpointed into the file, the -wal emptied: read off the pages. */
	assert_int_equal(sqlite3_exec(writer, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_open_v2(path, &reader, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(mg_test_read_rows(reader, &rows), 1);
	assert_int_equal(rows.nrows, 2);
	assert_string_equal(rows.rows[1].name, "u");
	mg_test_end_read(reader);
	mg_schema_rows_free(&rows);
	sqlite3_close(reader);
	sqlite3_close(writer);
}

/* ---- schemas SQLite refuses to load ---- */

/* A statement SQLite took, then edited by hand into one it refuses: SQLite
 * checked each statement when it ran, so only such an edit puts one in
 * the file, and SQLite then refuses to load the schema at all. Read off
 * the pages, the schema must be refused the same way, with SQLite's word. */
static const char *const refused[][2] = {
	{"CREATE TABLE t (a INT, b INT);", "CREATE TABLE t (a INT, a INT)"},
	{"CREATE TABLE t (a INT PRIMARY KEY, b INT);", "CREATE TABLE t (a INT PRIMARY KEY, b INT PRIMARY KEY)"},
	{"CREATE TABLE t (a INT) STRICT;", "CREATE TABLE t (a FOO) STRICT"},
	{"CREATE TABLE t (a INT DEFAULT 1);", "CREATE TABLE t (a INT DEFAULT (a + 1))"},
	{"CREATE TABLE t (a INT CHECK (a > 0));", "CREATE TABLE t (a INT CHECK (a > ))"},
	{"CREATE TABLE t (a INTEGER PRIMARY KEY AUTOINCREMENT);", "CREATE TABLE t (a TEXT PRIMARY KEY AUTOINCREMENT)"},
	{"CREATE TABLE t (a INT AS (1), b INT);", "CREATE TABLE t (a INT AS (1))"},
	{"CREATE TABLE t (a INT PRIMARY KEY) WITHOUT ROWID;", "CREATE TABLE t (a INT) WITHOUT ROWID"},
	{"CREATE TABLE p (id INT PRIMARY KEY); CREATE TABLE t (a INT, FOREIGN KEY (a) REFERENCES p (id));",
	 "CREATE TABLE t (a INT, FOREIGN KEY (zz) REFERENCES p (id))"},
};

/* The same edits to indexes and names. */
static const char *const refused_rows[][2] = {
	{"CREATE TABLE t (a INT, b INT); CREATE INDEX i ON t (b);",
	 "UPDATE sqlite_schema SET sql = 'CREATE INDEX i ON t (zz)' WHERE name = 'i'"},
	{"CREATE TABLE t (a INT); CREATE TABLE u (b INT); CREATE INDEX i ON t (a);",
	 "UPDATE sqlite_schema SET tbl_name = 'u' WHERE name = 'i'"},
	{"CREATE TABLE t (a INT); CREATE TABLE u (b INT);",
	 "UPDATE sqlite_schema SET name = 'T', tbl_name = 'T', sql = 'CREATE TABLE T (b INT)' WHERE name = 'u'"},
	{"CREATE TABLE t (a INT); CREATE INDEX i ON t (a) WHERE a > 0;",
	 "UPDATE sqlite_schema SET sql = 'CREATE INDEX i ON t (a) WHERE a >' WHERE name = 'i'"},
	{"CREATE TABLE t (a INT); CREATE INDEX i ON t (a);",
	 "UPDATE sqlite_schema SET sql = 'CREATE INDEX i ON t (a +)' WHERE name = 'i'"},
};

/* The reader's error for `db`'s image, its rows read off the pages or not. */
static char *load_error(sqlite3 *db, bool off_pages)
{
	sqlite3 *copy = mg_test_image_of(db, NULL, NULL);
	mg_schema_rows rows = {0};
	assert_int_equal(mg_test_read_rows(copy, &rows), 1);
	mg_error err;
	int rc;
	mg_graph *graph = loaded(copy, off_pages ? &rows : NULL, &err, &rc);
	char *message = rc < 0 ? strdup(err.message) : NULL;
	mg_test_end_read(copy);
	mg_graph_free(graph);
	mg_schema_rows_free(&rows);
	sqlite3_close(copy);
	return message;
}

static void check_refused(sqlite3 *db, const char *label)
{
	char *off_pages = load_error(db, true), *by_sqlite = load_error(db, false);
	if (!by_sqlite)
		fail_msg("%s: SQLite loads the edited schema: the case tests nothing", label);
	if (!strstr(by_sqlite, "malformed database schema"))
		fail_msg("%s: SQLite says %s", label, by_sqlite);
	if (!off_pages || strcmp(off_pages, by_sqlite) != 0)
		fail_msg("%s: off the pages \"%s\", SQLite \"%s\"", label, off_pages ? off_pages : "(read)", by_sqlite);
	free(off_pages);
	free(by_sqlite);
}

static sqlite3 *edited(const char *setup, const char *edit)
{
	sqlite3 *db = NULL;
	char *error = NULL;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	if (sqlite3_exec(db, setup, NULL, NULL, &error) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA writable_schema = ON", NULL, NULL, &error) != SQLITE_OK ||
	    (edit && sqlite3_exec(db, edit, NULL, NULL, &error) != SQLITE_OK))
		fail_msg("%s / %s: %s", setup, edit ? edit : "", error);
	return db;
}

static void schemas_sqlite_refuses_are_refused(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		mg_buf edit = MG_BUF_INIT;
		mg_buf_printf(&edit, "UPDATE sqlite_schema SET sql = '%s' WHERE name = 't'", refused[i][1]);
		sqlite3 *db = edited(refused[i][0], edit.data);
		check_refused(db, refused[i][1]);
		sqlite3_close(db);
		mg_buf_free(&edit);
	}
	for (size_t i = 0; i < sizeof(refused_rows) / sizeof(refused_rows[0]); i++) {
		sqlite3 *db = edited(refused_rows[i][0], refused_rows[i][1]);
		check_refused(db, refused_rows[i][1]);
		sqlite3_close(db);
	}
}

/* ---- damaged files ---- */

typedef struct damage {
	unsigned seed;
	unsigned page_size;
	const char *what;
} damage;

static unsigned next_random(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 8;
}

/* A few bytes of the image past the header set to chosen or random values:
 * counts, pointers, offsets, varints. */
static void damage_bytes(unsigned char *image, sqlite3_int64 *size, void *payload)
{
	damage *d = payload;
	unsigned n = 1 + next_random(&d->seed) % 4;
	for (unsigned i = 0; i < n; i++) {
		sqlite3_int64 at = 100 + (sqlite3_int64)(next_random(&d->seed) % (unsigned)(*size - 100));
		static const unsigned char values[] = {0x00, 0x01, 0x02, 0x05, 0x0d, 0x7f, 0x80, 0xff};
		unsigned r = next_random(&d->seed);
		image[at] = r % 2 ? values[r / 2 % sizeof(values)] : (unsigned char)(r >> 4);
	}
}

/* The right-most child of page 1 made page 1 itself: a loop. */
static void loop_to_root(unsigned char *image, sqlite3_int64 *size, void *payload)
{
	(void)size, (void)payload;
	assert_int_equal(image[100], 0x05);
	image[108] = image[109] = image[110] = 0;
	image[111] = 1;
}

/* The image cut short: pages the tree names are missing. */
static void truncate_image(unsigned char *image, sqlite3_int64 *size, void *payload)
{
	(void)image;
	damage *d = payload;
	*size = (*size / d->page_size / 2) * d->page_size;
}

/* Page 1 holding one cell whose record is cut short: its header promises
 * a rootpage of 8 bytes and a statement of 5 that the payload lacks. */
static void short_record(unsigned char *image, sqlite3_int64 *size, void *payload)
{
	(void)payload;
	static const unsigned char cell[] = {
		11, 1,                     /* payload bytes, rowid */
		6, 15, 15, 15, 6, 23,      /* record header: three texts of 1, an 8-byte integer, a text of 5 */
		't', 't', 't', 0, 1,       /* the texts, then two of the integer's bytes: the end */
	};
	unsigned page_size = (unsigned)(image[16] << 8 | image[17]);
	unsigned at = page_size - (unsigned)sizeof(cell);
	memcpy(image + at, cell, sizeof(cell));
	image[100] = 0x0d;                              /* a leaf table page */
	image[103] = 0, image[104] = 1;                 /* one cell */
	image[105] = (unsigned char)(at >> 8), image[106] = (unsigned char)at;
	image[108] = (unsigned char)(at >> 8), image[109] = (unsigned char)at; /* its pointer */
	*size = page_size; /* page 1 only */
	image[28] = image[29] = image[30] = 0, image[31] = 1;
}

/* The header's versions say WAL mode: an image in memory has no -wal to
 * look for (nor a file name to look by). */
static void wal_header(unsigned char *image, sqlite3_int64 *size, void *payload)
{
	(void)size, (void)payload;
	image[18] = image[19] = 2;
}

static void damaged_pages_are_declined_or_read_safely(void **state)
{
	(void)state;
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA page_size = 512", NULL, NULL, NULL), SQLITE_OK);
	build_schema(db, 120, true);
	damage d = {.seed = 12345, .page_size = 512};
	assert_int_equal(rows_of_image(db, loop_to_root, &d), 0);
	assert_int_equal(rows_of_image(db, truncate_image, &d), 0);
	assert_int_equal(rows_of_image(db, short_record, NULL), 0);
	int wal = rows_of_image(db, wal_header, NULL);
	assert_true(wal == 0 || wal == 1);
	unsigned declined = 0, read = 0;
	for (unsigned i = 0; i < 3000; i++) {
		int result = rows_of_image(db, damage_bytes, &d);
		assert_true(result == 0 || result == 1);
		declined += result == 0;
		read += result == 1;
	}
	/* Both outcomes occur: the damage reaches the tree, and not always. */
	assert_true(declined > 0);
	assert_true(read > 0);
	printf("damaged images: %u declined, %u read\n", declined, read);
	sqlite3_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rows_are_sqlites_on_corpus_and_lint_cases),
		cmocka_unit_test(rows_are_sqlites_on_every_page_size),
		cmocka_unit_test(graph_is_the_same_off_the_pages),
		cmocka_unit_test(scanned_schema_leaves_sqlite_schema_unloaded),
		cmocka_unit_test(declines_other_encodings),
		cmocka_unit_test(declines_values_that_are_not_text),
		cmocka_unit_test(declines_a_wal_with_frames),
		cmocka_unit_test(schemas_sqlite_refuses_are_refused),
		cmocka_unit_test(damaged_pages_are_declined_or_read_safely),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	mg_test_tmpdir_remove();
	return failed;
}
