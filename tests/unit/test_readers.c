/* The SQLite and SQL DDL readers, on real files. */

#include "tests/unit/test_support.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "analyzer/core/arena.h"
#include "analyzer/read/input_file.h"
#include "analyzer/read/readers.h"
#include "render/render.h"

static int teardown(void **state)
{
	(void)state;
	mg_test_tmpdir_remove();
	return 0;
}

static const char schema[] =
	"CREATE TABLE \"odd \"\"name\"\" [x]\" (\n"
	"  b TEXT NOT NULL DEFAULT 'none', a INTEGER, c REAL GENERATED ALWAYS AS (a * 2),\n"
	"  PRIMARY KEY (b, a)) WITHOUT ROWID;\n"
	"CREATE TABLE parent (id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT UNIQUE, x INT, y INT,\n"
	"  UNIQUE (x, y));\n"
	"CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent,\n"
	"  px INT, py INT, FOREIGN KEY (px, py) REFERENCES parent (x, y) ON DELETE SET NULL ON UPDATE CASCADE);\n"
	"CREATE INDEX ix_child_expr ON child (lower(px));\n"
	"CREATE UNIQUE INDEX ix_child_partial ON child (py) WHERE py > 0;\n"
	"CREATE VIEW child_view AS SELECT id, parent_id FROM child;\n"
	"INSERT INTO parent (code) VALUES ('a');\n";

static void sqlite_reads_every_kind_of_object(void **state)
{
	(void)state;
	const char *path = mg_test_make_db("schema.db", schema);
	mg_graph *g = mg_test_load(path);
	assert_int_equal(g->nsources, 1);
	assert_int_equal(g->sources[0].kind, MG_SOURCE_SQLITE);
	assert_int_equal(g->ntables, 4); /* sqlite_sequence is SQLite's own */

	mg_table *odd = mg_graph_find_table(g, "odd \"name\" [x]");
	assert_non_null(odd);
	assert_int_equal(odd->ncolumns, 3); /* the generated column too */
	assert_int_equal(odd->npk, 2);
	assert_string_equal(odd->primary_key[0]->name, "b"); /* key order, not column order */
	assert_string_equal(odd->primary_key[1]->name, "a");
	assert_string_equal(odd->columns[0]->default_value, "'none'");
	assert_false(odd->columns[1]->autoincrement); /* WITHOUT ROWID: no rowid alias */

	mg_table *parent = mg_graph_find_table(g, "PARENT");
	assert_non_null(parent);
	assert_true(parent->columns[0]->autoincrement);
	assert_true(mg_table_find_column(parent, "code")->unique);
	assert_int_equal(parent->nuniques, 2);
	mg_column *xy[] = {mg_table_find_column(parent, "y"), mg_table_find_column(parent, "x")};
	assert_true(mg_table_is_key(parent, xy, 2));

	mg_table *child = mg_graph_find_table(g, "child");
	assert_int_equal(child->nforeign_keys, 2);
	const mg_foreign_key *implicit = NULL, *composite = NULL;
	for (size_t i = 0; i < child->nforeign_keys; i++) {
		if (child->foreign_keys[i]->ncolumns == 1)
			implicit = child->foreign_keys[i];
		else
			composite = child->foreign_keys[i];
	}
	assert_non_null(implicit);
	assert_non_null(composite);
	assert_int_equal(implicit->nparent_columns, 0); /* no column list: the parent's key */
	assert_ptr_equal(implicit->parent, parent);
	assert_string_equal(implicit->parent_columns[0]->name, "id");
	assert_string_equal(implicit->name, "child_parent_id_fkey");
	assert_int_equal(composite->on_delete, MG_ACTION_SET_NULL);
	assert_int_equal(composite->on_update, MG_ACTION_CASCADE);
	assert_string_equal(composite->parent_columns[1]->name, "y");

	const mg_index *expr = NULL, *partial = NULL;
	for (size_t i = 0; i < child->nindexes; i++) {
		if (strcmp(child->indexes[i]->name, "ix_child_expr") == 0)
			expr = child->indexes[i];
		if (strcmp(child->indexes[i]->name, "ix_child_partial") == 0)
			partial = child->indexes[i];
	}
	assert_non_null(expr);
	assert_null(expr->columns[0]); /* an expression, not a column */
	assert_non_null(partial);
	assert_true(partial->partial);
	assert_false(mg_table_find_column(child, "py")->unique); /* partial: not unique overall */

	mg_table *view = mg_graph_find_table(g, "child_view");
	assert_int_equal(view->kind, MG_TABLE_VIEW);
	assert_int_equal(view->ncolumns, 2);
	assert_string_equal(view->location.file, path);
	assert_int_equal(view->location.line, 0);
	mg_graph_free(g);
}

