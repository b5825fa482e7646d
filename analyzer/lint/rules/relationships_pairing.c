/*
 * Rules on how a relationship and its inverse find each other: backref,
 * back_populates, and inverses declared on both sides but never linked.
 * resolve_relationships.c has paired what pairs, made the backrefs and
 * found the candidate inverses; these rules report what it could not do.
 */

#include <stdio.h>
#include <string.h>

#include "analyzer/core/suggest.h"
#include "analyzer/lint/rules/relationships.h"

/* The relationship of `t` named exactly `name`; NULL when none. A hub
 * model is the target of thousands: this is a binary search. */
/* A joined-table subclass has its bases' attributes too: looked up in its
 * table, then in theirs (at most this many). */
#define MAX_BASES 16

static const mg_relationship *relationship_named(const mg_table *t, const char *name)
{
	const mg_relationship *r = NULL;
	for (int depth = 0; t && !r && depth < MAX_BASES; depth++, t = t->inherits_table)
		r = mg_table_relationship_named(t, name);
	return r;
}

static const mg_column *column_named(const mg_table *t, const char *name)
{
	for (int depth = 0; t && depth < MAX_BASES; depth++, t = t->inherits_table)
		for (size_t i = 0; i < t->ncolumns; i++)
			if (strcmp(t->columns[i]->name, name) == 0)
				return t->columns[i];
	return NULL;
}

/* Whether some other relationship names r as its inverse, by back_populates or backref. */
static bool named_back(const mg_relationship *r)
{
	const mg_table *t = r->target;
	for (size_t i = 0; i < t->nrelationships; i++) {
		const mg_relationship *s = t->relationships[i];
		if (s == r || !mg_rel_is_declared(s) || s->target != r->source)
			continue;
		if ((s->back_populates && strcmp(s->back_populates, r->name) == 0) ||
		    (s->backref && strcmp(s->backref, r->name) == 0))
			return true;
	}
	return false;
}

/* ---- rel-back-populates-wrong-target ---- */

static void check_wrong_target_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (!r->back_populates || !r->target || r->inverse)
		return;
	const mg_relationship *s = relationship_named(r->target, r->back_populates);
	if (!s || s == r || (!s->from_backref && s->target == r->source))
		return;
	const char *rn = mg_rel_name(ctx, r);
	const char *sn = mg_rel_name(ctx, s);
	if (s->from_backref) {
		/* SQLAlchemy makes backrefs while it configures the mappers, after
		 * it looked for the attribute back_populates names. */
		const char *other = mg_rel_name(ctx, s->inverse);
		mg_finding *f = mg_report_relationship(ctx, r,
						       "relationship \"%s\" has back_populates \"%s\", but \"%s\" is "
						       "the backref that \"%s\" creates, not a relationship of its "
						       "own (SQLAlchemy: \"has no property\")",
						       rn, r->back_populates, sn, other);
		mg_rel_set_fix(ctx, f,
			       "drop backref= from \"%s\" and declare \"%s\" with back_populates=%s, or drop "
			       "back_populates from \"%s\"",
			       other, sn, r->name, rn);
		if (f)
			mg_rel_related(ctx, s);
		return;
	}
	mg_finding *f = mg_report_relationship(ctx, r,
					       "relationship \"%s\" has back_populates \"%s\", but \"%s\" leads to "
					       "\"%s\", not back to \"%s\"",
					       rn, r->back_populates, sn,
					       s->target ? mg_rel_model_name(s->target) : s->target_name,
					       mg_rel_model_name(r->source));
	if (!f)
		return;
	mg_rel_set_fix(ctx, f, "name the inverse of \"%s\": a relationship of \"%s\" that targets \"%s\"",
		       rn, mg_rel_model_name(r->target), mg_rel_model_name(r->source));
	mg_rel_related(ctx, s);
}

static void check_back_populates_wrong_target(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_wrong_target_one);
}

