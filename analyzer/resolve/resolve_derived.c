#include <string.h>

#include "analyzer/resolve/resolve.h"
#include "util/text.h"

/*
 * Relationships of a schema that declares none (a database, a DDL script),
 * derived from its foreign keys the way SQLAlchemy's automap names them:
 *   - a foreign key gives its child a scalar attribute (many-to-one, or
 *     one-to-one when the foreign key columns are a key of the child), named
 *     after the column without its "_id"/"id" suffix, else after the parent
 *     table; and gives its parent the inverse collection "<child>_collection"
 *     (a scalar named after the child for one-to-one);
 *   - an association table gives each of its two tables a many-to-many
 *     collection "<other>_collection" through it.
 * A name already taken on the table (a column or another relationship) gets
 * "_<n>" appended, so names are unique and stable.
 */

static bool name_taken(const mg_table *t, const char *name)
{
	return mg_table_find_column(t, name) || mg_table_find_relationship(t, name);
}

/* The names are built in the graph's arena, at full length: a name cut to a
 * buffer would make every numbered candidate the same, taken, name. */
static mg_relationship *add_unique_name(mg_graph *graph, mg_table *source, const char *base,
					mg_table *target)
{
	const char *name = base;
	/* Each candidate differs, and only finitely many names are taken. */
	for (unsigned long n = 2; name && name_taken(source, name); n++)
		name = mg_arena_printf(graph->arena, "%s_%lu", base, n);
	mg_relationship *rel = name ? mg_table_add_relationship(source, name, target->name) : NULL;
	if (!rel)
		return NULL;
	rel->derived = true;
	rel->target = target;
	return rel;
}

/* "user_id" → "user", "ArtistId" → "Artist"; NULL when no such suffix. */
static const char *column_stem(mg_arena *arena, const mg_column *c)
{
	size_t len = strlen(c->name);
	if (mg_ascii_ends_with_nocase(c->name, "_id") && len > 3)
		return mg_arena_strndup(arena, c->name, len - 3);
	if (mg_ascii_ends_with_nocase(c->name, "id") && len > 2 && c->name[len - 2] == 'I')
		return mg_arena_strndup(arena, c->name, len - 2);
	return NULL;
}

static void link(mg_relationship *a, mg_relationship *b)
{
	a->inverse = b;
	b->inverse = a;
}

static int derive_from_foreign_key(mg_graph *graph, mg_foreign_key *fk)
{
	mg_table *child = fk->child, *parent = fk->parent;
	const char *scalar = fk->ncolumns == 1 ? column_stem(graph->arena, fk->columns[0]) : NULL;
	mg_relationship *to_parent = add_unique_name(graph, child, scalar ? scalar : parent->name, parent);
	if (!to_parent)
		return -1;
	const char *collection = fk->unique ? child->name
					    : mg_arena_printf(graph->arena, "%s_collection", child->name);
	mg_relationship *to_child = collection ? add_unique_name(graph, parent, collection, child) : NULL;
	if (!to_child)
		return -1;
	to_parent->kind = fk->unique ? MG_CARD_ONE_TO_ONE : MG_CARD_MANY_TO_ONE;
	to_child->kind = fk->unique ? MG_CARD_ONE_TO_ONE : MG_CARD_ONE_TO_MANY;
	to_parent->uselist = to_parent->collection = MG_FALSE;
	to_child->uselist = to_child->collection = fk->unique ? MG_FALSE : MG_TRUE;
	to_parent->direction = MG_CARD_MANY_TO_ONE;
	to_child->direction = MG_CARD_ONE_TO_MANY;
	to_parent->via = to_child->via = fk;
	to_parent->location = to_child->location = fk->location;
	link(to_parent, to_child);
	return 0;
}

static int derive_many_to_many(mg_graph *graph, mg_table *assoc)
{
	mg_foreign_key *sides[2] = {0};
	size_t n = 0;
	for (size_t i = 0; i < assoc->nforeign_keys && n < 2; i++)
		if (!assoc->foreign_keys[i]->implied)
			sides[n++] = assoc->foreign_keys[i];
	mg_relationship *rels[2];
	for (size_t s = 0; s < 2; s++) {
		mg_table *source = sides[s]->parent, *target = sides[1 - s]->parent;
		const char *name = mg_arena_printf(graph->arena, "%s_collection", target->name);
		rels[s] = name ? add_unique_name(graph, source, name, target) : NULL;
		if (!rels[s])
			return -1;
		rels[s]->kind = MG_CARD_MANY_TO_MANY;
		rels[s]->uselist = rels[s]->collection = MG_TRUE;
		rels[s]->direction = MG_CARD_MANY_TO_MANY;
		rels[s]->secondary = assoc;
		rels[s]->secondary_name = assoc->name;
		rels[s]->via = sides[s];
		rels[s]->secondary_via = sides[1 - s];
		rels[s]->location = assoc->location;
	}
	link(rels[0], rels[1]);
	return 0;
}

int mg_resolve_derived_relationships(mg_graph *graph)
{
	for (size_t i = 0; i < graph->ntables; i++) {
		mg_table *t = graph->tables[i];
		if (t->kind == MG_TABLE_ASSOCIATION) {
			if (derive_many_to_many(graph, t) < 0)
				return -1;
			continue;
		}
		for (size_t j = 0; j < t->nforeign_keys; j++)
			if (t->foreign_keys[j]->parent && derive_from_foreign_key(graph, t->foreign_keys[j]) < 0)
				return -1;
	}
	return 0;
}
