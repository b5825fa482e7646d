/* Drift in keys: foreign keys, primary and unique keys, and indexes the
 * models declare that the database does not have, or has otherwise. */

#include <stdlib.h>
#include <string.h>

#include "analyzer/lint/drift_sql.h"
#include "analyzer/lint/lint.h"
#include "analyzer/lint/rules/drift.h"
#include "analyzer/lint/rules/rule_util.h"
#include "util/text.h"

/* The tables both sides have, as the key rules compare them. */
static const mg_table *compared_pair(const mg_graph *db, const mg_table *t)
{
	if (!mg_drift_compared(t))
		return NULL;
	const mg_table *other = mg_drift_pair(db, t);
	return other && mg_drift_compared(other) ? other : NULL;
}

/* Whether `name` is among the columns' names. */
static bool has_name(const mg_graph *g, mg_column *const *columns, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (columns[i] && mg_drift_same_name(g, columns[i]->name, name))
			return true;
	return false;
}

/* Whether every column has a name (none is an expression). */
static bool all_named(mg_column *const *columns, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!columns[i])
			return false;
	return n > 0;
}

/* ---- foreign keys ---- */

/* A parent column's name: as resolved, else as written; NULL when unknown
 * (the parent's primary key, of a parent that does not exist). */
static const char *parent_column_name(const mg_foreign_key *fk, size_t i)
{
	if (fk->parent_columns && fk->parent_columns[i])
		return fk->parent_columns[i]->name;
	return i < fk->nparent_columns ? fk->parent_column_names[i] : NULL;
}

static bool same_parent(const mg_graph *db, const mg_foreign_key *m, const mg_foreign_key *d)
{
	if (m->parent && d->parent)
		return mg_drift_pair(db, m->parent) == d->parent;
	return mg_drift_same_name(db, m->parent ? m->parent->path : m->parent_name,
				  d->parent ? d->parent->path : d->parent_name);
}

/* The child column of `d` named like child column i of `m`, as an index; -1 when none. */
static long child_position(const mg_graph *db, const mg_foreign_key *m, size_t i, const mg_foreign_key *d)
{
	for (size_t j = 0; j < d->ncolumns; j++)
		if (mg_drift_same_name(db, d->columns[j]->name, m->columns[i]->name))
			return (long)j;
	return -1;
}

/* Whether the database's `d` is over the same child columns as the model's `m`. */
static bool same_children(const mg_graph *db, const mg_foreign_key *m, const mg_foreign_key *d)
{
	if (d->implied || d->ncolumns != m->ncolumns)
		return false;
	for (size_t i = 0; i < m->ncolumns; i++)
		if (child_position(db, m, i, d) < 0)
			return false;
	return true;
}

/* Whether `d` is the model's `m`: the same columns to the same parent columns. */
static bool same_foreign_key(const mg_graph *db, const mg_foreign_key *m, const mg_foreign_key *d)
{
	if (!same_children(db, m, d) || !same_parent(db, m, d))
		return false;
	for (size_t i = 0; i < m->ncolumns; i++) {
		const char *mp = parent_column_name(m, i), *dp = parent_column_name(d, (size_t)child_position(db, m, i, d));
		if (mp && dp && !mg_drift_same_name(db, mp, dp))
			return false;
	}
	return true;
}

static const mg_foreign_key *find_foreign_key(const mg_graph *db, const mg_table *other, const mg_foreign_key *m)
{
	for (size_t i = 0; i < other->nforeign_keys; i++)
		if (same_foreign_key(db, m, other->foreign_keys[i]))
			return other->foreign_keys[i];
	return NULL;
}

/* "("user_id") references "users" ("id")" */
static const char *describe_fk(mg_rule_context *ctx, const mg_foreign_key *fk)
{
	mg_buf text = MG_BUF_INIT;
	mg_buf_puts(&text, "(");
	for (size_t i = 0; i < fk->ncolumns; i++)
		mg_buf_printf(&text, "%s\"%s\"", i ? ", " : "", fk->columns[i]->name);
	mg_buf_printf(&text, ") references \"%s\"", fk->parent ? fk->parent->path : fk->parent_name);
	if (parent_column_name(fk, 0)) {
		mg_buf_puts(&text, " (");
		for (size_t i = 0; i < fk->ncolumns; i++) {
			const char *name = parent_column_name(fk, i);
			mg_buf_printf(&text, "%s\"%s\"", i ? ", " : "", name ? name : "?");
		}
		mg_buf_puts(&text, ")");
	}
	return mg_rule_take(ctx, &text);
}

