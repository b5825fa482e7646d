/* The C model reader on real headers parsed by libclang. */

#include "tests/c/c_test.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static int teardown(void **state)
{
	(void)state;
	mg_test_tmpdir_remove();
	return 0;
}

static void assert_at(mg_location l, const char *file_suffix, unsigned line, unsigned column)
{
	assert_non_null(l.file);
	size_t n = strlen(l.file), m = strlen(file_suffix);
	if (n < m || strcmp(l.file + n - m, file_suffix) != 0)
		fail_msg("location in %s, expected ...%s", l.file, file_suffix);
	if (l.line != line || l.column != column)
		fail_msg("location %s:%u:%u, expected line %u column %u", l.file, l.line, l.column, line,
			 column);
}

static void assert_type(const mg_table *t, const char *column, const char *c_type, const char *sql_type,
			mg_type_family family)
{
	const mg_column *c = mg_c_test_column(t, column);
	assert_string_equal(c->type, c_type);
	assert_string_equal(c->sql_type, sql_type);
	if (c->family != family)
		fail_msg("column %s: family %s, expected %s", column, mg_type_family_name(c->family),
			 mg_type_family_name(family));
}

/* ---- types ---- */

static void sql_types_follow_the_c_types(void **state)
{
	(void)state;
	mg_graph *g = mg_c_test_read(&(const char *){mg_c_test_input("types.h")}, 1, NULL);
	mg_table *t = mg_c_test_table(g, "sample");
	assert_int_equal(t->kind, MG_TABLE_MODEL);
	assert_type(t, "id", "int", "INTEGER", MG_TYPE_INTEGER);
	assert_type(t, "big", "int64_t", "BIGINT", MG_TYPE_INTEGER);
	assert_type(t, "small", "short", "SMALLINT", MG_TYPE_INTEGER);
	assert_type(t, "byte", "uint8_t", "SMALLINT", MG_TYPE_INTEGER);
	assert_type(t, "count", "size_t", "BIGINT", MG_TYPE_INTEGER);
	assert_type(t, "flag", "_Bool", "BOOLEAN", MG_TYPE_BOOLEAN);
	assert_type(t, "ratio", "double", "DOUBLE PRECISION", MG_TYPE_REAL);
	assert_type(t, "score", "float", "REAL", MG_TYPE_REAL);
	assert_type(t, "initial", "char", "CHAR(1)", MG_TYPE_TEXT);
	assert_type(t, "name", "char[81]", "VARCHAR(80)", MG_TYPE_TEXT);
	assert_type(t, "bio", "char *", "TEXT", MG_TYPE_TEXT);
	assert_type(t, "motto", "const char *", "TEXT", MG_TYPE_TEXT);
	assert_type(t, "created", "time_t", "TIMESTAMP", MG_TYPE_DATETIME);
	assert_type(t, "updated", "struct tm", "TIMESTAMP", MG_TYPE_DATETIME);
	assert_type(t, "digest", "uint8_t[32]", "BLOB", MG_TYPE_BLOB);
	assert_type(t, "avatar", "unsigned char *", "BLOB", MG_TYPE_BLOB);
	assert_type(t, "status", "enum Status", "STATUS", MG_TYPE_TEXT);
	assert_type(t, "kind", "Kind", "KIND", MG_TYPE_TEXT);
	assert_type(t, "price", "int", "NUMERIC(10,2)", MG_TYPE_NUMERIC);
	assert_type(t, "label", "char[9]", "CHAR(8)", MG_TYPE_TEXT);
	/* Not columns: a pointer to an int array, an int array. */
	assert_null(mg_table_find_column(t, "scores"));
	assert_null(mg_table_find_column(t, "history"));
	assert_int_equal(t->nunmapped_fields, 2);
	assert_string_equal(t->unmapped_fields[0]->name, "scores");
	assert_null(t->unmapped_fields[0]->target);
	assert_int_equal(t->unmapped_fields[0]->collection, MG_UNSET);
	assert_int_equal(g->nannotation_problems, 0);
	mg_graph_free(g);
}

/* ---- names, keys, defaults ---- */

