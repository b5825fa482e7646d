/*
 * Rules on what a relationship joins: its target and secondary, the foreign
 * keys SQLAlchemy derives the join from (resolve_relationships.c settled
 * rel->join as SQLAlchemy's JoinCondition would), self-referential
 * direction, and relationships that write the same columns.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/core/join_condition.h"
#include "analyzer/core/suggest.h"
#include "analyzer/lint/rules/relationships.h"
#include "analyzer/lint/rules/rule_util.h"

/* The nearest of the names of tables that pass `keep`: their table names,
 * and their struct tags too when with_tags. */
static const char *nearest_table(mg_rule_context *ctx, const char *word, bool (*keep)(const mg_table *),
				 bool with_tags)
{
	const mg_graph *g = ctx->graph;
	const char **names = malloc((2 * g->ntables + 1) * sizeof(*names));
	if (!names) {
		ctx->failed = 1;
		return NULL;
	}
	size_t n = 0;
	for (size_t i = 0; i < g->ntables; i++) {
		if (!keep(g->tables[i]))
			continue;
		if (g->tables[i]->struct_name && with_tags)
			names[n++] = g->tables[i]->struct_name;
		names[n++] = g->tables[i]->name;
	}
	const char *near = mg_suggest_nearest(word, strlen(word), names, n);
	free(names);
	return near;
}

/* "Post.author_id", "entries.song_id": how foreign_keys= names a foreign
 * key's first column, by model for models and by table for plain tables. */
static const char *fk_reference(mg_rule_context *ctx, const mg_foreign_key *fk)
{
	const mg_table *t = fk->child;
	return mg_rule_printf(ctx, "%s.%s", t->kind == MG_TABLE_MODEL ? mg_rel_model_name(t) : t->name,
			      fk->columns[0]->name);
}

/* ---- assoc-missing-fk ---- */

/* Whether the secondary has a foreign key to `side` that the relationship considers. */
static bool links_to(const mg_relationship *r, const mg_table *side)
{
	const mg_table *s = r->secondary;
	for (size_t i = 0; i < s->nforeign_keys; i++) {
		const mg_foreign_key *fk = s->foreign_keys[i];
		if (fk->implied || fk->parent != side)
			continue;
		bool considered = r->nforeign_keys == 0;
		for (size_t k = 0; k < fk->ncolumns && !considered; k++)
			for (size_t j = 0; j < r->nforeign_keys && !considered; j++)
				considered = r->foreign_key_columns[j] == fk->columns[k];
		if (considered)
			return true;
	}
	return false;
}

static void check_assoc_missing_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (r->join != MG_JOIN_SECONDARY_NO_FK)
		return;
	bool to_source = links_to(r, r->source), to_target = links_to(r, r->target);
	const char *rn = mg_rel_name(ctx, r);
	const char *among = r->nforeign_keys ? " among the columns foreign_keys= names" : "";
	mg_finding *f;
	if (!to_source && !to_target && r->source != r->target)
		f = mg_report_relationship(ctx, r,
					   "association table \"%s\" of relationship \"%s\" has no foreign key to "
					   "\"%s\" nor to \"%s\"%s",
					   r->secondary->name, rn, r->source->name, r->target->name, among);
	else
		f = mg_report_relationship(ctx, r,
					   "association table \"%s\" of relationship \"%s\" has no foreign key to "
					   "\"%s\"%s",
					   r->secondary->name, rn, to_source ? r->target->name : r->source->name,
					   among);
	if (f)
		mg_rel_related_table(ctx, r->secondary);
}

static void check_assoc_missing_fk(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_assoc_missing_one);
}