static void check_fk_missing(mg_rule_context *ctx)
{
	const mg_graph *models = ctx->graph, *db = mg_drift_db(ctx);
	for (size_t i = 0; db && i < models->ntables; i++) {
		const mg_table *t = models->tables[i], *other = compared_pair(db, t);
		for (size_t k = 0; other && k < t->nforeign_keys; k++) {
			const mg_foreign_key *fk = t->foreign_keys[k];
			if (fk->implied || find_foreign_key(db, other, fk))
				continue;
			mg_finding *f = mg_report_fk(ctx, fk, "foreign key \"%s\" %s is not in the database", fk->path,
						     describe_fk(ctx, fk));
			unsigned dialect = mg_table_dialect(other);
			mg_buf fix = MG_BUF_INIT;
			if (dialect == MG_DIALECT_POSTGRESQL || dialect == MG_DIALECT_MYSQL) {
				mg_buf_puts(&fix, "Add it to the database: ALTER TABLE ");
				mg_dialect_put_table(&fix, other, dialect);
				mg_buf_puts(&fix, " ADD ");
				if (!mg_dialect_put_fk_constraint(&fix, fk, dialect))
					fix.len = 0;
				else
					mg_buf_puts(&fix, "; or remove it from the model.");
			}
			mg_drift_set_fix(ctx, f, &fix);
			/* The database's key over the same columns, when it goes elsewhere. */
			const mg_foreign_key *elsewhere = NULL;
			for (size_t j = 0; j < other->nforeign_keys && !elsewhere; j++)
				if (same_children(db, fk, other->foreign_keys[j]))
					elsewhere = other->foreign_keys[j];
			const char *target = elsewhere ? strstr(describe_fk(ctx, elsewhere), "references") : NULL;
			if (target)
				mg_report_related(ctx, MG_OBJECT_FOREIGN_KEY, elsewhere->path, elsewhere->location,
						  mg_rule_printf(ctx, "the database's foreign key over these columns %s",
								 target));
			else
				mg_report_related(ctx, MG_OBJECT_TABLE, other->path, other->location,
						  mg_rule_printf(ctx, "table \"%s\" of the database has no foreign key over these columns",
								 other->path));
		}
	}
}

const mg_rule mg_rule_drift_fk_missing = {
	.id = "drift-fk-missing",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_DIFF,
	.summary = "A foreign key the models declare is not in the database.",
	.rationale = "The relationships still load, since the ORM joins by the models' keys, but "
		     "the database no longer checks the link: a row may point at a parent that does "
		     "not exist, and ON DELETE actions the models count on do not run. A key of the "
		     "database over the same columns to another table is shown beside it. Foreign "
		     "keys the database has and the models do not declare are not reported: the "
		     "database checks more than the models say, which loses no data.",
	.bad_sql = "-- the models:\n"
		   "CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
		   "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id));\n"
		   "-- the database:\n"
		   "CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
		   "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL);",
	.good_sql = "-- the models:\n"
		    "CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
		    "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id));\n"
		    "-- the database:\n"
		    "CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
		    "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL,\n"
		    "    CONSTRAINT fk_post_user FOREIGN KEY (user_id) REFERENCES users (id));",
	.fix = "Add the foreign key to the database (ALTER TABLE … ADD CONSTRAINT; SQLite adds none "
	       "to a table: rebuild it), or remove it from the model.",
	.check = check_fk_missing,
};

/* ---- drift-fk-mismatch ---- */

/* The actions of `fk` that differ from those of `other`: " ON DELETE CASCADE". */
static const char *differing_actions(mg_rule_context *ctx, const mg_foreign_key *fk, const mg_foreign_key *other)
{
	mg_buf text = MG_BUF_INIT;
	if (mg_drift_action(fk->on_delete) != mg_drift_action(other->on_delete))
		mg_buf_printf(&text, " ON DELETE %s", mg_fk_action_name(mg_drift_action(fk->on_delete)));
	if (mg_drift_action(fk->on_update) != mg_drift_action(other->on_update))
		mg_buf_printf(&text, " ON UPDATE %s", mg_fk_action_name(mg_drift_action(fk->on_update)));
	return mg_rule_take(ctx, &text);
}

