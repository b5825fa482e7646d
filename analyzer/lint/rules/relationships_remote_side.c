/*
 * What SQLAlchemy says of a remote_side that names real columns, but the
 * wrong ones: none of the join's (it refuses the mapping), or the local
 * table's on a relationship between two tables (it warns).
 * rel-remote-side-unknown (relationships_options.c) covers names that are
 * no column at all.
 */
#include "analyzer/lint/rules/relationships.h"

/* Whether column c is one of the columns the relationship's join compares:
 * the foreign key's, or those it references. */
static bool in_join(const mg_relationship *r, const mg_column *c)
{
	const mg_foreign_key *fk = r->via;
	for (size_t i = 0; i < fk->ncolumns; i++)
		if (fk->columns[i] == c || (fk->parent_columns && fk->parent_columns[i] == c))
			return true;
	return false;
}

/* A remote_side the rules can judge: given, every name a column, and a
 * join over one foreign key. */
static bool judgeable(const mg_relationship *r)
{
	if (!r->nremote_side || !r->remote_side_columns || r->join != MG_JOIN_OK || !r->via || r->secondary)
		return false;
	for (size_t i = 0; i < r->nremote_side; i++)
		if (!r->remote_side_columns[i])
			return false;
	return true;
}

static bool any_in_join(const mg_relationship *r)
{
	for (size_t i = 0; i < r->nremote_side; i++)
		if (in_join(r, r->remote_side_columns[i]))
			return true;
	return false;
}

/* ---- rel-remote-side-outside-join ---- */

static void check_outside_join_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (!judgeable(r) || any_in_join(r))
		return;
	mg_finding *f = mg_report_relationship(
		ctx, r,
		"relationship \"%s\" has remote_side \"%s\", which is not a column of its join %s: "
		"SQLAlchemy cannot tell the remote columns (\"could not determine any unambiguous "
		"local/remote column pairs\")",
		mg_rel_name(ctx, r), r->remote_side[0], mg_rel_fk_text(ctx, r->via));
	const mg_foreign_key *fk = r->via;
	if (fk->ncolumns == 1 && fk->parent_columns && fk->parent_columns[0])
		mg_rel_set_fix(ctx, f,
			       "name a column of the join: remote_side=[%s] for the many-to-one (the parent), "
			       "remote_side=[%s] for the one-to-many",
			       fk->parent_columns[0]->name, fk->columns[0]->name);
}

static void check_outside_join(mg_rule_context *ctx)
{
	mg_rel_each(ctx, true, check_outside_join_one);
}

const mg_rule mg_rule_rel_remote_side_outside_join = {
	.id = "rel-remote-side-outside-join",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "remote_side names columns, but none the relationship's join compares.",
	.rationale = "remote_side marks which columns of the join condition are on the far side. "
		     "When none of the columns it names takes part in the join, SQLAlchemy cannot pair "
		     "local with remote columns and refuses the mapping (ArgumentError: \"could not "
		     "determine any unambiguous local/remote column pairs\").",
	.bad_c = "struct Node {\n"
		 "    int id                 MG_COLUMN(primary_key=true);\n"
		 "    char name[81];\n"
		 "    int parent_id          MG_FOREIGN_KEY(node.id, index=true);\n"
		 "    struct Node *parent    MG_RELATIONSHIP(Node, remote_side=[name], backref=children);\n"
		 "} MG_MODEL();",
	.good_c = "struct Node {\n"
		  "    int id                 MG_COLUMN(primary_key=true);\n"
		  "    char name[81];\n"
		  "    int parent_id          MG_FOREIGN_KEY(node.id, index=true);\n"
		  "    struct Node *parent    MG_RELATIONSHIP(Node, remote_side=[id], backref=children);\n"
		  "} MG_MODEL();",
	.fix = "Name a column of the join: the referenced key for a many-to-one, the foreign key "
	       "column for a one-to-many.",
	.without_orm = "Without an ORM, remote_side tells the diagrams and docs which end of a "
		       "self-reference is the parent; columns outside the join say neither.",
	.check = check_outside_join,
};

/* ---- rel-remote-side-local ---- */

static void check_local_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (!judgeable(r) || r->source == r->target || !any_in_join(r))
		return;
	for (size_t i = 0; i < r->nremote_side; i++) {
		if (r->remote_side_columns[i]->table != r->source)
			continue;
		mg_finding *f = mg_report_relationship(
			ctx, r,
			"relationship \"%s\" has remote_side \"%s\", a column of its own model \"%s\": "
			"remote_side is for a self-referential relationship, and SQLAlchemy warns "
			"(\"marked as 'remote', but these column(s) are local to the local side\")",
			mg_rel_name(ctx, r), r->remote_side[i], mg_rel_model_name(r->source));
		mg_rel_set_fix(ctx, f,
			       "remove remote_side: between \"%s\" and \"%s\" the foreign key already says "
			       "which side is which",
			       mg_rel_model_name(r->source), mg_rel_model_name(r->target));
		return;
	}
}

static void check_local(mg_rule_context *ctx)
{
	mg_rel_each(ctx, true, check_local_one);
}

const mg_rule mg_rule_rel_remote_side_local = {
	.id = "rel-remote-side-local",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "remote_side names a column of the declaring model on a relationship between two "
		   "models.",
	.rationale = "Between two different tables the foreign key already says which side is "
		     "remote; remote_side exists to settle a self-referential join, where both sides "
		     "are one table. Naming the declaring model's own column as remote contradicts "
		     "the join, and SQLAlchemy warns (\"marked as 'remote', but these column(s) are "
		     "local to the local side\"). It usually means remote_side was copied from an "
		     "adjacency list.",
	.bad_c = "struct User {\n"
		 "    int id                 MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts    MG_RELATIONSHIP(Post, remote_side=[id], backref=author);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id                 MG_COLUMN(primary_key=true);\n"
		 "    int user_id            MG_FOREIGN_KEY(users.id, index=true);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id                 MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts    MG_RELATIONSHIP(Post, backref=author);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id                 MG_COLUMN(primary_key=true);\n"
		  "    int user_id            MG_FOREIGN_KEY(users.id, index=true);\n"
		  "} MG_MODEL();",
	.fix = "Remove remote_side from a relationship between two different models.",
	.without_orm = "Without an ORM, remote_side says nothing between two tables; the "
		       "foreign key alone gives the diagrams and docs the direction.",
	.check = check_local,
};
