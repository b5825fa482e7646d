/*
 * Rules on class hierarchies (C models: a model embedding its base struct
 * first): the join of a joined-table subclass to its base, the
 * discriminator (polymorphic_on) and the identities, and columns a
 * single-table subclass declares twice. Each is something SQLAlchemy
 * refuses or warns about when it configures the mappers.
 */

#include <stdlib.h>
#include <string.h>

#include "analyzer/core/suggest.h"
#include "analyzer/lint/rules/relationships.h"
#include "analyzer/lint/rules/rule_util.h"

/* One mapped class of a hierarchy: a model with a table, or a single-table
 * subclass kept on its table. */
typedef struct cls {
	const char *name;             /* struct tag */
	const mg_table *table;        /* its table: its own, or its root's */
	const char *inherits;         /* its base's struct tag; NULL for a root */
	const char *identity;
	const char *on;
	mg_location on_location;
	const char *path;
	mg_location location;         /* of its MG_MODEL */
} cls;

typedef struct classes {
	cls *items;
	size_t n;
} classes;

/* The classes of the graph that are in a hierarchy or name a discriminator;
 * items NULL when out of memory (ctx->failed). */
static classes collect(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	size_t cap = 0;
	for (size_t i = 0; i < g->ntables; i++)
		cap += 1 + g->tables[i]->nsubclasses;
	classes out = {.items = malloc((cap ? cap : 1) * sizeof(cls))};
	if (!out.items) {
		ctx->failed = 1;
		return out;
	}
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		if (t->kind != MG_TABLE_MODEL || !t->struct_name)
			continue;
		out.items[out.n++] = (cls){
			.name = t->struct_name, .table = t, .inherits = t->inherits,
			.identity = t->polymorphic_identity, .on = t->polymorphic_on,
			.on_location = t->polymorphic_on_location, .path = t->path, .location = t->location,
		};
		for (size_t k = 0; k < t->nsubclasses; k++) {
			const mg_subclass *sc = t->subclasses[k];
			out.items[out.n++] = (cls){
				.name = sc->name, .table = t, .inherits = sc->inherits,
				.identity = sc->polymorphic_identity, .on = sc->polymorphic_on,
				.on_location = sc->polymorphic_on_location, .path = sc->path,
				.location = sc->location,
			};
		}
	}
	return out;
}

static const cls *find_class(const classes *all, const char *name)
{
	for (size_t i = 0; name && i < all->n; i++)
		if (strcmp(all->items[i].name, name) == 0)
			return &all->items[i];
	return NULL;
}

/* At most this many bases are followed (graph JSON can say a loop). */
#define MAX_DEPTH 16

static const cls *root_of(const classes *all, const cls *c)
{
	for (int depth = 0; c->inherits && depth < MAX_DEPTH; depth++) {
		const cls *base = find_class(all, c->inherits);
		if (!base)
			break;
		c = base;
	}
	return c;
}

/* ---- inherit-no-join, inherit-ambiguous-join ---- */