static void check_fk_mismatch(mg_rule_context *ctx)
{
	const mg_graph *models = ctx->graph, *db = mg_drift_db(ctx);
	for (size_t i = 0; db && i < models->ntables; i++) {
		const mg_table *t = models->tables[i], *other = compared_pair(db, t);
		for (size_t k = 0; other && k < t->nforeign_keys; k++) {
			const mg_foreign_key *fk = t->foreign_keys[k], *d;
			if (fk->implied || !(d = find_foreign_key(db, other, fk)))
				continue;
			const char *ours = differing_actions(ctx, fk, d);
			if (!*ours)
				continue;
			const char *theirs = differing_actions(ctx, d, fk);
			mg_finding *f = mg_report_fk(ctx, fk, "foreign key \"%s\" is%s in the models but%s in the database",
						     fk->path, ours, theirs);
			unsigned dialect = mg_table_dialect(other);
			mg_buf fix = MG_BUF_INIT;
			if (dialect == MG_DIALECT_POSTGRESQL || dialect == MG_DIALECT_MYSQL) {
				mg_buf_puts(&fix, "Change the database: ALTER TABLE ");
				mg_dialect_put_table(&fix, other, dialect);
				mg_buf_puts(&fix, dialect == MG_DIALECT_MYSQL ? " DROP FOREIGN KEY " : " DROP CONSTRAINT ");
				mg_dialect_put_name(&fix, d->name, dialect);
				mg_buf_puts(&fix, ", ADD ");
				if (!mg_dialect_put_fk_named(&fix, fk, d->name, dialect))
					fix.len = 0;
				else
					mg_buf_puts(&fix, "; or change the model to match it.");
			}
			mg_drift_set_fix(ctx, f, &fix);
			mg_report_related(ctx, MG_OBJECT_FOREIGN_KEY, d->path, d->location,
					  mg_rule_printf(ctx, "the database's foreign key \"%s\"", d->name));
		}
	}
}

const mg_rule mg_rule_drift_fk_mismatch = {
	.id = "drift-fk-mismatch",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_DIFF,
	.summary = "A foreign key has other ON DELETE or ON UPDATE actions in the database than in the models.",
	.rationale = "The models count on what the database does when a parent goes: with ON "
		     "DELETE CASCADE in the models but not in the database, deleting a parent fails "
		     "(or leaves orphans where keys are not checked); the reverse deletes rows the "
		     "code means to keep. NO ACTION, RESTRICT and no action at all count as one.",
	.bad_sql = "-- the models:\n"
		   "CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
		   "CREATE TABLE post (id INTEGER PRIMARY KEY,\n"
		   "    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE);\n"
		   "-- the database:\n"
		   "CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
		   "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id));",
	.good_sql = "-- the models:\n"
		    "CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
		    "CREATE TABLE post (id INTEGER PRIMARY KEY,\n"
		    "    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE);\n"
		    "-- the database:\n"
		    "CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
		    "CREATE TABLE post (id INTEGER PRIMARY KEY,\n"
		    "    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE);",
	.fix = "Give the database's foreign key the models' actions (drop it and add it again; "
	       "SQLite: rebuild the table), or change the model to match the database.",
	.check = check_fk_mismatch,
};

/* ---- drift-unique-missing ---- */

/* A key of a table: its primary key, a unique constraint or a full unique index. */
typedef struct key {
	mg_column *const *columns;
	size_t ncolumns;
	bool primary;
	const char *name;        /* the constraint's or index's, NULL when unnamed */
	const mg_index *index;   /* the unique index that is (or backs) it, NULL when none */
} key;

/* Whether the two lists hold the same columns, in any order. */
static bool same_set(mg_column *const *a, size_t na, mg_column *const *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++) {
		bool found = false;
		for (size_t j = 0; j < nb && !found; j++)
			found = a[i] == b[j];
		if (!found)
			return false;
	}
	return true;
}

static bool full_unique_index(const mg_index *ix)
{
	return ix->unique && !ix->partial && all_named(ix->columns, ix->ncolumns);
}

