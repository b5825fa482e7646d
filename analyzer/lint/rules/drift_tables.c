/* Drift in tables and columns: what the models map that the database lacks
 * or holds otherwise, and what the database has that no model maps. */

#include <string.h>

#include "analyzer/lint/drift_sql.h"
#include "analyzer/lint/drift_types.h"
#include "analyzer/lint/lint.h"
#include "analyzer/lint/rules/drift.h"
#include "util/text.h"

/* ---- drift-table-missing ---- */

static void check_table_missing(mg_rule_context *ctx)
{
	const mg_graph *models = ctx->graph, *db = mg_drift_db(ctx);
	for (size_t i = 0; db && i < models->ntables; i++) {
		const mg_table *t = models->tables[i];
		if (!mg_drift_compared(t))
			continue;
		const mg_table *other = mg_drift_pair(db, t);
		if (other && mg_drift_compared(other))
			continue;
		if (other) {
			mg_report_table(ctx, t, "table \"%s\" is a view in the database", t->path);
			mg_report_related(ctx, MG_OBJECT_TABLE, other->path, other->location, "the view of that name");
		} else {
			mg_report_table(ctx, t, "table \"%s\" is not in the database", t->path);
			mg_report_related(ctx, MG_OBJECT_TABLE, t->path, mg_drift_source_location(db),
					  "the database has no table of that name");
		}
	}
}

const mg_rule mg_rule_drift_table_missing = {
	.id = "drift-table-missing",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_DIFF,
	.summary = "A table the models map is not in the database.",
	.rationale = "Every query on the model fails with \"no such table\": the migration that "
		     "creates it was not run, or the table was renamed on one side only. Tables are "
		     "paired by name, ignoring case as SQL does, and schema-qualified when the models "
		     "name a schema.",
	.bad_sql = "-- the models:\n"
		   "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
		   "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id));\n"
		   "-- the database:\n"
		   "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);",
	.good_sql = "-- the models:\n"
		    "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
		    "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id));\n"
		    "-- the database:\n"
		    "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
		    "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id));",
	.fix = "Create the table in the database (run the migration that adds it, or the CREATE "
	       "TABLE that modelgraph ddl writes for the models), or remove the model.",
	.check = check_table_missing,
};

/* ---- drift-table-unmapped ---- */

/*
 * Tables that migration tools and extensions keep for themselves, which no
 * model maps and none should: not reported.
 */
static const char *const bookkeeping_tables[] = {
	"__diesel_schema_migrations", "alembic_version", "ar_internal_metadata", "django_migrations",
	"flyway_schema_history", "goose_db_version", "knex_migrations", "knex_migrations_lock",
	"schema_migrations", "spatial_ref_sys",
};

static bool is_bookkeeping(const mg_table *t)
{
	const char *name = mg_table_bare_name(t);
	for (size_t i = 0; i < sizeof(bookkeeping_tables) / sizeof(bookkeeping_tables[0]); i++)
		if (mg_ascii_casecmp(name, bookkeeping_tables[i]) == 0)
			return true;
	return false;
}

static void check_table_unmapped(mg_rule_context *ctx)
{
	const mg_graph *models = ctx->graph, *db = mg_drift_db(ctx);
	for (size_t i = 0; db && i < db->ntables; i++) {
		const mg_table *t = db->tables[i];
		if (!mg_drift_compared(t) || is_bookkeeping(t) || mg_drift_pair(models, t))
			continue;
		mg_report_table(ctx, t, "table \"%s\" of the database is in no model", t->path);
		mg_report_related(ctx, MG_OBJECT_TABLE, t->path, mg_drift_source_location(models),
				  "the models map no table of that name");
	}
}

