/* Rules on foreign keys: targets, types, indexes, actions, duplicates. */

#include <stdio.h>
#include <string.h>

#include "analyzer/lint/lint.h"
#include "analyzer/lint/reserved_words.h"
#include "analyzer/lint/rules/relationships.h"
#include "analyzer/lint/rules/rule_util.h"

/* ---- fk-target-missing ---- */

/* "members.id" or "members": what MG_FOREIGN_KEY should name. */
static const char *reference_column(const mg_foreign_key *fk)
{
	return fk->nparent_columns == 1 ? fk->parent_column_names[0] : NULL;
}

/* The relationships that cannot join because of `fk`, as notes: the
 * consequences of one cause, reported with it rather than apart. */
static void relate_consequences(mg_rule_context *ctx, const mg_foreign_key *fk)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		for (size_t j = 0; j < t->nrelationships; j++) {
			const mg_relationship *r = t->relationships[j];
			if (!mg_rel_is_declared(r) || r->join != MG_JOIN_NO_FOREIGN_KEY || r->nforeign_keys ||
			    !r->target || (r->source != fk->child && r->target != fk->child) ||
			    mg_dangling_fk_between(r->source, r->target) != fk)
				continue;
			const char *note = mg_rule_printf(
				ctx, "so relationship \"%s\" has no foreign key to join by (NoForeignKeysError)",
				mg_rel_name(ctx, r));
			mg_report_related(ctx, MG_OBJECT_RELATIONSHIP, r->path, r->location, note);
		}
	}
}

static void report_missing_table(mg_rule_context *ctx, const mg_foreign_key *fk)
{
	const mg_table *meant = mg_fk_meant_parent(fk);
	mg_finding *f;
	if (meant && meant->struct_name && strcmp(meant->struct_name, fk->parent_name) == 0) {
		f = mg_report_fk(ctx, fk,
				 "foreign key \"%s\" references \"%s\", a struct tag; MG_FOREIGN_KEY takes the "
				 "table name: did you mean \"%s\"?",
				 fk->name, fk->parent_name, meant->name);
	} else if (meant) {
		f = mg_report_fk(ctx, fk,
				 "foreign key \"%s\" references table \"%s\", which does not exist; did you mean \"%s\"?",
				 fk->name, fk->parent_name, meant->name);
	} else {
		mg_report_fk(ctx, fk, "foreign key \"%s\" references table \"%s\", which does not exist",
			     fk->name, fk->parent_name);
		relate_consequences(ctx, fk);
		return;
	}
	if (mg_table_is_c(fk->child))
		mg_rel_set_fix(ctx, f, "write MG_FOREIGN_KEY(%s%s%s)", meant->name, reference_column(fk) ? "." : "",
			       reference_column(fk) ? reference_column(fk) : "");
	else
		mg_rel_set_fix(ctx, f, "write REFERENCES %s", meant->name);
	mg_report_related(ctx, MG_OBJECT_TABLE, meant->path, meant->location, "the table it seems to mean");
	relate_consequences(ctx, fk);
}

static void check_target_missing(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		for (size_t j = 0; j < t->nforeign_keys; j++) {
			const mg_foreign_key *fk = t->foreign_keys[j];
			if (fk->implied)
				continue;
			if (!fk->parent) {
				report_missing_table(ctx, fk);
				continue;
			}
			if (fk->nparent_columns == 0 && fk->parent->npk != fk->ncolumns) {
				if (fk->parent->npk == 0)
					mg_report_fk(ctx, fk,
						     "foreign key \"%s\" names no referenced columns and table \"%s\" has no primary key",
						     fk->name, fk->parent->name);
				else
					mg_report_fk(ctx, fk,
						     "foreign key \"%s\" has %zu column(s) but the primary key of \"%s\" has %zu",
						     fk->name, fk->ncolumns, fk->parent->name, fk->parent->npk);
				continue;
			}
			for (size_t k = 0; k < fk->nparent_columns; k++) {
				if (fk->parent_columns[k])
					continue;
				mg_report_fk(ctx, fk, "foreign key \"%s\" references column \"%s.%s\", which does not exist",
					     fk->name, fk->parent->name, fk->parent_column_names[k]);
				const char *note = mg_rule_printf(ctx, "table \"%s\" has columns %s", fk->parent->name,
								  mg_column_list(ctx, fk->parent->columns,
										 fk->parent->ncolumns));
				mg_report_related(ctx, MG_OBJECT_TABLE, fk->parent->path, fk->parent->location, note);
			}
		}
	}
}