static void check_join(mg_rule_context *ctx, mg_join_status status)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		if (!t->inherits || !t->inherits_table || t->inherit_join != status)
			continue;
		const mg_table *base = t->inherits_table;
		mg_finding *f;
		if (status == MG_JOIN_NO_FOREIGN_KEY) {
			f = mg_report(ctx, MG_OBJECT_TABLE, t->path, t->inherits_location,
				      "model \"%s\" inherits from \"%s\" with a table of its own, but no foreign key "
				      "links \"%s\" and \"%s\"; SQLAlchemy cannot work out the inherit condition "
				      "(NoForeignKeysError)",
				      t->struct_name, t->inherits, t->name, base->name);
			if (f && t->npk == 1 && base->npk == 1)
				mg_rel_set_fix(ctx, f, "make the primary key reference the base's: "
					       "MG_FOREIGN_KEY(%s.%s, primary_key=true) on \"%s\".\"%s\"",
					       base->name, base->primary_key[0]->name, t->name, t->primary_key[0]->name);
		} else {
			mg_buf list = MG_BUF_INIT;
			const mg_table *holders[2] = {t, base}, *parents[2] = {base, t};
			size_t n = 0;
			for (size_t k = 0; k < 2; k++)
				for (size_t j = 0; j < holders[k]->nforeign_keys; j++) {
					const mg_foreign_key *fk = holders[k]->foreign_keys[j];
					if (!fk->implied && fk->parent == parents[k])
						mg_buf_printf(&list, "%s%s", n++ ? ", " : "", mg_rel_fk_text(ctx, fk));
				}
			f = mg_report(ctx, MG_OBJECT_TABLE, t->path, t->inherits_location,
				      "model \"%s\" inherits from \"%s\", and %zu foreign keys link \"%s\" and \"%s\": "
				      "%s; SQLAlchemy cannot tell which is the inherit condition "
				      "(AmbiguousForeignKeysError)",
				      t->struct_name, t->inherits, n, t->name, base->name,
				      list.data ? list.data : "");
			mg_buf_free(&list);
		}
		if (f)
			mg_report_related(ctx, MG_OBJECT_TABLE, base->path, base->location,
					  mg_rule_printf(ctx, "\"%s\" (struct %s) is declared here", base->name,
							 base->struct_name ? base->struct_name : base->name));
	}
}

static void check_no_join(mg_rule_context *ctx)
{
	check_join(ctx, MG_JOIN_NO_FOREIGN_KEY);
}

static void check_ambiguous_join(mg_rule_context *ctx)
{
	check_join(ctx, MG_JOIN_AMBIGUOUS);
}

#define EMPLOYEE_C                                              \
	"struct Employee {\n"                                   \
	"    int id          MG_COLUMN(primary_key=true);\n"    \
	"    char type[21];\n"                                  \
	"} MG_MODEL(polymorphic_on=type, polymorphic_identity=employee);\n\n"

const mg_rule mg_rule_inherit_no_join = {
	.id = "inherit-no-join",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A joined-table subclass has no foreign key to its base's table.",
	.rationale = "A subclass with a table of its own loads its rows joined to the base's table, "
		     "through the foreign key between the two (the subclass's primary key referencing "
		     "the base's). Without one SQLAlchemy cannot work out the inherit condition and "
		     "refuses the class (NoForeignKeysError), and nothing ties a subclass row to its "
		     "base row.",
	.without_orm = "Without an ORM, the subclass's rows are tied to their base rows by nothing the "
		       "database checks: a subclass row can outlive its base row, or point at none.",
	.bad_c = EMPLOYEE_C "struct Engineer {\n"
		 "    struct Employee base;\n"
		 "    int id          MG_COLUMN(primary_key=true);\n"
		 "} MG_MODEL(polymorphic_identity=engineer);",
	.good_c = EMPLOYEE_C "struct Engineer {\n"
		  "    struct Employee base;\n"
		  "    int id          MG_FOREIGN_KEY(employee.id, primary_key=true);\n"
		  "} MG_MODEL(polymorphic_identity=engineer);",
	.fix = "Make the subclass's primary key a foreign key to its base's primary key.",
	.check = check_no_join,
};

const mg_rule mg_rule_inherit_ambiguous_join = {
	.id = "inherit-ambiguous-join",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "Several foreign keys link a joined-table subclass and its base's table.",
	.rationale = "SQLAlchemy joins a subclass's table to its base's through the one foreign key "
		     "between them, in either direction. With several (a subclass row pointing at "
		     "another employee, a mentor) it cannot tell which is the inheritance and refuses "
		     "the class (AmbiguousForeignKeysError); annotations cannot name the inherit "
		     "condition.",
	.without_orm = "Without an ORM, the code that reads a subclass joins its table to the base's by "
		       "one of these keys; with two, a reader can pick the wrong one and get another "
		       "employee's base row.",
	.bad_c = EMPLOYEE_C "struct Engineer {\n"
		 "    struct Employee base;\n"
		 "    int id          MG_FOREIGN_KEY(employee.id, primary_key=true);\n"
		 "    int mentor_id   MG_FOREIGN_KEY(employee.id, index=true);\n"
		 "} MG_MODEL(polymorphic_identity=engineer);",
	.good_c = EMPLOYEE_C "struct Engineer {\n"
		  "    struct Employee base;\n"
		  "    int id          MG_FOREIGN_KEY(employee.id, primary_key=true);\n"
		  "    int mentor_id   MG_FOREIGN_KEY(engineer.id, index=true);\n"
		  "} MG_MODEL(polymorphic_identity=engineer);",
	.fix = "Keep one foreign key between the two tables: let the other reference the "
	       "subclass's table, or move it to the base.",
	.check = check_ambiguous_join,
};