const mg_rule mg_rule_drift_table_unmapped = {
	.id = "drift-table-unmapped",
	.severity = MG_SEVERITY_NOTE,
	.sources = MG_RULE_SOURCE_DIFF,
	.summary = "A table of the database is in no model.",
	.rationale = "The application does not know the table: it may be left over from a model "
		     "that was removed, belong to another application, or be a model not written "
		     "yet. Nothing fails, so this is a note. The tables migration tools keep for "
		     "themselves (alembic_version, flyway_schema_history, schema_migrations, "
		     "django_migrations, ar_internal_metadata, goose_db_version, knex_migrations, "
		     "__diesel_schema_migrations) and PostGIS's spatial_ref_sys are not reported.",
	.bad_sql = "-- the models:\n"
		   "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
		   "-- the database:\n"
		   "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
		   "CREATE TABLE users_old (id INTEGER PRIMARY KEY, name TEXT);",
	.good_sql = "-- the models:\n"
		    "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
		    "-- the database:\n"
		    "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
		    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);",
	.fix = "Drop the table if nothing uses it, map it with a model, or accept it with an "
	       "ignore in .modelgraph.yml that says whose it is.",
	.check = check_table_unmapped,
};

/* ---- columns ---- */

/* The pairs of tables both sides have, for the column rules. */
static const mg_table *compared_pair(const mg_graph *db, const mg_table *t)
{
	if (!mg_drift_compared(t))
		return NULL;
	const mg_table *other = mg_drift_pair(db, t);
	return other && mg_drift_compared(other) ? other : NULL;
}

static void put_alter_table(mg_buf *fix, const mg_table *table, unsigned dialect)
{
	mg_buf_puts(fix, "ALTER TABLE ");
	mg_dialect_put_table(fix, table, dialect);
}

/* ---- drift-column-missing ---- */

static void check_column_missing(mg_rule_context *ctx)
{
	const mg_graph *models = ctx->graph, *db = mg_drift_db(ctx);
	for (size_t i = 0; db && i < models->ntables; i++) {
		const mg_table *t = models->tables[i], *other = compared_pair(db, t);
		for (size_t k = 0; other && k < t->ncolumns; k++) {
			const mg_column *c = t->columns[k];
			if (mg_table_find_column(other, c->name))
				continue;
			mg_finding *f = mg_report_column(ctx, c, "column \"%s\" is not in the database", c->path);
			unsigned dialect = mg_table_dialect(other);
			mg_buf fix = MG_BUF_INIT;
			if (dialect) {
				mg_buf_puts(&fix, "Add it to the database: ");
				put_alter_table(&fix, other, dialect);
				mg_buf_puts(&fix, " ADD COLUMN ");
				mg_dialect_put_column(&fix, c, dialect);
				mg_buf_puts(&fix, "; or remove it from the model.");
			}
			mg_drift_set_fix(ctx, f, &fix);
			mg_report_related(ctx, MG_OBJECT_TABLE, other->path, other->location,
					  mg_rule_printf(ctx, "table \"%s\" of the database has no column \"%s\"",
							 other->path, c->name));
		}
	}
}

const mg_rule mg_rule_drift_column_missing = {
	.id = "drift-column-missing",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_DIFF,
	.summary = "A column the models map is not in the database.",
	.rationale = "An ORM selects every mapped column, so every query on the model fails, not "
		     "only those that use the column; an application that writes its own SQL fails "
		     "where it names it. The migration that adds it was not run, or the column was "
		     "renamed on one side only.",
	.bad_sql = "-- the models:\n"
		   "CREATE TABLE post (id INTEGER PRIMARY KEY, title VARCHAR(120) NOT NULL, body TEXT);\n"
		   "-- the database:\n"
		   "CREATE TABLE post (id INTEGER PRIMARY KEY, title VARCHAR(120) NOT NULL);",
	.good_sql = "-- the models:\n"
		    "CREATE TABLE post (id INTEGER PRIMARY KEY, title VARCHAR(120) NOT NULL, body TEXT);\n"
		    "-- the database:\n"
		    "CREATE TABLE post (id INTEGER PRIMARY KEY, title VARCHAR(120) NOT NULL, body TEXT);",
	.fix = "Add the column to the database (ALTER TABLE … ADD COLUMN), or remove it from the model.",
	.check = check_column_missing,
};

/* ---- drift-column-unmapped, drift-column-unmapped-required ---- */

/* A column inserts through the models fail on: NOT NULL, and nothing fills it. */
static bool required(const mg_column *c)
{
	return !c->nullable && !c->default_value && !c->autoincrement;
}

