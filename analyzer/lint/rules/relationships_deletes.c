/*
 * Rules on the options that change what deleting a parent does:
 * passive_deletes, which leaves the children's rows to the database, and
 * sync_backref, which SQLAlchemy checks against viewonly.
 */
#include "analyzer/lint/rules/relationships.h"

#include <stdlib.h>
#include <string.h>

static bool passive_deletes_is(const mg_relationship *r, const char *value)
{
	return r->passive_deletes && strcmp(r->passive_deletes, value) == 0;
}

/* ---- rel-passive-deletes-all-with-delete ---- */

static void check_all_with_delete_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (!passive_deletes_is(r, "all") || !r->cascade ||
	    !(mg_rel_cascade_has(r->cascade, "delete") || mg_rel_cascade_has(r->cascade, "delete-orphan") ||
	      mg_rel_cascade_has(r->cascade, "all")))
		return;
	mg_finding *f = mg_report_relationship(ctx, r,
					       "relationship \"%s\" has passive_deletes=all and cascades "
					       "delete (cascade \"%s\"): one says never touch the children, "
					       "the other delete them; SQLAlchemy refuses the pair "
					       "(ArgumentError)",
					       mg_rel_name(ctx, r), r->cascade);
	mg_rel_set_fix(ctx, f,
		       "use passive_deletes=true on \"%s\" to let the database's ON DELETE remove the "
		       "children, or drop delete and delete-orphan from its cascade",
		       mg_rel_name(ctx, r));
}

static void check_all_with_delete(mg_rule_context *ctx)
{
	mg_rel_each(ctx, false, check_all_with_delete_one);
}

const mg_rule mg_rule_rel_passive_deletes_all_with_delete = {
	.id = "rel-passive-deletes-all-with-delete",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "passive_deletes=all together with a delete or delete-orphan cascade.",
	.rationale = "passive_deletes=all tells SQLAlchemy never to load, delete or unlink the "
		     "children when their parent is deleted, not even those in memory; a delete "
		     "cascade (\"all\" includes it) tells it to delete them. SQLAlchemy refuses the "
		     "mapping: \"can't set passive_deletes='all' in conjunction with 'delete' or "
		     "'delete-orphan' cascade\".",
	.bad_c = "struct User {\n"
		 "    int id                 MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts    MG_RELATIONSHIP(Post, backref=author, passive_deletes=all,\n"
		 "                                           cascade=\"all, delete-orphan\");\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id                 MG_COLUMN(primary_key=true);\n"
		 "    int user_id            MG_FOREIGN_KEY(users.id, index=true, ondelete=CASCADE);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id                 MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts    MG_RELATIONSHIP(Post, backref=author, passive_deletes=true,\n"
		  "                                           cascade=\"all, delete-orphan\");\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id                 MG_COLUMN(primary_key=true);\n"
		  "    int user_id            MG_FOREIGN_KEY(users.id, index=true, ondelete=CASCADE);\n"
		  "} MG_MODEL();",
	.fix = "Write passive_deletes=true to leave the unloaded children to ON DELETE, or drop delete "
	       "and delete-orphan from the cascade.",
	.without_orm = "Without an ORM, the two options contradict each other about what deleting a "
		       "parent does to its children.",
	.check = check_all_with_delete,
};

/* ---- rel-passive-deletes-no-ondelete ---- */

/* Whether the database itself does something with the child rows when
 * their parent row goes. */
static bool database_acts(mg_fk_action action)
{
	return action == MG_ACTION_CASCADE || action == MG_ACTION_SET_NULL ||
	       action == MG_ACTION_SET_DEFAULT;
}