const mg_rule mg_rule_fk_target_missing = {
	.id = "fk-target-missing",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "A foreign key references a table or column that does not exist.",
	.rationale = "SQLite accepts such a declaration and fails only when a row is written with "
		     "foreign keys enforced; other databases refuse the schema. Either way the "
		     "relationship cannot be navigated.",
	.bad_sql = "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id));\n"
		   "CREATE TABLE user (id INTEGER PRIMARY KEY);",
	.good_sql = "CREATE TABLE user (id INTEGER PRIMARY KEY);\n"
		    "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES user(id));",
	.bad_c = "struct Post {\n"
		 "    int id       MG_COLUMN(primary_key=true);\n"
		 "    int user_id  MG_FOREIGN_KEY(users.id);\n"
		 "} MG_MODEL();\n"
		 "struct User { int id MG_COLUMN(primary_key=true); } MG_MODEL();",
	.good_c = "struct User { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		  "struct Post {\n"
		  "    int id       MG_COLUMN(primary_key=true);\n"
		  "    int user_id  MG_FOREIGN_KEY(user.id);\n"
		  "} MG_MODEL();",
	.fix = "Reference an existing table and column, or create the missing one.",
	.fix_c = "Name an existing table and column in MG_FOREIGN_KEY(table.column): the table name "
		 "(MG_MODEL's tablename=), not the struct tag.",
	.check = check_target_missing,
};

/* ---- fk-target-not-unique ---- */

static bool fully_resolved(const mg_foreign_key *fk)
{
	if (!fk->parent || !fk->parent_columns)
		return false;
	for (size_t i = 0; i < fk->ncolumns; i++)
		if (!fk->parent_columns[i])
			return false;
	return true;
}

static void check_target_not_unique(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		for (size_t j = 0; j < t->nforeign_keys; j++) {
			const mg_foreign_key *fk = t->foreign_keys[j];
			if (fk->implied || !fully_resolved(fk) || fk->parent->kind == MG_TABLE_VIEW)
				continue;
			if (mg_table_is_key(fk->parent, fk->parent_columns, fk->ncolumns))
				continue;
			mg_report_fk(ctx, fk,
				     "foreign key \"%s\" references \"%s\"(%s), which is neither the primary key nor unique",
				     fk->name, fk->parent->name,
				     mg_column_list(ctx, fk->parent_columns, fk->ncolumns));
			mg_report_related(ctx, MG_OBJECT_TABLE, fk->parent->path, fk->parent->location, "referenced table");
		}
	}
}

const mg_rule mg_rule_fk_target_not_unique = {
	.id = "fk-target-not-unique",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "A foreign key references columns that are not a primary key or unique.",
	.rationale = "A reference must identify one parent row. PostgreSQL and MySQL refuse the "
		     "declaration; SQLite reports \"foreign key mismatch\" on the first write.",
	.bad_sql = "CREATE TABLE user (id INTEGER PRIMARY KEY, email TEXT);\n"
		   "CREATE TABLE post (id INTEGER PRIMARY KEY, author_email TEXT REFERENCES user(email));",
	.good_sql = "CREATE TABLE user (id INTEGER PRIMARY KEY, email TEXT UNIQUE);\n"
		    "CREATE TABLE post (id INTEGER PRIMARY KEY, author_email TEXT REFERENCES user(email));",
	.bad_c = "struct User {\n"
		 "    int id       MG_COLUMN(primary_key=true);\n"
		 "    char *email;\n"
		 "} MG_MODEL();\n"
		 "struct Post {\n"
		 "    int id              MG_COLUMN(primary_key=true);\n"
		 "    char *author_email  MG_FOREIGN_KEY(user.email);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id       MG_COLUMN(primary_key=true);\n"
		  "    char *email  MG_COLUMN(unique=true);\n"
		  "} MG_MODEL();\n"
		  "struct Post {\n"
		  "    int id              MG_COLUMN(primary_key=true);\n"
		  "    char *author_email  MG_FOREIGN_KEY(user.email);\n"
		  "} MG_MODEL();",
	.fix = "Reference the primary key, or add a UNIQUE constraint on the referenced columns.",
	.fix_c = "Reference the primary key, or add unique=true to the referenced field's MG_COLUMN "
		 "(MG_UNIQUE(a, b) for several).",
	.check = check_target_not_unique,
};

