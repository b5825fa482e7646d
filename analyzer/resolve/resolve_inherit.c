#include "analyzer/core/name_index.h"
#include "analyzer/resolve/resolve.h"

/*
 * Joined-table inheritance, as SQLAlchemy's mapper settles it: the table of
 * a subclass joins the table of the class it inherits from through the
 * foreign keys between the two, either way (sql.util.join_condition): one
 * is the inherit condition; none is NoForeignKeysError, several are
 * AmbiguousForeignKeysError ("Can't determine the inherit condition").
 * A relationship of the subclass joins over the foreign keys of both
 * tables (resolve_relationships.c).
 */

/* Whether every column of the foreign key is in its table's primary key. */
static bool over_primary_key(const mg_foreign_key *fk)
{
	for (size_t i = 0; i < fk->ncolumns; i++)
		if (!fk->columns[i]->pk_position)
			return false;
	return fk->ncolumns > 0;
}

static void join_to_base(mg_table *t)
{
	mg_table *base = t->inherits_table;
	mg_foreign_key *found = NULL, *over_key = NULL;
	size_t n = 0, nkey = 0;
	const mg_table *holders[2] = {t, base}, *parents[2] = {base, t};
	for (size_t k = 0; k < 2; k++)
		for (size_t i = 0; i < holders[k]->nforeign_keys; i++) {
			mg_foreign_key *fk = holders[k]->foreign_keys[i];
			if (fk->implied || fk->parent != parents[k] || !fk->parent_columns)
				continue;
			found = fk;
			n++;
			if (k == 0 && over_primary_key(fk)) {
				over_key = fk;
				nkey++;
			}
		}
	t->inherit_join = n == 0 ? MG_JOIN_NO_FOREIGN_KEY : n == 1 ? MG_JOIN_OK : MG_JOIN_AMBIGUOUS;
	t->inherit_fk = n == 1 ? found : nkey == 1 ? over_key : NULL;
}

int mg_resolve_inheritance(mg_graph *graph)
{
	mg_name_index *classes = mg_name_index_new(false); /* struct tag -> its table */
	if (!classes)
		return -1;
	for (size_t i = 0; i < graph->ntables; i++) {
		mg_table *t = graph->tables[i];
		if (t->struct_name && !mg_name_index_get(classes, t->struct_name) &&
		    mg_name_index_put(classes, t->struct_name, t) < 0)
			goto oom;
		for (size_t k = 0; k < t->nsubclasses; k++)
			if (!mg_name_index_get(classes, t->subclasses[k]->name) &&
			    mg_name_index_put(classes, t->subclasses[k]->name, t) < 0)
				goto oom;
	}
	for (size_t i = 0; i < graph->ntables; i++) {
		mg_table *t = graph->tables[i];
		if (!t->inherits)
			continue;
		t->inherits_table = mg_name_index_get(classes, t->inherits);
		if (!t->inherits_table || t->inherits_table == t)
			t->inherit_join = MG_JOIN_NO_TARGET;
		else
			join_to_base(t);
	}
	mg_name_index_free(classes);
	return 0;
oom:
	mg_name_index_free(classes);
	return -1;
}