static void names_keys_and_defaults(void **state)
{
	(void)state;
	mg_graph *g = mg_c_test_read_text(
	    "names.h",
	    "#include <modelgraph/annotations.h>\n"
	    "struct UserProfile { int id MG_COLUMN(primary_key); } MG_MODEL();\n"
	    "struct HTTPLog { int id MG_COLUMN(primary_key, autoincrement=false); } MG_MODEL();\n"
	    "struct Song2Playlist { int id MG_COLUMN(primary_key); } MG_MODEL();\n"
	    "struct Tag {\n"
	    "    int id          MG_COLUMN(primary_key);\n"
	    "    char slug[41]   MG_COLUMN(name=tag_slug, unique, nullable=false);\n"
	    "    char label[41]  MG_COLUMN(index, unique);\n"
	    "    int weight      MG_COLUMN(index, default=1, server_default=0);\n"
	    "    char *note      MG_COLUMN(server_default=\"it's\", default=\"x\");\n"
	    "    int owner_id    MG_COLUMN(nullable=true);\n"
	    "} MG_MODEL(tablename=tags, schema=blog) MG_UNIQUE(owner_id, label)\n"
	    "  MG_INDEX(ix_tags_owner, owner_id, weight);\n"
	    "struct Pair { int a; int b; } MG_TABLE(pairs) MG_PRIMARY_KEY(b, a);\n"
	    "typedef struct { int id MG_COLUMN(primary_key); } MG_MODEL() Point;\n");

	mg_table *profile = mg_c_test_table(g, "user_profile");
	assert_string_equal(profile->struct_name, "UserProfile");
	assert_true(profile->columns[0]->autoincrement); /* a lone integer key: SQLAlchemy's "auto" */
	assert_false(profile->columns[0]->nullable);
	assert_false(mg_c_test_table(g, "http_log")->columns[0]->autoincrement);
	mg_c_test_table(g, "song2_playlist");
	assert_string_equal(mg_c_test_table(g, "point")->struct_name, "Point");

	mg_table *tags = mg_c_test_table(g, "tags");
	assert_string_equal(tags->schema, "blog");
	assert_string_equal(tags->path, "blog.tags");
	mg_column *slug = mg_c_test_column(tags, "tag_slug");
	assert_string_equal(slug->path, "blog.tags.tag_slug");
	assert_true(slug->unique);
	assert_false(slug->nullable);
	assert_true(mg_c_test_column(tags, "owner_id")->nullable);
	assert_true(mg_c_test_column(tags, "weight")->nullable); /* SQLAlchemy's default */
	assert_string_equal(mg_c_test_column(tags, "weight")->default_value, "0");
	assert_string_equal(mg_c_test_column(tags, "weight")->client_default, "1");
	assert_string_equal(mg_c_test_column(tags, "note")->default_value, "'it''s'");
	assert_string_equal(mg_c_test_column(tags, "note")->client_default, "\"x\"");
	mg_column *pair[] = {mg_c_test_column(tags, "label"), mg_c_test_column(tags, "owner_id")};
	assert_true(mg_table_is_key(tags, pair, 2));
	assert_true(mg_table_is_key(tags, &slug, 1));
	assert_true(mg_c_test_column(tags, "label")->unique);
	/* Indexes sorted by name: ix_tags_label (unique, index=true), ix_tags_owner,
	 * ix_tags_weight, tags_owner_id_label_key, tags_tag_slug_key. */
	assert_int_equal(tags->nindexes, 5);
	assert_string_equal(tags->indexes[0]->name, "ix_tags_label");
	assert_true(tags->indexes[0]->unique);
	assert_string_equal(tags->indexes[1]->name, "ix_tags_owner");
	assert_int_equal(tags->indexes[1]->ncolumns, 2);
	assert_false(tags->indexes[1]->unique);
	assert_string_equal(tags->indexes[3]->name, "tags_owner_id_label_key");
	assert_int_equal(tags->indexes[3]->origin, MG_INDEX_UNIQUE);
	assert_string_equal(tags->indexes[4]->name, "tags_tag_slug_key");

	mg_table *pairs = mg_c_test_table(g, "pairs");
	assert_int_equal(pairs->kind, MG_TABLE_PLAIN);
	assert_int_equal(pairs->npk, 2);
	assert_string_equal(pairs->primary_key[0]->name, "b"); /* key order, not field order */
	assert_false(pairs->primary_key[0]->autoincrement);
	assert_false(pairs->columns[0]->nullable);
	assert_int_equal(g->nannotation_problems, 0);
	mg_graph_free(g);
}

/* ---- foreign keys and relationships ---- */

