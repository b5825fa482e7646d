/*
 * Relationship rules on options that contradict the relationship's shape:
 * a many-to-one declared as a list, a dynamic loader on a scalar, a
 * delete-orphan cascade without delete, and attribute names that the
 * declarative base keeps for itself. SQLAlchemy refuses or warns about each,
 * and the first loses data without a word.
 */
#include <string.h>

#include "analyzer/lint/rules/relationships.h"

/* ---- rel-many-to-one-as-list ---- */

static void check_many_to_one_list_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (r->direction != MG_CARD_MANY_TO_ONE || r->uselist != MG_TRUE)
		return;
	mg_finding *f = mg_report_relationship(
		ctx, r,
		"relationship \"%s\" is many-to-one (the foreign key %s is on its own table) but "
		"uselist=true makes it a list: assigning several \"%s\" stores the key of the last one "
		"only, and the others are lost without an error",
		mg_rel_name(ctx, r), r->via ? mg_rel_fk_text(ctx, r->via) : "", mg_rel_model_name(r->target));
	mg_rel_set_fix(ctx, f,
		       "drop uselist=true from \"%s\" and make the field a `struct %s *`; for a list, "
		       "declare the relationship on \"%s\" instead",
		       mg_rel_name(ctx, r), mg_rel_model_name(r->target), mg_rel_model_name(r->target));
}

static void check_many_to_one_as_list(mg_rule_context *ctx)
{
	mg_rel_each(ctx, true, check_many_to_one_list_one);
}

const mg_rule mg_rule_rel_many_to_one_as_list = {
	.id = "rel-many-to-one-as-list",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A many-to-one relationship is declared uselist=true, a list.",
	.rationale = "A many-to-one holds one foreign key value: each row refers to one parent. "
		     "SQLAlchemy configures uselist=true on it without a word, and when code assigns "
		     "a list it writes the key of the last element only; the rest are silently lost. "
		     "It happens most with self-references (remote_side=[id], uselist=true), where a "
		     "parent was meant but children were written.",
	.bad_c = "struct Node {\n"
		 "    int id                 MG_COLUMN(primary_key=true);\n"
		 "    int parent_id          MG_FOREIGN_KEY(node.id, index=true);\n"
		 "    struct Node **parent   MG_RELATIONSHIP(Node, remote_side=[id], uselist=true,\n"
		 "                                           backref=children);\n"
		 "} MG_MODEL();",
	.good_c = "struct Node {\n"
		  "    int id                 MG_COLUMN(primary_key=true);\n"
		  "    int parent_id          MG_FOREIGN_KEY(node.id, index=true);\n"
		  "    struct Node *parent    MG_RELATIONSHIP(Node, remote_side=[id], backref=children);\n"
		  "} MG_MODEL();",
	.fix = "Drop uselist=true and make the field a pointer to one object; a list of them is "
	       "the relationship on the other side.",
	.without_orm = "Without an ORM, the row holds one key to one parent: a field typed as a list "
		       "promises what the table cannot store, and the diagrams and docs draw the "
		       "link the wrong way round.",
	.check = check_many_to_one_as_list,
};

/* ---- rel-dynamic-scalar ---- */

static void check_dynamic_scalar_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (!r->lazy || strcmp(r->lazy, "dynamic") != 0 ||
	    (r->direction != MG_CARD_MANY_TO_ONE && r->collection != MG_FALSE))
		return;
	mg_finding *f = mg_report_relationship(ctx, r,
					       "relationship \"%s\" has lazy=dynamic but holds one object (%s); "
					       "SQLAlchemy refuses a dynamic loader on a scalar "
					       "(InvalidRequestError)",
					       mg_rel_name(ctx, r),
					       r->direction == MG_CARD_MANY_TO_ONE ? "many-to-one" : "uselist=false");
	mg_rel_set_fix(ctx, f, "use lazy=select (or joined) on \"%s\"; dynamic is for collections",
		       mg_rel_name(ctx, r));
}