/* ---- fk-type-mismatch ---- */

/* Bytes of an integer SQL type (TINYINT 1 … BIGINT 8); 0 when not one this
 * rule knows the width of. */
static unsigned integer_width(const char *sql_type)
{
	static const struct {
		const char *prefix;
		unsigned width;
	} widths[] = {
		{"TINYINT", 1}, {"SMALLINT", 2}, {"MEDIUMINT", 3}, {"BIGINT", 8},
		{"INTEGER", 4}, {"INT", 4},
	};
	for (size_t i = 0; i < sizeof(widths) / sizeof(widths[0]); i++) {
		size_t n = strlen(widths[i].prefix);
		if (strncmp(sql_type, widths[i].prefix, n) == 0 &&
		    (sql_type[n] == '\0' || sql_type[n] == ' ' || sql_type[n] == '('))
			return widths[i].width;
	}
	return 0;
}

static bool is_unsigned(const char *sql_type)
{
	return strstr(sql_type, "UNSIGNED") != NULL;
}

static bool is_number(mg_type_family family)
{
	return family == MG_TYPE_INTEGER || family == MG_TYPE_REAL || family == MG_TYPE_NUMERIC;
}

static bool is_uuid(const char *sql_type)
{
	return strncmp(sql_type, "UUID", 4) == 0;
}

/* The largest value of a signed integer of `width` bytes, as text. */
static const char *largest(unsigned width)
{
	switch (width) {
	case 1: return "127";
	case 2: return "32767";
	case 3: return "8388607";
	default: return "2147483647";
	}
}

/*
 * What is wrong between a child column and the column it references, in
 * the dialects the child's table runs in, written into `why` (empty when
 * nothing is). Different families never compare equal as the database
 * joins them; a narrower integer overflows once the parent's ids grow
 * (except in SQLite, where every integer is 64-bit, unless a C field is
 * narrower); MySQL refuses integers of another size or sign; PostgreSQL
 * refuses text referencing uuid.
 */
static void type_problem(const mg_rule_context *ctx, const mg_column *child, const mg_column *parent,
			 char *why, size_t size)
{
	unsigned dialects = mg_rule_table_dialects(ctx, child->table);
	why[0] = '\0';
	if (child->family != parent->family) {
		/* Numbers: PostgreSQL accepts the pair when the child's type casts
		 * to the key's implicitly (integer to numeric or real, numeric to
		 * real), MySQL wants the same type; text, blob, time and truth
		 * never mix. */
		if (is_number(child->family) && is_number(parent->family)) {
			bool widening = (child->family == MG_TYPE_INTEGER) ||
					(child->family == MG_TYPE_NUMERIC && parent->family == MG_TYPE_REAL);
			snprintf(why, size, "%s",
				 dialects & MG_DIALECT_MYSQL ? "MySQL refuses a foreign key between them"
				 : (dialects & MG_DIALECT_POSTGRESQL) && !widening
					 ? "PostgreSQL refuses a foreign key from it to that type"
					 : "they store different kinds of number");
		} else
			snprintf(why, size, "%s",
				 dialects & (MG_DIALECT_POSTGRESQL | MG_DIALECT_MYSQL)
					 ? "the database refuses a foreign key between them"
					 : "values that look equal ('1' and 1) do not join");
		return;
	}
	if (child->family == MG_TYPE_TEXT && is_uuid(child->sql_type) != is_uuid(parent->sql_type)) {
		if (dialects & MG_DIALECT_POSTGRESQL)
			snprintf(why, size, "PostgreSQL refuses a foreign key between uuid and text");
		return;
	}
	if (child->family != MG_TYPE_INTEGER)
		return;
	unsigned cw = integer_width(child->sql_type), pw = integer_width(parent->sql_type);
	if (!cw || !pw)
		return;
	bool c_field = mg_table_is_c(child->table);
	if (cw < pw && (c_field || (dialects & (MG_DIALECT_POSTGRESQL | MG_DIALECT_MYSQL))))
		snprintf(why, size, "%s cannot hold ids above %s", c_field ? "its C field" : "it",
			 largest(cw));
	else if ((dialects & MG_DIALECT_MYSQL) &&
		 (cw != pw || is_unsigned(child->sql_type) != is_unsigned(parent->sql_type)))
		snprintf(why, size, "MySQL refuses a foreign key between integers of another size or sign");
}

