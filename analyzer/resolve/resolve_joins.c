/*
 * Relationships with primaryjoin= or secondaryjoin= (join_condition.h),
 * settled as SQLAlchemy's JoinCondition settles them:
 *
 *   1. Each column of a condition is looked up: Model.attr by the model's
 *      attribute, table.c.column and table.column by the table's column, a
 *      bare name as an attribute of the declaring model. One naming nothing
 *      stops here (annotation-invalid-value reports it at the term).
 *   2. secondaryjoin= without secondary= is refused. With secondary, a side
 *      without a condition is derived from the secondary's foreign keys as
 *      usual (and may be ambiguous: a self-referential many-to-many needs
 *      both conditions).
 *   3. Foreign columns (_annotate_fks): those in foreign() when any term has
 *      it; else those foreign_keys= lists; else, for each col == col, the
 *      one holding a declared foreign key to the other (and a column of the
 *      secondary compared with one outside it).
 *   4. The condition must pair a foreign column with a column of the
 *      join's tables by == (_check_foreign_cols); a viewonly relationship
 *      only needs a foreign column.
 *   5. Remote columns (_annotate_remote): remote() when any term has it;
 *      else remote_side=; else, self-referential, the foreign ones; else
 *      the target's.
 *   6. Direction (_determine_direction): secondary, many-to-many; foreign
 *      columns only on the target, one-to-many; only on the source,
 *      many-to-one; on both, by which foreign columns are remote.
 *   7. via (and secondary_via) is the declared foreign key whose column
 *      pairs are the condition's, else a "virtual" one made here.
 */

#include <string.h>

#include "analyzer/core/join_condition.h"
#include "analyzer/core/name_index.h"
#include "analyzer/resolve/resolve.h"

#define MAX_PAIRS 16

typedef struct jctx {
	mg_graph *graph;
	const mg_name_index *structs;
	mg_relationship *r;
} jctx;

/* The column of `t` a model attribute `name` maps (exact case). */
static mg_column *attribute_column(const mg_table *t, const char *name)
{
	for (size_t i = 0; i < t->ncolumns; i++) {
		const mg_column *c = t->columns[i];
		if (strcmp(c->attribute ? c->attribute : c->name, name) == 0)
			return t->columns[i];
	}
	return NULL;
}

static mg_column *term_column(const jctx *j, const mg_join_term *t)
{
	if (!t->owner)
		return attribute_column(j->r->source, t->name);
	mg_table *model = t->table_form ? NULL : mg_name_index_get(j->structs, t->owner);
	if (model)
		return attribute_column(model, t->name);
	mg_table *table = mg_graph_find_table(j->graph, t->owner);
	return table ? mg_table_find_column(table, t->name) : NULL;
}

/* Step 1: false when a column names nothing. */
static bool find_columns(const jctx *j, mg_join_condition *cond)
{
	bool ok = true;
	for (size_t i = 0; cond && i < 2 * cond->ncomparisons; i++) {
		mg_join_term *t = mg_join_term_at(cond, i);
		t->column = t->kind == MG_JOIN_TERM_COLUMN ? term_column(j, t) : NULL;
		ok = ok && (t->kind != MG_JOIN_TERM_COLUMN || t->column);
	}
	return ok;
}

/* Whether column a holds a declared foreign key to column b. */
static bool references(const mg_column *a, const mg_column *b)
{
	const mg_table *t = a->table;
	for (size_t i = 0; i < t->nforeign_keys; i++) {
		const mg_foreign_key *fk = t->foreign_keys[i];
		if (fk->implied || !fk->parent_columns)
			continue;
		for (size_t k = 0; k < fk->ncolumns; k++)
			if (fk->columns[k] == a && fk->parent_columns[k] == b)
				return true;
	}
	return false;
}

static bool in_foreign_keys(const mg_relationship *r, const mg_column *c)
{
	for (size_t i = 0; i < r->nforeign_keys; i++)
		if (r->foreign_key_columns[i] == c)
			return true;
	return false;
}

static bool in_remote_side(const mg_relationship *r, const mg_column *c)
{
	for (size_t i = 0; i < r->nremote_side; i++)
		if (r->remote_side_columns[i] == c)
			return true;
	return false;
}

static bool both_columns(const mg_join_comparison *c)
{
	return c->left.column && c->right.column;
}