static void report_unmapped(mg_rule_context *ctx, bool want_required)
{
	const mg_graph *models = ctx->graph, *db = mg_drift_db(ctx);
	for (size_t i = 0; db && i < models->ntables; i++) {
		const mg_table *t = models->tables[i], *other = compared_pair(db, t);
		for (size_t k = 0; other && k < other->ncolumns; k++) {
			const mg_column *c = other->columns[k];
			if (mg_table_find_column(t, c->name) || required(c) != want_required)
				continue;
			if (want_required)
				mg_report_column(ctx, c, "column \"%s\" of the database is NOT NULL without a default, "
						 "and no model maps it: inserts through the models fail", c->path);
			else
				mg_report_column(ctx, c, "column \"%s\" of the database is in no model", c->path);
			mg_report_related(ctx, MG_OBJECT_TABLE, t->path, t->location,
					  mg_rule_printf(ctx, "model table \"%s\" has no column \"%s\"", t->path,
							 c->name));
		}
	}
}

static void check_column_unmapped(mg_rule_context *ctx)
{
	report_unmapped(ctx, false);
}

static void check_column_unmapped_required(mg_rule_context *ctx)
{
	report_unmapped(ctx, true);
}

const mg_rule mg_rule_drift_column_unmapped = {
	.id = "drift-column-unmapped",
	.severity = MG_SEVERITY_NOTE,
	.sources = MG_RULE_SOURCE_DIFF,
	.summary = "A column of the database is in no model; inserts still work.",
	.rationale = "The application never reads or writes the column. It may accept NULL, have a "
		     "default, or number itself, so inserts through the models still work: a "
		     "leftover of a removed field, or one the model does not need. A column that "
		     "inserts would fail on is drift-column-unmapped-required.",
	.bad_sql = "-- the models:\n"
		   "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
		   "-- the database:\n"
		   "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, nickname TEXT);",
	.good_sql = "-- the models:\n"
		    "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, nickname TEXT);\n"
		    "-- the database:\n"
		    "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, nickname TEXT);",
	.fix = "Map the column in the model, or drop it from the database when nothing uses it.",
	.check = check_column_unmapped,
};

const mg_rule mg_rule_drift_column_unmapped_required = {
	.id = "drift-column-unmapped-required",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_DIFF,
	.summary = "A NOT NULL column without a default is in the database but in no model.",
	.rationale = "An insert through the models leaves the column out, and the database refuses "
		     "a row without it: every new row of the model fails. The column was added by a "
		     "migration the models have not caught up with.",
	.bad_sql = "-- the models:\n"
		   "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
		   "-- the database:\n"
		   "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL);",
	.good_sql = "-- the models:\n"
		    "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
		    "-- the database:\n"
		    "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL DEFAULT '');",
	.fix = "Map the column in the model, give it a default in the database, or let it accept NULL.",
	.check = check_column_unmapped_required,
};

/* ---- drift-column-mismatch ---- */

static const char *type_text(const mg_column *c)
{
	if (c->sql_type && *c->sql_type)
		return c->sql_type;
	return c->type && *c->type ? c->type : "without a type";
}

/* "Change the database: ALTER TABLE t <what>; or the model." */
static void alter_fix(mg_buf *fix, const mg_table *db_table, unsigned dialect, const char *what_fmt,
		      const mg_column *model, const mg_column *db_column)
{
	mg_buf_puts(fix, "Change the database: ");
	put_alter_table(fix, db_table, dialect);
	for (const char *p = what_fmt; *p; p++) {
		if (*p != '%') {
			mg_buf_putc(fix, *p);
			continue;
		}
		switch (*++p) {
		case 'n': mg_dialect_put_name(fix, db_column->name, dialect); break;
		case 't': mg_dialect_put_type(fix, model, dialect); break;
		case 'c': mg_dialect_put_column(fix, model, dialect); break;
		case 'd': mg_dialect_put_default(fix, model, dialect); break;
		default: mg_buf_putc(fix, *p); break;
		}
		if (!*p)
			break;
	}
	mg_buf_puts(fix, "; or change the model to match it.");
}

/* The statement that makes the database's column what the model says,
 * per dialect; SQLite changes no column in place (the rule's fix says so). */
