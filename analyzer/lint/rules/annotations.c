/*
 * Rules on the annotations of C models. The reader records each mistake in
 * graph->annotation_problems (a wrong option is left out and its default
 * applies); these rules report them, so a typo is a finding with a
 * position and a suggestion, not an input that cannot be read.
 */

#include "analyzer/lint/lint.h"
#include "analyzer/lint/rules/relationships.h"

static mg_object_kind object_of(mg_annotation_subject subject)
{
	switch (subject) {
	case MG_SUBJECT_TABLE:
		return MG_OBJECT_TABLE;
	case MG_SUBJECT_COLUMN:
		return MG_OBJECT_COLUMN;
	case MG_SUBJECT_RELATIONSHIP:
		return MG_OBJECT_RELATIONSHIP;
	}
	return MG_OBJECT_TABLE;
}

static void report_problems(mg_rule_context *ctx, mg_annotation_problem_kind kind)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->nannotation_problems; i++) {
		const mg_annotation_problem *p = &g->annotation_problems[i];
		if (p->kind != kind)
			continue;
		mg_finding *f = mg_report(ctx, object_of(p->subject), p->path, p->location, "%s", p->message);
		if (f && p->suggestion) {
			f->fix = p->text ? mg_arena_printf(ctx->findings->arena, "Write \"%s\" instead of \"%s\".",
							   p->suggestion, p->text)
					 : mg_arena_printf(ctx->findings->arena, "Write \"%s\".", p->suggestion);
			if (!f->fix)
				ctx->failed = 1;
		}
	}
}

/* ---- annotation-invalid-value ---- */

static void check_invalid_value(mg_rule_context *ctx)
{
	report_problems(ctx, MG_ANNOTATION_PROBLEM_INVALID_VALUE);
	mg_rel_check_join_columns(ctx);
}

const mg_rule mg_rule_annotation_invalid_value = {
	.id = "annotation-invalid-value",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "An annotation option has a value of the wrong kind, none, or names no column.",
	.rationale = "modelgraph leaves a wrong value out and applies the default, so the model it "
		     "checks is not the one you meant: ondelete=CASCDE declares no action at all, and "
		     "a key over a misspelt column covers nothing.",
	.bad_c = "struct Post {\n"
		   "    int id       MG_COLUMN(primary_key=yes);\n"
		   "    int user_id  MG_FOREIGN_KEY(users.id, ondelete=CASCDE);\n"
		   "} MG_MODEL();",
	.good_c = "struct Post {\n"
		    "    int id       MG_COLUMN(primary_key=true);\n"
		    "    int user_id  MG_FOREIGN_KEY(users.id, ondelete=CASCADE);\n"
		    "} MG_MODEL();",
	.fix = "Give the value the option expects (see docs/annotations.md), or the suggested one.",
	.check = check_invalid_value,
};

/* ---- annotation-syntax ---- */

static void check_syntax(mg_rule_context *ctx)
{
	report_problems(ctx, MG_ANNOTATION_PROBLEM_SYNTAX);
}

const mg_rule mg_rule_annotation_syntax = {
	.id = "annotation-syntax",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "An annotation cannot be read as written, or is in a place where it means nothing.",
	.rationale = "Unbalanced quotes or brackets, empty options, a missing or extra value, an "
		     "option given twice, a field macro after a struct (or the reverse), or annotated "
		     "fields in a struct that is neither MG_MODEL nor MG_TABLE: modelgraph skips what it "
		     "cannot place, so part of the model goes unchecked.",
	.bad_c = "struct Song {\n"
		   "    int id  MG_COLUMN(primary_key,, comment=\"the key\");\n"
		   "    struct Playlist **playlists MG_RELATIONSHIP(secondary=playlist_songs);\n"
		   "};",
	.good_c = "struct Song {\n"
		    "    int id  MG_COLUMN(primary_key, comment=\"the key\");\n"
		    "    struct Playlist **playlists MG_RELATIONSHIP(Playlist, secondary=playlist_songs);\n"
		    "} MG_MODEL();",
	.fix = "Write the annotation as docs/annotations.md shows: required values first, then "
	       "key=value options, struct macros after the closing brace, field macros after the field.",
	.check = check_syntax,
};

/* ---- annotation-unknown-option ---- */

static void check_unknown_option(mg_rule_context *ctx)
{
	report_problems(ctx, MG_ANNOTATION_PROBLEM_UNKNOWN_OPTION);
}

const mg_rule mg_rule_annotation_unknown_option = {
	.id = "annotation-unknown-option",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "An annotation names an option its macro does not have.",
	.rationale = "A misspelt option is ignored: MG_RELATIONSHIP(Profile, backred=user) creates "
		     "no inverse relationship, and nothing else would tell you. The option names are "
		     "Flask-SQLAlchemy's.",
	.bad_c = "struct User {\n"
		   "    int id MG_COLUMN(primary_key=true);\n"
		   "    struct UserProfile *profile MG_RELATIONSHIP(UserProfile, uselist=false, backred=user);\n"
		   "} MG_MODEL(tablename=users);",
	.good_c = "struct User {\n"
		    "    int id MG_COLUMN(primary_key=true);\n"
		    "    struct UserProfile *profile MG_RELATIONSHIP(UserProfile, uselist=false, backref=user);\n"
		    "} MG_MODEL(tablename=users);",
	.fix = "Use the suggested option name, or one the macro lists in docs/annotations.md.",
	.check = check_unknown_option,
};