/* ---- inherit-polymorphic-on-unknown ---- */

/* The attribute name of a column: its field. */
static const char *attribute_of(const mg_column *c)
{
	return c->attribute ? c->attribute : c->name;
}

static void check_polymorphic_on_one(mg_rule_context *ctx, const cls *c)
{
	const char *names[256];
	size_t n = 0;
	const mg_column *by_column = NULL;
	const mg_table *t = c->table;
	for (int depth = 0; t && depth < MAX_DEPTH; depth++, t = t->inherits_table)
		for (size_t i = 0; i < t->ncolumns; i++) {
			const mg_column *col = t->columns[i];
			if (strcmp(attribute_of(col), c->on) == 0)
				return;
			if (col->attribute && strcmp(col->name, c->on) == 0)
				by_column = col;
			if (n < sizeof(names) / sizeof(names[0]))
				names[n++] = attribute_of(col);
		}
	const char *near = by_column ? by_column->attribute : mg_suggest_nearest(c->on, strlen(c->on), names, n);
	mg_finding *f = near ? mg_report(ctx, MG_OBJECT_TABLE, c->path, c->on_location,
					 "polymorphic_on=%s of model \"%s\" names no attribute of it; did you "
					 "mean \"%s\"? SQLAlchemy refuses the model (\"Can't determine "
					 "polymorphic_on value\")",
					 c->on, c->name, near)
			     : mg_report(ctx, MG_OBJECT_TABLE, c->path, c->on_location,
					 "polymorphic_on=%s of model \"%s\" names no attribute of it; SQLAlchemy "
					 "refuses the model (\"Can't determine polymorphic_on value\")",
					 c->on, c->name);
	if (near)
		mg_rel_set_fix(ctx, f, "write polymorphic_on=%s", near);
}

static void check_polymorphic_on(mg_rule_context *ctx)
{
	classes all = collect(ctx);
	for (size_t i = 0; i < all.n; i++)
		if (all.items[i].on)
			check_polymorphic_on_one(ctx, &all.items[i]);
	free(all.items);
}

const mg_rule mg_rule_inherit_polymorphic_on_unknown = {
	.id = "inherit-polymorphic-on-unknown",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "polymorphic_on names no attribute of the model.",
	.rationale = "The discriminator is the column whose value says which class a row is. "
		     "SQLAlchemy looks polymorphic_on up among the model's attributes (its fields, "
		     "not its column names when name= renames one) and refuses the model when there "
		     "is none of that name.",
	.without_orm = "Without an ORM, the annotation names a discriminator the struct does not have: "
		       "the code that tells the classes apart has no column to read.",
	.bad_c = "struct Employee {\n"
		 "    int id          MG_COLUMN(primary_key=true);\n"
		 "    char type[21];\n"
		 "} MG_MODEL(polymorphic_on=kind, polymorphic_identity=employee);",
	.good_c = "struct Employee {\n"
		  "    int id          MG_COLUMN(primary_key=true);\n"
		  "    char type[21];\n"
		  "} MG_MODEL(polymorphic_on=type, polymorphic_identity=employee);",
	.fix = "Name the field that holds the discriminator.",
	.check = check_polymorphic_on,
};

/* ---- inherit-identity-duplicate ---- */