const mg_rule mg_rule_assoc_missing_fk = {
	.id = "assoc-missing-fk",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "The secondary table of a many-to-many relationship lacks a foreign key to one of its sides.",
	.rationale = "SQLAlchemy joins source to secondary and secondary to target through foreign "
		     "keys. Without one to each side it cannot work out the join (\"no foreign keys "
		     "linking these tables via secondary table\"), and the database does not stop "
		     "rows that point at nothing.",
	.without_orm = "Without an ORM, the link table has no key to one side, so the database checks "
		       "none of those links and the join has nothing to follow.",
	.bad_c = "struct Song {\n"
		 "    int id                       MG_COLUMN(primary_key=true);\n"
		 "    struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=playlist_songs, backref=songs);\n"
		 "} MG_MODEL();\n"
		 "\n"
		 "struct Playlist {\n"
		 "    int id                       MG_COLUMN(primary_key=true);\n"
		 "} MG_MODEL();\n"
		 "\n"
		 "struct PlaylistSong {\n"
		 "    int song_id                  MG_FOREIGN_KEY(song.id);\n"
		 "    int playlist_id;\n"
		 "} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);",
	.good_c = "struct Song {\n"
		  "    int id                       MG_COLUMN(primary_key=true);\n"
		  "    struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=playlist_songs, backref=songs);\n"
		  "} MG_MODEL();\n"
		  "\n"
		  "struct Playlist {\n"
		  "    int id                       MG_COLUMN(primary_key=true);\n"
		  "} MG_MODEL();\n"
		  "\n"
		  "struct PlaylistSong {\n"
		  "    int song_id                  MG_FOREIGN_KEY(song.id);\n"
		  "    int playlist_id              MG_FOREIGN_KEY(playlist.id, index=true);\n"
		  "} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);",
	.fix = "Declare the missing foreign key on the association table (MG_FOREIGN_KEY(table.id)).",
	.check = check_assoc_missing_fk,
};

/* ---- rel-ambiguous-foreign-keys ---- */

/* The one declared foreign key of the secondary to `side`; NULL when not one. */
static const mg_foreign_key *only_link(const mg_table *secondary, const mg_table *side)
{
	const mg_foreign_key *found = NULL;
	for (size_t i = 0; i < secondary->nforeign_keys; i++) {
		const mg_foreign_key *fk = secondary->foreign_keys[i];
		if (fk->implied || fk->parent != side)
			continue;
		if (found)
			return NULL;
		found = fk;
	}
	return found;
}

static void check_ambiguous_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (r->join != MG_JOIN_AMBIGUOUS || !r->njoin_candidates)
		return;
	mg_buf candidates = MG_BUF_INIT;
	for (size_t i = 0; i < r->njoin_candidates; i++)
		mg_buf_printf(&candidates, "%s%s", i ? ", " : "", mg_rel_fk_text(ctx, r->join_candidates[i]));
	const char *list = mg_rule_take(ctx, &candidates);
	const char *rn = mg_rel_name(ctx, r);
	const mg_foreign_key *first = r->join_candidates[0];
	const char *pick = fk_reference(ctx, first);
	const char *among = r->nforeign_keys ? ", all among those foreign_keys= names" : "";
	mg_finding *f;
	if (r->secondary) {
		/* foreign_keys= serves both joins: the pick needs the other side's key too. */
		const mg_table *other = first->parent == r->source ? r->target : r->source;
		const mg_foreign_key *link = only_link(r->secondary, other);
		if (link)
			pick = mg_rule_printf(ctx, "%s, %s", pick, fk_reference(ctx, link));
		f = mg_report_relationship(ctx, r,
					   "relationship \"%s\" can join association table \"%s\" to \"%s\" by "
					   "%zu foreign keys%s: %s; SQLAlchemy cannot tell which "
					   "(AmbiguousForeignKeysError)",
					   rn, r->secondary->name, first->parent->name, r->njoin_candidates, among,
					   list);
	} else {
		f = mg_report_relationship(ctx, r,
					   "relationship \"%s\" can join \"%s\" and \"%s\" by %zu foreign keys%s: "
					   "%s; SQLAlchemy cannot tell which (AmbiguousForeignKeysError)",
					   rn, r->source->name, r->target->name, r->njoin_candidates, among, list);
	}
	const mg_foreign_key *unused = NULL; /* with primaryjoin: the key it does not name */
	for (size_t i = 0; r->primaryjoin && !r->secondaryjoin && i < r->njoin_candidates && !unused; i++)
		if (!strstr(r->primaryjoin->text, r->join_candidates[i]->columns[0]->name))
			unused = r->join_candidates[i];
	if (unused && unused->parent_columns && unused->parent_columns[0])
		mg_rel_set_fix(ctx, f, "add the secondary's join to the target: secondaryjoin=\"%s.c.%s == %s.%s\"",
			       r->secondary->name, unused->columns[0]->name, mg_rel_model_name(r->target),
			       unused->parent_columns[0]->name);
	else if (r->secondary && r->source == r->target && r->njoin_candidates >= 2 &&
	    r->join_candidates[0]->parent_columns && r->join_candidates[0]->parent_columns[0] &&
	    r->join_candidates[1]->parent_columns && r->join_candidates[1]->parent_columns[0])
		mg_rel_set_fix(ctx, f,
			       "a self-referential many-to-many says which key leads where: "
			       "primaryjoin=\"%s.c.%s == %s.%s\", secondaryjoin=\"%s.c.%s == %s.%s\"",
			       r->secondary->name, r->join_candidates[0]->columns[0]->name,
			       mg_rel_model_name(r->source), r->join_candidates[0]->parent_columns[0]->name,
			       r->secondary->name, r->join_candidates[1]->columns[0]->name,
			       mg_rel_model_name(r->source), r->join_candidates[1]->parent_columns[0]->name);
	else
		mg_rel_set_fix(ctx, f, "name exactly the columns to follow: foreign_keys=[%s]", pick);
}

