/*
 * Rules on a relationship's shape once resolve has derived its direction:
 * one object or a collection (uselist, the C field's type, the uniqueness of
 * its foreign key), cascades that need a single parent, and pointer fields
 * to models that map to nothing.
 */

#include <stdio.h>
#include <string.h>

#include "analyzer/core/name_index.h"
#include "util/text.h"
#include "analyzer/lint/rules/relationships.h"

/* ---- c-unmapped-pointer ---- */

static void check_unmapped_pointer(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	mg_name_index *models = mg_name_index_new(false); /* struct tag -> model, exact */
	if (!models) {
		ctx->failed = 1;
		return;
	}
	for (size_t i = 0; i < g->ntables; i++) {
		mg_table *t = g->tables[i];
		if (t->kind == MG_TABLE_MODEL && t->struct_name && mg_name_index_put(models, t->struct_name, t) < 0)
			ctx->failed = 1;
		/* Single-table subclasses are models too, without a table of their own. */
		for (size_t k = 0; k < t->nsubclasses; k++)
			if (mg_name_index_put(models, t->subclasses[k]->name, t) < 0)
				ctx->failed = 1;
	}
	for (size_t i = 0; i < g->ntables && !ctx->failed; i++) {
		const mg_table *t = g->tables[i];
		for (size_t j = 0; j < t->nunmapped_fields; j++) {
			const mg_unmapped_field *u = t->unmapped_fields[j];
			if (!u->target || !mg_name_index_get(models, u->target))
				continue;
			const char *how = u->collection == MG_TRUE ? "holds a collection of"
					  : u->pointer		     ? "points to"
								     : "holds";
			mg_finding *f = mg_report(ctx, MG_OBJECT_RELATIONSHIP, u->path, u->location,
						  "field \"%s.%s\" %s model \"%s\" but has neither "
						  "MG_RELATIONSHIP nor MG_TRANSIENT, so it maps to nothing",
						  mg_rel_model_name(t), u->name, how, u->target);
			if (!u->pointer && u->collection != MG_TRUE)
				/* A model embedded by value: inheritance, but for its place. */
				mg_rel_set_fix(ctx, f,
					       "make it the first field to inherit from %s; else make it a "
					       "pointer with MG_RELATIONSHIP(%s, ...), or MG_TRANSIENT if it is not "
					       "persisted",
					       u->target, u->target);
			else
				mg_rel_set_fix(ctx, f,
					       "add MG_RELATIONSHIP(%s, ...) if it is a relationship, MG_TRANSIENT if "
					       "it is not persisted",
					       u->target);
		}
	}
	mg_name_index_free(models);
}

const mg_rule mg_rule_c_unmapped_pointer = {
	.id = "c-unmapped-pointer",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A field points to another model but is neither a relationship nor transient.",
	.rationale = "A pointer to a model reads like a relationship, but without MG_RELATIONSHIP "
		     "modelgraph (like SQLAlchemy without relationship()) maps nothing: no join is "
		     "checked, no diagram edge drawn. Say which it is: MG_RELATIONSHIP to map it, "
		     "MG_TRANSIENT for a pointer the application keeps for itself.",
	.without_orm = "Without an ORM, code generated from the model leaves the field NULL, and a "
		       "reader cannot tell whether it was meant to be stored.",
	.bad_c = "struct User {\n"
		 "    int id                  MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts     MG_RELATIONSHIP(Post, backref=author);\n"
		 "    struct Post *last_post;\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id                  MG_COLUMN(primary_key=true);\n"
		 "    int user_id             MG_FOREIGN_KEY(users.id, index=true);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id                  MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts     MG_RELATIONSHIP(Post, backref=author);\n"
		  "    struct Post *last_post  MG_TRANSIENT;\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id                  MG_COLUMN(primary_key=true);\n"
		  "    int user_id             MG_FOREIGN_KEY(users.id, index=true);\n"
		  "} MG_MODEL();",
	.fix = "Add MG_RELATIONSHIP(Target, ...) to map the field, or MG_TRANSIENT if it is not persisted.",
	.check = check_unmapped_pointer,
};

/* ---- rel-c-type-cardinality ---- */