static void check_identity_duplicate(mg_rule_context *ctx)
{
	classes all = collect(ctx);
	for (size_t i = 0; i < all.n; i++) {
		const cls *c = &all.items[i];
		if (!c->identity)
			continue;
		const cls *root = root_of(&all, c);
		for (size_t k = 0; k < i; k++) {
			const cls *d = &all.items[k];
			if (!d->identity || strcmp(d->identity, c->identity) != 0 || root_of(&all, d) != root)
				continue;
			mg_finding *f = mg_report(ctx, MG_OBJECT_TABLE, c->path, c->location,
						  "polymorphic_identity \"%s\" of model \"%s\" is also that of \"%s\" "
						  "in the same hierarchy; rows of one load as the other (SQLAlchemy: "
						  "\"Reassigning polymorphic association\")",
						  c->identity, c->name, d->name);
			if (f)
				mg_report_related(ctx, MG_OBJECT_TABLE, d->path, d->location,
						  mg_rule_printf(ctx, "\"%s\" takes \"%s\" here", d->name, d->identity));
			break;
		}
	}
	free(all.items);
}

const mg_rule mg_rule_inherit_identity_duplicate = {
	.id = "inherit-identity-duplicate",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "Two classes of one hierarchy have the same polymorphic_identity.",
	.rationale = "The identity is the discriminator's value that says which class a row is. "
		     "Given to two classes, rows of both load as the one mapped last: SQLAlchemy "
		     "warns (\"Reassigning polymorphic association for identity\") and queries "
		     "return objects of the wrong class.",
	.without_orm = "Without an ORM, one discriminator value stands for two structs: code that reads "
		       "a row cannot tell which one it is.",
	.bad_c = EMPLOYEE_C "struct Manager {\n"
		 "    struct Employee base;\n"
		 "    int budget;\n"
		 "} MG_MODEL(polymorphic_identity=employee);",
	.good_c = EMPLOYEE_C "struct Manager {\n"
		  "    struct Employee base;\n"
		  "    int budget;\n"
		  "} MG_MODEL(polymorphic_identity=manager);",
	.fix = "Give each class of the hierarchy its own polymorphic_identity.",
	.check = check_identity_duplicate,
};

/* ---- inherit-identity-missing ---- */

/* The discriminator the class or one of its bases names; NULL when none. */
static const char *discriminator(const classes *all, const cls *c)
{
	for (int depth = 0; c && depth < MAX_DEPTH; depth++) {
		if (c->on)
			return c->on;
		c = find_class(all, c->inherits);
	}
	return NULL;
}

static void check_identity_missing(mg_rule_context *ctx)
{
	classes all = collect(ctx);
	for (size_t i = 0; i < all.n; i++) {
		const cls *c = &all.items[i];
		const char *on = c->inherits && !c->identity ? discriminator(&all, c) : NULL;
		if (!on)
			continue;
		mg_finding *f = mg_report(ctx, MG_OBJECT_TABLE, c->path, c->location,
					  "model \"%s\" inherits from \"%s\" but has no polymorphic_identity, "
					  "though its hierarchy tells classes apart by \"%s\"; its rows cannot "
					  "load as \"%s\" (SQLAlchemy warns)",
					  c->name, c->inherits, on, c->name);
		mg_rel_set_fix(ctx, f, "add polymorphic_identity=<value> to the MG_MODEL of %s", c->name);
	}
	free(all.items);
}

const mg_rule mg_rule_inherit_identity_missing = {
	.id = "inherit-identity-missing",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A subclass in a hierarchy with a discriminator has no polymorphic_identity.",
	.rationale = "When the base names polymorphic_on, each row says its class by that column. "
		     "A subclass without an identity has no value there: its rows load as the base, "
		     "and SQLAlchemy warns that they \"cannot be loaded polymorphically\".",
	.without_orm = "Without an ORM, the subclass's rows carry no discriminator value of their own: "
		       "code that reads them takes them for the base.",
	.bad_c = EMPLOYEE_C "struct Manager {\n"
		 "    struct Employee base;\n"
		 "    int budget;\n"
		 "} MG_MODEL();",
	.good_c = EMPLOYEE_C "struct Manager {\n"
		  "    struct Employee base;\n"
		  "    int budget;\n"
		  "} MG_MODEL(polymorphic_identity=manager);",
	.fix = "Give the subclass a polymorphic_identity.",
	.check = check_identity_missing,
};