static void check_ambiguous_foreign_keys(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_ambiguous_one);
}

const mg_rule mg_rule_rel_ambiguous_foreign_keys = {
	.id = "rel-ambiguous-foreign-keys",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "Several foreign keys link the two tables and foreign_keys= does not pick one.",
	.rationale = "SQLAlchemy derives a relationship's join from the foreign keys between the two "
		     "tables, in either direction. With more than one (a post's author and editor "
		     "both reference users) it cannot choose and refuses to configure the mappers "
		     "(AmbiguousForeignKeysError).",
	.without_orm = "Without an ORM, every query that walks this link must pick one of the foreign "
		       "keys; the annotation is where the model says which, and what generated code and "
		       "the docs follow.",
	.bad_c = "struct User {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts  MG_RELATIONSHIP(Post, backref=author);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    int author_id        MG_FOREIGN_KEY(users.id, index=true);\n"
		 "    int editor_id        MG_FOREIGN_KEY(users.id, index=true);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts  MG_RELATIONSHIP(Post, backref=author, foreign_keys=[Post.author_id]);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    int author_id        MG_FOREIGN_KEY(users.id, index=true);\n"
		  "    int editor_id        MG_FOREIGN_KEY(users.id, index=true);\n"
		  "} MG_MODEL();",
	.fix = "Name the foreign key column the relationship follows with foreign_keys=[Model.column].",
	.check = check_ambiguous_foreign_keys,
};

/* ---- rel-no-foreign-key ---- */

/* An implied foreign key between a and b (either way), if modelgraph guessed one. */
static const mg_foreign_key *implied_between(const mg_table *a, const mg_table *b)
{
	const mg_table *holders[2] = {a, b}, *parents[2] = {b, a};
	for (size_t k = 0; k < 2; k++)
		for (size_t i = 0; i < holders[k]->nforeign_keys; i++) {
			const mg_foreign_key *fk = holders[k]->foreign_keys[i];
			if (fk->implied && fk->parent == parents[k])
				return fk;
		}
	return NULL;
}

static void check_no_foreign_key_one(mg_rule_context *ctx, const mg_relationship *r)
{
	/* A foreign key between the two whose target does not exist is the
	 * cause: fk-target-missing reports it, with this as its consequence. */
	if (r->join != MG_JOIN_NO_FOREIGN_KEY || (!r->nforeign_keys && r->target &&
						  mg_dangling_fk_between(r->source, r->target)))
		return;
	const char *rn = mg_rel_name(ctx, r);
	for (size_t i = 0; i < r->nforeign_keys; i++)
		if (!r->foreign_key_columns[i]) {
			mg_report_relationship(ctx, r,
					       "relationship \"%s\" has foreign_keys \"%s\", which names no column",
					       rn, r->foreign_keys[i]);
			return;
		}
	mg_finding *f;
	if (r->nforeign_keys) {
		f = mg_report_relationship(ctx, r,
					   "relationship \"%s\" joins \"%s\" and \"%s\", but no foreign key between "
					   "them has the columns foreign_keys= names",
					   rn, r->source->name, r->target->name);
		return;
	}
	f = mg_report_relationship(ctx, r,
				   "relationship \"%s\" joins \"%s\" and \"%s\", but no foreign key links them; "
				   "SQLAlchemy cannot work out the join (NoForeignKeysError)",
				   rn, r->source->name, r->target->name);
	const mg_foreign_key *guess = implied_between(r->source, r->target);
	if (guess && guess->parent_columns && guess->parent_columns[0])
		mg_rel_set_fix(ctx, f, "declare the foreign key: MG_FOREIGN_KEY(%s.%s) on \"%s\".\"%s\"",
			       guess->parent->name, guess->parent_columns[0]->name, guess->child->name,
			       guess->columns[0]->name);
}

static void check_no_foreign_key(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_no_foreign_key_one);
}

