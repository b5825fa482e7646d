/*
 * Rules on primaryjoin= and secondaryjoin= (analyzer/core/join_condition.h):
 * what SQLAlchemy refuses about a join condition, as resolve_joins.c
 * settled rel->join, and the conditions modelgraph keeps as text only.
 */

#include <string.h>

#include "analyzer/core/join_condition.h"
#include "analyzer/core/suggest.h"
#include "analyzer/lint/rules/relationships.h"

/* The condition of r that is about `status`: the secondary's when the
 * primary one is fine or absent. */
static const mg_join_condition *condition_of(const mg_relationship *r)
{
	return r->primaryjoin ? r->primaryjoin : r->secondaryjoin;
}

/* ---- annotation-invalid-value: a column of a condition naming nothing ---- */

/* The column names of `t`'s model attributes, for did-you-mean. */
static const char *nearest_column(mg_rule_context *ctx, const mg_table *t, const char *name)
{
	if (!t || !t->ncolumns)
		return NULL;
	const char **names = mg_arena_alloc(ctx->findings->arena, t->ncolumns * sizeof(*names));
	if (!names) {
		ctx->failed = 1;
		return NULL;
	}
	for (size_t i = 0; i < t->ncolumns; i++)
		names[i] = t->columns[i]->attribute ? t->columns[i]->attribute : t->columns[i]->name;
	return mg_suggest_nearest(name, strlen(name), names, t->ncolumns);
}

static void report_unknown_term(mg_rule_context *ctx, const mg_relationship *r, const char *option,
				const mg_join_term *t)
{
	const mg_table *owner = !t->owner ? r->source : mg_rel_find_named(ctx->graph, t->owner);
	if (t->owner && !owner) {
		mg_report(ctx, MG_OBJECT_RELATIONSHIP, r->path, t->location,
			  "invalid value \"%s\" for option \"%s\": \"%s\" names no model or table", t->text,
			  option, t->owner);
		return;
	}
	const char *near = nearest_column(ctx, owner, t->name);
	mg_finding *f = mg_report(ctx, MG_OBJECT_RELATIONSHIP, r->path, t->location,
				  "invalid value \"%s\" for option \"%s\": \"%s\" has no column \"%s\"%s%s%s",
				  t->text, option, mg_rel_model_name(owner), t->name,
				  near ? "; did you mean \"" : "", near ? near : "", near ? "\"?" : "");
	if (f && near) {
		size_t prefix = strlen(t->text) - strlen(t->name);
		f->fix = mg_arena_printf(ctx->findings->arena, "Write \"%.*s%s\" instead of \"%s\".",
					 (int)prefix, t->text, near, t->text);
		if (!f->fix)
			ctx->failed = 1;
	}
}

static void check_join_columns_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (r->join != MG_JOIN_UNKNOWN_COLUMN)
		return;
	const mg_join_condition *conds[2] = {r->primaryjoin, r->secondaryjoin};
	const char *options[2] = {"primaryjoin", "secondaryjoin"};
	for (size_t k = 0; k < 2; k++)
		for (size_t i = 0; conds[k] && i < 2 * conds[k]->ncomparisons; i++) {
			const mg_join_term *t = mg_join_term_get(conds[k], i);
			if (t->kind == MG_JOIN_TERM_COLUMN && !t->column)
				report_unknown_term(ctx, r, options[k], t);
		}
}

void mg_rel_check_join_columns(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_join_columns_one);
}

/* ---- rel-join-no-foreign-columns ---- */

static void check_no_foreign_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (r->join != MG_JOIN_NO_FOREIGN_COLUMNS && r->join != MG_JOIN_NO_DIRECTION)
		return;
	const mg_join_condition *cond = condition_of(r);
	const char *rn = mg_rel_name(ctx, r);
	mg_finding *f;
	bool on_a_side = false; /* a foreign column on the source or the target */
	for (size_t i = 0; r->join == MG_JOIN_NO_DIRECTION && i < 2 * cond->ncomparisons; i++) {
		const mg_join_term *t = mg_join_term_get(cond, i);
		on_a_side = on_a_side || (t->is_foreign && (t->column->table == r->source ||
							    t->column->table == r->target));
	}
	if (r->join == MG_JOIN_NO_DIRECTION && !on_a_side) {
		f = mg_report_relationship(ctx, r,
					   "the join condition \"%s\" of relationship \"%s\" has foreign columns "
					   "only in tables it does not join; SQLAlchemy cannot determine the "
					   "direction (ArgumentError)",
					   cond->text, rn);
		mg_rel_set_fix(ctx, f, "mark foreign() the column of \"%s\" or \"%s\" that refers to the other",
			       r->source->name, r->target->name);
		return;
	}
	if (r->join == MG_JOIN_NO_DIRECTION) {
		f = mg_report_relationship(ctx, r,
					   "the join condition \"%s\" of relationship \"%s\" has foreign columns on "
					   "both sides and none tells which side is remote; SQLAlchemy cannot "
					   "determine the direction (ArgumentError)",
					   cond->text, rn);
		mg_rel_set_fix(ctx, f, "mark only the referencing columns foreign(), or the referenced "
				       "ones remote()");
		return;
	}
	f = mg_report_relationship(ctx, r,
				   "the join condition \"%s\" of relationship \"%s\" has no foreign column: "
				   "none is in foreign(), in foreign_keys=, or holds a foreign key to the "
				   "column it is compared with; SQLAlchemy cannot locate any relevant "
				   "foreign key columns (ArgumentError)",
				   cond->text, rn);
	mg_rel_set_fix(ctx, f, "wrap the referencing column in foreign(), e.g. \"A.id == "
			       "foreign(B.a_id)\", or declare its MG_FOREIGN_KEY");
}

