/*
 * Rules on the attribute names relationships take and name: a backref that
 * replaces an attribute the class has (MG_TRANSIENT), an association proxy
 * through a relationship or to an attribute that does not exist, a keyed
 * collection keyed by one that does not.
 */
#include "analyzer/lint/rules/relationships.h"

#include <stdlib.h>
#include <string.h>

#include "analyzer/core/suggest.h"

static const char *column_attribute(const mg_column *c)
{
	return c->attribute ? c->attribute : c->name;
}

static const mg_transient_field *transient_named(const mg_table *t, const char *name)
{
	for (size_t i = 0; i < t->ntransient_fields; i++)
		if (strcmp(t->transient_fields[i]->name, name) == 0)
			return t->transient_fields[i];
	return NULL;
}

/* Whether the class of `t` has an attribute `name`: a column, a
 * relationship (backrefs too), or an unmapped field. Exact case. */
static bool has_attribute(const mg_table *t, const char *name)
{
	for (size_t i = 0; i < t->ncolumns; i++)
		if (strcmp(column_attribute(t->columns[i]), name) == 0)
			return true;
	return mg_table_relationship_named(t, name) || transient_named(t, name);
}

/* The attribute of `t` nearest to `name`, for did-you-mean; NULL when none
 * is near. relationships_only: only relationship names. */
static const char *nearest_attribute(mg_rule_context *ctx, const mg_table *t, const char *name,
				     bool relationships_only)
{
	size_t n = t->nrelationships + (relationships_only ? 0 : t->ncolumns + t->ntransient_fields);
	const char **names = malloc((n ? n : 1) * sizeof(*names));
	if (!names) {
		ctx->failed = 1;
		return NULL;
	}
	size_t k = 0;
	for (size_t i = 0; i < t->nrelationships; i++)
		names[k++] = t->relationships[i]->name;
	for (size_t i = 0; !relationships_only && i < t->ncolumns; i++)
		names[k++] = column_attribute(t->columns[i]);
	for (size_t i = 0; !relationships_only && i < t->ntransient_fields; i++)
		names[k++] = t->transient_fields[i]->name;
	const char *found = mg_suggest_nearest(name, strlen(name), names, k);
	free(names);
	return found;
}

/* ---- rel-backref-shadows-transient ---- */

static void check_shadows_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (!r->from_backref || !r->inverse)
		return;
	const mg_transient_field *t = transient_named(r->source, r->name);
	if (!t)
		return;
	mg_finding *f = mg_report_relationship(
		ctx, r,
		"backref \"%s\" of \"%s\" has the name of the field \"%s\" of \"%s\", which %s; SQLAlchemy "
		"puts the backref in its place without a word",
		r->name, mg_rel_name(ctx, r->inverse), t->name, mg_rel_model_name(r->source),
		t->proxy_relationship ? "is an association proxy" : "MG_TRANSIENT keeps as a plain attribute");
	mg_report_related(ctx, MG_OBJECT_RELATIONSHIP, t->path, t->location,
			  mg_rule_printf(ctx, "field \"%s\" is declared here", t->name));
	mg_rel_set_fix(ctx, f, "name the backref of \"%s\" something else, or rename the field \"%s\"",
		       mg_rel_name(ctx, r->inverse), t->name);
}

static void check_shadows(mg_rule_context *ctx)
{
	mg_rel_each(ctx, false, check_shadows_one);
}

const mg_rule mg_rule_rel_backref_shadows_transient = {
	.id = "rel-backref-shadows-transient",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A backref takes the name of an attribute the target class has but does not map.",
	.rationale = "backref= adds an attribute to the target class when the mappers are "
		     "configured. SQLAlchemy refuses a name a mapped attribute has (rel-backref-conflict), "
		     "but a plain attribute, a property or an association proxy (MG_TRANSIENT, "
		     "MG_ASSOCIATION_PROXY) is silently replaced: code reading it then gets the "
		     "related objects instead.",
	.bad_c = "struct User {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts  MG_RELATIONSHIP(Post, backref=author);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		 "    const char *author   MG_TRANSIENT; /* the display name, computed */\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts  MG_RELATIONSHIP(Post, backref=writer);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		  "    const char *author   MG_TRANSIENT; /* the display name, computed */\n"
		  "} MG_MODEL();",
	.fix = "Give the backref another name, or rename the unmapped field.",
	.without_orm = "Without an ORM, the two fields still claim one name on the class.",
	.check = check_shadows,
};