/* Step 3. */
static void mark_foreign(const mg_relationship *r, mg_join_condition *cond)
{
	bool annotated = false;
	for (size_t i = 0; i < 2 * cond->ncomparisons; i++)
		annotated = annotated || mg_join_term_at(cond, i)->foreign;
	for (size_t i = 0; i < 2 * cond->ncomparisons; i++) {
		mg_join_term *t = mg_join_term_at(cond, i);
		t->is_foreign = t->column && (annotated ? t->foreign : in_foreign_keys(r, t->column));
	}
	if (annotated || r->nforeign_keys)
		return;
	for (size_t i = 0; i < cond->ncomparisons; i++) {
		mg_join_comparison *c = &cond->comparisons[i];
		if (!both_columns(c))
			continue;
		const mg_table *sec = r->secondary;
		if (references(c->left.column, c->right.column))
			c->left.is_foreign = true;
		else if (references(c->right.column, c->left.column))
			c->right.is_foreign = true;
		else if (sec && c->left.column->table == sec && c->right.column->table != sec)
			c->left.is_foreign = true;
		else if (sec && c->right.column->table == sec && c->left.column->table != sec)
			c->right.is_foreign = true;
	}
}

static bool mapped(const mg_relationship *r, const mg_column *c)
{
	return c->table == r->source || c->table == r->target || (r->secondary && c->table == r->secondary);
}

typedef struct pair {
	mg_column *referenced, *foreign;
	const mg_join_term *term; /* the foreign one */
} pair;

/* The == pairs of a foreign column with a column of the join's tables
 * (SQLAlchemy's synchronize pairs). */
static size_t sync_pairs(const mg_relationship *r, const mg_join_condition *cond, pair *out)
{
	size_t n = 0;
	for (size_t i = 0; i < cond->ncomparisons && n < MAX_PAIRS; i++) {
		const mg_join_comparison *c = &cond->comparisons[i];
		if (!both_columns(c) || !mapped(r, c->left.column) || !mapped(r, c->right.column))
			continue;
		if (c->right.is_foreign)
			out[n++] = (pair){c->left.column, c->right.column, &c->right};
		else if (c->left.is_foreign)
			out[n++] = (pair){c->right.column, c->left.column, &c->left};
	}
	return n;
}

/* Step 4: MG_JOIN_OK, or why not. */
static mg_join_status check_foreign(const mg_relationship *r, const mg_join_condition *cond)
{
	pair pairs[MAX_PAIRS];
	bool has_foreign = false;
	for (size_t i = 0; i < 2 * cond->ncomparisons; i++)
		has_foreign = has_foreign || mg_join_term_get(cond, i)->is_foreign;
	bool viewonly = r->viewonly == MG_TRUE;
	if ((!viewonly && sync_pairs(r, cond, pairs)) || (viewonly && has_foreign))
		return MG_JOIN_OK;
	return !viewonly && has_foreign ? MG_JOIN_FOREIGN_ELSEWHERE : MG_JOIN_NO_FOREIGN_COLUMNS;
}

/* Step 5, for a relationship without secondary. */
static void mark_remote(const mg_relationship *r, mg_join_condition *cond)
{
	bool annotated = false;
	for (size_t i = 0; i < 2 * cond->ncomparisons; i++)
		annotated = annotated || mg_join_term_at(cond, i)->remote;
	for (size_t i = 0; i < 2 * cond->ncomparisons; i++) {
		mg_join_term *t = mg_join_term_at(cond, i);
		if (!t->column)
			t->is_remote = false;
		else if (annotated)
			t->is_remote = t->remote;
		else if (r->nremote_side)
			t->is_remote = in_remote_side(r, t->column);
		else if (r->source == r->target)
			t->is_remote = t->is_foreign;
		else
			t->is_remote = t->column->table == r->target;
	}
}

/* Step 6, for a relationship without secondary. */
static mg_cardinality direct_direction(const mg_relationship *r, const mg_join_condition *cond)
{
	bool on_target = false, on_source = false, foreign_remote = false, foreign_local = false;
	for (size_t i = 0; i < 2 * cond->ncomparisons; i++) {
		const mg_join_term *t = mg_join_term_get(cond, i);
		if (!t->is_foreign)
			continue;
		on_target = on_target || t->column->table == r->target;
		on_source = on_source || t->column->table == r->source;
		if (t->is_remote)
			foreign_remote = true;
		else
			foreign_local = true;
	}
	if (on_target && on_source) {
		if (foreign_remote != foreign_local)
			return foreign_remote ? MG_CARD_ONE_TO_MANY : MG_CARD_MANY_TO_ONE;
		return MG_CARD_UNKNOWN;
	}
	return on_target ? MG_CARD_ONE_TO_MANY : on_source ? MG_CARD_MANY_TO_ONE : MG_CARD_UNKNOWN;
}

/* Whether `fk` joins exactly these column pairs. */
static bool fk_matches(const mg_foreign_key *fk, const pair *pairs, size_t n)
{
	if (fk->ncolumns != n || !fk->parent_columns)
		return false;
	for (size_t i = 0; i < n; i++) {
		bool found = false;
		for (size_t k = 0; k < fk->ncolumns && !found; k++)
			found = fk->columns[k] == pairs[i].foreign && fk->parent_columns[k] == pairs[i].referenced;
		if (!found)
			return false;
	}
	return true;
}