/* ---- inherit-column-conflict ---- */

static void check_column_conflict(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++)
		for (size_t k = 0; k < g->tables[i]->nsubclasses; k++) {
			const mg_subclass *sc = g->tables[i]->subclasses[k];
			for (size_t j = 0; j < sc->nconflicts; j++) {
				const mg_column *existing = mg_table_find_column(sc->table, sc->conflicts[j]);
				mg_finding *f = mg_report(
				    ctx, MG_OBJECT_TABLE, sc->path, sc->conflict_locations[j],
				    "single-table subclass \"%s\" declares column \"%s\", which table \"%s\" has "
				    "already; SQLAlchemy refuses it (\"conflicts with existing column\")",
				    sc->name, sc->conflicts[j], sc->table->name);
				if (f && existing)
					mg_report_related(ctx, MG_OBJECT_COLUMN, existing->path, existing->location,
							  mg_rule_printf(ctx, "\"%s\" is declared here", existing->path));
			}
		}
}

const mg_rule mg_rule_inherit_column_conflict = {
	.id = "inherit-column-conflict",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A single-table subclass declares a column its table has already.",
	.rationale = "A subclass without a table of its own adds its columns to its base's table. "
		     "One that table has already would be a second column of the same name: "
		     "SQLAlchemy refuses the class (\"Column ... conflicts with existing column\"). "
		     "The subclass inherits the column; it need not declare it.",
	.without_orm = "Without an ORM, the table holds one column of that name, which the base and the "
		       "subclass then both write, each meaning its own thing.",
	.bad_c = EMPLOYEE_C "struct Manager {\n"
		 "    struct Employee base;\n"
		 "    char type[21];\n"
		 "    int budget;\n"
		 "} MG_MODEL(polymorphic_identity=manager);",
	.good_c = EMPLOYEE_C "struct Manager {\n"
		  "    struct Employee base;\n"
		  "    int budget;\n"
		  "} MG_MODEL(polymorphic_identity=manager);",
	.fix = "Remove the field from the subclass (it inherits the column), or rename it.",
	.check = check_column_conflict,
};

/* ---- inherit-column-shadows ---- */

/* Whether the inherit condition of `t` equates `c` with `base_column`. */
static bool equated(const mg_table *t, const mg_column *c, const mg_column *base_column)
{
	const mg_foreign_key *fk = t->inherit_fk;
	for (size_t i = 0; fk && fk->parent_columns && i < fk->ncolumns; i++)
		if ((fk->columns[i] == c && fk->parent_columns[i] == base_column) ||
		    (fk->columns[i] == base_column && fk->parent_columns[i] == c))
			return true;
	return false;
}

static void check_column_shadows(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		if (t->inherit_join != MG_JOIN_OK)
			continue; /* no inherit condition: inherit-no-join says why */
		for (size_t k = 0; t->inherits_table && k < t->ncolumns; k++) {
			const mg_column *c = t->columns[k];
			const mg_table *base = t->inherits_table;
			for (int depth = 0; base && base != t && depth < MAX_DEPTH; depth++, base = base->inherits_table) {
				const mg_column *shadowed = NULL;
				for (size_t j = 0; j < base->ncolumns && !shadowed; j++)
					if (strcmp(attribute_of(base->columns[j]), attribute_of(c)) == 0)
						shadowed = base->columns[j];
				if (!shadowed)
					continue;
				if (!equated(t, c, shadowed)) {
					mg_finding *f = mg_report_column(
					    ctx, c,
					    "column \"%s\" of subclass \"%s\" has the attribute name \"%s\" of column "
					    "\"%s\" of its base; SQLAlchemy maps both under one attribute and warns "
					    "(\"Implicitly combining column\")",
					    c->path, t->struct_name ? t->struct_name : t->name, attribute_of(c),
					    shadowed->path);
					if (f)
						mg_report_related(ctx, MG_OBJECT_COLUMN, shadowed->path, shadowed->location,
								  mg_rule_printf(ctx, "\"%s\" is declared here", shadowed->path));
				}
				break;
			}
		}
	}
}