static void check_join_no_foreign_columns(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_no_foreign_one);
}

const mg_rule mg_rule_rel_join_no_foreign_columns = {
	.id = "rel-join-no-foreign-columns",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A join condition has no column SQLAlchemy can take as the foreign one.",
	.rationale = "With primaryjoin (or secondaryjoin) SQLAlchemy still needs to know which "
		     "columns refer to the other side: those wrapped in foreign(), those listed in "
		     "foreign_keys=, or else those that hold a declared foreign key to the column "
		     "they are compared with. When none qualifies it refuses the model (\"Could not "
		     "locate any relevant foreign key columns\"); likewise when foreign columns on "
		     "both sides leave the direction open.",
	.without_orm = "Without an ORM, nothing says which column holds the reference, so nothing "
		       "says which way the link runs or which row to update when it changes.",
	.bad_c = "struct User {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts  MG_RELATIONSHIP(Post, primaryjoin=\"User.id == Post.author_id\",\n"
		 "                                         backref=author);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    int author_id        MG_COLUMN(index=true);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts  MG_RELATIONSHIP(Post, primaryjoin=\"User.id == foreign(Post.author_id)\",\n"
		  "                                         backref=author);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    int author_id        MG_COLUMN(index=true);\n"
		  "} MG_MODEL();",
	.fix = "Wrap the referencing column in foreign(), list it in foreign_keys=, or declare its "
	       "foreign key with MG_FOREIGN_KEY.",
	.check = check_join_no_foreign_columns,
};

/* ---- rel-join-column-elsewhere ---- */

static void check_elsewhere_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (r->join != MG_JOIN_FOREIGN_ELSEWHERE)
		return;
	const mg_join_condition *conds[2] = {r->primaryjoin, r->secondaryjoin};
	const mg_join_term *outside = NULL;
	const mg_join_condition *cond = condition_of(r);
	for (size_t k = 0; k < 2 && !outside; k++)
		for (size_t i = 0; conds[k] && i < 2 * conds[k]->ncomparisons && !outside; i++) {
			const mg_join_term *t = mg_join_term_get(conds[k], i);
			const mg_table *tt = t->column ? t->column->table : NULL;
			if (tt && tt != r->source && tt != r->target && tt != r->secondary) {
				outside = t;
				cond = conds[k];
			}
		}
	const char *rn = mg_rel_name(ctx, r);
	mg_finding *f;
	if (outside)
		f = mg_report_relationship(ctx, r,
					   "the join condition \"%s\" of relationship \"%s\" compares its foreign "
					   "columns only with \"%s\", of table \"%s\", which the relationship does "
					   "not join; SQLAlchemy finds no equality it can keep in sync "
					   "(ArgumentError)",
					   cond->text, rn, outside->text, outside->column->table->name);
	else
		f = mg_report_relationship(ctx, r,
					   "the join condition \"%s\" of relationship \"%s\" never compares a "
					   "foreign column with == to a column of \"%s\" or \"%s\"; SQLAlchemy "
					   "finds no equality it can keep in sync (ArgumentError)",
					   cond->text, rn, r->source->name, r->target->name);
	mg_rel_set_fix(ctx, f, "compare the foreign column with the column of \"%s\" it refers to, or "
			       "make the relationship viewonly",
		       r->source->name);
}

static void check_join_column_elsewhere(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_elsewhere_one);
}