const mg_rule mg_rule_rel_no_foreign_key = {
	.id = "rel-no-foreign-key",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "No foreign key links a relationship's two tables.",
	.rationale = "SQLAlchemy derives the join from a foreign key between the source and the "
		     "target (or the ones foreign_keys= names). A column that merely looks like a key "
		     "(user_id without MG_FOREIGN_KEY) is not one: the mappers fail to configure "
		     "(NoForeignKeysError) and no query runs.",
	.without_orm = "Without an ORM, nothing checks the link: the database accepts any value in the "
		       "column the code joins on, and the join the annotation describes has no key to "
		       "follow.",
	.bad_c = "struct User {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts  MG_RELATIONSHIP(Post, backref=author);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    int user_id          MG_COLUMN(index=true);\n"
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
	.fix = "Declare the foreign key with MG_FOREIGN_KEY(table.column), or fix foreign_keys= to name it.",
	.check = check_no_foreign_key,
};

/* ---- rel-overlapping-writes ---- */

/* A relationship writing a column at flush. */
typedef struct writer {
	const mg_column *column;
	const mg_relationship *r;
} writer;

/* Groups writers by column; the order of groups does not show: clashes are
 * sorted by name before they are reported. */
static int cmp_writers(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const writer *)a)->column, y = (uintptr_t)((const writer *)b)->column;
	return x < y ? -1 : x > y;
}

/* The declared relationship a finding about r goes to: itself, or the one
 * whose backref it is. */
static const mg_relationship *owner(const mg_relationship *r)
{
	return r->from_backref ? r->inverse : r;
}

/* Whether a means b as its inverse, by back_populates or backref, even when
 * the pair did not form (other rules report why). SQLAlchemy records a
 * back_populates as a reverse property either way. */
static bool meant_inverse(const mg_relationship *a, const mg_relationship *b)
{
	if (a->target != b->source || b->target != a->source)
		return false;
	return (a->back_populates && strcmp(a->back_populates, b->name) == 0) ||
	       (a->backref && strcmp(a->backref, b->name) == 0);
}

/* SQLAlchemy's test: not each other's inverse, neither naming the other in
 * overlaps=. A candidate inverse is rel-unlinked-inverse's to report. */
static bool conflict(const mg_relationship *a, const mg_relationship *b)
{
	return a != b && a->inverse != b && a->candidate_inverse != b && owner(a) != owner(b) &&
	       !meant_inverse(a, b) && !meant_inverse(b, a) && !mg_rel_overlaps_names(a, b->name) && !mg_rel_overlaps_names(b, a->name);
}

/*
 * Which of two conflicting relationships carries the finding: the one that
 * can take overlaps= for it, so a declared one over a backref; of two
 * declared ones, the one without an inverse (the odd one out, like drafts
 * beside posts and its backref); else the later by path.
 */
static bool reports_on_first(const mg_relationship *x, const mg_relationship *y)
{
	if (x->from_backref != y->from_backref)
		return !x->from_backref;
	if (!x->from_backref && !x->inverse != !y->inverse)
		return !x->inverse;
	return mg_name_order(owner(x)->path, owner(y)->path) > 0;
}

static int push_writes(writer **items, size_t *n, size_t *cap, const mg_relationship *r,
		       const mg_foreign_key *fk)
{
	for (size_t k = 0; fk && k < fk->ncolumns; k++) {
		if (*n == *cap) {
			size_t grown = *cap ? 2 * *cap : 64;
			writer *more = realloc(*items, grown * sizeof(writer));
			if (!more)
				return -1;
			*items = more;
			*cap = grown;
		}
		(*items)[(*n)++] = (writer){fk->columns[k], r};
	}
	return 0;
}

/* A conflicting pair, stored under the relationship it is reported on. */
typedef struct clash {
	const mg_relationship *reporter; /* declared */
	const mg_relationship *other;
	const mg_column *column;
} clash;

static int cmp_clashes(const void *a, const void *b)
{
	const clash *x = a, *y = b;
	int c = mg_name_order(x->reporter->path, y->reporter->path);
	if (!c)
		c = mg_name_order(x->other->path, y->other->path);
	return c ? c : mg_name_order(x->column->path, y->column->path);
}