static void check_dynamic_scalar(mg_rule_context *ctx)
{
	mg_rel_each(ctx, false, check_dynamic_scalar_one); /* backrefs too: backref(…) gives them options */
}

const mg_rule mg_rule_rel_dynamic_scalar = {
	.id = "rel-dynamic-scalar",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "lazy=dynamic on a relationship that holds one object.",
	.rationale = "A dynamic loader returns a query in place of a collection, to filter or page "
		     "through many rows. On a many-to-one or a uselist=false relationship there is one "
		     "object at most, and SQLAlchemy refuses the mapping (\"dynamic loaders cannot be "
		     "used with many-to-one/one-to-one relationships and/or uselist=False\").",
	.bad_c = "struct User {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts  MG_RELATIONSHIP(Post, back_populates=author, lazy=dynamic);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		 "    struct User *author  MG_RELATIONSHIP(User, back_populates=posts, lazy=dynamic);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts  MG_RELATIONSHIP(Post, back_populates=author, lazy=dynamic);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		  "    struct User *author  MG_RELATIONSHIP(User, back_populates=posts, lazy=joined);\n"
		  "} MG_MODEL();",
	.fix = "Use lazy=select or joined on the scalar side; keep dynamic for the collection.",
	.without_orm = "Without an ORM, a loader strategy means nothing to the schema; the annotation "
		       "still contradicts the relationship's shape, one object read as a query of many.",
	.check = check_dynamic_scalar,
};

/* ---- rel-delete-orphan-without-delete ---- */

static void check_orphan_without_delete_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (!r->cascade || !mg_rel_cascade_has(r->cascade, "delete-orphan") ||
	    mg_rel_cascade_has(r->cascade, "delete") || mg_rel_cascade_has(r->cascade, "all"))
		return;
	mg_finding *f = mg_report_relationship(ctx, r,
					       "relationship \"%s\" cascades delete-orphan without delete "
					       "(cascade \"%s\"): removing a \"%s\" from it deletes the row, "
					       "deleting its parent does not (SQLAlchemy warns)",
					       mg_rel_name(ctx, r), r->cascade, mg_rel_model_name(r->target));
	mg_rel_set_fix(ctx, f, "write cascade=\"all, delete-orphan\" (or add delete) on \"%s\"",
		       mg_rel_name(ctx, r));
}

static void check_orphan_without_delete(mg_rule_context *ctx)
{
	mg_rel_each(ctx, false, check_orphan_without_delete_one); /* backrefs too: backref(…) gives them options */
}

const mg_rule mg_rule_rel_delete_orphan_without_delete = {
	.id = "rel-delete-orphan-without-delete",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "cascade has delete-orphan but not delete.",
	.rationale = "delete-orphan deletes a child once it leaves its parent's collection; without "
		     "delete, deleting the parent itself leaves its children behind with their key "
		     "set to NULL, the opposite of what delete-orphan says about them. SQLAlchemy "
		     "warns that \"the 'delete-orphan' cascade option requires 'delete'\".",
	.bad_c = "struct User {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts  MG_RELATIONSHIP(Post, backref=author,\n"
		 "                                         cascade=\"save-update, delete-orphan\");\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts  MG_RELATIONSHIP(Post, backref=author,\n"
		  "                                         cascade=\"all, delete-orphan\");\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		  "} MG_MODEL();",
	.fix = "Cascade delete as well: cascade=\"all, delete-orphan\".",
	.without_orm = "Without an ORM, the cascade options record what the application does with "
		       "children; this pair says children vanish when unlinked but outlive their "
		       "deleted parent, which is rarely what the code does.",
	.check = check_orphan_without_delete,
};

/* ---- name-reserved-attribute ---- */

/* Names a model's attributes may not take: each rule's list, and what
 * taking one does (the end of its message). */
typedef struct reserved_names {
	const char *const *names;
	size_t count;
	const char *keeper;      /* who keeps the names: "SQLAlchemy's declarative base" */
	const char *consequence; /* "(InvalidRequestError)" */
} reserved_names;