const mg_rule mg_rule_rel_join_column_elsewhere = {
	.id = "rel-join-column-elsewhere",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A join condition pairs its foreign columns only with columns outside the join.",
	.rationale = "A relationship that writes copies the referenced key into the foreign column "
		     "at flush, so its condition must compare that column with == to a column of the "
		     "source, the target or the secondary. When the foreign columns meet only columns "
		     "of some other table, SQLAlchemy refuses the model (\"Could not locate any simple "
		     "equality expressions involving locally mapped foreign key columns\").",
	.without_orm = "Without an ORM, the condition links the row to a table the relationship does "
		       "not reach, so its reference is never set from either side.",
	.bad_c = "struct User {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts  MG_RELATIONSHIP(Post, primaryjoin=\"Tag.id == Post.tag_id\");\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Tag {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "} MG_MODEL();\n"
		 "\n"
		 "struct Post {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    int tag_id           MG_FOREIGN_KEY(tag.id, index=true);\n"
		 "    int author_id        MG_FOREIGN_KEY(users.id, index=true);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts  MG_RELATIONSHIP(Post, primaryjoin=\"User.id == Post.author_id\",\n"
		  "                                         backref=author);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Tag {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "} MG_MODEL();\n"
		  "\n"
		  "struct Post {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    int tag_id           MG_FOREIGN_KEY(tag.id, index=true);\n"
		  "    int author_id        MG_FOREIGN_KEY(users.id, index=true);\n"
		  "} MG_MODEL();",
	.fix = "Compare the foreign column with the column it refers to on the relationship's own "
	       "tables, or make the relationship viewonly.",
	.check = check_join_column_elsewhere,
};

/* ---- rel-join-opaque ---- */

static void check_opaque_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (r->join != MG_JOIN_OPAQUE)
		return;
	const mg_join_condition *cond =
	    r->primaryjoin && r->primaryjoin->opaque ? r->primaryjoin
	    : r->secondaryjoin && r->secondaryjoin->opaque ? r->secondaryjoin
							   : condition_of(r);
	if (cond->opaque)
		mg_report_relationship(ctx, r,
				       "the join condition \"%s\" of relationship \"%s\" is beyond what modelgraph "
				       "reads (%s, at byte %zu); the rules on its join, direction and inverse "
				       "skipped it",
				       cond->text, mg_rel_name(ctx, r), cond->opaque_reason, cond->opaque_offset + 1);
	else
		mg_report_relationship(ctx, r,
				       "the join condition \"%s\" of relationship \"%s\" pairs no foreign "
				       "column with a column of the tables it joins; the rules on its join, "
				       "direction and inverse skipped it",
				       cond->text, mg_rel_name(ctx, r));
}

static void check_join_opaque(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_opaque_one);
}

const mg_rule mg_rule_rel_join_opaque = {
	.id = "rel-join-opaque",
	.severity = MG_SEVERITY_NOTE,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A join condition goes beyond the grammar modelgraph reads, so its rules skip it.",
	.rationale = "modelgraph reads join conditions that are a conjunction (and_, &) of == "
		     "comparisons between columns, in foreign() or remote() or not, and constants. "
		     "Anything else (or_, function calls, casts, !=, in_) is kept as written and "
		     "passed on, but the join it makes is not known, so the rules that need it (the "
		     "join's foreign keys, the direction, the inverse) say nothing about the "
		     "relationship rather than guess.",
	.without_orm = "Without an ORM, the condition is code: modelgraph shows it as written in "
		       "the docs, and checks nothing about it.",
	.bad_c = "struct User {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts  MG_RELATIONSHIP(Post, viewonly,\n"
		 "        primaryjoin=\"or_(User.id == Post.author_id, User.id == Post.editor_id)\");\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    int author_id        MG_FOREIGN_KEY(users.id, index=true);\n"
		 "    int editor_id        MG_FOREIGN_KEY(users.id, index=true);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts  MG_RELATIONSHIP(Post, viewonly,\n"
		  "        primaryjoin=\"User.id == Post.author_id\");\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    int author_id        MG_FOREIGN_KEY(users.id, index=true);\n"
		  "    int editor_id        MG_FOREIGN_KEY(users.id, index=true);\n"
		  "} MG_MODEL();",
	.fix = "Nothing is wrong; to have the join checked, write it as a conjunction of == "
	       "comparisons, or split it into several relationships.",
	.check = check_join_opaque,
};

/* ---- rel-secondaryjoin-without-secondary ---- */

static void check_secondaryjoin_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (r->join != MG_JOIN_NO_SECONDARY_FOR_JOIN)
		return;
	mg_finding *f = mg_report_relationship(ctx, r,
					       "relationship \"%s\" has secondaryjoin \"%s\" but no secondary; "
					       "SQLAlchemy refuses a secondary join condition without a "
					       "secondary table (ArgumentError)",
					       mg_rel_name(ctx, r), r->secondaryjoin->text);
	mg_rel_set_fix(ctx, f, "add secondary=<association table>, or move the condition to primaryjoin");
}

static void check_secondaryjoin_without_secondary(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_secondaryjoin_one);
}

