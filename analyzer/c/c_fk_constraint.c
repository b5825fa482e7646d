#include <string.h>

#include "analyzer/c/c_model.h"
#include "analyzer/core/suggest.h"

/*
 * MG_FOREIGN_KEY_CONSTRAINT([order_id, line_no], [order_line.order_id,
 * order_line.line_no], ondelete=CASCADE): SQLAlchemy's
 * ForeignKeyConstraint, one foreign key over several column pairs, for
 * keys a field's MG_FOREIGN_KEY cannot say. What only the annotation can
 * get wrong is checked here (the two lists pair up, the columns exist, the
 * references name one table); whether the referenced columns exist and are
 * a key of their table is fk-target-missing's and fk-target-not-unique's,
 * as for every foreign key.
 */

/* A column of the list that the table lacks, with the nearest name. */
static void unknown_column(mg_c_builder *b, const mg_c_parsed *p, const mg_annotation_value *v)
{
	mg_table *t = b->table;
	const char *names[256];
	size_t n = 0;
	for (size_t i = 0; i < t->ncolumns && n < sizeof(names) / sizeof(names[0]); i++)
		names[n++] = t->columns[i]->name;
	const char *near = mg_suggest_nearest(v->str, strlen(v->str), names, n);
	if (near)
		mg_c_problem(b, MG_ANNOTATION_PROBLEM_INVALID_VALUE, MG_SUBJECT_TABLE, t->path, p->source,
			     v->offset, v->length, p->source->location, near,
			     "no column \"%s\" in table \"%s\"; did you mean \"%s\"?", v->str, t->name, near);
	else
		mg_c_problem(b, MG_ANNOTATION_PROBLEM_INVALID_VALUE, MG_SUBJECT_TABLE, t->path, p->source,
			     v->offset, v->length, p->source->location, NULL,
			     "no column \"%s\" in table \"%s\"", v->str, t->name);
}

void mg_c_foreign_key_constraint(mg_c_builder *b, const mg_c_parsed *p)
{
	const mg_annotation_value *cols = mg_annotation_positional(p->a, 0);
	const mg_annotation_value *refs = mg_annotation_positional(p->a, 1);
	if (!cols || !refs || cols->type != MG_VALUE_LIST || refs->type != MG_VALUE_LIST)
		return; /* their errors are recorded */
	if (cols->count != refs->count || cols->count == 0) {
		mg_c_problem(b, MG_ANNOTATION_PROBLEM_INVALID_VALUE, MG_SUBJECT_TABLE, b->table->path, p->source,
			     refs->offset, refs->length, p->source->location, NULL,
			     "MG_FOREIGN_KEY_CONSTRAINT lists %zu column%s and %zu reference%s; give one "
			     "reference per column, in the same order",
			     cols->count, cols->count == 1 ? "" : "s", refs->count, refs->count == 1 ? "" : "s");
		return;
	}
	const mg_annotation_ref *first = &refs->items[0].ref;
	for (size_t i = 1; i < refs->count; i++) {
		const mg_annotation_ref *r = &refs->items[i].ref;
		bool same_schema = (!r->schema && !first->schema) ||
				   (r->schema && first->schema && strcmp(r->schema, first->schema) == 0);
		if (!same_schema || mg_graph_name_cmp(b->graph, r->table, first->table) != 0) {
			const mg_annotation_value *v = &refs->items[i];
			mg_c_problem(b, MG_ANNOTATION_PROBLEM_INVALID_VALUE, MG_SUBJECT_TABLE, b->table->path,
				     p->source, v->offset, v->length, p->source->location, NULL,
				     "reference \"%s\" names table \"%s\", but \"%s\" names \"%s\"; the references "
				     "of one foreign key name one table",
				     v->str, r->table, refs->items[0].str, first->table);
			return;
		}
	}
	mg_column **columns = mg_arena_alloc(b->graph->arena, cols->count * sizeof(*columns));
	if (!columns) {
		b->failed = 1;
		return;
	}
	for (size_t i = 0; i < cols->count; i++) {
		columns[i] = mg_c_listed_column(b, cols->items[i].str);
		if (!columns[i]) {
			unknown_column(b, p, &cols->items[i]);
			return;
		}
	}
	const char *name = mg_annotation_get_string(p->a, "name");
	if (!name && !(name = mg_c_constraint_name(b, columns, cols->count, "_fkey")))
		return;
	mg_foreign_key *fk = mg_table_add_foreign_key(b->table, name, first->table);
	if (!fk) {
		b->failed = 1;
		return;
	}
	for (size_t i = 0; i < cols->count; i++)
		if (mg_foreign_key_add_column(fk, columns[i], refs->items[i].ref.column) < 0) {
			b->failed = 1;
			return;
		}
	fk->on_delete = mg_fk_action_parse(mg_annotation_get_string(p->a, "ondelete"));
	fk->on_update = mg_fk_action_parse(mg_annotation_get_string(p->a, "onupdate"));
	fk->location = p->source->location;
}