static void check_no_ondelete_one(mg_rule_context *ctx, const mg_relationship *r)
{
	/* The child rows are those of the foreign key to the parent: the
	 * target's for a one-to-many, the secondary's for a many-to-many. */
	if (!passive_deletes_is(r, "true") || r->viewonly == MG_TRUE || r->join != MG_JOIN_OK || !r->via ||
	    (r->direction != MG_CARD_ONE_TO_MANY && r->direction != MG_CARD_MANY_TO_MANY) ||
	    database_acts(r->via->on_delete))
		return;
	const mg_foreign_key *fk = r->via;
	mg_finding *f = mg_report_relationship(
		ctx, r,
		"relationship \"%s\" has passive_deletes=true, which leaves the rows of \"%s\" it has not "
		"loaded to the database, but %s has no ON DELETE: deleting a \"%s\" fails on the foreign "
		"key, or leaves those rows pointing at nothing where it is not enforced",
		mg_rel_name(ctx, r), fk->child->name, mg_rel_fk_text(ctx, fk), mg_rel_model_name(r->source));
	if (fk->ncolumns == 1)
		mg_rel_set_fix(ctx, f,
			       "add ondelete=CASCADE (or SET NULL) to the MG_FOREIGN_KEY of \"%s\".\"%s\", or "
			       "drop passive_deletes from \"%s\"",
			       fk->child->name, fk->columns[0]->name, mg_rel_name(ctx, r));
}

static void check_no_ondelete(mg_rule_context *ctx)
{
	mg_rel_each(ctx, false, check_no_ondelete_one);
}

const mg_rule mg_rule_rel_passive_deletes_no_ondelete = {
	.id = "rel-passive-deletes-no-ondelete",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "passive_deletes=true over a foreign key without ON DELETE.",
	.rationale = "passive_deletes=true tells SQLAlchemy not to load a parent's children when "
		     "the parent is deleted, because the database's ON DELETE CASCADE (or SET NULL) "
		     "will see to them. When the foreign key has no ON DELETE, nobody does: the "
		     "database refuses to delete the parent while children reference it, or, where "
		     "foreign keys are not enforced (SQLite by default), the children are left "
		     "pointing at a row that is gone. SQLAlchemy says nothing; the first delete "
		     "shows it.",
	.bad_c = "struct User {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts  MG_RELATIONSHIP(Post, backref=author, cascade=\"all, delete-orphan\",\n"
		 "                                         passive_deletes=true);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts  MG_RELATIONSHIP(Post, backref=author, cascade=\"all, delete-orphan\",\n"
		  "                                         passive_deletes=true);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    int user_id          MG_FOREIGN_KEY(users.id, index=true, ondelete=CASCADE);\n"
		  "} MG_MODEL();",
	.fix = "Give the foreign key ondelete=CASCADE (or SET NULL), or drop passive_deletes.",
	.without_orm = "Without an ORM, the annotation still says the database removes the children "
		       "with their parent, and the foreign key says it does not.",
	.check = check_no_ondelete,
};

/* ---- rel-sync-backref-viewonly ---- */

static void check_sync_viewonly_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (r->sync_backref != MG_TRUE || r->viewonly != MG_TRUE)
		return;
	/* A backref inherits both from its relationship, which is reported;
	 * it is reported itself only when backref(…) gave it one of them. */
	if (r->from_backref) {
		const mg_relationship *o = r->inverse ? r->inverse->backref_options : NULL;
		if (!o || (o->viewonly == MG_UNSET && o->sync_backref == MG_UNSET))
			return;
	}
	mg_finding *f = mg_report_relationship(ctx, r,
					       "relationship \"%s\" is viewonly and has sync_backref=true; "
					       "a read-only relationship cannot keep its inverse in step "
					       "(SQLAlchemy: \"sync_backref and viewonly cannot both be "
					       "True\")",
					       mg_rel_name(ctx, r));
	mg_rel_set_fix(ctx, f, "drop sync_backref=true from \"%s\", or its viewonly", mg_rel_name(ctx, r));
}

static void check_sync_viewonly(mg_rule_context *ctx)
{
	mg_rel_each(ctx, false, check_sync_viewonly_one);
}

