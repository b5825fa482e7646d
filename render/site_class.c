/* What C models say about classes, for the pages: a table's place in an
 * inheritance hierarchy, the options of a relationship that change how it
 * loads and writes, and the association proxies of a model. Databases have
 * none of these, so their pages are unchanged. */

#include <string.h>

#include "render/site_internal.h"

/* ---- Inheritance ---- */

/* A table with a table of its own that inherits from `table`: a joined-table
 * subclass. A single-table subclass has no table; it is in table->subclasses. */
static bool is_joined_subclass_of(const mg_table *candidate, const mg_table *table)
{
	return candidate != table && candidate->inherits && candidate->inherits_table == table;
}

static bool has_joined_subclasses(const mg_site_context *ctx, const mg_table *table)
{
	for (size_t i = 0; i < ctx->graph->ntables; i++)
		if (is_joined_subclass_of(ctx->graph->tables[i], table))
			return true;
	return false;
}

/* The column `polymorphic_on` names: an attribute, which is the column's
 * name unless MG_COLUMN(name=) renamed the column. */
static const mg_column *discriminator_column(const mg_table *table, const char *attribute)
{
	for (size_t i = 0; i < table->ncolumns; i++) {
		const mg_column *c = table->columns[i];
		if (strcmp(c->attribute ? c->attribute : c->name, attribute) == 0)
			return c;
	}
	return NULL;
}

static void set_base(const mg_site_context *ctx, mg_view *inheritance, const mg_table *table, unsigned depth)
{
	mg_view *base = mg_view_set_object(inheritance, "base");
	const mg_table *parent = table->inherits_table;
	mg_view_set_text(base, "name", parent ? parent->path : table->inherits);
	mg_view_set_text(base, "href", mg_site_table_href(ctx, base->arena, parent, depth));
	mg_view_set_text(base, "struct", table->inherits);
}

static void set_discriminator(mg_view *inheritance, const mg_table *table)
{
	mg_view_set_text(inheritance, "polymorphic_on", table->polymorphic_on);
	const mg_column *column = table->polymorphic_on ? discriminator_column(table, table->polymorphic_on) : NULL;
	mg_view_set_text(inheritance, "polymorphic_on_anchor",
			 column ? mg_arena_printf(inheritance->arena, "c%u", column->position) : NULL);
}

/* Whether `inherits` names the class of `table` itself, not one of its
 * subclasses (a subclass of a subclass). */
static bool own_class(const mg_table *table, const char *inherits)
{
	return table->struct_name && inherits && strcmp(table->struct_name, inherits) == 0;
}

/* Joined-table subclasses first (by table name, as the graph orders them),
 * then the single-table ones, in declaration order. */
static void set_subclasses(const mg_site_context *ctx, mg_view *inheritance, const mg_table *table,
			   unsigned depth)
{
	mg_view *list = mg_view_set_list(inheritance, "subclasses");
	for (size_t i = 0; i < ctx->graph->ntables; i++) {
		const mg_table *t = ctx->graph->tables[i];
		if (!is_joined_subclass_of(t, table))
			continue;
		mg_view *s = mg_view_push_object(list);
		mg_view_set_text(s, "name", t->struct_name ? t->struct_name : t->path);
		mg_view_set_text(s, "kind", "joined");
		mg_view_set_bool(s, "joined", true);
		mg_view *own = mg_view_set_object(s, "table");
		mg_view_set_text(own, "name", t->path);
		mg_view_set_text(own, "href", mg_site_table_href(ctx, s->arena, t, depth));
		mg_view_set_text(s, "inherits", t->inherits);
		mg_view_set_bool(s, "nested", !own_class(table, t->inherits));
		mg_view_set_text(s, "identity", t->polymorphic_identity);
	}
	for (size_t i = 0; i < table->nsubclasses; i++) {
		const mg_subclass *sub = table->subclasses[i];
		mg_view *s = mg_view_push_object(list);
		mg_view_set_text(s, "name", sub->name);
		mg_view_set_text(s, "kind", "single");
		mg_view_set_bool(s, "joined", false);
		mg_view_set_text(s, "inherits", sub->inherits);
		mg_view_set_bool(s, "nested", !own_class(table, sub->inherits));
		mg_view_set_text(s, "identity", sub->polymorphic_identity);
	}
	mg_view_set_bool(inheritance, "has_subclasses", mg_view_truthy(list));
}

