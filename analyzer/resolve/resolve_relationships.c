#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/core/name_index.h"
#include "analyzer/resolve/resolve.h"

/*
 * Declared relationships (C models, graph JSON), completed the way
 * SQLAlchemy completes them when it configures the mappers. Every fact the
 * relationship rules read is settled here, once:
 *
 *   1. Names. The target is the model whose struct tag is target_name
 *      exactly, else the table of that name; only a model (MG_MODEL) can be
 *      a target. `secondary` names a table by its table name, as
 *      SQLAlchemy looks it up in the MetaData.
 *      foreign_keys=[Post.author_id] and remote_side=[id] become columns;
 *      a bare remote_side name is a column of the source.
 *
 *   2. The join (JoinCondition._determine_joins). Without `secondary`, the
 *      candidates are the declared foreign keys of the target referencing
 *      the source and of the source referencing the target, both at once:
 *      one each way is as ambiguous as two the same way. With foreign_keys
 *      only those with a listed column count; when several remain, those
 *      whose columns are not exactly the list go, then several leading to
 *      the same column pairs count as one. None left: NoForeignKeysError;
 *      more than one: AmbiguousForeignKeysError. With `secondary`, the same
 *      between the secondary and the target, then the secondary and the
 *      source. Implied foreign keys are guesses of modelgraph's and
 *      SQLAlchemy never sees them: they take no part.
 *
 *   3. The direction (_determine_direction). Secondary: many-to-many.
 *      Foreign key on the target: one-to-many; on the source: many-to-one.
 *      Self-referential, where the key is on both: its columns are "remote"
 *      unless remote_side says which are, and a key column that is not
 *      remote makes it many-to-one (remote_side=[id], the adjacency
 *      list's parent); otherwise one-to-many. uselist defaults to true
 *      except for many-to-one; uselist=false makes a one-to-many a
 *      one-to-one.
 *
 *   4. backref=name adds a relationship to the target, as
 *      RelationshipProperty._generate_backref does, unless the target has
 *      an attribute of that name already (rel-backref-conflict and
 *      rel-reverse-name-clash report it then). It walks the same join the
 *      other way: the opposite direction, the secondary's foreign keys
 *      swapped, viewonly and foreign_keys copied, remote_side not; so the
 *      backref of a self-referential relationship is one-to-many, whatever
 *      remote_side the declaring side has, unless backref(name, …) gives
 *      it a remote_side of its own. backref(…)'s options are the backref's.
 *
 *   5. back_populates pairs two declared relationships when each names the
 *      other and each targets the other's model; anything less is left
 *      unpaired for the back_populates rules.
 *
 *   6. A many-to-one whose inverse is a one-to-one is one-to-one too.
 *
 *   7. Two unpaired relationships without backref or back_populates that
 *      walk the same join in opposite directions are each other's
 *      candidate inverse (rel-unlinked-inverse).
 */

/* More foreign keys than this between two tables are not told apart. */
#define MAX_CANDIDATES 64

typedef struct fk_set {
	mg_foreign_key *items[MAX_CANDIDATES];
	size_t n;
} fk_set;

/*
 * The attribute names (columns and relationships, exact case) of the tables
 * that have many: backref= and back_populates= look a name up on their
 * target for every relationship, and a hub model is the target of
 * thousands. A table is indexed when first looked up with more than
 * FEW_ATTRIBUTES, and kept up to date as backrefs are added to it.
 */
#define FEW_ATTRIBUTES 16

typedef enum attr_kind { ATTR_INDEXED, ATTR_COLUMN, ATTR_RELATIONSHIP } attr_kind;

typedef struct attr {
	const mg_table *table; /* NULL: an empty slot */
	const char *name;      /* NULL for ATTR_INDEXED, the mark of an indexed table */
	mg_relationship *relationship; /* ATTR_RELATIONSHIP: the first of that name */
	uint32_t hash;
	attr_kind kind;
} attr;

typedef struct attr_index {
	attr *slots;
	size_t capacity, count; /* capacity: 0 or a power of two */
} attr_index;

typedef struct context {
	mg_graph *graph;
	mg_name_index *structs; /* struct tag -> table, exact case */
	attr_index attributes;
	mg_relationship **declared; /* the declared relationships, tables and relationships in
	                           name order: what each step goes through (malloc'd) */
	size_t ndeclared;
	int failed;             /* out of memory */
} context;