static void foreign_keys_and_relationships(void **state)
{
	(void)state;
	mg_graph *g = mg_c_test_read(&(const char *){mg_c_test_input("shop.h")}, 1, NULL);
	mg_table *order = mg_c_test_table(g, "orders");
	assert_int_equal(order->nforeign_keys, 3);
	/* Sorted by name: orders_coupon_fkey, orders_customer_id_fkey, orders_warehouse_fkey. */
	mg_foreign_key *customer = order->foreign_keys[1];
	assert_string_equal(customer->name, "orders_customer_id_fkey");
	assert_string_equal(customer->parent_name, "customer");
	assert_int_equal(customer->nparent_columns, 1);
	assert_string_equal(customer->parent_column_names[0], "id");
	assert_ptr_equal(customer->parent, mg_c_test_table(g, "customer"));
	assert_int_equal(customer->on_delete, MG_ACTION_CASCADE);
	assert_int_equal(customer->on_update, MG_ACTION_NO_ACTION);
	assert_false(customer->columns[0]->nullable);
	assert_at(customer->location, "shop.h", 31, 31);
	assert_at(customer->columns[0]->location, "shop.h", 31, 6);

	mg_foreign_key *coupon = order->foreign_keys[0];
	assert_string_equal(coupon->name, "orders_coupon_fkey");
	assert_int_equal(coupon->on_delete, MG_ACTION_SET_NULL);
	mg_foreign_key *dangling = order->foreign_keys[2];
	assert_string_equal(dangling->name, "orders_warehouse_fkey");
	assert_string_equal(dangling->parent_name, "warehouse");
	assert_null(dangling->parent); /* no such table: kept for fk-target-missing */
	assert_string_equal(dangling->columns[0]->name, "warehouse_id");

	mg_table *customer_t = mg_c_test_table(g, "customer");
	assert_int_equal(customer_t->nrelationships, 3);
	/* Sorted by name: addresses, orders, referrer. */
	mg_relationship *orders = customer_t->relationships[1];
	assert_string_equal(orders->name, "orders");
	assert_string_equal(orders->target_name, "Order");
	assert_string_equal(orders->backref, "customer");
	assert_null(orders->back_populates);
	assert_int_equal(orders->uselist, MG_UNSET);
	assert_int_equal(orders->c_collection, MG_TRUE);
	assert_string_equal(orders->c_target, "Order");
	assert_string_equal(orders->cascade, "all, delete-orphan");
	assert_string_equal(orders->lazy, "dynamic");
	assert_string_equal(orders->order_by, "Order.placed desc");
	assert_int_equal(orders->nforeign_keys, 1);
	assert_string_equal(orders->foreign_keys[0], "Order.customer_id");
	assert_at(orders->location, "shop.h", 15, 31);
	assert_true(orders->source == customer_t);

	mg_relationship *referrer = customer_t->relationships[2];
	assert_string_equal(referrer->name, "referrer");
	assert_int_equal(referrer->c_collection, MG_FALSE);
	assert_int_equal(referrer->uselist, MG_FALSE);
	assert_int_equal(referrer->nremote_side, 1);
	assert_string_equal(referrer->remote_side[0], "id");
	assert_int_equal(referrer->viewonly, MG_TRUE);
	assert_int_equal(referrer->noverlaps, 2);
	assert_string_equal(referrer->overlaps[0], "orders");
	assert_string_equal(referrer->overlaps[1], "addresses");

	mg_relationship *addresses = customer_t->relationships[0];
	assert_int_equal(addresses->c_collection, MG_TRUE); /* an array of pointers */
	assert_string_equal(addresses->back_populates, "owner");
	assert_string_equal(addresses->secondary_name, "customer_addresses");

	/* MG_TRANSIENT fields are nothing; a bare pointer to a model is recorded. */
	assert_null(mg_table_find_column(customer_t, "session"));
	assert_null(mg_table_find_relationship(customer_t, "session"));
	assert_int_equal(customer_t->nunmapped_fields, 1);
	mg_unmapped_field *u = customer_t->unmapped_fields[0];
	assert_string_equal(u->name, "last_order");
	assert_string_equal(u->target, "Order");
	assert_int_equal(u->collection, MG_FALSE);
	assert_true(u->pointer);
	assert_string_equal(u->path, "customer.last_order");
	assert_at(u->location, "shop.h", 21, 16);
	assert_int_equal(g->nannotation_problems, 0);
	mg_graph_free(g);
}

/* ---- comments and locations ---- */

static void comments_and_locations(void **state)
{
	(void)state;
	mg_graph *g = mg_c_test_read(&(const char *){mg_c_test_input("shop.h")}, 1, NULL);
	mg_table *customer = mg_c_test_table(g, "customer");
	assert_string_equal(customer->comment, "Someone who buys.\n\nCustomers are never deleted, only disabled.");
	assert_at(customer->location, "shop.h", 23, 3);
	mg_column *email = mg_c_test_column(customer, "email");
	assert_string_equal(email->comment, "where receipts go");
	assert_at(email->location, "shop.h", 12, 7);
	mg_column *name = mg_c_test_column(customer, "name");
	assert_string_equal(name->comment, "full name, as printed on invoices");
	mg_table *order = mg_c_test_table(g, "orders");
	assert_string_equal(order->comment, "an order, paid or not"); /* comment= wins over the doc comment */
	assert_string_equal(mg_c_test_column(order, "total")->comment, "in cents");
	assert_null(mg_c_test_column(order, "id")->comment);
	assert_string_equal(g->sources[0].name, mg_c_test_input("shop.h"));
	assert_int_equal(g->sources[0].kind, MG_SOURCE_C);
	mg_graph_free(g);
}

/* Names and doc comments are read from the text where it settles them
 * (c_source_text.c), from clang elsewhere; Debug builds, which the tests
 * are, ask clang every time and abort on a difference. Shapes that the
 * text reads and shapes it must leave to clang, each with its answer. */