const mg_rule mg_rule_rel_sync_backref_viewonly = {
	.id = "rel-sync-backref-viewonly",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "sync_backref=true on a viewonly relationship.",
	.rationale = "A viewonly relationship is never written, so it cannot update its inverse in "
		     "memory as sync_backref asks; SQLAlchemy refuses the mapping (\"sync_backref "
		     "and viewonly cannot both be True\"). Leaving sync_backref unsaid makes it false "
		     "on a viewonly relationship.",
	.bad_c = "struct User {\n"
		 "    int id                  MG_COLUMN(primary_key=true);\n"
		 "    struct Post **recent    MG_RELATIONSHIP(Post, viewonly=true, sync_backref=true,\n"
		 "                                            backref=reader);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id                  MG_COLUMN(primary_key=true);\n"
		 "    int user_id             MG_FOREIGN_KEY(users.id, index=true);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id                  MG_COLUMN(primary_key=true);\n"
		  "    struct Post **recent    MG_RELATIONSHIP(Post, viewonly=true, backref=reader);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id                  MG_COLUMN(primary_key=true);\n"
		  "    int user_id             MG_FOREIGN_KEY(users.id, index=true);\n"
		  "} MG_MODEL();",
	.fix = "Drop sync_backref=true from the viewonly relationship.",
	.without_orm = "Without an ORM, the options still contradict each other: a read-only link "
		       "asked to write its inverse.",
	.check = check_sync_viewonly,
};

/* ---- rel-viewonly-passive-deletes ---- */

static void check_viewonly_passive_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (r->viewonly != MG_TRUE || !r->passive_deletes || passive_deletes_is(r, "false"))
		return;
	mg_finding *f = mg_report_relationship(ctx, r,
					       "relationship \"%s\" is viewonly and has passive_deletes=%s; "
					       "a read-only relationship deletes nothing, so the option "
					       "does nothing (SQLAlchemy warns)",
					       mg_rel_name(ctx, r), r->passive_deletes);
	mg_rel_set_fix(ctx, f,
		       "drop passive_deletes from \"%s\"; it belongs on the writable relationship over "
		       "the same foreign key",
		       mg_rel_name(ctx, r));
}

static void check_viewonly_passive(mg_rule_context *ctx)
{
	mg_rel_each(ctx, false, check_viewonly_passive_one);
}

const mg_rule mg_rule_rel_viewonly_passive_deletes = {
	.id = "rel-viewonly-passive-deletes",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "passive_deletes on a viewonly relationship.",
	.rationale = "passive_deletes changes what deleting a parent does to the children a "
		     "relationship holds; a viewonly relationship never writes, so it has no say in "
		     "that, and the option is a sign the wrong relationship carries it. SQLAlchemy "
		     "warns that the combination \"does not make sense\" and may become an error.",
	.bad_c = "struct User {\n"
		 "    int id                MG_COLUMN(primary_key=true);\n"
		 "    struct Post **recent  MG_RELATIONSHIP(Post, viewonly=true, passive_deletes=true);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id                MG_COLUMN(primary_key=true);\n"
		 "    int user_id           MG_FOREIGN_KEY(users.id, index=true, ondelete=CASCADE);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id                MG_COLUMN(primary_key=true);\n"
		  "    struct Post **recent  MG_RELATIONSHIP(Post, viewonly=true);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id                MG_COLUMN(primary_key=true);\n"
		  "    int user_id           MG_FOREIGN_KEY(users.id, index=true, ondelete=CASCADE);\n"
		  "} MG_MODEL();",
	.fix = "Drop passive_deletes from the viewonly relationship; put it on the one that writes.",
	.without_orm = "Without an ORM, the annotation says a read-only link takes part in deletes.",
	.check = check_viewonly_passive,
};

/* ---- rel-post-update-no-cycle ---- */

/* Whether foreign keys lead from `from` back to `to` (a table reaches itself
 * through a self-referential key): the rows of the join's foreign key can
 * then depend on each other. A walk over the tables, each seen once. */