const mg_rule mg_rule_rel_secondaryjoin_without_secondary = {
	.id = "rel-secondaryjoin-without-secondary",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A relationship has secondaryjoin but no secondary table.",
	.rationale = "secondaryjoin joins the association table of a many-to-many to the target; "
		     "without secondary there is no such table, and SQLAlchemy refuses the model "
		     "(\"specified with secondary join condition but no secondary argument\").",
	.without_orm = "Without an ORM, the condition names a step of the join that does not exist.",
	.bad_c = "struct User {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts  MG_RELATIONSHIP(Post, primaryjoin=\"User.id == Post.author_id\",\n"
		 "                                         secondaryjoin=\"User.id == Post.author_id\");\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    int author_id        MG_FOREIGN_KEY(users.id, index=true);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts  MG_RELATIONSHIP(Post, primaryjoin=\"User.id == Post.author_id\",\n"
		  "                                         backref=author);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    int author_id        MG_FOREIGN_KEY(users.id, index=true);\n"
		  "} MG_MODEL();",
	.fix = "Add secondary= naming the association table, or drop secondaryjoin and keep the "
	       "condition in primaryjoin.",
	.check = check_secondaryjoin_without_secondary,
};

/* ---- rel-join-self-ref-needs-remote ---- */

/* The first comparison of a column with a constant, or NULL. */
static const mg_join_term *constant_compared(const mg_join_condition *cond)
{
	for (size_t i = 0; i < cond->ncomparisons; i++) {
		const mg_join_comparison *c = &cond->comparisons[i];
		if (c->left.kind == MG_JOIN_TERM_CONSTANT || c->right.kind == MG_JOIN_TERM_CONSTANT)
			return c->left.kind == MG_JOIN_TERM_CONSTANT ? &c->right : &c->left;
	}
	return NULL;
}

static void check_self_ref_remote_one(mg_rule_context *ctx, const mg_relationship *r)
{
	const mg_join_condition *cond = r->primaryjoin;
	if (r->source != r->target || r->secondary || !cond || r->join != MG_JOIN_OK || r->nremote_side)
		return;
	for (size_t i = 0; i < 2 * cond->ncomparisons; i++)
		if (mg_join_term_get(cond, i)->remote)
			return;
	const mg_join_term *filtered = constant_compared(cond);
	if (!filtered)
		return;
	mg_finding *f = mg_report_relationship(ctx, r,
					       "self-referential relationship \"%s\" compares \"%s\" with a constant "
					       "in its join condition \"%s\" but marks no side remote; SQLAlchemy "
					       "guesses the remote side from the foreign columns and warns "
					       "(\"Non-simple column elements in primary join condition\")",
					       mg_rel_name(ctx, r), filtered->text, cond->text);
	mg_rel_set_fix(ctx, f, "wrap the referenced column in remote(), e.g. \"remote(%s.id) == "
			       "foreign(%s.parent_id)\", or give remote_side=",
		       mg_rel_model_name(r->source), mg_rel_model_name(r->source));
}

static void check_join_self_ref_needs_remote(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_self_ref_remote_one);
}

const mg_rule mg_rule_rel_join_self_ref_needs_remote = {
	.id = "rel-join-self-ref-needs-remote",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A self-referential join condition with a constant in it says nothing of its remote side.",
	.rationale = "In a table joined to itself both sides of the condition are the same table, so "
		     "SQLAlchemy cannot tell the remote side by table and guesses it from the foreign "
		     "columns. A comparison with a constant (Node.active == true()) makes that guess "
		     "unsafe, and SQLAlchemy warns (\"Non-simple column elements in primary join "
		     "condition ... consider using remote() annotations\"). remote() or remote_side= "
		     "says which side is remote.",
	.without_orm = "Without an ORM, a reader of the condition cannot tell whether it loads a "
		       "node's parent or its children.",
	.bad_c = "struct Node {\n"
		 "    int id                  MG_COLUMN(primary_key=true);\n"
		 "    int parent_id           MG_FOREIGN_KEY(node.id, index=true);\n"
		 "    _Bool active;\n"
		 "    struct Node **children  MG_RELATIONSHIP(Node, viewonly,\n"
		 "        primaryjoin=\"and_(Node.id == Node.parent_id, Node.active == true())\");\n"
		 "} MG_MODEL();",
	.good_c = "struct Node {\n"
		  "    int id                  MG_COLUMN(primary_key=true);\n"
		  "    int parent_id           MG_FOREIGN_KEY(node.id, index=true);\n"
		  "    _Bool active;\n"
		  "    struct Node **children  MG_RELATIONSHIP(Node, viewonly,\n"
		  "        primaryjoin=\"and_(Node.id == remote(Node.parent_id), remote(Node.active) == true())\");\n"
		  "} MG_MODEL();",
	.fix = "Wrap the remote side's columns in remote(), or give remote_side=.",
	.check = check_join_self_ref_needs_remote,
};