static const char text_shapes_h[] =
	"#include <modelgraph/annotations.h>\n"
	"#define ID_COLUMN int id MG_COLUMN(primary_key=true)\n"
	"#define SEMI ;\n"
	"struct Shapes {\n"
	"\tID_COLUMN;\n"
	"\t/** plain */\n"
	"\tint plain;\n"
	"\t/**\n"
	"\t * over\n"
	"\t * lines\n"
	"\t */\n"
	"\tconst char *multi_line;\n"
	"\t/// slashes\n"
	"\tint slashes;\n"
	"\tint trailing; ///< after the name\n"
	"\t/** first */\n"
	"\t/** second */\n"
	"\tint merged;\n"
	"\t/* ordinary */ /** doc after an ordinary one */\n"
	"\tint after_ordinary;\n"
	"\t/** inside /* it */\n"
	"\tint nested_opening;\n"
	"\t/** before a directive */\n"
	"#define NOTHING\n"
	"\tint after_directive;\n"
	"\tint no_comment;\n"
	"\tunsigned int : 3;\n"
	"\tunsigned int bits : 3;\n"
	"\tint (*callback)(void);\n"
	"\tint aligned __attribute__((aligned(8)));\n"
	"\tint dollar$sign;\n"
	"\tchar semi_char MG_COLUMN(server_default=\";\");\n"
	"\t/** after a quoted stop */\n"
	"\tint after_quoted_stop;\n"
	"\tint spli\\\n"
	"ced;\n"
	"\t/**/ int empty_comment;\n"
	"\t/***/ int stars;\n"
	"\tint first_declarator, /** second declarator */ second_declarator;\n"
	"\t/* ordinary only */ int ordinary_only;\n"
	"\t/** last */ int last;\n"
	"} MG_MODEL(tablename=shapes);\n";

static void names_and_comments_from_the_text(void **state)
{
	(void)state;
	mg_graph *g = mg_c_test_read_text("text_shapes.h", text_shapes_h);
	mg_table *t = mg_c_test_table(g, "shapes");
	static const char *const expected[][2] = {
		{"id", NULL},
		{"plain", "plain"},
		{"multi_line", "over lines"},
		{"slashes", "slashes"},
		{"trailing", "after the name"},
		{"merged", "first second"},
		{"after_ordinary", "doc after an ordinary one"},
		{"no_comment", NULL},
		{"bits", NULL},
		{"aligned", NULL},
		{"dollar$sign", NULL},
		{"semi_char", NULL},
		{"after_quoted_stop", "after a quoted stop"},
		{"spliced", NULL},
		{"first_declarator", NULL},
		{"second_declarator", "second declarator"},
		{"ordinary_only", NULL},
		{"last", "last"},
	};
	for (size_t i = 0; i < sizeof(expected) / sizeof(expected[0]); i++) {
		mg_column *c = mg_c_test_column(t, expected[i][0]);
		if (expected[i][1] ? !c->comment || strcmp(c->comment, expected[i][1]) != 0 : c->comment != NULL)
			fail_msg("%s: comment \"%s\", expected \"%s\"", expected[i][0], c->comment ? c->comment : "(none)",
				 expected[i][1] ? expected[i][1] : "(none)");
	}
	assert_at(mg_c_test_column(t, "id")->location, "text_shapes.h", 5, 2);
	assert_at(mg_c_test_column(t, "spliced")->location, "text_shapes.h", 35, 6);
	mg_graph_free(g);
}

/* ---- several files ---- */

static const char common_h[] =
	"#ifndef COMMON_H\n"
	"#define COMMON_H\n"
	"#include <modelgraph/annotations.h>\n"
	"struct Author { int id MG_COLUMN(primary_key); } MG_MODEL();\n"
	"#endif\n";

static void several_files_merge(void **state)
{
	(void)state;
	mg_test_write_file("common.h", common_h);
	char a[1024], b[1024];
	snprintf(a, sizeof(a), "%s", mg_test_write_file("books.h",
		"#include \"common.h\"\n"
		"struct Book { int id MG_COLUMN(primary_key); int author_id MG_FOREIGN_KEY(author.id, index); } MG_MODEL();\n"));
	snprintf(b, sizeof(b), "%s", mg_test_write_file("talks.h",
		"#include \"common.h\"\n"
		"struct Talk { int id MG_COLUMN(primary_key); int author_id MG_FOREIGN_KEY(author.id, index); } MG_MODEL();\n"));
	const char *paths[] = {a, b};
	mg_graph *g = mg_c_test_read(paths, 2, NULL);
	/* common.h reached through both inputs is one definition. */
	assert_int_equal(g->ntables, 3);
	assert_int_equal(g->nsources, 2);
	mg_table *author = mg_c_test_table(g, "author");
	assert_int_equal(author->nreferenced_by, 2);
	assert_int_equal(author->source_index, 0);
	assert_int_equal(mg_c_test_table(g, "talk")->source_index, 1);
	mg_graph_free(g);

	/* The same file twice, and a header read after the file including it. */
	const char *again[] = {a, a, mg_test_write_file("common.h", common_h)};
	g = mg_c_test_read(again, 3, NULL);
	assert_int_equal(g->ntables, 2);
	mg_graph_free(g);
}