static uint32_t attr_hash(const mg_table *table, attr_kind kind, const char *name)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (const char *p = name ? name : ""; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	uintptr_t t = (uintptr_t)table;
	return h ^ ((uint32_t)(t >> 4) * 2654435761u) ^ (uint32_t)kind;
}

static attr *attr_slot(attr *slots, size_t capacity, const mg_table *table, attr_kind kind,
		       const char *name, uint32_t hash)
{
	for (size_t i = hash & (capacity - 1);; i = (i + 1) & (capacity - 1)) {
		attr *a = &slots[i];
		if (!a->table || (a->hash == hash && a->table == table && a->kind == kind &&
				  (a->name == name || (a->name && name && strcmp(a->name, name) == 0))))
			return a;
	}
}

static attr *attr_get(const context *ctx, const mg_table *table, attr_kind kind, const char *name)
{
	if (!ctx->attributes.capacity)
		return NULL;
	attr *a = attr_slot(ctx->attributes.slots, ctx->attributes.capacity, table, kind, name,
			    attr_hash(table, kind, name));
	return a->table ? a : NULL;
}

/* Adds the entry unless one of its key is there: the first one stays. */
static void attr_put(context *ctx, const mg_table *table, attr_kind kind, const char *name,
		     mg_relationship *relationship)
{
	attr_index *ix = &ctx->attributes;
	if ((ix->count + 1) * 2 > ix->capacity) {
		size_t capacity = ix->capacity ? ix->capacity * 2 : 256;
		attr *slots = calloc(capacity, sizeof(*slots));
		if (!slots) {
			ctx->failed = 1;
			return;
		}
		for (size_t i = 0; i < ix->capacity; i++)
			if (ix->slots[i].table)
				*attr_slot(slots, capacity, ix->slots[i].table, ix->slots[i].kind,
					   ix->slots[i].name, ix->slots[i].hash) = ix->slots[i];
		free(ix->slots);
		ix->slots = slots;
		ix->capacity = capacity;
	}
	uint32_t hash = attr_hash(table, kind, name);
	attr *a = attr_slot(ix->slots, ix->capacity, table, kind, name, hash);
	if (a->table)
		return;
	*a = (attr){.table = table, .name = name, .relationship = relationship, .hash = hash, .kind = kind};
	ix->count++;
}

/* Whether `t` is indexed, indexing it when it has grown past a few attributes. */
static bool attributes_indexed(context *ctx, const mg_table *t)
{
	if (attr_get(ctx, t, ATTR_INDEXED, NULL))
		return true;
	if (t->ncolumns + t->nrelationships <= FEW_ATTRIBUTES)
		return false;
	for (size_t i = 0; i < t->ncolumns; i++)
		attr_put(ctx, t, ATTR_COLUMN, t->columns[i]->name, NULL);
	for (size_t i = 0; i < t->nrelationships; i++)
		attr_put(ctx, t, ATTR_RELATIONSHIP, t->relationships[i]->name, t->relationships[i]);
	attr_put(ctx, t, ATTR_INDEXED, NULL, NULL);
	return !ctx->failed;
}

/* The table a relationship option names: a struct tag, else a table name. */
static mg_table *named_table(const context *ctx, const char *name)
{
	mg_table *t = mg_name_index_get(ctx->structs, name);
	return t ? t : mg_graph_find_table(ctx->graph, name);
}

/* The column `text` names: "Model.column", "table.column",
 * "schema.table.column", or a bare "column" of `home`. */
static mg_column *named_column(const context *ctx, const char *text, const mg_table *home)
{
	const char *dot = strrchr(text, '.');
	if (!dot)
		return home ? mg_table_find_column(home, text) : NULL;
	size_t len = (size_t)(dot - text);
	char *prefix = len ? malloc(len + 1) : NULL;
	if (!prefix)
		return NULL;
	memcpy(prefix, text, len);
	prefix[len] = '\0';
	mg_table *t = named_table(ctx, prefix);
	const char *inner = strrchr(prefix, '.');
	if (!t && inner)
		t = named_table(ctx, inner + 1);
	free(prefix);
	return t ? mg_table_find_column(t, dot + 1) : NULL;
}