/* The table's keys, each column set once; the caller frees the array. */
static key *table_keys(const mg_table *t, size_t *out_n)
{
	size_t cap = 1 + t->nuniques + t->nindexes, n = 0;
	key *keys = calloc(cap, sizeof(*keys));
	if (!keys)
		return NULL;
	if (t->npk)
		keys[n++] = (key){t->primary_key, t->npk, true, NULL, NULL};
	for (size_t i = 0; i < t->nuniques; i++)
		if (all_named(t->uniques[i].columns, t->uniques[i].ncolumns))
			keys[n++] = (key){t->uniques[i].columns, t->uniques[i].ncolumns, false, t->uniques[i].name, NULL};
	for (size_t i = 0; i < t->nindexes; i++)
		if (full_unique_index(t->indexes[i]))
			keys[n++] = (key){t->indexes[i]->columns, t->indexes[i]->ncolumns, false, t->indexes[i]->name,
					  t->indexes[i]};
	/* One entry per column set: the first, with the index that backs it. */
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		size_t j = 0;
		while (j < kept && !same_set(keys[j].columns, keys[j].ncolumns, keys[i].columns, keys[i].ncolumns))
			j++;
		if (j == kept)
			keys[kept++] = keys[i];
		else if (!keys[j].index)
			keys[j].index = keys[i].index;
	}
	*out_n = kept;
	return keys;
}

/* Whether the database's table enforces the model's key: one of its keys
 * is over some (or all) of the key's columns. */
static bool enforced(const mg_graph *db, const mg_table *other, const key *k)
{
	size_t n = 0;
	key *theirs = table_keys(other, &n);
	bool found = !theirs; /* out of memory: no finding rather than a wrong one */
	for (size_t i = 0; i < n && !found; i++) {
		bool within = true;
		for (size_t c = 0; c < theirs[i].ncolumns && within; c++)
			within = has_name(db, k->columns, k->ncolumns, theirs[i].columns[c]->name);
		found = within;
	}
	free(theirs);
	return found;
}

/* The one-to-one relationship of the models the key keeps one-to-one; NULL when none. */
static const mg_relationship *one_to_one_on(const mg_table *t, const key *k)
{
	for (size_t i = 0; i < t->nforeign_keys; i++) {
		const mg_foreign_key *fk = t->foreign_keys[i];
		if (!same_set(fk->columns, fk->ncolumns, k->columns, k->ncolumns))
			continue;
		const mg_table *sides[2] = {fk->parent, t};
		for (size_t s = 0; s < 2; s++)
			for (size_t r = 0; sides[s] && r < sides[s]->nrelationships; r++) {
				const mg_relationship *rel = sides[s]->relationships[r];
				if (rel->via == fk && rel->kind == MG_CARD_ONE_TO_ONE)
					return rel;
			}
	}
	return NULL;
}

/* The name a key is known by: its own, else PostgreSQL's <table>_<columns>_key. */
static const char *key_name(mg_rule_context *ctx, const mg_table *t, const key *k)
{
	if (k->name)
		return k->name;
	mg_buf name = MG_BUF_INIT;
	mg_buf_puts(&name, mg_table_bare_name(t));
	for (size_t i = 0; i < k->ncolumns; i++)
		mg_buf_printf(&name, "_%s", k->columns[i]->name);
	mg_buf_puts(&name, "_key");
	return mg_rule_take(ctx, &name);
}

static void key_fix(mg_rule_context *ctx, mg_finding *f, const mg_table *t, const mg_table *other, const key *k)
{
	unsigned dialect = mg_table_dialect(other);
	mg_buf fix = MG_BUF_INIT;
	if (!dialect) {
		mg_drift_set_fix(ctx, f, &fix);
		return;
	}
	mg_buf_puts(&fix, "Add it to the database: ");
	if (dialect == MG_DIALECT_SQLITE) {
		/* SQLite adds no constraint to a table; a unique index enforces the same. */
		mg_buf_puts(&fix, "CREATE UNIQUE INDEX ");
		mg_dialect_put_name(&fix, key_name(ctx, t, k), dialect);
		mg_buf_puts(&fix, " ON ");
		mg_dialect_put_table(&fix, other, dialect);
		mg_buf_puts(&fix, " (");
	} else {
		mg_buf_puts(&fix, "ALTER TABLE ");
		mg_dialect_put_table(&fix, other, dialect);
		if (k->primary) {
			mg_buf_puts(&fix, " ADD PRIMARY KEY (");
		} else {
			mg_buf_puts(&fix, " ADD CONSTRAINT ");
			mg_dialect_put_name(&fix, key_name(ctx, t, k), dialect);
			mg_buf_puts(&fix, " UNIQUE (");
		}
	}
	mg_dialect_put_columns(&fix, k->columns, k->ncolumns, dialect);
	mg_buf_puts(&fix, "); or remove it from the model.");
	mg_drift_set_fix(ctx, f, &fix);
}