static bool reaches(mg_rule_context *ctx, const mg_table *from, const mg_table *to)
{
	const mg_graph *g = ctx->graph;
	const mg_table **queue = malloc((g->ntables + 1) * sizeof(*queue));
	const mg_table **seen = malloc((g->ntables + 1) * sizeof(*seen));
	size_t head = 0, tail = 0, nseen = 0;
	bool found = false;
	if (!queue || !seen) {
		ctx->failed = 1;
		goto done;
	}
	queue[tail++] = from;
	seen[nseen++] = from;
	while (head < tail && !found) {
		const mg_table *t = queue[head++];
		for (size_t i = 0; i < t->nforeign_keys && !found; i++) {
			const mg_table *p = t->foreign_keys[i]->implied ? NULL : t->foreign_keys[i]->parent;
			if (!p)
				continue;
			found = p == to;
			bool known = false;
			for (size_t k = 0; k < nseen && !known; k++)
				known = seen[k] == p;
			if (!known && nseen < g->ntables + 1 && tail < g->ntables + 1) {
				seen[nseen++] = p;
				queue[tail++] = p;
			}
		}
	}
done:
	free(queue);
	free(seen);
	return found;
}

static void check_post_update_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (r->post_update != MG_TRUE || r->join != MG_JOIN_OK || !r->via || r->secondary ||
	    !r->via->parent)
		return;
	/* A backref inherits post_update from its relationship, reported there. */
	if (r->from_backref && (!r->inverse || !r->inverse->backref_options ||
				r->inverse->backref_options->post_update == MG_UNSET))
		return;
	const mg_foreign_key *fk = r->via;
	if (fk->child == fk->parent || reaches(ctx, fk->parent, fk->child))
		return;
	mg_finding *f = mg_report_relationship(
		ctx, r,
		"relationship \"%s\" has post_update=true, but %s is on no cycle of foreign keys: its "
		"rows never point at each other, so the second UPDATE it costs on every insert buys nothing",
		mg_rel_name(ctx, r), mg_rel_fk_text(ctx, fk));
	mg_rel_set_fix(ctx, f, "drop post_update from \"%s\"", mg_rel_name(ctx, r));
}

static void check_post_update(mg_rule_context *ctx)
{
	mg_rel_each(ctx, false, check_post_update_one);
}

const mg_rule mg_rule_rel_post_update_no_cycle = {
	.id = "rel-post-update-no-cycle",
	.severity = MG_SEVERITY_NOTE,
	.sources = MG_RULE_SOURCE_C,
	.summary = "post_update=true on a relationship whose foreign key is on no cycle.",
	.rationale = "post_update writes the foreign key with a second UPDATE after the rows are "
		     "inserted, and clears it with an UPDATE before they are deleted: what rows that "
		     "point at each other need (a table referencing itself, or two tables referencing "
		     "each other). Where the foreign keys form no cycle, the unit of work orders the "
		     "statements by itself, and the option only adds a statement per row.",
	.bad_c = "struct User {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts  MG_RELATIONSHIP(Post, backref=author, post_update=true);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    int user_id          MG_FOREIGN_KEY(users.id, index=true);\n"
		 "} MG_MODEL();",
	.good_c = "struct Widget {\n"
		  "    int id                     MG_COLUMN(primary_key=true);\n"
		  "    int favorite_entry_id      MG_FOREIGN_KEY(entry.id, index=true);\n"
		  "    struct Entry *favorite     MG_RELATIONSHIP(Entry, foreign_keys=[Widget.favorite_entry_id],\n"
		  "                                               post_update=true);\n"
		  "} MG_MODEL();\n"
		  "\n"
		  "struct Entry {\n"
		  "    int id                     MG_COLUMN(primary_key=true);\n"
		  "    int widget_id              MG_FOREIGN_KEY(widget.id, index=true);\n"
		  "} MG_MODEL();",
	.fix = "Drop post_update; keep it for rows that point at each other.",
	.without_orm = "Without an ORM, post_update describes nothing in the schema.",
	.check = check_post_update,
};