/* Created indexes are read from their statements: the result must be what
 * SQLite itself says, however the statement is written. */
static void created_indexes_match_sqlite(void **state)
{
	(void)state;
	const char *path = mg_test_make_db(
		"indexes.db",
		"CREATE TABLE \"t x\" (a INT, \"b \"\"q\"\"\" TEXT, [c d] TEXT, `e` INT);\n"
		"CREATE INDEX i1 ON \"t x\" (a DESC, \"b \"\"q\"\"\" COLLATE NOCASE ASC);\n"
		"create unique index if not exists main.i2 on \"t x\"([c d], `e`) where e > 0;\n"
		"CREATE INDEX i3 ON \"t x\" (lower([c d]), a + e, e);\n"
		"CREATE INDEX /* odd */ i4 -- comment\n ON \"t x\" (\n  e\n);\n");
	mg_graph *g = mg_test_load(path);
	const mg_table *t = mg_graph_find_table(g, "t x");
	static const struct {
		const char *name;
		bool unique, partial;
		const char *columns[3]; /* "" for an expression */
		size_t n;
	} expected[] = {
		{"i1", false, false, {"a", "b \"q\""}, 2},
		{"i2", true, true, {"c d", "e"}, 2},
		{"i3", false, false, {"", "", "e"}, 3},
		{"i4", false, false, {"e"}, 1},
	};
	assert_int_equal(t->nindexes, 4);
	for (size_t i = 0; i < 4; i++) {
		const mg_index *index = t->indexes[i];
		assert_string_equal(index->name, expected[i].name);
		assert_int_equal(index->unique, expected[i].unique);
		assert_int_equal(index->partial, expected[i].partial);
		assert_int_equal(index->ncolumns, expected[i].n);
		for (size_t c = 0; c < expected[i].n; c++) {
			if (!*expected[i].columns[c])
				assert_null(index->columns[c]);
			else
				assert_string_equal(index->columns[c]->name, expected[i].columns[c]);
		}
	}
	mg_graph_free(g);
}

static void sqlite_reader_never_writes(void **state)
{
	(void)state;
	const char *made = mg_test_make_db("ro.db", schema);
	char path[1024];
	snprintf(path, sizeof(path), "%s", made);
	struct stat before, after;
	assert_int_equal(stat(path, &before), 0);
	chmod(path, 0444); /* a read-only file must still be readable */
	mg_graph_free(mg_test_load(path));
	assert_int_equal(stat(path, &after), 0);
	assert_int_equal(before.st_size, after.st_size);
	assert_int_equal(before.st_mtime, after.st_mtime);
	char journal[1100];
	snprintf(journal, sizeof(journal), "%s-journal", path);
	assert_int_not_equal(stat(journal, &after), 0);
}

static void exec_ok(sqlite3 *db, const char *sql)
{
	char *message = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &message) != SQLITE_OK)
		fail_msg("%s: %s", sql, message);
}

/* A WAL database with no -wal file is read in place, without locks: a
 * writer that starts meanwhile and checkpoints must be noticed (the reader
 * then reads a private copy); a copy leaves nothing behind. */