const mg_rule mg_rule_rel_back_populates_wrong_target = {
	.id = "rel-back-populates-wrong-target",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "back_populates names a relationship that cannot be the inverse: one leading to "
		   "another model, or a backref.",
	.rationale = "The inverse of User.posts must lead from Post back to User. When back_populates "
		     "names a relationship of Post that targets a third model, SQLAlchemy refuses the "
		     "mapping when it configures the mappers (\"reverse_property ... does not "
		     "reference mapper\"); when it names a backref another relationship creates, the "
		     "attribute does not exist yet when SQLAlchemy looks for it (\"has no property\").",
	.without_orm = "Without an ORM, the inverse named leads to another struct, or is made by another "
		       "relationship, so the pair describes no single join.",
	.bad_c = "struct User {\n"
		 "    int id                MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts   MG_RELATIONSHIP(Post, back_populates=topic);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Topic {\n"
		 "    int id                MG_COLUMN(primary_key=true);\n"
		 "} MG_MODEL();\n"
		 "\n"
		 "struct Post {\n"
		 "    int id                MG_COLUMN(primary_key=true);\n"
		 "    int user_id           MG_FOREIGN_KEY(users.id, index=true);\n"
		 "    int topic_id          MG_FOREIGN_KEY(topic.id, index=true);\n"
		 "    struct Topic *topic   MG_RELATIONSHIP(Topic, backref=posts);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id                MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts   MG_RELATIONSHIP(Post, back_populates=author);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Topic {\n"
		  "    int id                MG_COLUMN(primary_key=true);\n"
		  "} MG_MODEL();\n"
		  "\n"
		  "struct Post {\n"
		  "    int id                MG_COLUMN(primary_key=true);\n"
		  "    int user_id           MG_FOREIGN_KEY(users.id, index=true);\n"
		  "    int topic_id          MG_FOREIGN_KEY(topic.id, index=true);\n"
		  "    struct User *author   MG_RELATIONSHIP(User, back_populates=posts);\n"
		  "    struct Topic *topic   MG_RELATIONSHIP(Topic, backref=posts);\n"
		  "} MG_MODEL();",
	.fix = "Name the relationship of the target that leads back to this model.",
	.check = check_back_populates_wrong_target,
};

/* ---- rel-back-populates-asymmetric ---- */

static void check_asymmetric_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (!r->back_populates || !r->target || r->inverse)
		return;
	const mg_relationship *s = relationship_named(r->target, r->back_populates);
	if (!s || s == r)
		return; /* rel-back-populates-missing or -not-relationship */
	const char *rn = mg_rel_name(ctx, r);
	const char *sn = mg_rel_name(ctx, s);
	mg_finding *f;
	if (s->from_backref || s->target != r->source) {
		return; /* rel-back-populates-wrong-target */
	} else if (!s->back_populates) {
		f = mg_report_relationship(ctx, r,
					   "relationship \"%s\" has back_populates \"%s\", but \"%s\" does not name it "
					   "back",
					   rn, r->back_populates, sn);
		mg_rel_set_fix(ctx, f, "add back_populates=%s to \"%s\"", r->name, sn);
	} else if (strcmp(s->back_populates, r->name) != 0) {
		if (!relationship_named(s->target, s->back_populates))
			return; /* s's own back_populates names nothing: reported on s */
		f = mg_report_relationship(ctx, r,
					   "relationship \"%s\" has back_populates \"%s\", but \"%s\" names \"%s\" back, "
					   "not \"%s\"",
					   rn, r->back_populates, sn, s->back_populates, r->name);
		mg_rel_set_fix(ctx, f, "make the two name each other: back_populates=%s on \"%s\"", r->name,
			       sn);
	} else {
		f = mg_report_relationship(ctx, r,
					   "relationship \"%s\" has back_populates \"%s\", but \"%s\" is paired with "
					   "\"%s\"",
					   rn, r->back_populates, sn,
					   mg_rel_name(ctx, s->inverse));
	}
	if (f)
		mg_rel_related(ctx, s);
}

static void check_back_populates_asymmetric(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_asymmetric_one);
}

const mg_rule mg_rule_rel_back_populates_asymmetric = {
	.id = "rel-back-populates-asymmetric",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "back_populates names a relationship that does not name this one back.",
	.rationale = "back_populates links two relationships only when each names the other and each "
		     "leads to the other's model. Half a pair keeps the two in step one way only: "
		     "appending a post to user.posts sets post.author, but setting post.author leaves "
		     "user.posts stale until the session is refreshed. SQLAlchemy configures such a "
		     "pair without a word.",
	.without_orm = "Without an ORM, the two fields describe different pairs, so code and docs "
		       "generated from the model link the objects one way and not back.",
	.bad_c = "struct User {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts  MG_RELATIONSHIP(Post, back_populates=author);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		 "    struct User *author  MG_RELATIONSHIP(User);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts  MG_RELATIONSHIP(Post, back_populates=author);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		  "    struct User *author  MG_RELATIONSHIP(User, back_populates=posts);\n"
		  "} MG_MODEL();",
	.fix = "Give both relationships back_populates naming each other, each targeting the other's model.",
	.check = check_back_populates_asymmetric,
};