static void defined_twice_is_an_error(void **state)
{
	(void)state;
	char first[1024];
	snprintf(first, sizeof(first), "%s", mg_test_write_file("one.h",
		"#include <modelgraph/annotations.h>\n"
		"struct User { int id MG_COLUMN(primary_key); } MG_MODEL(tablename=users);\n"));
	const char *second = mg_test_write_file("two.h",
		"#include <modelgraph/annotations.h>\n"
		"\n"
		"struct User { int id MG_COLUMN(primary_key); } MG_MODEL(tablename=users);\n");
	mg_error err = {{0}};
	mg_graph *g = mg_graph_new();
	assert_int_equal(mg_read_c(g, first, NULL, &err), 0);
	assert_int_equal(mg_read_c(g, second, &(mg_c_options){0}, &err), -1);
	mg_graph_free(g);
	/* Both places named. */
	assert_non_null(strstr(err.message, "two.h:3:48: table \"users\" is defined twice"));
	assert_non_null(strstr(err.message, "one.h:2:48"));

	/* Another struct, the same table name (case does not matter in SQL). */
	const char *path = mg_test_write_file("same_table.h",
		"#include <modelgraph/annotations.h>\n"
		"struct Person { int id MG_COLUMN(primary_key); } MG_MODEL(tablename=people);\n"
		"struct Human { int id MG_COLUMN(primary_key); } MG_MODEL(tablename=People);\n");
	const char *msg = mg_c_test_read_error(path, NULL);
	assert_non_null(strstr(msg, "same_table.h:3:49: table \"People\" is defined twice: here by struct Human"));
	assert_non_null(strstr(msg, "same_table.h:2:50 by struct Person"));

	/* The same struct tag mapped twice, under two table names. */
	g = mg_graph_new();
	assert_int_equal(mg_read_c(g, first, NULL, &err), 0);
	path = mg_test_write_file("three.h",
		"#include <modelgraph/annotations.h>\n"
		"struct User { int id MG_COLUMN(primary_key); } MG_MODEL(tablename=accounts);\n");
	assert_int_equal(mg_read_c(g, path, NULL, &err), -1);
	mg_graph_free(g);
	assert_non_null(strstr(err.message, "three.h:2:48: struct User is defined twice: here and at "));
	assert_non_null(strstr(err.message, "one.h:2:48"));
}

/* ---- inheritance and mixins ---- */

static const char hierarchy_h[] =
	"#include <modelgraph/annotations.h>\n"
	"struct Employee { int id MG_COLUMN(primary_key); char type[21]; }\n"
	"  MG_MODEL(polymorphic_on=type, polymorphic_identity=employee);\n"
	"struct Engineer { struct Employee base; int id MG_FOREIGN_KEY(employee.id, primary_key); }\n"
	"  MG_MODEL(polymorphic_identity=engineer);\n"
	"struct Dept { int id MG_COLUMN(primary_key); } MG_MODEL();\n"
	"struct Manager { struct Employee base; int dept_id MG_FOREIGN_KEY(dept.id); struct Dept *dept MG_RELATIONSHIP(Dept); }\n"
	"  MG_MODEL(polymorphic_identity=manager);\n"
	"struct Director { struct Manager base; char *office; } MG_MODEL(polymorphic_identity=director);\n";

static void inheritance_by_embedding(void **state)
{
	(void)state;
	char path[1024];
	snprintf(path, sizeof(path), "%s", mg_test_write_file("hierarchy.h", hierarchy_h));
	const char *inputs[] = {path};
	mg_graph *g = mg_c_test_read(inputs, 1, NULL);
	/* Joined-table: a table of its own, joined by its key to the base's. */
	mg_table *employee = mg_c_test_table(g, "employee"), *engineer = mg_c_test_table(g, "engineer");
	assert_string_equal(engineer->inherits, "Employee");
	assert_at(engineer->inherits_location, "hierarchy.h", 4, 35);
	assert_ptr_equal(engineer->inherits_table, employee);
	assert_int_equal(engineer->inherit_join, MG_JOIN_OK);
	assert_ptr_equal(engineer->inherit_fk, engineer->foreign_keys[0]);
	assert_int_equal(engineer->ncolumns, 1);
	assert_string_equal(employee->polymorphic_on, "type");
	assert_at(employee->polymorphic_on_location, "hierarchy.h", 3, 27);
	assert_string_equal(employee->polymorphic_identity, "employee");
	/* Single-table: no table; its columns and relationships go to the
	 * base's, two levels down too. */
	assert_int_equal(g->ntables, 3);
	assert_int_equal(employee->nsubclasses, 2);
	assert_string_equal(employee->subclasses[0]->name, "Manager");
	assert_string_equal(employee->subclasses[1]->name, "Director");
	assert_string_equal(employee->subclasses[1]->inherits, "Manager");
	assert_string_equal(employee->subclasses[1]->polymorphic_identity, "director");
	assert_string_equal(mg_c_test_column(employee, "dept_id")->subclass, "Manager");
	assert_string_equal(mg_c_test_column(employee, "office")->subclass, "Director");
	assert_null(mg_c_test_column(employee, "type")->subclass);
	mg_relationship *dept = mg_table_find_relationship(employee, "dept");
	assert_non_null(dept);
	assert_string_equal(dept->subclass, "Manager");
	assert_ptr_equal(dept->target, mg_c_test_table(g, "dept"));
	assert_int_equal(dept->kind, MG_CARD_MANY_TO_ONE);
	mg_graph_free(g);

	/* Read through two inputs, the hierarchy is read once. */
	const char *twice[] = {path, mg_test_write_file("again.h", "#include \"hierarchy.h\"\n")};
	g = mg_c_test_read(twice, 2, NULL);
	assert_int_equal(g->ntables, 3);
	assert_int_equal(mg_c_test_table(g, "employee")->nsubclasses, 2);
	mg_graph_free(g);
}