static void sqlite_in_place_read_notices_a_writer(void **state)
{
	(void)state;
	char path[1024], wal[1100];
	snprintf(path, sizeof(path), "%s/wal.db", mg_test_tmpdir());
	snprintf(wal, sizeof(wal), "%s-wal", path);
	sqlite3 *writer = NULL;
	assert_int_equal(sqlite3_open(path, &writer), SQLITE_OK);
	exec_ok(writer, "PRAGMA journal_mode = WAL; CREATE TABLE a (id INTEGER PRIMARY KEY);");
	sqlite3_close(writer);
	struct stat st;
	assert_int_not_equal(stat(wal, &st), 0);

	mg_sqlite_input in;
	mg_error err = {{0}};
	assert_int_equal(mg_input_open_sqlite(&in, path, false, &err), 0);
	assert_true(in.in_place);
	assert_null(in.copy_dir);
	assert_false(mg_input_sqlite_changed(&in));
	assert_int_equal(sqlite3_open(path, &writer), SQLITE_OK);
	exec_ok(writer, "CREATE TABLE b (id INTEGER PRIMARY KEY); PRAGMA wal_checkpoint(TRUNCATE);");
	sqlite3_close(writer);
	assert_true(mg_input_sqlite_changed(&in));
	mg_input_close_sqlite(&in);

	assert_int_equal(mg_input_open_sqlite(&in, path, true, &err), 0);
	assert_false(in.in_place);
	assert_non_null(in.copy_dir);
	char dir[1024];
	snprintf(dir, sizeof(dir), "%s", in.copy_dir);
	assert_int_equal(stat(dir, &st), 0);
	assert_false(mg_input_sqlite_changed(&in));
	mg_input_close_sqlite(&in);
	assert_int_not_equal(stat(dir, &st), 0);

	/* A rollback-journal database is read with SQLite's locks: a commit
	 * after the read leaves it one state. */
	snprintf(path, sizeof(path), "%s/rollback.db", mg_test_tmpdir());
	assert_int_equal(sqlite3_open(path, &writer), SQLITE_OK);
	exec_ok(writer, "CREATE TABLE a (id INTEGER PRIMARY KEY);");
	assert_int_equal(mg_input_open_sqlite(&in, path, false, &err), 0);
	assert_true(in.in_place);
	exec_ok(writer, "CREATE TABLE b (id INTEGER PRIMARY KEY);");
	assert_false(mg_input_sqlite_changed(&in));
	/* ... unless it turned to WAL mode meanwhile. */
	exec_ok(writer, "PRAGMA journal_mode = WAL;");
	assert_true(mg_input_sqlite_changed(&in));
	mg_input_close_sqlite(&in);
	sqlite3_close(writer);
}

/* Virtual tables are marked with their module, however their statement is
 * written; plain tables are not. */
static void virtual_tables_name_their_module(void **state)
{
	(void)state;
	mg_graph *g = mg_test_load_sql(
	    "CREATE TABLE plain (id INTEGER PRIMARY KEY);\n"
	    "CREATE VIRTUAL TABLE IF NOT EXISTS \"using using\" USING /* a comment */ fts5 (body);\n"
	    "CREATE VIRTUAL TABLE main.[box] using \"rtree\"(id, x0, x1);\n"
	    "CREATE VIRTUAL TABLE words USING fts4;\n");
	assert_null(mg_graph_find_table(g, "plain")->virtual_module);
	assert_string_equal(mg_graph_find_table(g, "using using")->virtual_module, "fts5");
	assert_string_equal(mg_graph_find_table(g, "box")->virtual_module, "rtree");
	assert_string_equal(mg_graph_find_table(g, "words")->virtual_module, "fts4");
	/* Shadow tables are no tables of the model. */
	assert_null(mg_graph_find_table(g, "words_content"));
	assert_null(mg_graph_find_table(g, "box_node"));
	mg_graph_free(g);
}

static void expect_error(const char *source, const char *fragment)
{
	mg_graph *g = mg_graph_new();
	mg_error err = {{0}};
	assert_int_equal(mg_read_source(g, source, &err), -1);
	if (!strstr(err.message, fragment))
		fail_msg("message \"%s\" lacks \"%s\"", err.message, fragment);
	assert_null(strchr(err.message, '\n'));
	mg_graph_free(g);
}

static void bad_inputs_are_named_errors(void **state)
{
	(void)state;
	expect_error("/nonexistent/app.db", "/nonexistent/app.db: no such file");
	expect_error(mg_test_tmpdir(), "is a directory");
	expect_error(mg_test_write_file("text.db", "hello, not a database\n"), "not a SQLite database");
	expect_error(mg_test_write_file("empty.db", ""), "no tables or views");
	expect_error(mg_test_write_file("notes.txt", "hello"), "unknown kind of source");
	expect_error("postgresql://me:secret@%2Fnonexistent%2Fsocket/app", "postgresql:");
	mg_graph *g = mg_graph_new();
	mg_error err = {{0}};
	mg_read_source(g, "postgresql://me:secret@%2Fnonexistent%2Fsocket/app", &err);
	assert_null(strstr(err.message, "secret"));
	mg_graph_free(g);
}