static mg_column **named_columns(const context *ctx, const char *const *names, size_t n,
				 const mg_table *home)
{
	mg_column **out = mg_arena_alloc(ctx->graph->arena, (n ? n : 1) * sizeof(*out));
	for (size_t i = 0; out && i < n; i++)
		out[i] = named_column(ctx, names[i], home);
	return out;
}

static bool listed(mg_column *const *columns, size_t n, const mg_column *c)
{
	for (size_t i = 0; i < n; i++)
		if (columns[i] && columns[i] == c)
			return true;
	return false;
}

/* Whether foreign_keys= lets the join consider `fk` at all. */
static bool considered(const mg_relationship *r, const mg_foreign_key *fk)
{
	if (!r->nforeign_keys)
		return true;
	for (size_t i = 0; i < fk->ncolumns; i++)
		if (listed(r->foreign_key_columns, r->nforeign_keys, fk->columns[i]))
			return true;
	return false;
}

/* Whether the foreign key's columns are exactly those foreign_keys= lists. */
static bool exactly_listed(const mg_relationship *r, const mg_foreign_key *fk)
{
	for (size_t i = 0; i < fk->ncolumns; i++)
		if (!listed(r->foreign_key_columns, r->nforeign_keys, fk->columns[i]))
			return false;
	for (size_t i = 0; i < r->nforeign_keys; i++)
		if (r->foreign_key_columns[i] && !listed(fk->columns, fk->ncolumns, r->foreign_key_columns[i]))
			return false;
	return true;
}

/* Two foreign keys that join the same column pairs. */
static bool same_pairs(const mg_foreign_key *a, const mg_foreign_key *b)
{
	if (a->ncolumns != b->ncolumns)
		return false;
	for (size_t i = 0; i < a->ncolumns; i++)
		if (a->columns[i] != b->columns[i] || a->parent_columns[i] != b->parent_columns[i])
			return false;
	return true;
}

/* The declared foreign keys of `holder` referencing `referenced` that the
 * relationship considers. */
static void scan(fk_set *out, const mg_table *holder, const mg_table *referenced,
		 const mg_relationship *r)
{
	for (size_t i = 0; i < holder->nforeign_keys && out->n < MAX_CANDIDATES; i++) {
		mg_foreign_key *fk = holder->foreign_keys[i];
		if (!fk->implied && fk->parent == referenced && fk->parent_columns && considered(r, fk))
			out->items[out->n++] = fk;
	}
}

/* ---- inheritance: a class maps its table joined to its bases' ---- */

/* At most this many tables in one line of inheritance are looked at. */
#define MAX_DEPTH 16

typedef struct chain {
	const mg_table *tables[MAX_DEPTH];
	size_t n;
} chain;

/* The table and those of the classes it inherits from, nearest first. */
static void chain_of(chain *out, const mg_table *t)
{
	out->n = 0;
	for (const mg_table *at = t; at && out->n < MAX_DEPTH; at = at->inherits_table) {
		for (size_t i = 0; i < out->n; i++)
			if (out->tables[i] == at)
				return; /* a loop: not C, but graph JSON can say it */
		out->tables[out->n++] = at;
	}
}

static bool in_chain(const chain *c, const mg_table *t)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->tables[i] == t)
			return true;
	return false;
}

/* The foreign keys of any table of `holders` to any of `referenced`, each once. */
static void scan_chains(fk_set *out, const chain *holders, const chain *referenced,
			const mg_relationship *r)
{
	for (size_t h = 0; h < holders->n; h++)
		for (size_t p = 0; p < referenced->n; p++) {
			fk_set more = {0};
			scan(&more, holders->tables[h], referenced->tables[p], r);
			for (size_t i = 0; i < more.n && out->n < MAX_CANDIDATES; i++) {
				bool seen = false;
				for (size_t k = 0; k < out->n && !seen; k++)
					seen = out->items[k] == more.items[i];
				if (!seen)
					out->items[out->n++] = more.items[i];
			}
		}
}

/* Narrows candidates down to one, as join_condition does; sets *out. */
static mg_join_status settle(const mg_relationship *r, const fk_set *found, mg_foreign_key **out)
{
	if (found->n == 0)
		return MG_JOIN_NO_FOREIGN_KEY;
	if (found->n == 1) {
		*out = found->items[0];
		return MG_JOIN_OK;
	}
	fk_set kept = {0};
	for (size_t i = 0; i < found->n; i++)
		if (!r->nforeign_keys || exactly_listed(r, found->items[i]))
			kept.items[kept.n++] = found->items[i];
	bool one_result = kept.n > 0;
	for (size_t i = 1; i < kept.n && one_result; i++)
		one_result = same_pairs(kept.items[0], kept.items[i]);
	if (!one_result)
		return MG_JOIN_AMBIGUOUS;
	*out = kept.items[0];
	return MG_JOIN_OK;
}