static void mixins_give_their_fields(void **state)
{
	(void)state;
	mg_graph *g = mg_c_test_read_text("mixins.h",
		"#include <modelgraph/annotations.h>\n"
		"struct Stamps { long created_at MG_COLUMN(nullable=false); } MG_MIXIN();\n"
		"struct Owned { int owner_id MG_FOREIGN_KEY(account.id); struct Stamps stamps; } MG_MIXIN();\n"
		"struct Account { int id MG_COLUMN(primary_key); struct Stamps s; } MG_MODEL();\n"
		"struct Note { int id MG_COLUMN(primary_key); struct Owned o; char *text; } MG_MODEL();\n"
		"struct NoteView { struct Stamps s; char *text; };\n");
	/* The mixins are no tables; their fields are the models', in place. A
	 * struct that is no model may embed one: it is not read. */
	assert_int_equal(g->ntables, 2);
	assert_int_equal(g->nannotation_problems, 0);
	mg_table *note = mg_c_test_table(g, "note");
	assert_int_equal(note->ncolumns, 4);
	assert_string_equal(note->columns[1]->name, "owner_id");
	assert_string_equal(note->columns[2]->name, "created_at");
	assert_string_equal(note->columns[3]->name, "text");
	assert_false(note->columns[2]->nullable);
	assert_at(note->columns[2]->location, "mixins.h", 2, 22);
	assert_string_equal(note->columns[2]->path, "note.created_at");
	assert_int_equal(note->nforeign_keys, 1);
	assert_string_equal(note->foreign_keys[0]->name, "note_owner_id_fkey");
	assert_string_equal(mg_c_test_table(g, "account")->columns[1]->name, "created_at");
	mg_graph_free(g);
}

static void foreign_key_over_several_columns(void **state)
{
	(void)state;
	mg_graph *g = mg_c_test_read_text("composite.h",
		"#include <modelgraph/annotations.h>\n"
		"struct Line { int order_id; int line_no; struct Ship **ships MG_RELATIONSHIP(Ship, backref=line); }\n"
		"  MG_MODEL() MG_PRIMARY_KEY(order_id, line_no);\n"
		"struct Ship { int id MG_COLUMN(primary_key); int order_no MG_COLUMN(name=order_id); int line_no; }\n"
		"  MG_MODEL() MG_FOREIGN_KEY_CONSTRAINT([order_no, line_no], [line.order_id, line.line_no],\n"
		"                                      ondelete=CASCADE);\n");
	mg_table *ship = mg_c_test_table(g, "ship");
	assert_int_equal(ship->nforeign_keys, 1);
	const mg_foreign_key *fk = ship->foreign_keys[0];
	/* Columns by field name too; named as PostgreSQL names them. */
	assert_string_equal(fk->name, "ship_order_id_line_no_fkey");
	assert_int_equal(fk->ncolumns, 2);
	assert_string_equal(fk->columns[0]->name, "order_id");
	assert_string_equal(fk->parent_columns[1]->name, "line_no");
	assert_int_equal(fk->on_delete, MG_ACTION_CASCADE);
	assert_at(fk->location, "composite.h", 5, 14);
	/* One foreign key, one join over both pairs. */
	const mg_relationship *ships = mg_table_find_relationship(mg_c_test_table(g, "line"), "ships");
	assert_int_equal(ships->join, MG_JOIN_OK);
	assert_ptr_equal(ships->via, fk);
	assert_int_equal(ships->kind, MG_CARD_ONE_TO_MANY);
	assert_int_equal(g->nannotation_problems, 0);
	mg_graph_free(g);
}

/* ---- C errors ---- */