/* ---- rel-back-populates-missing ---- */

static void check_missing_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (!r->back_populates || !r->target || relationship_named(r->target, r->back_populates) ||
	    column_named(r->target, r->back_populates))
		return;
	const mg_table *t = r->target;
	const char **names = mg_arena_alloc(ctx->findings->arena, (t->nrelationships + 1) * sizeof(*names));
	if (!names) {
		ctx->failed = 1;
		return;
	}
	size_t n = 0;
	for (size_t i = 0; i < t->nrelationships; i++)
		names[n++] = t->relationships[i]->name;
	const char *near = mg_suggest_nearest(r->back_populates, strlen(r->back_populates), names, n);
	const char *rn = mg_rel_name(ctx, r);
	mg_finding *f;
	if (near) {
		f = mg_report_relationship(ctx, r,
					   "relationship \"%s\" has back_populates \"%s\", but \"%s\" has no attribute "
					   "\"%s\"; did you mean \"%s\"?",
					   rn, r->back_populates, mg_rel_model_name(t), r->back_populates, near);
		mg_rel_set_fix(ctx, f, "write back_populates=%s", near);
	} else {
		f = mg_report_relationship(ctx, r,
					   "relationship \"%s\" has back_populates \"%s\", but \"%s\" has no attribute "
					   "\"%s\"",
					   rn, r->back_populates, mg_rel_model_name(t), r->back_populates);
		mg_rel_set_fix(ctx, f,
			       "declare the inverse on \"%s\" (struct %s *%s MG_RELATIONSHIP(%s, "
			       "back_populates=%s)), or use backref=%s instead",
			       mg_rel_model_name(t), mg_rel_model_name(r->source), r->back_populates,
			       mg_rel_model_name(r->source), r->name, r->back_populates);
	}
}

static void check_back_populates_missing(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_missing_one);
}

const mg_rule mg_rule_rel_back_populates_missing = {
	.id = "rel-back-populates-missing",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "back_populates names an attribute the target model does not have.",
	.rationale = "Unlike backref, back_populates creates nothing: it names a relationship the "
		     "target declares itself. When there is none, SQLAlchemy fails to configure the "
		     "mappers (\"Mapper has no property\") and no query runs.",
	.without_orm = "Without an ORM, the model promises a field on the target struct that it does not "
		       "have; code written against the model looks for it in vain.",
	.bad_c = "struct User {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts  MG_RELATIONSHIP(Post, back_populates=author);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts  MG_RELATIONSHIP(Post, back_populates=author);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		  "    struct User *author  MG_RELATIONSHIP(User, back_populates=posts);\n"
		  "} MG_MODEL();",
	.fix = "Declare the inverse relationship on the target, or use backref= to have it created.",
	.check = check_back_populates_missing,
};

/* ---- rel-back-populates-not-relationship ---- */

static void check_not_relationship_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (!r->back_populates || !r->target || relationship_named(r->target, r->back_populates))
		return;
	const mg_column *c = column_named(r->target, r->back_populates);
	if (!c)
		return;
	mg_finding *f = mg_report_relationship(ctx, r,
					       "relationship \"%s\" has back_populates \"%s\", but \"%s\" is a "
					       "column of \"%s\", not a relationship",
					       mg_rel_name(ctx, r), r->back_populates, c->name,
					       mg_rel_model_name(r->target));
	if (f)
		mg_rel_related_column(ctx, c);
}

static void check_back_populates_not_relationship(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_not_relationship_one);
}