static int record_candidates(const context *ctx, mg_relationship *r, const fk_set *found)
{
	r->join_candidates = mg_arena_alloc(ctx->graph->arena, found->n * sizeof(mg_foreign_key *));
	if (!r->join_candidates)
		return -1;
	memcpy(r->join_candidates, found->items, found->n * sizeof(mg_foreign_key *));
	r->njoin_candidates = found->n;
	return 0;
}

/* Self-referential: which way the remote columns make it. */
static mg_cardinality self_direction(const mg_relationship *r)
{
	const mg_foreign_key *fk = r->via;
	bool any_remote = false, remote_fk = false, local_fk = false;
	for (size_t i = 0; i < r->nremote_side; i++)
		any_remote = any_remote || r->remote_side_columns[i];
	if (!any_remote)
		return MG_CARD_ONE_TO_MANY; /* the foreign key columns are the remote ones */
	for (size_t i = 0; i < fk->ncolumns; i++) {
		if (listed(r->remote_side_columns, r->nremote_side, fk->columns[i]))
			remote_fk = true;
		else
			local_fk = true;
	}
	return local_fk && !remote_fk ? MG_CARD_MANY_TO_ONE : MG_CARD_ONE_TO_MANY;
}

static int join_direct(const context *ctx, mg_relationship *r)
{
	/* Each side maps its table joined to those of the classes it inherits
	 * from (a model without a base: its table alone, the plain two-table
	 * join). SQLAlchemy looks for foreign keys between the source's own
	 * table and the whole target first, and only when there are none
	 * between the whole of both (join_condition's a_subset); each time
	 * those of the target's tables to the source's, then, unless the two
	 * sides are one and the same, those of the source's to the target's:
	 * a subclass's relationship to its own class sees its inheritance key
	 * too. */
	fk_set found = {0};
	chain sources, targets, own = {.tables = {r->source}, .n = 1};
	chain_of(&sources, r->source);
	chain_of(&targets, r->target);
	for (int pass = 0; pass < 2 && !found.n; pass++) {
		const chain *left = pass == 0 ? &own : &sources;
		if (pass == 1 && sources.n == 1)
			break; /* the same as the first */
		scan_chains(&found, &targets, left, r);
		if (r->target != r->source || left->n != targets.n)
			scan_chains(&found, left, &targets, r);
	}
	r->join = settle(r, &found, &r->via);
	if (r->join == MG_JOIN_AMBIGUOUS)
		return record_candidates(ctx, r, &found);
	if (r->join != MG_JOIN_OK)
		return 0;
	const mg_foreign_key *fk = r->via;
	if (r->target == r->source || (in_chain(&sources, fk->child) && in_chain(&targets, fk->child) &&
				       in_chain(&sources, fk->parent) && in_chain(&targets, fk->parent)))
		r->direction = self_direction(r);
	else
		r->direction = in_chain(&targets, fk->child) ? MG_CARD_ONE_TO_MANY : MG_CARD_MANY_TO_ONE;
	return 0;
}

static int join_secondary(const context *ctx, mg_relationship *r)
{
	fk_set to_target = {0}, to_source = {0};
	scan(&to_target, r->secondary, r->target, r);
	scan(&to_source, r->secondary, r->source, r);
	if (!to_target.n || !to_source.n) {
		r->join = MG_JOIN_SECONDARY_NO_FK;
		return 0;
	}
	/* SQLAlchemy joins the secondary to the target first. */
	r->join = settle(r, &to_target, &r->secondary_via);
	if (r->join == MG_JOIN_AMBIGUOUS)
		return record_candidates(ctx, r, &to_target);
	r->join = settle(r, &to_source, &r->via);
	if (r->join == MG_JOIN_AMBIGUOUS) {
		r->secondary_via = NULL;
		return record_candidates(ctx, r, &to_source);
	}
	r->direction = MG_CARD_MANY_TO_MANY;
	return 0;
}