static void report_clashes(mg_rule_context *ctx, const clash *c, size_t n)
{
	const mg_relationship *r = c[0].reporter;
	mg_buf others_buf = MG_BUF_INIT, keys_buf = MG_BUF_INIT;
	size_t nothers = 0;
	for (size_t i = 0; i < n; i++) {
		if (i && c[i].other == c[i - 1].other)
			continue;
		mg_buf_printf(&others_buf, "%s\"%s\"", nothers ? ", " : "", mg_rel_name(ctx, c[i].other));
		mg_buf_printf(&keys_buf, "%s%s", nothers ? ", " : "", c[i].other->name);
		nothers++;
	}
	const char *others = mg_rule_take(ctx, &others_buf), *keys = mg_rule_take(ctx, &keys_buf);
	const char *rn = mg_rel_name(ctx, r);
	mg_finding *f = mg_report_relationship(ctx, r,
					       "relationship \"%s\" writes \"%s\".\"%s\", as %s also do%s; none is "
					       "viewonly or names the others in overlaps=",
					       rn, c[0].column->table->name, c[0].column->name, others,
					       nothers > 1 ? "" : "es");
	if (!f)
		return;
	for (size_t i = 0; i < n; i++)
		if (!i || c[i].other != c[i - 1].other)
			mg_rel_related(ctx, c[i].other);
	mg_rel_set_fix(ctx, f,
		       "link inverses with back_populates, mark read-only ones viewonly, or add "
		       "overlaps=[%s] to \"%s\"",
		       keys, rn);
}

static void check_overlapping_writes(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	writer *w = NULL;
	clash *clashes = NULL;
	size_t n = 0, cap = 0, nclashes = 0, clashes_cap = 0;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		for (size_t j = 0; j < t->nrelationships; j++) {
			const mg_relationship *r = t->relationships[j];
			if (r->derived || r->join != MG_JOIN_OK || r->viewonly == MG_TRUE)
				continue;
			if (push_writes(&w, &n, &cap, r, r->via) < 0 ||
			    push_writes(&w, &n, &cap, r, r->secondary_via) < 0)
				goto oom;
		}
	}
	if (n > 1)
		qsort(w, n, sizeof(writer), cmp_writers);
	for (size_t start = 0, end; start < n; start = end) {
		for (end = start + 1; end < n && w[end].column == w[start].column; end++)
			;
		for (size_t a = start; a < end; a++)
			for (size_t b = a + 1; b < end; b++) {
				const mg_relationship *x = w[a].r, *y = w[b].r;
				if (!conflict(x, y))
					continue;
				bool on_x = reports_on_first(x, y);
				clash c = {owner(on_x ? x : y), on_x ? y : x, w[a].column};
				if (nclashes == clashes_cap) {
					size_t grown = clashes_cap ? 2 * clashes_cap : 16;
					clash *more = realloc(clashes, grown * sizeof(clash));
					if (!more)
						goto oom;
					clashes = more;
					clashes_cap = grown;
				}
				clashes[nclashes++] = c;
			}
	}
	if (nclashes > 1)
		qsort(clashes, nclashes, sizeof(clash), cmp_clashes);
	for (size_t start = 0, end; start < nclashes && !ctx->failed; start = end) {
		for (end = start + 1; end < nclashes && clashes[end].reporter == clashes[start].reporter; end++)
			;
		report_clashes(ctx, clashes + start, end - start);
	}
	goto cleanup;
oom:
	ctx->failed = 1;
cleanup:
	free(w);
	free(clashes);
}

const mg_rule mg_rule_rel_overlapping_writes = {
	.id = "rel-overlapping-writes",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "Two relationships write the same foreign key columns and neither says it knows.",
	.rationale = "Each relationship that is not viewonly copies keys into its foreign key columns "
		     "at flush. Two unrelated ones writing the same column (all posts and drafts, both "
		     "over post.user_id) can each overwrite what the other set; SQLAlchemy warns "
		     "(\"relationship X will copy column ... which conflicts with relationship(s)\") "
		     "unless one is viewonly or overlaps= names the other.",
	.without_orm = "Without an ORM, two fields of the structs set the same column; whichever the "
		       "code saves last wins.",
	.bad_c = "struct User {\n"
		 "    int id                MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts   MG_RELATIONSHIP(Post, backref=author);\n"
		 "    struct Post **drafts  MG_RELATIONSHIP(Post, order_by=Post.id);\n"
		 "} MG_MODEL(tablename=users);\n"
		 "\n"
		 "struct Post {\n"
		 "    int id                MG_COLUMN(primary_key=true);\n"
		 "    int user_id           MG_FOREIGN_KEY(users.id, index=true);\n"
		 "} MG_MODEL();",
	.good_c = "struct User {\n"
		  "    int id                MG_COLUMN(primary_key=true);\n"
		  "    struct Post **posts   MG_RELATIONSHIP(Post, backref=author);\n"
		  "    struct Post **drafts  MG_RELATIONSHIP(Post, order_by=Post.id, viewonly=true);\n"
		  "} MG_MODEL(tablename=users);\n"
		  "\n"
		  "struct Post {\n"
		  "    int id                MG_COLUMN(primary_key=true);\n"
		  "    int user_id           MG_FOREIGN_KEY(users.id, index=true);\n"
		  "} MG_MODEL();",
	.fix = "Link inverses with back_populates, mark read-only relationships viewonly, or name the "
	       "others in overlaps=.",
	.check = check_overlapping_writes,
};