static void check_c_type_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (r->c_collection == MG_UNSET || r->collection == MG_UNSET ||
	    r->c_collection == r->collection || !r->c_target || mg_rel_lacks_remote_side(r))
		return;
	char why[64] = "";
	const char *rn = mg_rel_name(ctx, r);
	if (r->uselist != MG_UNSET)
		snprintf(why, sizeof(why), " (uselist=%s)", r->uselist == MG_TRUE ? "true" : "false");
	const char *kind = mg_cardinality_name(r->kind);
	mg_finding *f;
	if (r->collection == MG_TRUE) {
		f = mg_report_relationship(ctx, r,
					   "relationship \"%s\" is %s%s, a collection, but its C field holds one "
					   "\"struct %s\"",
					   rn, kind, why, r->c_target);
		mg_rel_set_fix(ctx, f, "declare the field as \"struct %s **%s\"%s", r->c_target, r->name,
			       r->direction == MG_CARD_ONE_TO_MANY && r->uselist == MG_UNSET
				   ? ", or give uselist=false for a one-to-one"
				   : "");
	} else {
		f = mg_report_relationship(ctx, r,
					   "relationship \"%s\" is %s%s, one object, but its C field is a collection "
					   "of \"struct %s\"",
					   rn, kind, why, r->c_target);
		mg_rel_set_fix(ctx, f, "declare the field as \"struct %s *%s\"", r->c_target, r->name);
	}
}

static void check_c_type_cardinality(mg_rule_context *ctx)
{
	mg_rel_each(ctx, true, check_c_type_one);
}

const mg_rule mg_rule_rel_c_type_cardinality = {
	.id = "rel-c-type-cardinality",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "The C field's type (T * or T **) disagrees with the relationship's cardinality.",
	.rationale = "A `struct T *` field holds one object, a `struct T **` or array holds many. "
		     "SQLAlchemy decides from the foreign keys instead: a foreign key on the target "
		     "makes a collection unless uselist=false, one on the source makes a single "
		     "object. When the two disagree, the C code and the mapping describe different "
		     "models; usually a uselist=false is missing or the pointer has one star too many.",
	.without_orm = "Without an ORM, code fills the field from a join: a T * receiving many rows "
		       "keeps one and drops the rest, a T ** for one row is a list that never grows.",
	.bad_c = "struct User {\n"
		 "    int id                       MG_COLUMN(primary_key=true);\n"
		 "    struct UserProfile *profile  MG_RELATIONSHIP(UserProfile, backref=user);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct UserProfile {\n"
		 "    int id                       MG_COLUMN(primary_key=true);\n"
		 "    int user_id                  MG_FOREIGN_KEY(users.id, unique=true);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id                       MG_COLUMN(primary_key=true);\n"
		  "    struct UserProfile *profile  MG_RELATIONSHIP(UserProfile, uselist=false, backref=user);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct UserProfile {\n"
		  "    int id                       MG_COLUMN(primary_key=true);\n"
		  "    int user_id                  MG_FOREIGN_KEY(users.id, unique=true);\n"
		  "} MG_MODEL();",
	.fix = "Make the field `struct T **` for a collection and `struct T *` for one object, or set "
	       "uselist= to match the field.",
	.check = check_c_type_cardinality,
};

/* ---- rel-delete-orphan-on-many-side ---- */

static void check_delete_orphan_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (!r->cascade || r->single_parent == MG_TRUE || !mg_rel_cascade_has(r->cascade, "delete-orphan") ||
	    (r->direction != MG_CARD_MANY_TO_ONE && r->direction != MG_CARD_MANY_TO_MANY))
		return;
	const char *rn = mg_rel_name(ctx, r);
	mg_finding *f = mg_report_relationship(ctx, r,
					       "relationship \"%s\" is %s and cascades delete-orphan (cascade "
					       "\"%s\"); SQLAlchemy allows that on the many side only with "
					       "single_parent=true",
					       rn, mg_cardinality_name(r->direction), r->cascade);
	if (r->inverse && r->inverse->direction == MG_CARD_ONE_TO_MANY)
		mg_rel_set_fix(ctx, f, "move the cascade to the one-to-many side, \"%s.%s\", or add "
			       "single_parent=true",
			       mg_rel_model_name(r->target), r->inverse->name);
}

static void check_delete_orphan_on_many_side(mg_rule_context *ctx)
{
	mg_rel_each(ctx, false, check_delete_orphan_one); /* backrefs too: backref(…) gives them options */
}

const mg_rule mg_rule_rel_delete_orphan_on_many_side = {
	.id = "rel-delete-orphan-on-many-side",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "cascade delete-orphan on a many-to-one or many-to-many without single_parent.",
	.rationale = "delete-orphan deletes an object once its parent lets go of it, which only makes "
		     "sense when it has one parent: the one side of a one-to-many. On a many-to-one "
		     "(Post.author) the \"orphan\" is a user that other posts still reference. "
		     "SQLAlchemy refuses the mapping unless single_parent=true promises one parent "
		     "at a time.",
	.without_orm = "Without an ORM, the cascade tells code to delete an object when it leaves one "
		       "parent, while other parents still point at it.",
	.bad_c = "struct User {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		 "    struct User *author  MG_RELATIONSHIP(User, backref=posts, cascade=\"all, delete-orphan\");\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts  MG_RELATIONSHIP(Post, backref=author, cascade=\"all, delete-orphan\");\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		  "} MG_MODEL();",
	.fix = "Put delete-orphan on the one-to-many side, or add single_parent=true.",
	.check = check_delete_orphan_on_many_side,
};