/* ---- rel-association-proxy-unknown ---- */

static void check_proxy(mg_rule_context *ctx, const mg_table *t, const mg_transient_field *p)
{
	const char *model = mg_rel_model_name(t);
	const mg_relationship *r = mg_table_relationship_named(t, p->proxy_relationship);
	mg_finding *f;
	if (!r) {
		const char *near = nearest_attribute(ctx, t, p->proxy_relationship, true);
		f = mg_report(ctx, MG_OBJECT_RELATIONSHIP, p->path, p->location,
			      "association proxy \"%s.%s\" goes through \"%s\", which is no relationship of "
			      "\"%s\": reading it raises InvalidRequestError%s%s%s",
			      model, p->name, p->proxy_relationship, model, near ? "; did you mean \"" : "",
			      near ? near : "", near ? "\"?" : "");
		if (near)
			mg_rel_set_fix(ctx, f, "write MG_ASSOCIATION_PROXY(%s, %s)", near, p->proxy_attribute);
		else
			mg_rel_set_fix(ctx, f, "name a relationship of \"%s\" first in MG_ASSOCIATION_PROXY",
				       model);
		return;
	}
	if (!r->target || has_attribute(r->target, p->proxy_attribute))
		return;
	const char *target = mg_rel_model_name(r->target);
	const char *near = nearest_attribute(ctx, r->target, p->proxy_attribute, false);
	f = mg_report(ctx, MG_OBJECT_RELATIONSHIP, p->path, p->location,
		      "association proxy \"%s.%s\" reads \"%s\" of the \"%s\" objects of \"%s\", which "
		      "have no such attribute: reading it fails with AttributeError on the first object%s%s%s",
		      model, p->name, p->proxy_attribute, target, mg_rel_name(ctx, r),
		      near ? "; did you mean \"" : "", near ? near : "", near ? "\"?" : "");
	if (near)
		mg_rel_set_fix(ctx, f, "write MG_ASSOCIATION_PROXY(%s, %s)", p->proxy_relationship, near);
	else
		mg_rel_set_fix(ctx, f, "name an attribute of \"%s\" second in MG_ASSOCIATION_PROXY", target);
}

static void check_proxies(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables && !ctx->failed; i++) {
		const mg_table *t = g->tables[i];
		for (size_t j = 0; j < t->ntransient_fields; j++)
			if (t->transient_fields[j]->proxy_relationship)
				check_proxy(ctx, t, t->transient_fields[j]);
	}
}