static bool is_reserved(const reserved_names *reserved, const char *name)
{
	for (size_t i = 0; i < reserved->count; i++)
		if (strcmp(name, reserved->names[i]) == 0)
			return true;
	return false;
}

static void report_reserved(mg_rule_context *ctx, const reserved_names *reserved)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables && !ctx->failed; i++) {
		const mg_table *t = g->tables[i];
		if (t->kind != MG_TABLE_MODEL)
			continue;
		for (size_t j = 0; j < t->ncolumns; j++) {
			const mg_column *c = t->columns[j];
			const char *attribute = c->attribute ? c->attribute : c->name;
			if (!is_reserved(reserved, attribute))
				continue;
			mg_finding *f = mg_report_column(ctx, c,
							 "model \"%s\" has a column attribute \"%s\", a name "
							 "%s keeps for itself %s",
							 mg_rel_model_name(t), attribute, reserved->keeper,
							 reserved->consequence);
			mg_rel_set_fix(ctx, f,
				       "rename the field, and keep the column's name with MG_COLUMN(name=%s)",
				       c->name);
		}
		for (size_t j = 0; j < t->nrelationships; j++) {
			const mg_relationship *r = t->relationships[j];
			if (r->derived || !is_reserved(reserved, r->name))
				continue;
			mg_finding *f = mg_report_relationship(
				ctx, r, "relationship \"%s\" %s an attribute \"%s\" on \"%s\", a name %s keeps for "
				"itself %s",
				mg_rel_name(ctx, r), r->from_backref ? "is a backref that makes" : "is",
				r->name, mg_rel_model_name(t), reserved->keeper, reserved->consequence);
			mg_rel_set_fix(ctx, f, "name the %s something else", r->from_backref ? "backref" : "field");
		}
	}
}

/* Names SQLAlchemy's declarative base keeps on every mapped class. */
static const char *const declarative_names[] = {"metadata", "registry"};

static void check_reserved_attribute(mg_rule_context *ctx)
{
	static const reserved_names reserved = {
		.names = declarative_names, .count = 2, .keeper = "SQLAlchemy's declarative base",
		.consequence = "(InvalidRequestError)",
	};
	report_reserved(ctx, &reserved);
}

const mg_rule mg_rule_name_reserved_attribute = {
	.id = "name-reserved-attribute",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A model attribute is named metadata or registry, which the declarative base keeps.",
	.rationale = "Every mapped class has `metadata` (its tables) and `registry` (its mappers) "
		     "from the declarative base; SQLAlchemy refuses a column or relationship of either "
		     "name (\"Attribute name 'metadata' is reserved when using the Declarative API\"). "
		     "A backref of that name is the same attribute on its target.",
	.bad_c = "struct Document {\n"
		 "    int id                MG_COLUMN(primary_key=true);\n"
		 "    char metadata[201];\n"
		 "} MG_MODEL();",
	.good_c = "struct Document {\n"
		  "    int id                MG_COLUMN(primary_key=true);\n"
		  "    char meta[201]        MG_COLUMN(name=metadata);\n"
		  "} MG_MODEL();",
	.fix = "Rename the attribute; a column keeps its name in the table with MG_COLUMN(name=...).",
	.without_orm = "Without an ORM, nothing reserves these names in C; the finding matters when the "
		       "same models are also mapped with SQLAlchemy's declarative API.",
	.check = check_reserved_attribute,
};

/* ---- name-shadows-flask-query ---- */

/* What Flask-SQLAlchemy's db.Model puts on every model class. */
static const char *const flask_names[] = {"query", "query_class"};

static void check_shadows_flask_query(mg_rule_context *ctx)
{
	static const reserved_names reserved = {
		.names = flask_names, .count = 2, .keeper = "Flask-SQLAlchemy's db.Model",
		.consequence = "(Model.query): the attribute silently replaces it",
	};
	report_reserved(ctx, &reserved);
}