/* uselist and kind, once the direction is known. */
static void settle_shape(mg_relationship *r)
{
	if (r->uselist != MG_UNSET)
		r->collection = r->uselist;
	else if (r->direction != MG_CARD_UNKNOWN)
		r->collection = r->direction == MG_CARD_MANY_TO_ONE ? MG_FALSE : MG_TRUE;
	switch (r->direction) {
	case MG_CARD_ONE_TO_MANY:
		r->kind = r->collection == MG_FALSE ? MG_CARD_ONE_TO_ONE : MG_CARD_ONE_TO_MANY;
		break;
	case MG_CARD_MANY_TO_ONE:
	case MG_CARD_MANY_TO_MANY:
	case MG_CARD_UNKNOWN:
		r->kind = r->direction;
		break;
	case MG_CARD_ONE_TO_ONE:
		break; /* never a direction */
	}
}

static int resolve_declared(context *ctx, mg_relationship *r)
{
	r->foreign_key_columns = named_columns(ctx, r->foreign_keys, r->nforeign_keys, r->source);
	r->remote_side_columns = named_columns(ctx, r->remote_side, r->nremote_side, r->source);
	if (!r->foreign_key_columns || !r->remote_side_columns)
		return -1;
	mg_table *target = named_table(ctx, r->target_name);
	r->target = target && target->kind == MG_TABLE_MODEL ? target : NULL;
	if (r->secondary_name)
		r->secondary = mg_graph_find_table(ctx->graph, r->secondary_name);
	if (!r->target)
		r->join = MG_JOIN_NO_TARGET;
	else if (r->secondary_name && !r->secondary)
		r->join = MG_JOIN_NO_SECONDARY;
	else if (r->primaryjoin || r->secondaryjoin) {
		if (mg_resolve_join_conditions(ctx->graph, ctx->structs, r) < 0)
			return -1;
	} else if ((r->secondary ? join_secondary(ctx, r) : join_direct(ctx, r)) < 0)
		return -1;
	settle_shape(r);
	return 0;
}

static void link(mg_relationship *a, mg_relationship *b)
{
	a->inverse = b;
	b->inverse = a;
}

static bool attribute_taken_here(context *ctx, const mg_table *t, const char *name);

/* A relationship or column of `t` named exactly `name` (attribute names are
 * case-sensitive, unlike SQL's), or of the tables of the classes it
 * inherits from: a subclass has their attributes too. */
static bool attribute_taken(context *ctx, const mg_table *t, const char *name)
{
	for (int depth = 0; t && depth < MAX_DEPTH; depth++, t = t->inherits_table)
		if (attribute_taken_here(ctx, t, name))
			return true;
	return false;
}

static bool attribute_taken_here(context *ctx, const mg_table *t, const char *name)
{
	if (attributes_indexed(ctx, t))
		return attr_get(ctx, t, ATTR_RELATIONSHIP, name) || attr_get(ctx, t, ATTR_COLUMN, name);
	for (size_t i = 0; i < t->nrelationships; i++)
		if (strcmp(t->relationships[i]->name, name) == 0)
			return true;
	for (size_t i = 0; i < t->ncolumns; i++)
		if (strcmp(t->columns[i]->name, name) == 0)
			return true;
	return false;
}

/* The first relationship of `t` named exactly `name`, in array order. */
static mg_relationship *relationship_named(context *ctx, const mg_table *t, const char *name)
{
	if (attributes_indexed(ctx, t)) {
		const attr *a = attr_get(ctx, t, ATTR_RELATIONSHIP, name);
		return a ? a->relationship : NULL;
	}
	for (size_t i = 0; i < t->nrelationships; i++)
		if (strcmp(t->relationships[i]->name, name) == 0)
			return t->relationships[i];
	return NULL;
}

static mg_cardinality opposite(mg_cardinality direction)
{
	switch (direction) {
	case MG_CARD_ONE_TO_MANY:
		return MG_CARD_MANY_TO_ONE;
	case MG_CARD_MANY_TO_ONE:
		return MG_CARD_ONE_TO_MANY;
	default:
		return direction;
	}
}

/*
 * What the backref takes from its relationship, and what backref(name, …)
 * gives it, as _generate_backref passes them to the relationship() it makes:
 * viewonly, post_update and sync_backref (passive_updates too) default to the
 * declaring relationship's, foreign_keys likewise; the rest only as given.
 */