static void sql_keeps_locations(void **state)
{
	(void)state;
	mg_graph *g = mg_test_load_sql("-- users\n"
				       "CREATE TABLE IF NOT EXISTS \"users\" (\n"
				       "  id INTEGER PRIMARY KEY,\n"
				       "  name TEXT\n"
				       ");\n"
				       "CREATE TABLE post (id INTEGER PRIMARY KEY,\n"
				       "    user_id INTEGER REFERENCES users(id),\n"
				       "  CONSTRAINT fk FOREIGN KEY (id) REFERENCES users (id));\n"
				       "  CREATE INDEX ix ON post (user_id);\n");
	assert_int_equal(g->sources[0].kind, MG_SOURCE_SQL);
	mg_table *users = mg_graph_find_table(g, "users");
	assert_int_equal(users->location.line, 2);
	assert_int_equal(users->location.column, 28);
	mg_column *name = mg_table_find_column(users, "name");
	assert_int_equal(name->location.line, 4);
	assert_int_equal(name->location.column, 3);
	mg_table *post = mg_graph_find_table(g, "post");
	for (size_t i = 0; i < post->nforeign_keys; i++) {
		const mg_foreign_key *fk = post->foreign_keys[i];
		if (strcmp(fk->columns[0]->name, "user_id") == 0) {
			assert_int_equal(fk->location.line, 7);
			assert_int_equal(fk->location.column, 21);
		} else {
			assert_int_equal(fk->location.line, 8);
			assert_int_equal(fk->location.column, 17);
		}
	}
	assert_int_equal(post->indexes[0]->location.line, 9);
	assert_int_equal(post->indexes[0]->location.column, 16);
	mg_graph_free(g);
}

static void sql_errors_point_at_the_statement(void **state)
{
	(void)state;
	expect_error(mg_test_write_file("syntax.sql", "CREATE TABLE a (id INTEGER);\n\nCREATE TABLE b (id INTEGER,,);\n"),
		     "syntax.sql:3:");
	expect_error(mg_test_write_file("runtime.sql", "CREATE TABLE a (id INTEGER);\nINSERT INTO nope VALUES (1);\n"),
		     "runtime.sql:2:1: SQL error: no such table: nope");
	expect_error(mg_test_write_file("nothing.sql", "-- only a comment\n;\n"), "creates no tables");
}

static void sql_cannot_touch_files(void **state)
{
	(void)state;
	char sql[2048], evil[1024];
	snprintf(evil, sizeof(evil), "%s/evil.db", mg_test_tmpdir());
	snprintf(sql, sizeof(sql), "CREATE TABLE a (id INTEGER PRIMARY KEY);\nATTACH DATABASE '%s' AS e;\n", evil);
	expect_error(mg_test_write_file("attach.sql", sql), "attach.sql:2:");
	struct stat st;
	assert_int_not_equal(stat(evil, &st), 0);
	snprintf(sql, sizeof(sql), "CREATE TABLE a (id INTEGER PRIMARY KEY);\nVACUUM INTO '%s';\n", evil);
	expect_error(mg_test_write_file("vacuum.sql", sql), "vacuum.sql:2:");
	assert_int_not_equal(stat(evil, &st), 0);
}

/* Every string of a graph JSON document, so a copy that fails shows. */
static const char full_graph_json[] =
	"{\"format\": \"modelgraph-graph\", \"version\": 1, \"tables\": [\n"
	" {\"name\": \"users\", \"schema\": \"app\", \"kind\": \"model\", \"comment\": \"People.\",\n"
	"  \"struct\": \"User\", \"location\": {\"file\": \"models.h\", \"line\": 3, \"column\": 8},\n"
	"  \"columns\": [{\"name\": \"id\", \"type\": \"int\", \"sql_type\": \"INTEGER\", \"nullable\": false,\n"
	"               \"default\": \"0\", \"comment\": \"Key.\", \"client_default\": \"next_id()\",\n"
	"               \"location\": {\"file\": \"models.h\", \"line\": 4, \"column\": 9}},\n"
	"              {\"name\": \"boss_id\", \"type\": \"int\", \"sql_type\": \"INTEGER\"}],\n"
	"  \"primary_key\": [\"id\"], \"unique\": [[\"boss_id\"]],\n"
	"  \"indexes\": [{\"name\": \"ix_boss\", \"columns\": [\"boss_id\", null], \"unique\": false}],\n"
	"  \"foreign_keys\": [{\"name\": \"fk_boss\", \"columns\": [\"boss_id\"], \"ref_table\": \"users\",\n"
	"                    \"ref_columns\": [\"id\"], \"on_delete\": \"SET NULL\"}],\n"
	"  \"relationships\": [{\"name\": \"boss\", \"target\": \"users\", \"backref\": \"staff\",\n"
	"                     \"secondary\": \"links\", \"lazy\": \"select\", \"cascade\": \"all\"},\n"
	"                    {\"name\": \"peers\", \"target\": \"users\", \"back_populates\": \"peers\"}]}]}\n";