/* ---- rel-unique-fk-collection ---- */

static void check_unique_collection_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (r->direction != MG_CARD_ONE_TO_MANY || r->collection != MG_TRUE || !r->via ||
	    !r->via->unique)
		return;
	const char *fk = mg_rel_fk_text(ctx, r->via);
	const char *rn = mg_rel_name(ctx, r);
	mg_finding *f;
	if (r->from_backref) {
		f = mg_report_relationship(ctx, r,
					   "backref \"%s\" of \"%s\" is a collection, but %s is unique: it holds at "
					   "most one \"%s\"",
					   rn, mg_rel_name(ctx, r->inverse), fk,
					   mg_rel_model_name(r->target));
		mg_rel_set_fix(ctx, f,
			       "declare \"%s\" on \"%s\" with uselist=false and link the two with "
			       "back_populates",
			       r->name, mg_rel_model_name(r->source));
	} else {
		f = mg_report_relationship(ctx, r,
					   "relationship \"%s\" is a collection, but %s is unique: it holds at most "
					   "one \"%s\"",
					   rn, fk, mg_rel_model_name(r->target));
		mg_rel_set_fix(ctx, f, "make it one-to-one: uselist=false and \"struct %s *%s\"",
			       mg_rel_model_name(r->target), r->name);
	}
}

static void check_unique_fk_collection(mg_rule_context *ctx)
{
	mg_rel_each(ctx, false, check_unique_collection_one);
}

const mg_rule mg_rule_rel_unique_fk_collection = {
	.id = "rel-unique-fk-collection",
	.severity = MG_SEVERITY_NOTE,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A one-to-many collection over a unique foreign key, which holds one object at most.",
	.rationale = "When the foreign key's columns are unique, each parent has at most one child: "
		     "the relationship is one-to-one in fact. uselist=false says so, gives a scalar "
		     "attribute instead of a list of one, and makes the diagrams draw it one-to-one.",
	.without_orm = "Without an ORM, the collection can hold one element at most: a T ** that never "
		       "grows past one is a T *.",
	.bad_c = "struct User {\n"
		 "    int id                        MG_COLUMN(primary_key=true);\n"
		 "    struct UserProfile **profile  MG_RELATIONSHIP(UserProfile, backref=user);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct UserProfile {\n"
		 "    int id                        MG_COLUMN(primary_key=true);\n"
		 "    int user_id                   MG_FOREIGN_KEY(users.id, unique=true);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id                        MG_COLUMN(primary_key=true);\n"
		  "    struct UserProfile *profile   MG_RELATIONSHIP(UserProfile, uselist=false, backref=user);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct UserProfile {\n"
		  "    int id                        MG_COLUMN(primary_key=true);\n"
		  "    int user_id                   MG_FOREIGN_KEY(users.id, unique=true);\n"
		  "} MG_MODEL();",
	.fix = "Give the relationship uselist=false (and a `struct T *` field), or drop the unique "
	       "constraint if several are meant.",
	.check = check_unique_fk_collection,
};

/* ---- rel-uselist-false-not-unique ---- */

static void check_not_unique_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (r->direction != MG_CARD_ONE_TO_MANY || r->collection != MG_FALSE || !r->via ||
	    r->via->unique || mg_rel_lacks_remote_side(r))
		return;
	mg_finding *f = mg_report_relationship(ctx, r,
					       "relationship \"%s\" is one-to-one (uselist=false), but %s is not "
					       "unique: one \"%s\" can have several \"%s\" rows",
					       mg_rel_name(ctx, r), mg_rel_fk_text(ctx, r->via),
					       mg_rel_model_name(r->source), mg_rel_model_name(r->target));
	if (r->via->ncolumns == 1)
		mg_rel_set_fix(ctx, f, "make \"%s\".\"%s\" unique: unique=true on its MG_FOREIGN_KEY",
			       r->via->child->name, r->via->columns[0]->name);
}

static void check_uselist_false_not_unique(mg_rule_context *ctx)
{
	mg_rel_each(ctx, false, check_not_unique_one); /* backrefs too: backref(…) gives them options */
}