static void check_type_mismatch(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	char why[200];
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		for (size_t j = 0; j < t->nforeign_keys; j++) {
			const mg_foreign_key *fk = t->foreign_keys[j];
			if (fk->implied || !fully_resolved(fk))
				continue;
			for (size_t k = 0; k < fk->ncolumns; k++) {
				const mg_column *child = fk->columns[k], *parent = fk->parent_columns[k];
				if (child->family == MG_TYPE_UNKNOWN || parent->family == MG_TYPE_UNKNOWN)
					continue;
				type_problem(ctx, child, parent, why, sizeof(why));
				if (!why[0])
					continue;
				/* A C model speaks of its fields' C types. */
				bool c = mg_table_is_c(child->table) && mg_table_is_c(parent->table);
				mg_finding *f = mg_report_column(ctx, child,
						 "column \"%s\" is %s but references \"%s\", which is %s: %s",
						 child->path, c ? child->type : child->sql_type, parent->path,
						 c ? parent->type : parent->sql_type, why);
				mg_report_related(ctx, MG_OBJECT_COLUMN, parent->path, parent->location, "referenced column");
				if (c)
					mg_rel_set_fix(ctx, f, "declare field \"%s\" %s, as \"%s\" is", child->name,
						       parent->type, parent->path);
				else
					mg_rel_set_fix(ctx, f, "declare \"%s\" %s, as \"%s\" is", child->path,
						       parent->sql_type, parent->path);
			}
		}
	}
}