/* ---- rel-secondary-is-model ---- */

/* The association-object pattern SQLAlchemy documents reads the link table
 * through secondary as well, viewonly or with overlaps= naming the model's
 * relationships; only a writable secondary that says nothing is reported. */
static void check_secondary_model_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (!r->secondary || r->secondary->kind != MG_TABLE_MODEL || r->viewonly == MG_TRUE ||
	    r->noverlaps > 0)
		return;
	mg_finding *f = mg_report_relationship(ctx, r,
					       "relationship \"%s\" has secondary \"%s\", the table of model \"%s\"; "
					       "a secondary must be a plain table (MG_TABLE)",
					       mg_rel_name(ctx, r), r->secondary_name,
					       mg_rel_model_name(r->secondary));
	if (f)
		mg_rel_related_table(ctx, r->secondary);
}

static void check_secondary_is_model(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_secondary_model_one);
}

const mg_rule mg_rule_rel_secondary_is_model = {
	.id = "rel-secondary-is-model",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "secondary names the table of a mapped model instead of a plain association table.",
	.rationale = "Through secondary, SQLAlchemy inserts and deletes the association rows itself; a "
		     "model mapped to the same table inserts and deletes them too, so one session can "
		     "write a row twice or delete it behind the other's back (SQLAlchemy warns of the "
		     "conflict). A link with data of its own is an association object: a model with "
		     "two many-to-one relationships; a shortcut through its table is fine when it is "
		     "viewonly, or names the model's relationships in overlaps=.",
	.without_orm = "Without an ORM, links written through the association table as a bare pair of "
		       "keys skip the other columns of the model that table also is.",
	.bad_c = "struct Song {\n"
		 "    int id                       MG_COLUMN(primary_key=true);\n"
		 "    struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=entry, backref=songs);\n"
		 "} MG_MODEL();\n"
		 "\n"
		 "struct Playlist {\n"
		 "    int id                       MG_COLUMN(primary_key=true);\n"
		 "} MG_MODEL();\n"
		 "\n"
		 "struct Entry {\n"
		 "    int song_id                  MG_FOREIGN_KEY(song.id, primary_key=true);\n"
		 "    int playlist_id              MG_FOREIGN_KEY(playlist.id, primary_key=true, index=true);\n"
		 "} MG_MODEL();",
	.good_c = "struct Song {\n"
		  "    int id                       MG_COLUMN(primary_key=true);\n"
		  "    struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=entry, backref=songs);\n"
		  "} MG_MODEL();\n"
		  "\n"
		  "struct Playlist {\n"
		  "    int id                       MG_COLUMN(primary_key=true);\n"
		  "} MG_MODEL();\n"
		  "\n"
		  "struct Entry {\n"
		  "    int song_id                  MG_FOREIGN_KEY(song.id, primary_key=true);\n"
		  "    int playlist_id              MG_FOREIGN_KEY(playlist.id, primary_key=true, index=true);\n"
		  "} MG_TABLE(entry);",
	.fix = "Make the association a plain table (MG_TABLE), or map it as an association object "
	       "with relationships to both sides instead of using secondary.",
	.check = check_secondary_is_model,
};

/* ---- rel-secondary-unknown ---- */

static bool is_plain(const mg_table *t)
{
	return t->kind == MG_TABLE_PLAIN || t->kind == MG_TABLE_ASSOCIATION;
}