static void mismatch_fix(mg_buf *fix, const mg_column *model, const mg_column *db_column,
			 const char *postgresql)
{
	unsigned dialect = mg_table_dialect(db_column->table);
	if (dialect == MG_DIALECT_POSTGRESQL)
		alter_fix(fix, db_column->table, dialect, postgresql, model, db_column);
	else if (dialect == MG_DIALECT_MYSQL)
		alter_fix(fix, db_column->table, dialect, " MODIFY %c", model, db_column);
}

static void compare_type(mg_rule_context *ctx, const mg_column *c, const mg_column *d)
{
	mg_type_info model, db;
	mg_type_classify(c, &model);
	mg_type_classify(d, &db);
	mg_type_verdict verdict = mg_type_compare(&model, &db, mg_table_dialect(d->table));
	if (verdict == MG_TYPES_AGREE)
		return;
	mg_finding *f;
	if (verdict == MG_TYPES_DIFFER)
		f = mg_report_column(ctx, c, "column \"%s\" is %s in the models but %s in the database: %s against %s",
				     c->path, type_text(c), type_text(d), mg_type_class_name(model.cls),
				     mg_type_class_name(db.cls));
	else
		f = mg_report_column(ctx, c, "column \"%s\" is %s in the models but %s in the database, which holds less",
				     c->path, type_text(c), type_text(d));
	mg_buf fix = MG_BUF_INIT;
	mismatch_fix(&fix, c, d, " ALTER COLUMN %n TYPE %t");
	mg_drift_set_fix(ctx, f, &fix);
	mg_report_related(ctx, MG_OBJECT_COLUMN, d->path, d->location,
			  mg_rule_printf(ctx, "the database's column, of type %s", type_text(d)));
}

static void compare_nullability(mg_rule_context *ctx, const mg_column *c, const mg_column *d)
{
	if (c->nullable == d->nullable)
		return;
	mg_finding *f;
	if (!c->nullable)
		f = mg_report_column(ctx, c, "column \"%s\" is NOT NULL in the models but accepts NULL in the database",
				     c->path);
	else
		f = mg_report_column(ctx, c, "column \"%s\" accepts NULL in the models but is NOT NULL in the database: "
				     "NULL written through the models is refused", c->path);
	mg_buf fix = MG_BUF_INIT;
	mismatch_fix(&fix, c, d, c->nullable ? " ALTER COLUMN %n DROP NOT NULL" : " ALTER COLUMN %n SET NOT NULL");
	mg_drift_set_fix(ctx, f, &fix);
	mg_report_related(ctx, MG_OBJECT_COLUMN, d->path, d->location,
			  d->nullable ? "the database's column, which accepts NULL"
				      : "the database's column, NOT NULL");
}

static void compare_default(mg_rule_context *ctx, const mg_column *c, const mg_column *d,
			    bool boolean)
{
	if (c->autoincrement || d->autoincrement ||
	    mg_defaults_agree(c->default_value, mg_table_dialect(c->table), d->default_value,
			      mg_table_dialect(d->table), boolean))
		return;
	mg_finding *f;
	if (d->default_value)
		f = mg_report_column(ctx, c, "column \"%s\" has the default %s in the models but %s in the database",
				     c->path, c->default_value, d->default_value);
	else
		f = mg_report_column(ctx, c, "column \"%s\" has the default %s in the models but none in the database",
				     c->path, c->default_value);
	mg_buf fix = MG_BUF_INIT;
	unsigned dialect = mg_table_dialect(d->table);
	if (dialect == MG_DIALECT_POSTGRESQL || dialect == MG_DIALECT_MYSQL)
		alter_fix(&fix, d->table, dialect, " ALTER COLUMN %n SET DEFAULT %d", c, d);
	mg_drift_set_fix(ctx, f, &fix);
	mg_report_related(ctx, MG_OBJECT_COLUMN, d->path, d->location,
			  d->default_value ? mg_rule_printf(ctx, "the database's column, with the default %s",
							    d->default_value)
					   : "the database's column, without a default");
}