const mg_rule mg_rule_fk_type_mismatch = {
	.id = "fk-type-mismatch",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "A foreign key column's type differs from the type of the column it references.",
	.rationale = "Values that compare equal in one type may not in the other ('1' and 1), so "
		     "joins silently miss rows; PostgreSQL and MySQL refuse incompatible types. "
		     "Widths count where the target dialect has them: an INT referencing a BIGINT "
		     "overflows once ids pass 2147483647 (PostgreSQL, MySQL, or a C int field), MySQL "
		     "refuses integers of another size or sign, PostgreSQL refuses text referencing "
		     "uuid. SQLite stores every integer in 64 bits, so there width alone is no "
		     "problem.",
	.bad_sql = "CREATE TABLE user (id INTEGER PRIMARY KEY);\n"
		   "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id TEXT REFERENCES user(id));",
	.good_sql = "CREATE TABLE user (id INTEGER PRIMARY KEY);\n"
		    "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES user(id));",
	.bad_c = "struct User { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		 "struct Post {\n"
		 "    int id         MG_COLUMN(primary_key=true);\n"
		 "    char *user_id  MG_FOREIGN_KEY(user.id);\n"
		 "} MG_MODEL();",
	.good_c = "struct User { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		  "struct Post {\n"
		  "    int id       MG_COLUMN(primary_key=true);\n"
		  "    int user_id  MG_FOREIGN_KEY(user.id);\n"
		  "} MG_MODEL();",
	.fix = "Declare the foreign key column with the referenced column's type.",
	.fix_c = "Give the field the C type of the field it references (int64_t for an int64_t key).",
	.check = check_type_mismatch,
};

/* ---- fk-missing-index ---- */

static void check_missing_index(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		if (!mg_table_is_stored(t))
			continue;
		for (size_t j = 0; j < t->nforeign_keys; j++) {
			const mg_foreign_key *fk = t->foreign_keys[j];
			if (fk->implied || mg_table_has_leading_index(t, fk->columns, fk->ncolumns))
				continue;
			mg_finding *f = mg_report_fk(ctx, fk,
				     "foreign key \"%s\" on \"%s\"(%s) has no index; joins from \"%s\" and its deletes scan \"%s\"",
				     fk->name, t->name, mg_column_list(ctx, fk->columns, fk->ncolumns),
				     fk->parent_name, t->name);
			if (mg_table_is_c(t) && fk->ncolumns == 1) {
				mg_rel_set_fix(ctx, f, "add index=true to the MG_FOREIGN_KEY of field \"%s\"",
					       fk->columns[0]->name);
			} else {
				/* ix_<table>_<columns>, as index=true names them. */
				mg_arena *arena = ctx->findings->arena;
				const char *ix = mg_generated_index_name(arena, t, fk->columns, fk->ncolumns);
				const char *on = mg_sql_name(arena, t->name);
				const char *list = mg_sql_column_list(arena, fk->columns, fk->ncolumns);
				ix = ix ? mg_sql_name(arena, ix) : NULL;
				if (!ix || !on || !list)
					ctx->failed = 1;
				else
					mg_rel_set_fix(ctx, f, "create the index: CREATE INDEX %s ON %s (%s);", ix, on,
						       list);
			}
		}
	}
}

const mg_rule mg_rule_fk_missing_index = {
	.id = "fk-missing-index",
	.severity = MG_SEVERITY_NOTE,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "A foreign key's columns are not the leading columns of any index.",
	.rationale = "Loading a one-to-many collection (user.posts) filters the child table by the "
		     "foreign key, and deleting a parent row checks it: without an index both scan "
		     "the whole child table.",
	.bad_sql = "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES user(id));",
	.good_sql = "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES user(id));\n"
		    "CREATE INDEX ix_post_user_id ON post (user_id);",
	.bad_c = "struct User { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		 "struct Post {\n"
		 "    int id       MG_COLUMN(primary_key=true);\n"
		 "    int user_id  MG_FOREIGN_KEY(user.id);\n"
		 "} MG_MODEL();",
	.good_c = "struct User { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		  "struct Post {\n"
		  "    int id       MG_COLUMN(primary_key=true);\n"
		  "    int user_id  MG_FOREIGN_KEY(user.id, index=true);\n"
		  "} MG_MODEL();",
	.fix = "Create an index whose leading columns are the foreign key's columns.",
	.fix_c = "Add index=true to the field's MG_FOREIGN_KEY, or an MG_INDEX(name, column) on the model.",
	.check = check_missing_index,
};

/* ---- fk-duplicate ---- */

static bool same_reference(const mg_foreign_key *a, const mg_foreign_key *b)
{
	if (a->ncolumns != b->ncolumns || a->parent != b->parent || !a->parent)
		return false;
	for (size_t i = 0; i < a->ncolumns; i++) {
		if (a->columns[i] != b->columns[i])
			return false;
		if (a->parent_columns && b->parent_columns && a->parent_columns[i] != b->parent_columns[i])
			return false;
	}
	return true;
}

static void check_duplicate(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		for (size_t j = 0; j < t->nforeign_keys; j++) {
			const mg_foreign_key *later = t->foreign_keys[j];
			for (size_t k = 0; k < j && !later->implied; k++) {
				const mg_foreign_key *earlier = t->foreign_keys[k];
				if (earlier->implied || !same_reference(earlier, later))
					continue;
				mg_report_fk(ctx, later, "foreign key \"%s\" duplicates \"%s\"", later->name,
					     earlier->name);
				mg_report_related(ctx, MG_OBJECT_FOREIGN_KEY, earlier->path, earlier->location, "first declared here");
				break;
			}
		}
	}
}

const mg_rule mg_rule_fk_duplicate = {
	.id = "fk-duplicate",
	.severity = MG_SEVERITY_NOTE,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "Two foreign keys of a table reference the same columns from the same columns.",
	.rationale = "Every write checks both; if their actions differ, which one wins depends on "
		     "the database. ORMs see two join paths and ask which one to use.",
	.bad_sql = "CREATE TABLE user (id INTEGER PRIMARY KEY);\n"
		   "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES user(id),\n"
		   "  FOREIGN KEY (user_id) REFERENCES user(id));",
	.good_sql = "CREATE TABLE user (id INTEGER PRIMARY KEY);\n"
		    "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES user(id));",
	.bad_c = "struct User { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		 "struct Post {\n"
		 "    int id       MG_COLUMN(primary_key=true);\n"
		 "    int user_id  MG_FOREIGN_KEY(user.id) MG_FOREIGN_KEY(user.id);\n"
		 "} MG_MODEL();",
	.good_c = "struct User { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		  "struct Post {\n"
		  "    int id       MG_COLUMN(primary_key=true);\n"
		  "    int user_id  MG_FOREIGN_KEY(user.id);\n"
		  "} MG_MODEL();",
	.fix = "Drop one of the two constraints.",
	.fix_c = "Remove one of the two MG_FOREIGN_KEY annotations.",
	.check = check_duplicate,
};

/* ---- fk-set-null-not-nullable, fk-set-default-no-default ---- */

static void check_action_columns(mg_rule_context *ctx, mg_fk_action action)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		for (size_t j = 0; j < t->nforeign_keys; j++) {
			const mg_foreign_key *fk = t->foreign_keys[j];
			const char *event = fk->on_delete == action ? "delete"
					    : fk->on_update == action ? "update"
								      : NULL;
			if (!event)
				continue;
			for (size_t k = 0; k < fk->ncolumns; k++) {
				const mg_column *c = fk->columns[k];
				if (action == MG_ACTION_SET_NULL && !c->nullable)
					mg_report_fk(ctx, fk,
						     "foreign key \"%s\" sets \"%s\" to NULL on %s, but the column is NOT NULL",
						     fk->name, c->path, event);
				else if (action == MG_ACTION_SET_DEFAULT && !c->default_value)
					mg_report_fk(ctx, fk,
						     "foreign key \"%s\" sets \"%s\" to its default on %s, but the column has no default",
						     fk->name, c->path, event);
			}
		}
	}
}

static void check_set_null(mg_rule_context *ctx)
{
	check_action_columns(ctx, MG_ACTION_SET_NULL);
}

static void check_set_default(mg_rule_context *ctx)
{
	check_action_columns(ctx, MG_ACTION_SET_DEFAULT);
}

const mg_rule mg_rule_fk_set_null_not_nullable = {
	.id = "fk-set-null-not-nullable",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "ON DELETE/UPDATE SET NULL on a foreign key column that is NOT NULL.",
	.rationale = "Deleting the parent row tries to write NULL into a NOT NULL column: the "
		     "delete fails instead of detaching the children.",
	.bad_sql = "CREATE TABLE post (id INTEGER PRIMARY KEY,\n"
		   "  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE SET NULL);",
	.good_sql = "CREATE TABLE post (id INTEGER PRIMARY KEY,\n"
		    "  user_id INTEGER REFERENCES user(id) ON DELETE SET NULL);",
	.bad_c = "struct User { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		 "struct Post {\n"
		 "    int id       MG_COLUMN(primary_key=true);\n"
		 "    int user_id  MG_FOREIGN_KEY(user.id, nullable=false, ondelete=SET NULL);\n"
		 "} MG_MODEL();",
	.good_c = "struct User { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		  "struct Post {\n"
		  "    int id       MG_COLUMN(primary_key=true);\n"
		  "    int user_id  MG_FOREIGN_KEY(user.id, ondelete=SET NULL);\n"
		  "} MG_MODEL();",
	.fix = "Make the column nullable, or use ON DELETE CASCADE or RESTRICT.",
	.fix_c = "Remove nullable=false from the MG_FOREIGN_KEY, or write ondelete=CASCADE or ondelete=RESTRICT.",
	.check = check_set_null,
};

const mg_rule mg_rule_fk_set_default_no_default = {
	.id = "fk-set-default-no-default",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "ON DELETE/UPDATE SET DEFAULT on a foreign key column without a default.",
	.rationale = "With no default the column is set to NULL, which either fails (NOT NULL) or "
		     "silently detaches the row: not what SET DEFAULT says.",
	.bad_sql = "CREATE TABLE post (id INTEGER PRIMARY KEY,\n"
		   "  user_id INTEGER REFERENCES user(id) ON DELETE SET DEFAULT);",
	.good_sql = "CREATE TABLE post (id INTEGER PRIMARY KEY,\n"
		    "  user_id INTEGER DEFAULT 1 REFERENCES user(id) ON DELETE SET DEFAULT);",
	.bad_c = "struct User { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		 "struct Post {\n"
		 "    int id       MG_COLUMN(primary_key=true);\n"
		 "    int user_id  MG_FOREIGN_KEY(user.id, ondelete=SET DEFAULT);\n"
		 "} MG_MODEL();",
	.good_c = "struct User { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		  "struct Post {\n"
		  "    int id       MG_COLUMN(primary_key=true);\n"
		  "    int user_id  MG_FOREIGN_KEY(user.id, ondelete=SET DEFAULT, server_default=1);\n"
		  "} MG_MODEL();",
	.fix = "Give the column a DEFAULT that references an existing parent row, or use another action.",
	.fix_c = "Add server_default= naming an existing parent row to the MG_FOREIGN_KEY, or write "
		 "another ondelete=.",
	.check = check_set_default,
};

/* ---- fk-implied ---- */

static void check_implied(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		for (size_t j = 0; j < t->nforeign_keys; j++) {
			const mg_foreign_key *fk = t->foreign_keys[j];
			if (!fk->implied || !fk->parent_columns || !fk->parent_columns[0])
				continue;
			mg_finding *f = mg_report_column(ctx, fk->columns[0],
					 "column \"%s\" looks like a reference to \"%s\" (%s) but declares no foreign key",
					 fk->columns[0]->path, fk->parent_columns[0]->path, fk->implied_reason);
			if (mg_table_is_c(t))
				mg_rel_set_fix(ctx, f, "annotate the field: MG_FOREIGN_KEY(%s.%s, index=true)",
					       fk->parent->name, fk->parent_columns[0]->name);
			else {
				mg_arena *arena = ctx->findings->arena;
				const char *cn = mg_sql_name(arena, fk->columns[0]->name);
				const char *pn = mg_sql_name(arena, fk->parent->name);
				const char *pc = mg_sql_name(arena, fk->parent_columns[0]->name);
				if (!cn || !pn || !pc)
					ctx->failed = 1;
				else
					mg_rel_set_fix(ctx, f, "declare it: %s %s REFERENCES %s (%s)", cn,
						       *fk->columns[0]->type ? fk->columns[0]->type : "INTEGER", pn, pc);
			}
		}
	}
}

const mg_rule mg_rule_fk_implied = {
	.id = "fk-implied",
	.severity = MG_SEVERITY_NOTE,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "A column looks like a foreign key by its name but declares none.",
	.rationale = "Without the constraint the database lets the reference dangle, and tools "
		     "(ORMs, diagrams, this linter) can only guess the relationship.",
	.bad_sql = "CREATE TABLE user (id INTEGER PRIMARY KEY);\n"
		   "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER);",
	.good_sql = "CREATE TABLE user (id INTEGER PRIMARY KEY);\n"
		    "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES user(id));",
	.bad_c = "struct User { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		 "struct Post {\n"
		 "    int id       MG_COLUMN(primary_key=true);\n"
		 "    int user_id;\n"
		 "} MG_MODEL();",
	.good_c = "struct User { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		  "struct Post {\n"
		  "    int id       MG_COLUMN(primary_key=true);\n"
		  "    int user_id  MG_FOREIGN_KEY(user.id);\n"
		  "} MG_MODEL();",
	.fix = "Declare the foreign key, or rename the column if it is not a reference.",
	.fix_c = "Annotate the field with MG_FOREIGN_KEY(table.column), or rename it if it is no reference.",
	.check = check_implied,
};

/* ---- fk-references-itself ---- */

static void check_references_itself(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		for (size_t j = 0; j < t->nforeign_keys; j++) {
			const mg_foreign_key *fk = t->foreign_keys[j];
			if (fk->implied || fk->parent != t || !fully_resolved(fk))
				continue;
			bool same = true;
			for (size_t k = 0; k < fk->ncolumns && same; k++)
				same = fk->columns[k] == fk->parent_columns[k];
			if (!same)
				continue;
			mg_report_fk(ctx, fk,
				     "foreign key \"%s\" makes \"%s\" reference itself: every row satisfies it, so "
				     "it checks nothing",
				     fk->name, fk->columns[0]->path);
		}
	}
}

const mg_rule mg_rule_fk_references_itself = {
	.id = "fk-references-itself",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "A foreign key's columns reference themselves.",
	.rationale = "A row always matches itself, so the constraint can never fail: whatever was "
		     "meant (a parent_id referencing id, a reference to another table) is not checked. "
		     "Usually a slip when declaring a tree's parent column.",
	.bad_sql = "CREATE TABLE category (id INTEGER PRIMARY KEY REFERENCES category (id),\n"
		   "  parent_id INTEGER);",
	.good_sql = "CREATE TABLE category (id INTEGER PRIMARY KEY,\n"
		    "  parent_id INTEGER REFERENCES category (id));",
	.bad_c = "struct Category {\n"
		 "    int id         MG_FOREIGN_KEY(category.id, primary_key=true);\n"
		 "    int parent_id;\n"
		 "} MG_MODEL();",
	.good_c = "struct Category {\n"
		  "    int id         MG_COLUMN(primary_key=true);\n"
		  "    int parent_id  MG_FOREIGN_KEY(category.id, index=true);\n"
		  "} MG_MODEL();",
	.fix = "Move the REFERENCES clause to the column meant to hold the reference.",
	.fix_c = "Move the MG_FOREIGN_KEY to the field meant to hold the reference.",
	.check = check_references_itself,
};