const mg_rule mg_rule_name_shadows_flask_query = {
	.id = "name-shadows-flask-query",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A model attribute is named query or query_class, which Flask-SQLAlchemy's "
		   "db.Model keeps.",
	.rationale = "Flask-SQLAlchemy gives every model `Model.query` (a query of its rows) and "
		     "builds it from `query_class`. A column or relationship of either name replaces "
		     "them without an error or a warning: `SavedFilter.query.filter_by(...)` then fails "
		     "at run time on the column (\"has no attribute 'filter_by'\"), in every view that "
		     "uses the shortcut. Plain SQLAlchemy keeps neither name.",
	.bad_c = "struct SavedFilter {\n"
		 "    int id                MG_COLUMN(primary_key=true);\n"
		 "    char *query           MG_COLUMN(nullable=false);\n"
		 "} MG_MODEL();",
	.good_c = "struct SavedFilter {\n"
		  "    int id                MG_COLUMN(primary_key=true);\n"
		  "    char *expression      MG_COLUMN(name=query, nullable=false);\n"
		  "} MG_MODEL();",
	.fix = "Rename the attribute; a column keeps its name in the table with MG_COLUMN(name=...).",
	.without_orm = "Without an ORM, nothing reserves these names in C; the finding matters when "
		       "the same models are mapped with Flask-SQLAlchemy's db.Model.",
	.check = check_shadows_flask_query,
};

/* ---- rel-remote-side-unknown ---- */

static void check_remote_side_unknown_one(mg_rule_context *ctx, const mg_relationship *r)
{
	for (size_t i = 0; i < r->nremote_side; i++) {
		if (r->remote_side_columns[i])
			continue;
		mg_finding *f = mg_report_relationship(ctx, r,
						       "relationship \"%s\" has remote_side \"%s\", which names no "
						       "column of \"%s\" (SQLAlchemy: \"does not have a mapped "
						       "column\")",
						       mg_rel_name(ctx, r), r->remote_side[i], r->source->name);
		if (r->source == r->target && r->via && r->via->ncolumns == 1)
			mg_rel_set_fix(ctx, f,
				       "name a column of \"%s\": remote_side=[%s] for the many-to-one, "
				       "remote_side=[%s] for the one-to-many",
				       r->source->name,
				       r->via->parent_columns[0] ? r->via->parent_columns[0]->name : "id",
				       r->via->columns[0]->name);
		return;
	}
}

static void check_remote_side_unknown(mg_rule_context *ctx)
{
	mg_rel_each(ctx, false, check_remote_side_unknown_one); /* backrefs too: backref(…) gives them options */
}

const mg_rule mg_rule_rel_remote_side_unknown = {
	.id = "rel-remote-side-unknown",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "remote_side names a column the model does not have.",
	.rationale = "remote_side says which columns of the join are on the far side, to tell a "
		     "self-referential many-to-one from its one-to-many. A name that is no column "
		     "cannot say it, and SQLAlchemy refuses the mapping (\"does not have a mapped "
		     "column\").",
	.bad_c = "struct Node {\n"
		 "    int id                 MG_COLUMN(primary_key=true);\n"
		 "    int parent_id          MG_FOREIGN_KEY(node.id, index=true);\n"
		 "    struct Node *parent    MG_RELATIONSHIP(Node, remote_side=[ident], backref=children);\n"
		 "} MG_MODEL();",
	.good_c = "struct Node {\n"
		  "    int id                 MG_COLUMN(primary_key=true);\n"
		  "    int parent_id          MG_FOREIGN_KEY(node.id, index=true);\n"
		  "    struct Node *parent    MG_RELATIONSHIP(Node, remote_side=[id], backref=children);\n"
		  "} MG_MODEL();",
	.fix = "Name a column of the model: the referenced key for a many-to-one.",
	.without_orm = "Without an ORM, remote_side tells the diagrams and docs which end of a "
		       "self-reference is the parent; a name that is no column leaves that unsaid.",
	.check = check_remote_side_unknown,
};