/* A virtual foreign key another relationship of `t` already made for these pairs. */
static mg_foreign_key *made_before(const mg_table *t, const pair *pairs, size_t n)
{
	for (size_t i = 0; t && i < t->nrelationships; i++) {
		mg_relationship *s = t->relationships[i];
		mg_foreign_key *fks[2] = {s->via, s->secondary_via};
		for (size_t k = 0; k < 2; k++)
			if (fks[k] && fks[k]->virtual_join && fk_matches(fks[k], pairs, n))
				return fks[k];
	}
	return NULL;
}

/* Step 7: the foreign key of the pairs whose foreign column is on `child`
 * and referenced one on `parent`; NULL when none (or out of memory). */
static mg_foreign_key *follow(const jctx *j, const pair *all, size_t nall, mg_table *child,
			      mg_table *parent, bool *failed)
{
	pair pairs[MAX_PAIRS];
	size_t n = 0;
	for (size_t i = 0; i < nall; i++)
		if (all[i].foreign->table == child && all[i].referenced->table == parent)
			pairs[n++] = all[i];
	if (!n)
		return NULL;
	for (size_t i = 0; i < child->nforeign_keys; i++)
		if (!child->foreign_keys[i]->implied && fk_matches(child->foreign_keys[i], pairs, n))
			return child->foreign_keys[i];
	mg_foreign_key *fk = made_before(j->r->source, pairs, n);
	if (!fk)
		fk = made_before(j->r->target, pairs, n);
	if (fk)
		return fk;
	/* A "virtual" foreign key: SQLAlchemy joins on it with no constraint. */
	mg_arena *arena = j->graph->arena;
	fk = mg_arena_alloc(arena, sizeof(*fk));
	mg_column **columns = mg_arena_alloc(arena, n * sizeof(*columns));
	mg_column **parents = mg_arena_alloc(arena, n * sizeof(*parents));
	if (!fk || !columns || !parents) {
		*failed = true;
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		columns[i] = pairs[i].foreign;
		parents[i] = pairs[i].referenced;
	}
	*fk = (mg_foreign_key){
		.child = child,
		.name = mg_arena_printf(arena, "%s_%s_join", child->name, pairs[0].foreign->name),
		.columns = columns,
		.ncolumns = n,
		.parent_name = parent->name,
		.parent = parent,
		.parent_columns = parents,
		.unique = mg_table_is_key(child, columns, n),
		.location = pairs[0].term->location,
		.virtual_join = true,
	};
	fk->path = fk->name ? mg_arena_printf(arena, "%s.%s", child->path, fk->name) : NULL;
	if (!fk->path)
		*failed = true;
	return fk;
}

/* A side of a many-to-many without its condition: the secondary's declared
 * foreign keys to `side`, as usual. */
static mg_join_status derive_side(const jctx *j, const mg_table *side, mg_foreign_key **out)
{
	const mg_relationship *r = j->r;
	const mg_table *sec = r->secondary;
	mg_foreign_key *found = NULL;
	size_t n = 0, exact = 0;
	for (size_t i = 0; i < sec->nforeign_keys; i++) {
		mg_foreign_key *fk = sec->foreign_keys[i];
		bool considered = !r->nforeign_keys;
		for (size_t k = 0; k < fk->ncolumns && !considered; k++)
			considered = in_foreign_keys(r, fk->columns[k]);
		if (fk->implied || fk->parent != side || !fk->parent_columns || !considered)
			continue;
		bool listed = r->nforeign_keys > 0;
		for (size_t k = 0; k < fk->ncolumns; k++)
			listed = listed && in_foreign_keys(r, fk->columns[k]);
		if (!found || (listed && !exact))
			found = fk;
		n++;
		exact += listed;
	}
	if (!n)
		return MG_JOIN_SECONDARY_NO_FK;
	if (n > 1 && exact != 1)
		return MG_JOIN_AMBIGUOUS;
	*out = found;
	return MG_JOIN_OK;
}

/* The candidates rel-ambiguous-foreign-keys lists: the secondary's keys to `side`. */
static int record_candidates(const jctx *j, const mg_table *side)
{
	mg_relationship *r = j->r;
	const mg_table *sec = r->secondary;
	r->join_candidates = mg_arena_alloc(j->graph->arena, (sec->nforeign_keys + 1) * sizeof(mg_foreign_key *));
	if (!r->join_candidates)
		return -1;
	r->njoin_candidates = 0;
	for (size_t i = 0; i < sec->nforeign_keys; i++)
		if (!sec->foreign_keys[i]->implied && sec->foreign_keys[i]->parent == side)
			r->join_candidates[r->njoin_candidates++] = sec->foreign_keys[i];
	return 0;
}