static void c_errors_make_the_input_unreadable(void **state)
{
	(void)state;
	const char *path = mg_test_write_file("broken.h",
		"#include <modelgraph/annotations.h>\n"
		"struct A { int id MG_COLUMN(primary_key); } MG_MODEL();\n"
		"struct B { int x; int = 3; } MG_MODEL();\n");
	const char *msg = mg_c_test_read_error(path, NULL);
	char expected[1100];
	snprintf(expected, sizeof(expected), "%s:3:23: error: ", path);
	if (strncmp(msg, expected, strlen(expected)) != 0)
		fail_msg("message \"%s\", expected it to start with \"%s\"", msg, expected);

	path = mg_test_write_file("missing_include.h", "#include \"nowhere.h\"\n");
	msg = mg_c_test_read_error(path, NULL);
	assert_non_null(strstr(msg, "missing_include.h:1:10: fatal error: 'nowhere.h' file not found"));

	msg = mg_c_test_read_error("/nonexistent/models.h", NULL);
	assert_non_null(strstr(msg, "/nonexistent/models.h: no such file"));
}

/* A header that defines no tables is refused, as a database or script
 * without tables is; one whose models an earlier input already read, or
 * whose annotated struct lacks MG_MODEL (annotation-syntax's to report),
 * is not. */
static void headers_without_tables_are_refused(void **state)
{
	(void)state;
	const char *msg = mg_c_test_read_error(mg_test_write_file("empty.h", ""), NULL);
	assert_non_null(strstr(msg, "empty.h: defines no tables: no struct carries MG_TABLE or MG_MODEL; "
				    "annotate the models (docs/annotations.md)"));
	msg = mg_c_test_read_error(mg_test_write_file("plain.h", "struct Point { int x, y; };\n"), NULL);
	assert_non_null(strstr(msg, "plain.h: defines no tables"));

	mg_test_write_file("models.h", "#include <modelgraph/annotations.h>\n"
				       "struct User { int id MG_COLUMN(primary_key); } MG_MODEL();\n");
	char all[1100];
	snprintf(all, sizeof(all), "%s", mg_test_write_file("all.h", "#include \"models.h\"\n"));
	char models[1100];
	snprintf(models, sizeof(models), "%s/models.h", mg_test_tmpdir());
	const char *paths[] = {all, models};
	mg_graph *g = mg_c_test_read(paths, 2, NULL);
	assert_int_equal(g->ntables, 1);
	mg_graph_free(g);

	g = mg_c_test_read_text("forgot.h", "#include <modelgraph/annotations.h>\n"
					    "struct Song { int id MG_COLUMN(primary_key); };\n");
	assert_int_equal(g->ntables, 0);
	assert_int_equal(mg_c_test_count_problems(g, MG_ANNOTATION_PROBLEM_SYNTAX), 1);
	mg_graph_free(g);
}

/* ---- options ---- */

static void header_found_without_include_path(void **state)
{
	(void)state;
	/* No -I anywhere, yet the macros expand to annotations. */
	mg_graph *g = mg_c_test_read_text("plain.h",
		"#include <modelgraph/annotations.h>\n"
		"struct Plain { int id MG_COLUMN(primary_key); } MG_MODEL();\n");
	assert_int_equal(mg_c_test_table(g, "plain")->npk, 1);
	mg_graph_free(g);

	/* A copy of the user's own, on their include path, is the one used. */
	char dir[1024];
	snprintf(dir, sizeof(dir), "%s/own", mg_test_tmpdir());
	mkdir(dir, 0700);
	snprintf(dir, sizeof(dir), "%s/own/modelgraph", mg_test_tmpdir());
	mkdir(dir, 0700);
	mg_test_write_file("own/modelgraph/annotations.h",
		"#define MG_MODEL(...) __attribute__((annotate(\"mg:model:tablename=theirs\")))\n"
		"#define MG_COLUMN(...)\n");
	snprintf(dir, sizeof(dir), "%s/own", mg_test_tmpdir());
	const char *include_dirs[] = {dir};
	const char *path = mg_test_write_file("plain.h",
		"#include <modelgraph/annotations.h>\n"
		"struct Plain { int id MG_COLUMN(primary_key); } MG_MODEL();\n");
	g = mg_c_test_read(&path, 1, &(mg_c_options){.include_dirs = include_dirs, .ninclude_dirs = 1});
	mg_c_test_table(g, "theirs");
	mg_graph_free(g);
}