static int backref_options(const context *ctx, mg_relationship *r, mg_relationship *v)
{
	const mg_relationship *o = r->backref_options;
	v->viewonly = r->viewonly;
	v->post_update = r->post_update;
	v->sync_backref = r->sync_backref;
	v->foreign_keys = r->foreign_keys;
	v->nforeign_keys = r->nforeign_keys;
	v->foreign_key_columns = r->foreign_key_columns;
	if (!o)
		return 0;
	if (o->viewonly != MG_UNSET)
		v->viewonly = o->viewonly;
	if (o->post_update != MG_UNSET)
		v->post_update = o->post_update;
	if (o->sync_backref != MG_UNSET)
		v->sync_backref = o->sync_backref;
	if (o->nforeign_keys) {
		v->foreign_keys = o->foreign_keys;
		v->nforeign_keys = o->nforeign_keys;
		v->foreign_key_columns = named_columns(ctx, o->foreign_keys, o->nforeign_keys, v->source);
	}
	v->uselist = o->uselist;
	v->single_parent = o->single_parent;
	v->cascade = o->cascade;
	v->lazy = o->lazy;
	v->order_by = o->order_by;
	v->passive_deletes = o->passive_deletes;
	v->collection_class = o->collection_class;
	v->collection_key = o->collection_key;
	v->overlaps = o->overlaps;
	v->noverlaps = o->noverlaps;
	v->remote_side = o->remote_side;
	v->nremote_side = o->nremote_side;
	/* A bare remote_side name is a column of the backref's own model. */
	v->remote_side_columns = named_columns(ctx, o->remote_side, o->nremote_side, v->source);
	return v->remote_side_columns && v->foreign_key_columns ? 0 : -1;
}

static int add_backref(context *ctx, mg_relationship *r)
{
	mg_table *t = r->target;
	if (attribute_taken(ctx, t, r->backref))
		return ctx->failed ? -1 : 0;
	const char *back = r->subclass               ? r->subclass
			   : r->source->struct_name ? r->source->struct_name
						    : r->source->name;
	mg_relationship *v = mg_table_add_relationship(t, r->backref, back);
	if (!v)
		return -1;
	if (attr_get(ctx, t, ATTR_INDEXED, NULL))
		attr_put(ctx, t, ATTR_RELATIONSHIP, v->name, v);
	v->from_backref = true;
	v->location = r->location;
	/* Made on the class the relationship names: a single-table subclass's
	 * backref is the subclass's, on its table. */
	for (size_t i = 0; i < t->nsubclasses; i++)
		if (strcmp(t->subclasses[i]->name, r->target_name) == 0)
			v->subclass = t->subclasses[i]->name;
	v->target = r->source;
	v->secondary = r->secondary;
	v->secondary_name = r->secondary_name;
	if (backref_options(ctx, r, v) < 0)
		return -1;
	v->join = r->join;
	mg_resolve_join_backref(r, v);
	if (r->join == MG_JOIN_OK) {
		if (r->secondary) {
			v->via = r->secondary_via;
			v->secondary_via = r->via;
			v->direction = MG_CARD_MANY_TO_MANY;
		} else {
			v->via = r->via;
			/* Its remote columns are worked out afresh: self-referential,
			 * one-to-many unless backref(…, remote_side=[id]) says otherwise;
			 * a join condition's backref walks it the other way. */
			v->direction = r->source == t && !r->primaryjoin ? self_direction(v)
									  : opposite(r->direction);
		}
	}
	settle_shape(v);
	link(r, v);
	return ctx->failed ? -1 : 0;
}

static void pair_back_populates(context *ctx, mg_relationship *r)
{
	mg_relationship *s = relationship_named(ctx, r->target, r->back_populates);
	if (!s || s == r || s->inverse || r->inverse || s->from_backref || !s->back_populates ||
	    strcmp(s->back_populates, r->name) != 0 || s->target != r->source)
		return;
	link(r, s);
}

/* Whether r and s walk the same join in opposite directions. */
static bool same_join_reversed(const mg_relationship *r, const mg_relationship *s)
{
	if (r->join != MG_JOIN_OK || s->join != MG_JOIN_OK || s->target != r->source)
		return false;
	if (r->secondary || s->secondary)
		return r->secondary == s->secondary && r->via == s->secondary_via &&
		       r->secondary_via == s->via;
	return r->via == s->via && r->direction == opposite(s->direction);
}