const mg_rule mg_rule_rel_association_proxy_unknown = {
	.id = "rel-association-proxy-unknown",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "An association proxy names a relationship, or an attribute of its target, that "
		   "does not exist.",
	.rationale = "association_proxy(\"post_tags\", \"tag\") reads the attribute tag of each "
		     "object the relationship post_tags holds. SQLAlchemy looks both names up only "
		     "when the proxy is read, so a misspelt one passes start-up, and then every read "
		     "fails: InvalidRequestError for the relationship (\"has no property\"), "
		     "AttributeError for the attribute.",
	.bad_c = "struct PostTag;\n"
		 "\n"
		 "struct Post {\n"
		 "    int id                     MG_COLUMN(primary_key=true);\n"
		 "    struct PostTag **post_tags MG_RELATIONSHIP(PostTag, backref=post);\n"
		 "    char **tags                MG_ASSOCIATION_PROXY(post_tags, tags);\n"
		 "} MG_MODEL();\n"
		 "\n"
		 "struct PostTag {\n"
		 "    int post_id                MG_FOREIGN_KEY(post.id, primary_key=true);\n"
		 "    char tag[41]               MG_COLUMN(primary_key=true);\n"
		 "} MG_MODEL();",
	.good_c = "struct PostTag;\n"
		  "\n"
		  "struct Post {\n"
		  "    int id                     MG_COLUMN(primary_key=true);\n"
		  "    struct PostTag **post_tags MG_RELATIONSHIP(PostTag, backref=post);\n"
		  "    char **tags                MG_ASSOCIATION_PROXY(post_tags, tag);\n"
		  "} MG_MODEL();\n"
		  "\n"
		  "struct PostTag {\n"
		  "    int post_id                MG_FOREIGN_KEY(post.id, primary_key=true);\n"
		  "    char tag[41]               MG_COLUMN(primary_key=true);\n"
		  "} MG_MODEL();",
	.fix = "Name a relationship of the model first, and an attribute of its target second.",
	.without_orm = "Without an ORM, the annotation names a link or a field that is not there.",
	.check = check_proxies,
};

/* ---- rel-collection-key-unknown ---- */

static bool has_column(const mg_table *t, const char *name)
{
	for (size_t i = 0; i < t->ncolumns; i++)
		if (strcmp(t->columns[i]->name, name) == 0 || strcmp(column_attribute(t->columns[i]), name) == 0)
			return true;
	return false;
}

/* Reports r when its dict's key names nothing of the target, for the rule
 * of keys by column (by_column) or of keys by attribute. */
static void check_collection_key_by(mg_rule_context *ctx, const mg_relationship *r, bool want_column)
{
	if (!r->collection_key || !r->collection_class || !r->target)
		return;
	bool by_column = strcmp(r->collection_class, "column_keyed_dict") == 0;
	if (by_column != want_column)
		return;
	const char *key = r->collection_key;
	if (by_column) {
		/* Model.column names a column of the target; a bare name too. */
		const char *dot = strrchr(key, '.');
		if (dot) {
			size_t owner_len = (size_t)(dot - key);
			const char *model = mg_rel_model_name(r->target);
			bool same = strlen(model) == owner_len && strncmp(model, key, owner_len) == 0;
			same = same || (strlen(r->target->name) == owner_len && strncmp(r->target->name, key, owner_len) == 0);
			if (!same)
				return; /* a column of another table: SQLAlchemy finds none on the target at
					   first use; left to the reader, rare */
			key = dot + 1;
		}
		if (has_column(r->target, key))
			return;
	} else if (has_attribute(r->target, key)) {
		return;
	}
	const char *near = nearest_attribute(ctx, r->target, key, false);
	mg_finding *f = mg_report_relationship(
		ctx, r,
		"relationship \"%s\" is a dict keyed by %s \"%s\", which \"%s\" does not have: %s%s%s%s",
		mg_rel_name(ctx, r), by_column ? "the column" : "the attribute", key,
		mg_rel_model_name(r->target),
		by_column ? "the models fail as they are imported (column_mapped_collection takes the "
			    "column itself)"
			  : "loading or adding to it raises AttributeError",
		near ? "; did you mean \"" : "", near ? near : "", near ? "\"?" : "");
	mg_rel_set_fix(ctx, f, "key \"%s\" by %s of \"%s\"", mg_rel_name(ctx, r),
		       near ? mg_rule_printf(ctx, "\"%s\"", near) : by_column ? "a column" : "an attribute",
		       mg_rel_model_name(r->target));
}

static void check_collection_key_one(mg_rule_context *ctx, const mg_relationship *r)
{
	check_collection_key_by(ctx, r, false);
}

static void check_collection_key(mg_rule_context *ctx)
{
	mg_rel_each(ctx, false, check_collection_key_one);
}

static void check_collection_column_one(mg_rule_context *ctx, const mg_relationship *r)
{
	check_collection_key_by(ctx, r, true);
}