const mg_rule mg_rule_rel_back_populates_not_relationship = {
	.id = "rel-back-populates-not-relationship",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "back_populates names a column of the target, not a relationship.",
	.rationale = "back_populates must name the relationship on the other side, not the foreign "
		     "key column it is built on; SQLAlchemy refuses to configure the mappers "
		     "(\"back_populates ... refers to attribute ... that is not a relationship\").",
	.without_orm = "Without an ORM, the inverse named is a column field, not a pointer to objects: "
		       "nothing on the target walks back.",
	.bad_c = "struct User {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts  MG_RELATIONSHIP(Post, back_populates=user_id);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		 "    struct User *author  MG_RELATIONSHIP(User, back_populates=posts);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts  MG_RELATIONSHIP(Post, back_populates=author);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		  "    struct User *author  MG_RELATIONSHIP(User, back_populates=posts);\n"
		  "} MG_MODEL();",
	.fix = "Name the relationship on the target that leads back, not its foreign key column.",
	.check = check_back_populates_not_relationship,
};

/* ---- rel-backref-and-back-populates ---- */

static void check_both_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (!r->backref || !r->back_populates)
		return;
	const char *rn = mg_rel_name(ctx, r);
	mg_finding *f = mg_report_relationship(ctx, r,
					       "relationship \"%s\" has both backref \"%s\" and back_populates "
					       "\"%s\"; SQLAlchemy accepts one or the other",
					       rn, r->backref, r->back_populates);
	if (r->target && relationship_named(r->target, r->back_populates))
		mg_rel_set_fix(ctx, f, "drop backref=%s: \"%s\" declares the inverse itself", r->backref,
			       mg_rel_model_name(r->target));
	else
		mg_rel_set_fix(ctx, f, "drop back_populates=%s and let backref=%s create the inverse",
			       r->back_populates, r->backref);
}

static void check_backref_and_back_populates(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_both_one);
}

const mg_rule mg_rule_rel_backref_and_back_populates = {
	.id = "rel-backref-and-back-populates",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A relationship gives both backref and back_populates.",
	.rationale = "backref creates the inverse on the target; back_populates links to one the "
		     "target declares. They are two ways of saying the same thing, and SQLAlchemy "
		     "rejects a relationship that says both (\"backref and back_populates keyword "
		     "arguments are mutually exclusive\").",
	.without_orm = "Without an ORM, the model says two things about one inverse field: that it is "
		       "made for it and that it is declared.",
	.bad_c = "struct User {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts  MG_RELATIONSHIP(Post, backref=author, back_populates=author);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		 "    struct User *author  MG_RELATIONSHIP(User, back_populates=posts);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts  MG_RELATIONSHIP(Post, back_populates=author);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		  "    struct User *author  MG_RELATIONSHIP(User, back_populates=posts);\n"
		  "} MG_MODEL();",
	.fix = "Keep back_populates when the target declares the inverse, else keep backref.",
	.check = check_backref_and_back_populates,
};

/* ---- rel-backref-conflict ---- */

/* Whether resolve made r's backref: then it is the one attribute of its name
 * on the target (resolve makes none where the name is taken). */
static bool backref_made(const mg_relationship *r)
{
	return r->inverse && r->inverse->from_backref;
}

static void check_conflict_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (!r->backref || r->back_populates || !r->target || backref_made(r))
		return;
	const mg_relationship *s = relationship_named(r->target, r->backref);
	if (s && s == r->inverse)
		return; /* the backref made: the usual case */
	const mg_column *c = column_named(r->target, r->backref);
	mg_finding *f = NULL;
	if (s && s != r->inverse && mg_rel_is_declared(s)) {
		const char *rn = mg_rel_name(ctx, r);
		f = mg_report_relationship(ctx, r,
					   "relationship \"%s\" has backref \"%s\" but \"%s\" already has a "
					   "relationship named \"%s\"",
					   rn, r->backref, mg_rel_model_name(r->target), r->backref);
		if (f && s != r)
			mg_rel_related(ctx, s);
		if (s != r && s->target == r->source)
			mg_rel_set_fix(ctx, f,
				       "replace backref=%s by back_populates=%s, and add back_populates=%s to \"%s.%s\"",
				       r->backref, r->backref, r->name, mg_rel_model_name(r->target), s->name);
	} else if (!s && c) {
		f = mg_report_relationship(ctx, r,
					   "relationship \"%s\" has backref \"%s\" but \"%s\" already has a column "
					   "named \"%s\"",
					   mg_rel_name(ctx, r), r->backref, mg_rel_model_name(r->target), r->backref);
		if (f)
			mg_rel_related_column(ctx, c);
	}
}