const mg_rule mg_rule_inherit_column_shadows = {
	.id = "inherit-column-shadows",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A joined-table subclass has a column named like one of its base's.",
	.rationale = "A subclass's attributes are its own columns and its base's. Two columns of one "
		     "name (other than the primary key that references the base's) are mapped under "
		     "one attribute: a write goes to both tables, a read comes from one, and "
		     "SQLAlchemy warns (\"Implicitly combining column\").",
	.without_orm = "Without an ORM, the two tables each hold a column of the same name, and code "
		       "that joins them must say which one it reads; the one it does not is left stale.",
	.bad_c = EMPLOYEE_C "struct Engineer {\n"
		 "    struct Employee base;\n"
		 "    int id          MG_FOREIGN_KEY(employee.id, primary_key=true);\n"
		 "    char type[21];\n"
		 "} MG_MODEL(polymorphic_identity=engineer);",
	.good_c = EMPLOYEE_C "struct Engineer {\n"
		  "    struct Employee base;\n"
		  "    int id          MG_FOREIGN_KEY(employee.id, primary_key=true);\n"
		  "    char speciality[21];\n"
		  "} MG_MODEL(polymorphic_identity=engineer);",
	.fix = "Remove the field (the subclass inherits the base's column) or give it another name.",
	.check = check_column_shadows,
};

/* ---- inherit-single-not-null ---- */

static void check_single_not_null(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		for (size_t k = 0; t->nsubclasses && k < t->ncolumns; k++) {
			const mg_column *c = t->columns[k];
			/* A default fills the column for the rows of the other classes. */
			if (!c->subclass || c->nullable || c->pk_position || c->default_value || c->client_default)
				continue;
			mg_finding *f = mg_report_column(
			    ctx, c,
			    "column \"%s\" of single-table subclass \"%s\" is NOT NULL, but it is a column of "
			    "table \"%s\", whose rows of other classes (\"%s\" itself) have no value for it: "
			    "inserting one fails",
			    c->path, c->subclass, t->name, t->struct_name ? t->struct_name : t->name);
			mg_rel_set_fix(ctx, f, "drop nullable=false from \"%s\" (the application checks it), give "
				       "it a server_default, or give %s a table of its own",
				       c->path, c->subclass);
		}
	}
}

const mg_rule mg_rule_inherit_single_not_null = {
	.id = "inherit-single-not-null",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A column of a single-table subclass is NOT NULL without a default.",
	.rationale = "A single-table subclass's columns are columns of its base's table, which holds "
		     "the rows of every class of the hierarchy. The others have no value for them: a "
		     "NOT NULL column without a default makes their rows impossible to insert. "
		     "SQLAlchemy accepts the model and the database refuses the first such row.",
	.without_orm = "Without an ORM, the same holds: every INSERT into the table for another kind "
		       "of row must give the subclass's column a value it does not have.",
	.bad_c = EMPLOYEE_C "struct Manager {\n"
		 "    struct Employee base;\n"
		 "    int budget      MG_COLUMN(nullable=false);\n"
		 "} MG_MODEL(polymorphic_identity=manager);",
	.good_c = EMPLOYEE_C "struct Manager {\n"
		  "    struct Employee base;\n"
		  "    int budget;\n"
		  "} MG_MODEL(polymorphic_identity=manager);",
	.fix = "Leave the column nullable (the application checks it), give it a default, or give "
	       "the subclass a table of its own.",
	.check = check_single_not_null,
};