static void check_collection_column(mg_rule_context *ctx)
{
	mg_rel_each(ctx, false, check_collection_column_one);
}

const mg_rule mg_rule_rel_collection_column_unknown = {
	.id = "rel-collection-column-unknown",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A dict collection is keyed by a column its target does not have.",
	.rationale = "collection_class=column_keyed_dict(Note.keyword) keeps the related objects in a "
		     "dict under a column's value, and SQLAlchemy takes the column object itself when "
		     "the class is defined: a column the target lacks fails as the models are imported "
		     "(AttributeError), before any mapper is configured.",
	.bad_c = "struct Note;\n"
		 "\n"
		 "struct Item {\n"
		 "    int id              MG_COLUMN(primary_key=true);\n"
		 "    struct Note **notes MG_RELATIONSHIP(Note, backref=item,\n"
		 "                            collection_class=column_keyed_dict(Note.key_word));\n"
		 "} MG_MODEL();\n"
		 "\n"
		 "struct Note {\n"
		 "    int id              MG_COLUMN(primary_key=true);\n"
		 "    int item_id         MG_FOREIGN_KEY(item.id, index=true);\n"
		 "    char keyword[41];\n"
		 "} MG_MODEL();",
	.good_c = "struct Note;\n"
		  "\n"
		  "struct Item {\n"
		  "    int id              MG_COLUMN(primary_key=true);\n"
		  "    struct Note **notes MG_RELATIONSHIP(Note, backref=item,\n"
		  "                            collection_class=column_keyed_dict(Note.keyword));\n"
		  "} MG_MODEL();\n"
		  "\n"
		  "struct Note {\n"
		  "    int id              MG_COLUMN(primary_key=true);\n"
		  "    int item_id         MG_FOREIGN_KEY(item.id, index=true);\n"
		  "    char keyword[41];\n"
		  "} MG_MODEL();",
	.fix = "Key the dict by a column the target has.",
	.without_orm = "Without an ORM, the annotation keys the children by a column they do not have.",
	.check = check_collection_column,
};

const mg_rule mg_rule_rel_collection_key_unknown = {
	.id = "rel-collection-key-unknown",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A dict collection is keyed by an attribute its target does not have.",
	.rationale = "collection_class=attribute_keyed_dict(\"keyword\") keeps the related objects in "
		     "a dict under their keyword. SQLAlchemy reads the key only as objects come in, so "
		     "a name the target lacks passes start-up, and the first load or append raises "
		     "AttributeError.",
	.bad_c = "struct Note;\n"
		 "\n"
		 "struct Item {\n"
		 "    int id              MG_COLUMN(primary_key=true);\n"
		 "    struct Note **notes MG_RELATIONSHIP(Note, backref=item,\n"
		 "                            collection_class=attribute_keyed_dict(\"key_word\"));\n"
		 "} MG_MODEL();\n"
		 "\n"
		 "struct Note {\n"
		 "    int id              MG_COLUMN(primary_key=true);\n"
		 "    int item_id         MG_FOREIGN_KEY(item.id, index=true);\n"
		 "    char keyword[41];\n"
		 "} MG_MODEL();",
	.good_c = "struct Note;\n"
		  "\n"
		  "struct Item {\n"
		  "    int id              MG_COLUMN(primary_key=true);\n"
		  "    struct Note **notes MG_RELATIONSHIP(Note, backref=item,\n"
		  "                            collection_class=attribute_keyed_dict(\"keyword\"));\n"
		  "} MG_MODEL();\n"
		  "\n"
		  "struct Note {\n"
		  "    int id              MG_COLUMN(primary_key=true);\n"
		  "    int item_id         MG_FOREIGN_KEY(item.id, index=true);\n"
		  "    char keyword[41];\n"
		  "} MG_MODEL();",
	.fix = "Key the dict by an attribute (or column) the target has.",
	.without_orm = "Without an ORM, the annotation keys the children by a field they do not have.",
	.check = check_collection_key,
};