static void check_backref_conflict(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_conflict_one);
}

const mg_rule mg_rule_rel_backref_conflict = {
	.id = "rel-backref-conflict",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "backref names an attribute the target model already has.",
	.rationale = "backref=author adds a relationship called author to the target. When the target "
		     "already declares a relationship or a column of that name, SQLAlchemy refuses to "
		     "configure the mappers (\"Error creating backref ... property of that name exists\"). "
		     "Often the inverse was declared twice: once by hand and once by backref.",
	.without_orm = "Without an ORM, the inverse field would take the name of a field the target "
		       "struct already has for something else.",
	.bad_c = "struct User {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts  MG_RELATIONSHIP(Post, backref=author);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		 "    struct User *author  MG_RELATIONSHIP(User);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts  MG_RELATIONSHIP(Post, back_populates=author);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		  "    struct User *author  MG_RELATIONSHIP(User, back_populates=posts);\n"
		  "} MG_MODEL();",
	.fix = "Rename the backref, or drop it and link the existing relationship with back_populates on both sides.",
	.check = check_backref_conflict,
};

/* ---- rel-missing-backref ---- */

/*
 * Only a collection is held to having an inverse. A one-way many-to-one
 * (Post.author with nothing on User) is ordinary style that SQLAlchemy never
 * warns about, and reporting it buried the findings that matter. A
 * collection is different: its rows are written by appending to it
 * (user.posts.append(post) sets post.user_id), yet the child cannot reach
 * its parent, not even after the append, so the way back gets rebuilt by
 * hand with queries. That is the missing backref of the seed's User.posts.
 */
static void check_missing_backref_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (r->collection != MG_TRUE ||
	    (r->direction != MG_CARD_ONE_TO_MANY && r->direction != MG_CARD_MANY_TO_MANY))
		return;
	/* named_back scans the target's relationships: last. */
	if (r->backref || r->back_populates || r->inverse || r->candidate_inverse ||
	    r->join != MG_JOIN_OK || r->viewonly == MG_TRUE || named_back(r))
		return; /* a candidate inverse, even a viewonly one, does lead back */
	mg_report_relationship(ctx, r,
			       "relationship \"%s\" has no inverse: it gives neither backref nor back_populates, "
			       "and no relationship of \"%s\" walks its join back",
			       mg_rel_name(ctx, r), mg_rel_model_name(r->target));
}

static void check_missing_backref(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_missing_backref_one);
}

const mg_rule mg_rule_rel_missing_backref = {
	.id = "rel-missing-backref",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A collection has no inverse: no backref, no back_populates, nothing leading back.",
	.rationale = "A one-to-many or many-to-many collection is how its rows get linked "
		     "(user.posts.append(post) writes post.user_id), but without an inverse the other "
		     "side cannot walk back: post.author does not exist, and code rebuilds it by hand "
		     "with queries. Models in Flask-SQLAlchemy's style name the way back with "
		     "backref= (or back_populates= on both sides). A one-way many-to-one or "
		     "one-to-one is ordinary and not reported; viewonly relationships are exempt.",
	.without_orm = "Without an ORM, code that holds the other object has no declared way back and "
		       "writes that query by hand each time.",
	.bad_c = "struct User {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts  MG_RELATIONSHIP(Post);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts  MG_RELATIONSHIP(Post, backref=author);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		  "} MG_MODEL();",
	.fix = "Add backref=<name> to create the inverse on the target, or declare it there and link "
	       "the two with back_populates; or mark a read-only relationship viewonly.",
	.check = check_missing_backref,
};

/* ---- rel-reverse-name-clash ---- */

static void check_clash_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (!r->backref || r->back_populates || !r->target || backref_made(r))
		return;
	const mg_relationship *s = relationship_named(r->target, r->backref);
	if (!s || !s->from_backref || s->inverse == r)
		return;
	mg_finding *f = mg_report_relationship(ctx, r,
					       "relationships \"%s\" and \"%s\" both create backref \"%s\" on "
					       "\"%s\"; only the first gets it",
					       mg_rel_name(ctx, s->inverse),
					       mg_rel_name(ctx, r), r->backref,
					       mg_rel_model_name(r->target));
	if (f)
		mg_rel_related(ctx, s->inverse);
}