static void json_out_of_memory_is_an_error(void **state)
{
	(void)state;
	const char *path = mg_test_write_file("full.json", full_graph_json);
	mg_graph *whole = mg_graph_new();
	mg_error err = {{0}};
	if (mg_read_json(whole, path, &err) < 0)
		fail_msg("%s", err.message);
	mg_buf expected = MG_BUF_INIT;
	mg_render_graph_json(whole, &expected);
	mg_graph_free(whole);

	/* Allocation n fails, for every n until the read needs no more: each
	 * run either reads the whole document or says it ran out of memory. */
	bool completed = false;
	for (size_t n = 0; !completed; n++) {
		mg_graph *g = mg_graph_new();
		mg_arena_fail_after(g->arena, n);
		err = (mg_error){{0}};
		if (mg_read_json(g, path, &err) == 0) {
			mg_buf actual = MG_BUF_INIT;
			mg_arena_fail_after(g->arena, SIZE_MAX);
			mg_render_graph_json(g, &actual);
			if (strcmp(expected.data, actual.data) != 0)
				fail_msg("allocation %zu failed, yet the read succeeded and lost:\n%s", n, actual.data);
			mg_buf_free(&actual);
			completed = true;
		} else if (!strstr(err.message, "out of memory")) {
			fail_msg("allocation %zu failed: \"%s\" does not say out of memory", n, err.message);
		}
		mg_graph_free(g);
	}
	mg_buf_free(&expected);
}

/* One broken object does not hide the database: a view over a column that
 * is gone and a virtual table whose module is not loaded (with its shadow
 * tables) are left out and recorded; every other table is read. */
static void broken_objects_are_left_out_and_the_rest_read(void **state)
{
	(void)state;
	const char *path = mg_test_make_db(
		"broken.db",
		"CREATE TABLE a (id INTEGER PRIMARY KEY, x INTEGER, y TEXT);"
		"CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id));"
		"CREATE VIEW w AS SELECT x FROM a;"
		"CREATE VIRTUAL TABLE f USING fts5(body);"
		"CREATE TABLE z (id INTEGER PRIMARY KEY);"
		/* What a schema looks like after an old-style column drop, and in a
		 * database made where a module was loaded that is not here. */
		"PRAGMA writable_schema = ON;"
		"UPDATE sqlite_schema SET sql = 'CREATE TABLE a (id INTEGER PRIMARY KEY, y TEXT)' WHERE name = 'a';"
		"UPDATE sqlite_schema SET sql = 'CREATE VIRTUAL TABLE f USING spellfix1(body)' WHERE name = 'f';");
	mg_graph *graph = mg_test_load(path);
	static const char *const tables[] = {"a", "b", "z"};
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		if (!mg_graph_find_table(graph, tables[i]))
			fail_msg("table %s was not read", tables[i]);
	assert_int_equal(graph->ntables, 3); /* no view w, no f, no f_* shadow tables */
	assert_int_equal(graph->nunreadable, 2);
	bool saw_view = false, saw_vtab = false;
	for (size_t i = 0; i < graph->nunreadable; i++) {
		const mg_unreadable *u = &graph->unreadable[i];
		saw_view |= strcmp(u->name, "w") == 0 && strcmp(u->kind, "view") == 0 &&
			    strstr(u->reason, "no such column: x") != NULL;
		saw_vtab |= strcmp(u->name, "f") == 0 && strcmp(u->kind, "virtual table") == 0 &&
			    strstr(u->reason, "spellfix1") != NULL;
	}
	assert_true(saw_view && saw_vtab);
	assert_non_null(mg_table_find_column(mg_graph_find_table(graph, "b"), "a_id"));
	mg_findings *findings = mg_test_lint(graph);
	assert_int_equal(mg_test_count_rule(findings, "schema-object-unreadable"), 2);
	mg_findings_free(findings);
	mg_graph_free(graph);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sqlite_reads_every_kind_of_object),
		cmocka_unit_test(created_indexes_match_sqlite),
		cmocka_unit_test(sqlite_reader_never_writes),
		cmocka_unit_test(sqlite_in_place_read_notices_a_writer),
		cmocka_unit_test(virtual_tables_name_their_module),
		cmocka_unit_test(bad_inputs_are_named_errors),
		cmocka_unit_test(sql_keeps_locations),
		cmocka_unit_test(sql_errors_point_at_the_statement),
		cmocka_unit_test(sql_cannot_touch_files),
		cmocka_unit_test(json_out_of_memory_is_an_error),
		cmocka_unit_test(broken_objects_are_left_out_and_the_rest_read),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