static void report_key(mg_rule_context *ctx, const mg_table *t, const mg_table *other, const key *k)
{
	const char *columns = mg_column_list(ctx, k->columns, k->ncolumns);
	const mg_relationship *one = one_to_one_on(t, k);
	const char *why = one ? mg_rule_printf(ctx, ": the one-to-one \"%s\" can hold many rows", one->path)
			  : k->primary && t->kind == MG_TABLE_ASSOCIATION
				  ? ": the association can hold one pair twice"
				  : ": duplicates can be written";
	mg_finding *f;
	if (k->primary)
		f = mg_report(ctx, MG_OBJECT_TABLE, t->path, t->location,
			      "primary key (%s) of table \"%s\" is no key in the database%s", columns, t->path, why);
	else if (k->index)
		f = mg_report(ctx, MG_OBJECT_INDEX, k->index->path,
			      k->ncolumns == 1 && k->index->origin != MG_INDEX_CREATED ? k->columns[0]->location
										       : k->index->location,
			      "unique key (%s) of table \"%s\" is not enforced by the database%s", columns, t->path, why);
	else
		f = mg_report(ctx, MG_OBJECT_INDEX, mg_rule_printf(ctx, "%s.%s", t->path, key_name(ctx, t, k)),
			      k->columns[0]->location, "unique key (%s) of table \"%s\" is not enforced by the database%s",
			      columns, t->path, why);
	key_fix(ctx, f, t, other, k);
	mg_report_related(ctx, MG_OBJECT_TABLE, other->path, other->location,
			  mg_rule_printf(ctx, "table \"%s\" of the database has no %s over %s", other->path,
					 k->primary ? "primary key or unique constraint" : "unique constraint or index",
					 columns));
}

static void check_unique_missing(mg_rule_context *ctx)
{
	const mg_graph *models = ctx->graph, *db = mg_drift_db(ctx);
	for (size_t i = 0; db && i < models->ntables; i++) {
		const mg_table *t = models->tables[i], *other = compared_pair(db, t);
		if (!other)
			continue;
		size_t n = 0;
		key *keys = table_keys(t, &n);
		if (!keys) {
			ctx->failed = 1;
			return;
		}
		for (size_t k = 0; k < n; k++) {
			/* A key over a column the database lacks is drift-column-missing's. */
			bool present = true;
			for (size_t c = 0; c < keys[k].ncolumns && present; c++)
				present = mg_table_find_column(other, keys[k].columns[c]->name) != NULL;
			if (present && !enforced(db, other, &keys[k]))
				report_key(ctx, t, other, &keys[k]);
		}
		free(keys);
	}
}

const mg_rule mg_rule_drift_unique_missing = {
	.id = "drift-unique-missing",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_DIFF,
	.summary = "A primary key or unique key of the models is not enforced by the database.",
	.rationale = "The models count on the key: a one-to-one (uselist=false) relationship holds "
		     "one row only while its foreign key is unique, an association table keeps each "
		     "pair once only through its key, and the ORM finds a row by its primary key. "
		     "Without the key in the database, duplicates are written and the one-to-one "
		     "silently returns one of many rows. A key of the database over some of the "
		     "key's columns enforces it too. Keys the database has and the models do not "
		     "declare are not reported.",
	.bad_sql = "-- the models:\n"
		   "CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
		   "CREATE TABLE user_profile (id INTEGER PRIMARY KEY,\n"
		   "    user_id INTEGER NOT NULL UNIQUE REFERENCES users (id));\n"
		   "-- the database:\n"
		   "CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
		   "CREATE TABLE user_profile (id INTEGER PRIMARY KEY,\n"
		   "    user_id INTEGER NOT NULL REFERENCES users (id));",
	.good_sql = "-- the models:\n"
		    "CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
		    "CREATE TABLE user_profile (id INTEGER PRIMARY KEY,\n"
		    "    user_id INTEGER NOT NULL UNIQUE REFERENCES users (id));\n"
		    "-- the database:\n"
		    "CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
		    "CREATE TABLE user_profile (id INTEGER PRIMARY KEY,\n"
		    "    user_id INTEGER NOT NULL REFERENCES users (id));\n"
		    "CREATE UNIQUE INDEX user_profile_user_id_key ON user_profile (user_id);",
	.fix = "Add the key to the database (ALTER TABLE … ADD UNIQUE, or a unique index), after "
	       "removing the duplicates it finds, or remove it from the model.",
	.check = check_unique_missing,
};

/* ---- drift-index-missing ---- */

/* Whether some index of the database's table (its primary key and unique
 * constraints too) starts with the model index's columns, in any order. */