/* One side of a many-to-many: its condition, or its foreign keys. */
static mg_join_status secondary_side(const jctx *j, mg_join_condition *cond, mg_table *side,
				     mg_foreign_key **out, bool *failed)
{
	if (!cond)
		return derive_side(j, side, out);
	mark_foreign(j->r, cond);
	mg_join_status s = check_foreign(j->r, cond);
	if (s != MG_JOIN_OK)
		return s;
	pair pairs[MAX_PAIRS];
	size_t n = sync_pairs(j->r, cond, pairs);
	*out = follow(j, pairs, n, j->r->secondary, side, failed);
	/* Pairs that do not run from the secondary to its side: not modelled. */
	return *out || *failed ? MG_JOIN_OK : MG_JOIN_OPAQUE;
}

static int join_secondary(const jctx *j)
{
	mg_relationship *r = j->r;
	bool failed = false;
	/* SQLAlchemy works out the secondary's join to the target first. */
	mg_foreign_key *to_target = NULL, *to_source = NULL;
	mg_join_status st = MG_JOIN_OK, ss = MG_JOIN_OK;
	if (!r->secondaryjoin)
		st = derive_side(j, r->target, &to_target);
	if (!r->primaryjoin && st == MG_JOIN_OK)
		ss = derive_side(j, r->source, &to_source);
	if (st == MG_JOIN_AMBIGUOUS || ss == MG_JOIN_AMBIGUOUS) {
		r->join = MG_JOIN_AMBIGUOUS;
		return record_candidates(j, st == MG_JOIN_AMBIGUOUS ? r->target : r->source);
	}
	if (st == MG_JOIN_OK && r->primaryjoin)
		ss = secondary_side(j, r->primaryjoin, r->source, &to_source, &failed);
	if (ss == MG_JOIN_OK && st == MG_JOIN_OK && r->secondaryjoin)
		st = secondary_side(j, r->secondaryjoin, r->target, &to_target, &failed);
	if (failed)
		return -1;
	r->join = ss != MG_JOIN_OK ? ss : st;
	if (r->join == MG_JOIN_OK) {
		r->via = to_source;
		r->secondary_via = to_target;
		r->direction = MG_CARD_MANY_TO_MANY;
	}
	return 0;
}

static int join_direct(const jctx *j)
{
	mg_relationship *r = j->r;
	mg_join_condition *cond = r->primaryjoin;
	mark_foreign(r, cond);
	r->join = check_foreign(r, cond);
	if (r->join != MG_JOIN_OK)
		return 0;
	mark_remote(r, cond);
	mg_cardinality direction = direct_direction(r, cond);
	if (direction == MG_CARD_UNKNOWN) {
		r->join = MG_JOIN_NO_DIRECTION;
		return 0;
	}
	pair pairs[MAX_PAIRS];
	size_t n = sync_pairs(r, cond, pairs);
	bool failed = false;
	mg_table *child = direction == MG_CARD_ONE_TO_MANY ? r->target : r->source;
	mg_table *parent = direction == MG_CARD_ONE_TO_MANY ? r->source : r->target;
	r->via = follow(j, pairs, n, child, parent, &failed);
	if (failed)
		return -1;
	if (!r->via) {
		/* Foreign columns paired with nothing of the other side: a viewonly
		 * join modelgraph does not follow. */
		r->join = MG_JOIN_OPAQUE;
		return 0;
	}
	r->direction = direction;
	return 0;
}

int mg_resolve_join_conditions(mg_graph *graph, const mg_name_index *structs, mg_relationship *r)
{
	jctx j = {.graph = graph, .structs = structs, .r = r};
	if (!find_columns(&j, r->primaryjoin) || !find_columns(&j, r->secondaryjoin)) {
		r->join = MG_JOIN_UNKNOWN_COLUMN;
		return 0;
	}
	if (r->secondaryjoin && !r->secondary) {
		r->join = MG_JOIN_NO_SECONDARY_FOR_JOIN;
		return 0;
	}
	if ((r->primaryjoin && r->primaryjoin->opaque) || (r->secondaryjoin && r->secondaryjoin->opaque)) {
		r->join = MG_JOIN_OPAQUE;
		return 0;
	}
	return r->secondary ? join_secondary(&j) : join_direct(&j);
}

void mg_resolve_join_backref(const mg_relationship *r, mg_relationship *v)
{
	if (r->secondary) {
		v->primaryjoin = r->secondaryjoin;
		v->secondaryjoin = r->primaryjoin;
	} else {
		v->primaryjoin = r->primaryjoin;
	}
}