static void check_reverse_name_clash(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_clash_one);
}

const mg_rule mg_rule_rel_reverse_name_clash = {
	.id = "rel-reverse-name-clash",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "Two relationships create backrefs with the same name on one model.",
	.rationale = "Each backref adds an attribute to the target; the second one of a name finds "
		     "the first there and SQLAlchemy refuses to configure the mappers. It typically "
		     "happens when two relationships to one model (author and editor of a post) are "
		     "given the same backref.",
	.without_orm = "Without an ORM, two inverse fields of one struct would share a name, and no "
		       "struct can hold both.",
	.bad_c = "struct User {\n"
		 "    int id                MG_COLUMN(primary_key=true);\n"
		 "    struct Post **written MG_RELATIONSHIP(Post, backref=user, foreign_keys=[Post.author_id]);\n"
		 "    struct Post **edited  MG_RELATIONSHIP(Post, backref=user, foreign_keys=[Post.editor_id]);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id                MG_COLUMN(primary_key=true);\n"
		 "    int author_id         MG_FOREIGN_KEY(users.id, index=true);\n"
		 "    int editor_id         MG_FOREIGN_KEY(users.id, index=true);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id                MG_COLUMN(primary_key=true);\n"
		  "    struct Post **written MG_RELATIONSHIP(Post, backref=author, foreign_keys=[Post.author_id]);\n"
		  "    struct Post **edited  MG_RELATIONSHIP(Post, backref=editor, foreign_keys=[Post.editor_id]);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id                MG_COLUMN(primary_key=true);\n"
		  "    int author_id         MG_FOREIGN_KEY(users.id, index=true);\n"
		  "    int editor_id         MG_FOREIGN_KEY(users.id, index=true);\n"
		  "} MG_MODEL();",
	.fix = "Give each backref a name of its own.",
	.check = check_reverse_name_clash,
};

/* ---- rel-same-direction-pair ---- */

/* Whether r reports its pair: the declared one of a backref pair, the
 * first by path of a back_populates pair. */
static bool reports_pair(const mg_relationship *r)
{
	return r->inverse->from_backref || mg_name_order(r->path, r->inverse->path) <= 0;
}

static void check_same_direction_one(mg_rule_context *ctx, const mg_relationship *r)
{
	const mg_relationship *s = r->inverse;
	if (!s || r->direction != s->direction ||
	    (r->direction != MG_CARD_ONE_TO_MANY && r->direction != MG_CARD_MANY_TO_ONE) ||
	    !reports_pair(r))
		return;
	const char *rn = mg_rel_name(ctx, r);
	const char *sn = mg_rel_name(ctx, s);
	const char *direction = mg_cardinality_name(r->direction);
	mg_finding *f;
	if (s->from_backref)
		f = mg_report_relationship(ctx, r,
					   "relationship \"%s\" and its backref \"%s\" are both %s over %s; "
					   "a pair is one-to-many one way and many-to-one the other",
					   rn, sn, direction, mg_rel_fk_text(ctx, r->via));
	else
		f = mg_report_relationship(ctx, r,
					   "relationships \"%s\" and \"%s\" are paired by back_populates but are "
					   "both %s; a pair is one-to-many one way and many-to-one the other",
					   rn, sn, direction);
	if (!f)
		return;
	if (!s->from_backref)
		mg_rel_related(ctx, s);
	if (r->via != s->via) {
		mg_rel_set_fix(ctx, f, "make both follow one foreign key: foreign_keys= naming %s on \"%s\" too",
			       mg_rel_fk_text(ctx, r->via), sn);
	} else if (r->source == r->target && r->via->ncolumns == 1 && r->via->parent_columns[0]) {
		const char *key = r->via->parent_columns[0]->name;
		if (s->from_backref)
			mg_rel_set_fix(ctx, f,
				       "declare the many-to-one side instead, with the backref on it: "
				       "struct %s *%s MG_RELATIONSHIP(%s, remote_side=[%s], backref=%s)",
				       mg_rel_model_name(r->source), s->name, mg_rel_model_name(r->source), key,
				       r->name);
		else
			mg_rel_set_fix(ctx, f,
				       "give the many-to-one side remote_side=[%s] (and the one-to-many side none)",
				       key);
	}
}