static void defines_includes_and_standard(void **state)
{
	(void)state;
	char dir[1024];
	snprintf(dir, sizeof(dir), "%s/inc", mg_test_tmpdir());
	mkdir(dir, 0700);
	mg_test_write_file("inc/extra.h",
		"struct EXTRA_TAG { int id MG_COLUMN(primary_key); } MG_MODEL();\n");
	char path[1024];
	snprintf(path, sizeof(path), "%s", mg_test_write_file("options.h",
		"#include <modelgraph/annotations.h>\n"
		"#ifdef WITH_EXTRA\n"
		"#include \"extra.h\"\n"
		"#endif\n"
		"#if __STDC_VERSION__ != 201112L\n"
		"struct Std17 { int id MG_COLUMN(primary_key); } MG_MODEL();\n"
		"#endif\n"
		"struct Base { int id MG_COLUMN(primary_key); } MG_MODEL();\n"));
	const char *paths[] = {path};

	mg_graph *g = mg_c_test_read(paths, 1, NULL);
	assert_int_equal(g->ntables, 1); /* C11 by default, nothing defined */
	mg_graph_free(g);

	const char *include_dirs[] = {dir};
	const char *defines[] = {"WITH_EXTRA", "EXTRA_TAG=Extras"};
	mg_c_options options = {.std = "c17", .include_dirs = include_dirs, .ninclude_dirs = 1,
				.defines = defines, .ndefines = 2};
	g = mg_c_test_read(paths, 1, &options);
	assert_int_equal(g->ntables, 3);
	mg_c_test_table(g, "extras");
	mg_c_test_table(g, "std17");
	mg_graph_free(g);

	/* -p: the flags of compile_commands.json, for a header those of the
	 * nearest listed file. */
	char json[4096];
	snprintf(json, sizeof(json),
		 "[{\"directory\": \"%s\", \"file\": \"main.c\",\n"
		 "  \"arguments\": [\"cc\", \"-Iinc\", \"-DWITH_EXTRA\", \"-D\", \"EXTRA_TAG=FromDb\","
		 " \"-std=gnu17\", \"-O2\", \"-c\", \"main.c\"]}]\n",
		 mg_test_tmpdir());
	mg_test_write_file("compile_commands.json", json);
	g = mg_c_test_read(paths, 1, &(mg_c_options){.build_dir = mg_test_tmpdir()});
	assert_int_equal(g->ntables, 3);
	mg_c_test_table(g, "from_db");
	mg_graph_free(g);

	/* A -D of the options wins over the database's. */
	const char *override[] = {"EXTRA_TAG=Mine"};
	g = mg_c_test_read(paths, 1, &(mg_c_options){.build_dir = mg_test_tmpdir(), .defines = override,
						       .ndefines = 1, .std = "c11"});
	assert_int_equal(g->ntables, 2);
	mg_c_test_table(g, "mine");
	mg_graph_free(g);

	/* The standard of a C++ file nearby is not the header's: it is left out. */
	snprintf(json, sizeof(json),
		 "[{\"directory\": \"%s\", \"file\": \"main.cpp\",\n"
		 "  \"arguments\": [\"c++\", \"-std=c++17\", \"-c\", \"main.cpp\"]}]\n",
		 mg_test_tmpdir());
	mg_test_write_file("compile_commands.json", json);
	g = mg_c_test_read(paths, 1, &(mg_c_options){.build_dir = mg_test_tmpdir()});
	assert_int_equal(g->ntables, 1);
	mg_graph_free(g);

	/* -p and --std are checked before libclang sees them, each in one line. */
	const char *msg = mg_c_test_read_error(path, &(mg_c_options){.build_dir = "/nonexistent"});
	assert_string_equal(msg, "/nonexistent: no such directory; -p names the build directory that holds "
				 "compile_commands.json");
	msg = mg_c_test_read_error(path, &(mg_c_options){.build_dir = path});
	assert_non_null(strstr(msg, "options.h: not a directory; -p names"));
	mg_test_write_file("compile_commands.json", "[{\"directory\": ");
	msg = mg_c_test_read_error(path, &(mg_c_options){.build_dir = mg_test_tmpdir()});
	assert_non_null(strstr(msg, "/compile_commands.json: libclang could not read it as a compilation database"));
	msg = mg_c_test_read_error(path, &(mg_c_options){.std = "c99x"});
	assert_string_equal(msg, "--std c99x: unknown C standard \"c99x\"; did you mean \"c99\"?");
	msg = mg_c_test_read_error(path, &(mg_c_options){.std = "gnu++17"});
	assert_non_null(strstr(msg, "--std gnu++17: unknown C standard \"gnu++17\"; the C standards are"));
	const char *accepted[] = {"c89", "c90", "iso9899:199409", "gnu99", "c18", "iso9899:2018", "gnu2x"};
	for (size_t i = 0; i < sizeof(accepted) / sizeof(accepted[0]); i++)
		mg_graph_free(mg_c_test_read(paths, 1, &(mg_c_options){.std = accepted[i]}));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sql_types_follow_the_c_types),
		cmocka_unit_test(headers_without_tables_are_refused),
		cmocka_unit_test(names_keys_and_defaults),
		cmocka_unit_test(foreign_keys_and_relationships),
		cmocka_unit_test(comments_and_locations),
		cmocka_unit_test(names_and_comments_from_the_text),
		cmocka_unit_test(several_files_merge),
		cmocka_unit_test(defined_twice_is_an_error),
		cmocka_unit_test(inheritance_by_embedding),
		cmocka_unit_test(mixins_give_their_fields),
		cmocka_unit_test(foreign_key_over_several_columns),
		cmocka_unit_test(c_errors_make_the_input_unreadable),
		cmocka_unit_test(header_found_without_include_path),
		cmocka_unit_test(defines_includes_and_standard),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