static bool indexed(const mg_graph *db, const mg_table *other, const mg_index *ix)
{
	size_t n = 0;
	key *keys = table_keys(other, &n);
	if (!keys)
		return true;
	bool found = false;
	for (size_t i = 0; i < n + other->nindexes && !found; i++) {
		mg_column *const *columns;
		size_t ncolumns;
		if (i < n) {
			columns = keys[i].columns;
			ncolumns = keys[i].ncolumns;
		} else if (!other->indexes[i - n]->partial) {
			columns = other->indexes[i - n]->columns;
			ncolumns = other->indexes[i - n]->ncolumns;
		} else {
			continue;
		}
		if (ncolumns < ix->ncolumns)
			continue;
		bool leads = true;
		for (size_t c = 0; c < ix->ncolumns && leads; c++)
			leads = columns[c] && has_name(db, ix->columns, ix->ncolumns, columns[c]->name);
		found = leads;
	}
	free(keys);
	return found;
}

static void check_index_missing(mg_rule_context *ctx)
{
	const mg_graph *models = ctx->graph, *db = mg_drift_db(ctx);
	for (size_t i = 0; db && i < models->ntables; i++) {
		const mg_table *t = models->tables[i], *other = compared_pair(db, t);
		for (size_t k = 0; other && k < t->nindexes; k++) {
			const mg_index *ix = t->indexes[k];
			/* Unique indexes are keys: drift-unique-missing's. */
			if (ix->origin != MG_INDEX_CREATED || ix->unique || ix->partial ||
			    !all_named(ix->columns, ix->ncolumns) || indexed(db, other, ix))
				continue;
			bool present = true;
			for (size_t c = 0; c < ix->ncolumns && present; c++)
				present = mg_table_find_column(other, ix->columns[c]->name) != NULL;
			if (!present)
				continue; /* drift-column-missing's */
			const char *columns = mg_column_list(ctx, ix->columns, ix->ncolumns);
			mg_finding *f = mg_report(ctx, MG_OBJECT_INDEX, ix->path, ix->location,
						  "index \"%s\" of table \"%s\" on %s is not in the database: "
						  "lookups by %s read the whole table",
						  ix->name, t->path, columns, ix->ncolumns == 1 ? "it" : "them");
			unsigned dialect = mg_table_dialect(other);
			mg_buf fix = MG_BUF_INIT;
			if (dialect) {
				mg_buf_puts(&fix, "Create it: CREATE INDEX ");
				mg_dialect_put_name(&fix, ix->name, dialect);
				mg_buf_puts(&fix, " ON ");
				mg_dialect_put_table(&fix, other, dialect);
				mg_buf_puts(&fix, " (");
				mg_dialect_put_columns(&fix, ix->columns, ix->ncolumns, dialect);
				mg_buf_puts(&fix, "); or remove it from the model.");
			}
			mg_drift_set_fix(ctx, f, &fix);
			mg_report_related(ctx, MG_OBJECT_TABLE, other->path, other->location,
					  mg_rule_printf(ctx, "table \"%s\" of the database has no index on %s",
							 other->path, columns));
		}
	}
}

const mg_rule mg_rule_drift_index_missing = {
	.id = "drift-index-missing",
	.severity = MG_SEVERITY_NOTE,
	.sources = MG_RULE_SOURCE_DIFF,
	.summary = "An index the models declare (index=true, MG_INDEX) is not in the database.",
	.rationale = "Nothing fails, but the lookups the index was declared for read the whole "
		     "table, and joins from the foreign key it usually serves slow down as the "
		     "table grows. Any index of the database whose leading columns are the index's "
		     "serves, whatever its name, and so do primary keys and unique constraints (and "
		     "the index MySQL makes for each foreign key). Indexes the database has and the "
		     "models do not declare are not reported: tuning belongs to the database.",
	.bad_sql = "-- the models:\n"
		   "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL);\n"
		   "CREATE INDEX ix_post_user_id ON post (user_id);\n"
		   "-- the database:\n"
		   "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL);",
	.good_sql = "-- the models:\n"
		    "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL);\n"
		    "CREATE INDEX ix_post_user_id ON post (user_id);\n"
		    "-- the database:\n"
		    "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL);\n"
		    "CREATE INDEX post_by_user ON post (user_id, id);",
	.fix = "Create the index in the database (CREATE INDEX), or remove it from the model.",
	.check = check_index_missing,
};