static void compare_numbering(mg_rule_context *ctx, const mg_column *c, const mg_column *d)
{
	if (!mg_dialect_autoincrements(c) || d->autoincrement)
		return;
	mg_finding *f = mg_report_column(ctx, c, "column \"%s\" numbers itself in the models (autoincrement) but "
					 "not in the database: inserts that leave it out fail", c->path);
	mg_buf fix = MG_BUF_INIT;
	mismatch_fix(&fix, c, d, " ALTER COLUMN %n ADD GENERATED BY DEFAULT AS IDENTITY");
	mg_drift_set_fix(ctx, f, &fix);
	mg_report_related(ctx, MG_OBJECT_COLUMN, d->path, d->location,
			  "the database's column, which the database does not number");
}

static void check_column_mismatch(mg_rule_context *ctx)
{
	const mg_graph *models = ctx->graph, *db = mg_drift_db(ctx);
	for (size_t i = 0; db && i < models->ntables; i++) {
		const mg_table *t = models->tables[i], *other = compared_pair(db, t);
		for (size_t k = 0; other && k < t->ncolumns; k++) {
			const mg_column *c = t->columns[k], *d = mg_table_find_column(other, c->name);
			if (!d)
				continue;
			mg_type_info model, database;
			mg_type_classify(c, &model);
			mg_type_classify(d, &database);
			compare_type(ctx, c, d);
			compare_nullability(ctx, c, d);
			compare_default(ctx, c, d,
					model.cls == MG_CLASS_BOOLEAN || database.cls == MG_CLASS_BOOLEAN);
			compare_numbering(ctx, c, d);
		}
	}
}

const mg_rule mg_rule_drift_column_mismatch = {
	.id = "drift-column-mismatch",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_DIFF,
	.summary = "A column differs between the models and the database: type, NULL, default or numbering.",
	.rationale =
		"Each difference is its own finding. Types are compared by class, so that one "
		"schema written for several dialects does not cry wolf: TEXT, VARCHAR, CHAR, CLOB, JSON "
		"and UUID are text; INTEGER, INT4, BIGINT, SMALLINT, TINYINT are integers, and MySQL's "
		"TINYINT(1) and BIT(1) are booleans, as BOOLEAN becomes there; TIMESTAMP, DATETIME and "
		"TIMESTAMP WITH TIME ZONE are timestamps; REAL, FLOAT and DOUBLE PRECISION are "
		"floating-point; NUMERIC and DECIMAL are decimals; BLOB, BYTEA and VARBINARY are "
		"binary; DATE, TIME and INTERVAL are their own. Another class is a finding. Within "
		"a class the database is reported only when it holds less than the model (a shorter "
		"VARCHAR, a length where the model has none, a narrower integer, fewer digits or "
		"another scale), and never in SQLite, which enforces neither "
		"lengths nor widths. Types modelgraph does not know (enums, arrays, user-defined "
		"types) are not compared. Nullability is compared both ways: NOT NULL in the models "
		"but not in the database lets NULLs in that the code does not expect, and the reverse "
		"refuses NULL the models write. A default of the models must be the database's too, "
		"compared as values (now() is CURRENT_TIMESTAMP, 1 is TRUE for a boolean, casts such "
		"as 'a'::text are ignored); a default only the database has is not reported, since "
		"it only fills what the models leave out. A primary key the models number itself "
		"(autoincrement) must be numbered by the database (INTEGER PRIMARY KEY, SERIAL, "
		"IDENTITY, AUTO_INCREMENT). Comments and collations are not compared.",
	.bad_sql = "-- the models:\n"
		   "CREATE TABLE post (id INTEGER PRIMARY KEY, title VARCHAR(120) NOT NULL, views INTEGER DEFAULT 0);\n"
		   "-- the database:\n"
		   "CREATE TABLE post (id INTEGER PRIMARY KEY, title INTEGER, views INTEGER);",
	.good_sql = "-- the models:\n"
		    "CREATE TABLE post (id INTEGER PRIMARY KEY, title VARCHAR(120) NOT NULL, views INTEGER DEFAULT 0);\n"
		    "-- the database:\n"
		    "CREATE TABLE post (id INTEGER PRIMARY KEY, title TEXT NOT NULL, views INT DEFAULT (0));",
	.fix = "Change the column in the database (ALTER TABLE; SQLite changes no column in place: "
	       "rebuild the table), or change the model to match the database.",
	.check = check_column_mismatch,
};