static void check_secondary_unknown_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (!r->secondary_name)
		return;
	const char *rn = mg_rel_name(ctx, r);
	mg_finding *f;
	if (r->secondary) {
		/* SQL folds the case of names, SQLAlchemy's lookup of secondary does not. */
		if (strcmp(r->secondary_name, r->secondary->name) == 0)
			return;
		f = mg_report_relationship(ctx, r,
					   "relationship \"%s\" has secondary \"%s\", which names table \"%s\" only "
					   "when case is ignored; SQLAlchemy looks the name up exactly",
					   rn, r->secondary_name, r->secondary->name);
		mg_rel_set_fix(ctx, f, "write secondary=%s", r->secondary->name);
		return;
	}
	const mg_table *tagged = mg_rel_find_named(ctx->graph, r->secondary_name);
	if (tagged) {
		f = mg_report_relationship(ctx, r,
					   "relationship \"%s\" has secondary \"%s\", a struct tag; secondary takes "
					   "the table name, \"%s\"",
					   rn, r->secondary_name, tagged->name);
		mg_rel_set_fix(ctx, f, "write secondary=%s", tagged->name);
		return;
	}
	const char *near = nearest_table(ctx, r->secondary_name, is_plain, false);
	if (near) {
		f = mg_report_relationship(ctx, r,
					   "relationship \"%s\" has secondary \"%s\", which names no table; did you "
					   "mean \"%s\"?",
					   rn, r->secondary_name, near);
		mg_rel_set_fix(ctx, f, "write secondary=%s", near);
	} else {
		mg_report_relationship(ctx, r, "relationship \"%s\" has secondary \"%s\", which names no table",
				       rn, r->secondary_name);
	}
}

static void check_secondary_unknown(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_secondary_unknown_one);
}

const mg_rule mg_rule_rel_secondary_unknown = {
	.id = "rel-secondary-unknown",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "secondary names no table.",
	.rationale = "secondary names the association table of a many-to-many relationship by its "
		     "table name (playlist_songs), not the struct tag. When no table has that name, "
		     "SQLAlchemy fails to configure the mappers.",
	.without_orm = "Without an ORM, the table the join goes through does not exist, so no query can "
		       "follow the relationship.",
	.bad_c = "struct Song {\n"
		 "    int id                       MG_COLUMN(primary_key=true);\n"
		 "    struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=playlist_song, backref=songs);\n"
		 "} MG_MODEL();\n"
		 "\n"
		 "struct Playlist {\n"
		 "    int id                       MG_COLUMN(primary_key=true);\n"
		 "} MG_MODEL();\n"
		 "\n"
		 "struct PlaylistSong {\n"
		 "    int song_id                  MG_FOREIGN_KEY(song.id);\n"
		 "    int playlist_id              MG_FOREIGN_KEY(playlist.id, index=true);\n"
		 "} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);",
	.good_c = "struct Song {\n"
		  "    int id                       MG_COLUMN(primary_key=true);\n"
		  "    struct Playlist **playlists  MG_RELATIONSHIP(Playlist, secondary=playlist_songs, backref=songs);\n"
		  "} MG_MODEL();\n"
		  "\n"
		  "struct Playlist {\n"
		  "    int id                       MG_COLUMN(primary_key=true);\n"
		  "} MG_MODEL();\n"
		  "\n"
		  "struct PlaylistSong {\n"
		  "    int song_id                  MG_FOREIGN_KEY(song.id);\n"
		  "    int playlist_id              MG_FOREIGN_KEY(playlist.id, index=true);\n"
		  "} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);",
	.fix = "Name the association table by its table name (MG_TABLE(name)).",
	.check = check_secondary_unknown,
};

/* ---- rel-self-ref-needs-remote-side ---- */

static void check_self_ref_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (r->source != r->target || r->secondary || r->join != MG_JOIN_OK)
		return;
	const char *rn = mg_rel_name(ctx, r);
	const mg_foreign_key *fk = r->via;
	const char *key = fk->parent_columns[0] ? fk->parent_columns[0]->name : "id";
	for (size_t i = 0; i < r->nremote_side; i++)
		if (!r->remote_side_columns[i])
			return; /* rel-remote-side-unknown */
	/* A pair of one direction is rel-same-direction-pair's to report. */
	bool paired_wrong = r->inverse && r->inverse->direction == r->direction;
	if (!mg_rel_lacks_remote_side(r) || paired_wrong)
		return;
	mg_finding *f = mg_report_relationship(ctx, r,
					       "self-referential relationship \"%s\" holds one \"%s\" but has no "
					       "remote_side, so SQLAlchemy makes it one-to-many: from a row to the "
					       "rows whose \"%s\" holds its \"%s\"",
					       rn, mg_rel_model_name(r->source), fk->columns[0]->name, key);
	mg_rel_set_fix(ctx, f, "add remote_side=[%s] to make it the many-to-one to the row \"%s\" references",
		       key, fk->columns[0]->name);
}

static void check_self_ref_needs_remote_side(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_self_ref_one);
}