static void check_same_direction_pair(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_same_direction_one);
}

const mg_rule mg_rule_rel_same_direction_pair = {
	.id = "rel-same-direction-pair",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A relationship and its inverse are both one-to-many, or both many-to-one.",
	.rationale = "An inverse walks the same join the other way, so one side is one-to-many and "
		     "the other many-to-one. SQLAlchemy refuses a pair of one direction (\"are both of "
		     "the same direction ... Did you mean to set remote_side on the many-to-one "
		     "side?\"). It happens with self-referential models, where only remote_side tells "
		     "the parent from the children: the backref of a relationship without remote_side "
		     "is one-to-many too. It also happens when foreign_keys= sends the two sides of a "
		     "pair along different foreign keys.",
	.without_orm = "Without an ORM, both ends claim the same side holds the key, so one of the two "
		       "fields can never be filled from the join.",
	.bad_c = "struct Node {\n"
		 "    int id                  MG_COLUMN(primary_key=true);\n"
		 "    int parent_id           MG_FOREIGN_KEY(node.id, index=true);\n"
		 "    struct Node **children  MG_RELATIONSHIP(Node, backref=parent);\n"
		 "} MG_MODEL();",
	.good_c = "struct Node {\n"
		  "    int id                  MG_COLUMN(primary_key=true);\n"
		  "    int parent_id           MG_FOREIGN_KEY(node.id, index=true);\n"
		  "    struct Node *parent     MG_RELATIONSHIP(Node, remote_side=[id], backref=children);\n"
		  "} MG_MODEL();",
	.fix = "Make one side many-to-one: for a self-referential pair, give that side remote_side=[id] "
	       "and put the backref on it.",
	.check = check_same_direction_pair,
};

/* ---- rel-unlinked-inverse ---- */

static void check_unlinked_one(mg_rule_context *ctx, const mg_relationship *r)
{
	const mg_relationship *s = r->candidate_inverse;
	/* A read-only side needs no link (SQLAlchemy keeps viewonly ones out of
	 * backref events anyway). */
	if (!s || mg_name_order(r->path, s->path) > 0 || r->viewonly == MG_TRUE || s->viewonly == MG_TRUE)
		return;
	/* overlaps= naming the other says the two were kept apart on purpose. */
	if (mg_rel_overlaps_names(r, s->name) || mg_rel_overlaps_names(s, r->name))
		return;
	const char *rn = mg_rel_name(ctx, r);
	const char *sn = mg_rel_name(ctx, s);
	const char *way = r->secondary ? mg_rule_printf(ctx, "association table \"%s\"", r->secondary->name)
				       : mg_rel_fk_text(ctx, r->via);
	mg_finding *f = mg_report_relationship(ctx, r,
					       "relationships \"%s\" and \"%s\" walk %s in opposite directions but "
					       "are not linked; neither sees changes made through the other",
					       rn, sn, way);
	if (!f)
		return;
	mg_rel_related(ctx, s);
	mg_rel_set_fix(ctx, f, "add back_populates=%s to \"%s\" and back_populates=%s to \"%s\"", s->name,
		       rn, r->name, sn);
}

static void check_unlinked_inverse(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_unlinked_one);
}

const mg_rule mg_rule_rel_unlinked_inverse = {
	.id = "rel-unlinked-inverse",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "Two relationships walk the same join in opposite directions but are not linked.",
	.rationale = "User.posts and Post.author over post.user_id are one link seen from both ends. "
		     "Declared separately, SQLAlchemy treats them as two: appending to user.posts does "
		     "not set post.author, both write post.user_id at flush, and SQLAlchemy warns that "
		     "they conflict.",
	.without_orm = "Without an ORM, two fields describe one link from both ends without saying so; "
		       "code that sets one must remember to set the other.",
	.bad_c = "struct User {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts  MG_RELATIONSHIP(Post);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		 "    struct User *author  MG_RELATIONSHIP(User);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts  MG_RELATIONSHIP(Post, back_populates=author);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		  "    struct User *author  MG_RELATIONSHIP(User, back_populates=posts);\n"
		  "} MG_MODEL();",
	.fix = "Link the two with back_populates naming each other, or replace one by a backref= on the other.",
	.check = check_unlinked_inverse,
};