void mg_site_view_inheritance(const mg_site_context *ctx, mg_view *object, const mg_table *table,
			      unsigned depth)
{
	bool joined = has_joined_subclasses(ctx, table);
	if (!table->inherits && !table->polymorphic_on && !table->polymorphic_identity && !table->nsubclasses &&
	    !joined)
		return;
	mg_view *inheritance = mg_view_set_object(object, "inheritance");
	if (table->inherits)
		set_base(ctx, inheritance, table, depth);
	mg_view_set_text(inheritance, "identity", table->polymorphic_identity);
	set_discriminator(inheritance, table);
	set_subclasses(ctx, inheritance, table, depth);
}

/* ---- Relationship options ---- */

static void push_option(mg_view *list, const char *name, const char *value)
{
	if (!value)
		return;
	mg_view *option = mg_view_push_object(list);
	mg_view_set_text(option, "name", name);
	mg_view_set_text(option, "value", value);
}

static const char *tristate_text(mg_tristate value)
{
	return value == MG_UNSET ? NULL : value == MG_TRUE ? "true" : "false";
}

/* "attribute_keyed_dict(title)": a keyed collection with what it keys by. */
static const char *collection_text(mg_arena *arena, const mg_relationship *r)
{
	if (!r->collection_class || !r->collection_key)
		return r->collection_class;
	return mg_arena_printf(arena, "%s(%s)", r->collection_class, r->collection_key);
}

/* The options of relationship() that change how it loads and writes, as
 * declared (a backref made by resolve has those SQLAlchemy copies onto it
 * too); the join's own (foreign_keys, remote_side, …) are shown elsewhere. */
static mg_view *set_option_list(mg_view *object, const char *key, const mg_relationship *r)
{
	mg_view *list = mg_view_set_list(object, key);
	push_option(list, "lazy", r->lazy);
	push_option(list, "cascade", r->cascade);
	push_option(list, "passive_deletes", r->passive_deletes);
	push_option(list, "collection_class", collection_text(object->arena, r));
	push_option(list, "order_by", r->order_by);
	push_option(list, "viewonly", tristate_text(r->viewonly));
	push_option(list, "post_update", tristate_text(r->post_update));
	push_option(list, "sync_backref", tristate_text(r->sync_backref));
	push_option(list, "single_parent", tristate_text(r->single_parent));
	return list;
}

void mg_site_view_relationship_options(mg_view *object, const mg_relationship *r)
{
	mg_view_set_text(object, "subclass", r->subclass);
	mg_view_set_text(object, "lazy", r->lazy);
	mg_view_set_text(object, "cascade", r->cascade);
	mg_view_set_text(object, "passive_deletes", r->passive_deletes);
	mg_view_set_text(object, "collection_class", r->collection_class);
	mg_view_set_text(object, "collection_key", r->collection_key);
	mg_view_set_bool(object, "viewonly", r->viewonly == MG_TRUE);
	mg_view_set_bool(object, "has_options", mg_view_truthy(set_option_list(object, "options", r)));
	bool backref_options = false;
	if (r->backref_options)
		backref_options = mg_view_truthy(set_option_list(object, "backref_options", r->backref_options));
	else
		mg_view_set_list(object, "backref_options");
	mg_view_set_bool(object, "has_backref_options", backref_options);
}

/* ---- Association proxies ---- */

/* The relationship a proxy goes through: the model's own, or one its
 * joined-table bases give it. */
static const mg_relationship *proxy_relationship(const mg_table *table, const char *name)
{
	/* Bounded: a cycle of inheritance is reported by the rules, not walked. */
	for (size_t hops = 0; table && hops < 64; table = table->inherits_table, hops++) {
		const mg_relationship *r = mg_table_relationship_named(table, name);
		if (r)
			return r;
	}
	return NULL;
}

void mg_site_view_association_proxies(const mg_site_context *ctx, mg_view *object, const mg_table *table,
				      unsigned depth)
{
	mg_view *list = mg_view_set_list(object, "association_proxies");
	for (size_t i = 0; i < table->ntransient_fields; i++) {
		const mg_transient_field *field = table->transient_fields[i];
		if (!field->proxy_relationship)
			continue;
		mg_view *p = mg_view_push_object(list);
		mg_view_set_text(p, "name", field->name);
		mg_view_set_text(p, "relationship", field->proxy_relationship);
		mg_view_set_text(p, "attribute", field->proxy_attribute);
		const mg_relationship *r = proxy_relationship(table, field->proxy_relationship);
		if (r) {
			mg_view *target = mg_view_set_object(p, "target");
			mg_view_set_text(target, "name", r->target ? r->target->path : r->target_name);
			mg_view_set_text(target, "href", mg_site_table_href(ctx, p->arena, r->target, depth));
		}
		mg_site_view_location(ctx, p, "location", field->location);
	}
	mg_view_set_bool(object, "has_association_proxies", mg_view_truthy(list));
}