const mg_rule mg_rule_rel_self_ref_needs_remote_side = {
	.id = "rel-self-ref-needs-remote-side",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A self-referential relationship meant as many-to-one has no remote_side.",
	.rationale = "When a table references itself (an adjacency list: node.parent_id → node.id), "
		     "the foreign key is on both sides of the join and SQLAlchemy assumes one-to-many: "
		     "the children. A parent pointer without remote_side=[id] loads a child instead, "
		     "and writing it sets the other row's parent_id. remote_side names the remote "
		     "columns and turns it into the many-to-one.",
	.without_orm = "Without an ORM, the join of a table to itself reads both ways; without "
		       "remote_side the field meant for the parent describes the children.",
	.bad_c = "struct Node {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    int parent_id        MG_FOREIGN_KEY(node.id, index=true);\n"
		 "    struct Node *parent  MG_RELATIONSHIP(Node);\n"
		 "} MG_MODEL();",
	.good_c = "struct Node {\n"
		  "    int id               MG_COLUMN(primary_key=true);\n"
		  "    int parent_id        MG_FOREIGN_KEY(node.id, index=true);\n"
		  "    struct Node *parent  MG_RELATIONSHIP(Node, remote_side=[id], backref=children);\n"
		  "} MG_MODEL();",
	.fix = "Add remote_side=[id] (the referenced key) to the many-to-one side.",
	.check = check_self_ref_needs_remote_side,
};

/* ---- rel-target-unknown ---- */

static bool is_model(const mg_table *t)
{
	return t->kind == MG_TABLE_MODEL;
}

/* Whether `name` is a single-table subclass mapped to `t`: a class too. */
static bool names_subclass(const mg_table *t, const char *name)
{
	for (size_t i = 0; i < t->nsubclasses; i++)
		if (strcmp(t->subclasses[i]->name, name) == 0)
			return true;
	return false;
}

static void check_target_unknown_one(mg_rule_context *ctx, const mg_relationship *r)
{
	if (r->target && (!r->target->struct_name || strcmp(r->target_name, r->target->struct_name) == 0))
		return; /* the usual case, first: no name to print */
	if (r->target && names_subclass(r->target, r->target_name))
		return;
	const char *rn = mg_rel_name(ctx, r);
	mg_finding *f;
	if (r->target) {
		/* Found by its table's name: SQLAlchemy takes the class, and given the
		 * name of a table it receives the Table and refuses it. */
		f = mg_report_relationship(ctx, r,
					   "relationship \"%s\" targets \"%s\", the table of model \"%s\"; "
					   "SQLAlchemy takes the model (\"expects a class or a mapper "
					   "argument\")",
					   rn, r->target_name, r->target->struct_name);
		mg_rel_set_fix(ctx, f, "write MG_RELATIONSHIP(%s, ...)", r->target->struct_name);
		return;
	}
	const mg_table *named = mg_rel_find_named(ctx->graph, r->target_name);
	if (named) {
		f = mg_report_relationship(ctx, r, "relationship \"%s\" targets \"%s\", %s, not a model", rn,
					   r->target_name, named->kind == MG_TABLE_VIEW ? "a view" : "a plain table");
		if (f)
			mg_rel_related_table(ctx, named);
		return;
	}
	const char *near = nearest_table(ctx, r->target_name, is_model, true);
	if (near) {
		f = mg_report_relationship(ctx, r,
					   "relationship \"%s\" targets \"%s\", which is no model; did you mean \"%s\"?",
					   rn, r->target_name, near);
		mg_rel_set_fix(ctx, f, "write MG_RELATIONSHIP(%s, ...)", near);
	} else {
		mg_report_relationship(ctx, r, "relationship \"%s\" targets \"%s\", which is no model", rn,
				       r->target_name);
	}
}

static void check_target_unknown(mg_rule_context *ctx)
{
	mg_rel_each_declared(ctx, check_target_unknown_one);
}

const mg_rule mg_rule_rel_target_unknown = {
	.id = "rel-target-unknown",
	.severity = MG_SEVERITY_ERROR,
	.sources = MG_RULE_SOURCE_C,
	.summary = "A relationship targets something that is not a model.",
	.rationale = "MG_RELATIONSHIP(Target) names the target model by its struct tag (or its table "
		     "name). A misspelt name, a model not among the inputs, or a plain table cannot be "
		     "mapped: SQLAlchemy fails to configure the mappers, and nothing about the "
		     "relationship can be checked.",
	.without_orm = "Without an ORM, the field points to no mapped struct, so there is no table to "
		       "join.",
	.bad_c = "struct User {\n"
		 "    int id               MG_COLUMN(primary_key=true);\n"
		 "    struct Post **posts  MG_RELATIONSHIP(Pots, backref=author);\n"
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
	.fix = "Name a model (MG_MODEL) by its struct tag, and include the header that defines it.",
	.check = check_target_unknown,
};