const mg_rule mg_rule_rel_uselist_false_not_unique = {
	.id = "rel-uselist-false-not-unique",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A one-to-one (uselist=false) whose foreign key columns are not unique.",
	.rationale = "uselist=false promises one related row, but only a unique constraint keeps the "
		     "database to it. Without one, a second profile for the same user can be inserted; "
		     "SQLAlchemy then loads one of them at random and warns (\"Multiple rows returned "
		     "with uselist=False\").",
	.without_orm = "Without an ORM, the database lets the link repeat, so the query for the single "
		       "object can return several rows and the code keeps one of them.",
	.bad_c = "struct User {\n"
		 "    int id                       MG_COLUMN(primary_key=true);\n"
		 "    struct UserProfile *profile  MG_RELATIONSHIP(UserProfile, uselist=false, backref=user);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct UserProfile {\n"
		 "    int id                       MG_COLUMN(primary_key=true);\n"
		 "    int user_id                  MG_FOREIGN_KEY(users.id, index=true);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id                       MG_COLUMN(primary_key=true);\n"
		  "    struct UserProfile *profile  MG_RELATIONSHIP(UserProfile, uselist=false, backref=user);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct UserProfile {\n"
		  "    int id                       MG_COLUMN(primary_key=true);\n"
		  "    int user_id                  MG_FOREIGN_KEY(users.id, unique=true);\n"
		  "} MG_MODEL();",
	.fix = "Make the foreign key columns unique (unique=true), or drop uselist=false for a collection.",
	.check = check_uselist_false_not_unique,
};

/* ---- rel-uselist-false-with-secondary ---- */

/* A scalar through an association table is sound when the table's key to
 * the source is unique: each source row is linked once, so at most one
 * target loads (a one-to-many kept in a link table, as SQLAlchemy's own
 * tests map it). */
static void check_with_secondary_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (!r->secondary || r->uselist != MG_FALSE || (r->via && r->via->unique))
		return;
	mg_report_relationship(ctx, r,
			       "relationship \"%s\" goes through secondary \"%s\" but has uselist=false: a "
			       "many-to-many that loads one of possibly many rows",
			       mg_rel_name(ctx, r), r->secondary->name);
}

static void check_uselist_false_with_secondary(mg_rule_context *ctx)
{
	mg_rel_each(ctx, false, check_with_secondary_one); /* backrefs too: backref(…) gives them options */
}

const mg_rule mg_rule_rel_uselist_false_with_secondary = {
	.id = "rel-uselist-false-with-secondary",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A relationship through a secondary table has uselist=false.",
	.rationale = "An association table can link a row to any number of others, so a scalar "
		     "many-to-many loads one of them and silently ignores the rest (SQLAlchemy warns "
		     "\"Multiple rows returned with uselist=False\"). A single related object wants a "
		     "foreign key on the source instead; a set of them wants a collection.",
	.without_orm = "Without an ORM, a link table can join many rows, and a single-object field "
		       "silently drops all but one.",
	.bad_c = "struct Song {\n"
		 "    int id                      MG_COLUMN(primary_key=true);\n"
		 "    struct Playlist *playlist   MG_RELATIONSHIP(Playlist, secondary=playlist_songs, uselist=false, backref=songs);\n"
		 "} MG_MODEL();\n"
		 "\n"
		 "struct Playlist {\n"
		 "    int id                      MG_COLUMN(primary_key=true);\n"
		 "} MG_MODEL();\n"
		 "\n"
		 "struct PlaylistSong {\n"
		 "    int song_id                 MG_FOREIGN_KEY(song.id);\n"
		 "    int playlist_id             MG_FOREIGN_KEY(playlist.id, index=true);\n"
		 "} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);",
	.good_c = "struct Song {\n"
		  "    int id                      MG_COLUMN(primary_key=true);\n"
		  "    struct Playlist **playlists MG_RELATIONSHIP(Playlist, secondary=playlist_songs, backref=songs);\n"
		  "} MG_MODEL();\n"
		  "\n"
		  "struct Playlist {\n"
		  "    int id                      MG_COLUMN(primary_key=true);\n"
		  "} MG_MODEL();\n"
		  "\n"
		  "struct PlaylistSong {\n"
		  "    int song_id                 MG_FOREIGN_KEY(song.id);\n"
		  "    int playlist_id             MG_FOREIGN_KEY(playlist.id, index=true);\n"
		  "} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);",
	.fix = "Make it a collection, or replace the association table by a foreign key on the source "
	       "for a many-to-one.",
	.check = check_uselist_false_with_secondary,
};