static bool unpaired_plain(const mg_relationship *r)
{
	return !r->derived && !r->from_backref && !r->inverse && !r->backref && !r->back_populates &&
	       !r->candidate_inverse;
}

static void find_candidate_inverse(mg_relationship *r)
{
	const mg_table *t = r->target;
	for (size_t i = 0; i < t->nrelationships && !r->candidate_inverse; i++) {
		mg_relationship *s = t->relationships[i];
		if (s != r && unpaired_plain(s) && same_join_reversed(r, s)) {
			r->candidate_inverse = s;
			s->candidate_inverse = r;
		}
	}
}

/* Lists the declared relationships once: the steps add backrefs, which are
 * not declared, and move no relationship, so the list stays what a walk
 * of the tables would meet, and five walks go through it, not through
 * every relationship record. -1 when out of memory. */
static int list_declared(context *ctx)
{
	size_t n = 0;
	for (size_t i = 0; i < ctx->graph->ntables; i++)
		n += ctx->graph->tables[i]->nrelationships;
	if (!(ctx->declared = malloc((n ? n : 1) * sizeof(*ctx->declared))))
		return -1;
	for (size_t i = 0; i < ctx->graph->ntables; i++) {
		const mg_table *t = ctx->graph->tables[i];
		for (size_t j = 0; j < t->nrelationships; j++)
			if (!t->relationships[j]->derived && !t->relationships[j]->from_backref)
				ctx->declared[ctx->ndeclared++] = t->relationships[j];
	}
	return 0;
}

/* Calls fn on each declared relationship, tables and relationships in name
 * order; relationships added meanwhile are not visited. */
static int each_declared(context *ctx, int (*fn)(context *, mg_relationship *))
{
	for (size_t i = 0; i < ctx->ndeclared; i++)
		if (fn(ctx, ctx->declared[i]) < 0)
			return -1;
	return 0;
}

static int step_backref(context *ctx, mg_relationship *r)
{
	if (!r->backref || r->back_populates || !r->target)
		return 0;
	return add_backref(ctx, r);
}

static int step_back_populates(context *ctx, mg_relationship *r)
{
	if (r->back_populates && r->target)
		pair_back_populates(ctx, r);
	return ctx->failed ? -1 : 0;
}

static int step_one_to_one(context *ctx, mg_relationship *r)
{
	(void)ctx;
	mg_relationship *pair[2] = {r, r->inverse};
	for (size_t k = 0; r->inverse && k < 2; k++)
		if (pair[k]->kind == MG_CARD_MANY_TO_ONE && pair[1 - k]->kind == MG_CARD_ONE_TO_ONE)
			pair[k]->kind = MG_CARD_ONE_TO_ONE;
	return 0;
}

static int step_candidate(context *ctx, mg_relationship *r)
{
	(void)ctx;
	if (r->target && unpaired_plain(r))
		find_candidate_inverse(r);
	return 0;
}

int mg_resolve_relationships(mg_graph *graph)
{
	context ctx = {.graph = graph, .structs = mg_name_index_new(false)};
	int result = -1;
	if (!ctx.structs)
		goto cleanup;
	for (size_t i = 0; i < graph->ntables; i++) {
		mg_table *t = graph->tables[i];
		if (t->struct_name && !mg_name_index_get(ctx.structs, t->struct_name) &&
		    mg_name_index_put(ctx.structs, t->struct_name, t) < 0)
			goto cleanup;
		/* A single-table subclass is a target too: its rows are its table's. */
		for (size_t k = 0; k < t->nsubclasses; k++)
			if (!mg_name_index_get(ctx.structs, t->subclasses[k]->name) &&
			    mg_name_index_put(ctx.structs, t->subclasses[k]->name, t) < 0)
				goto cleanup;
	}
	if (list_declared(&ctx) < 0 || each_declared(&ctx, resolve_declared) < 0 ||
	    each_declared(&ctx, step_backref) < 0 ||
	    each_declared(&ctx, step_back_populates) < 0 || each_declared(&ctx, step_one_to_one) < 0 ||
	    each_declared(&ctx, step_candidate) < 0)
		goto cleanup;
	result = 0;
cleanup:
	mg_name_index_free(ctx.structs);
	free(ctx.attributes.slots);
	free(ctx.declared);
	return result;
}
