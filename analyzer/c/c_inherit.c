#include <string.h>

#include "analyzer/c/c_model.h"

/*
 * Inheritance, in C's own idiom: a model whose first field is another
 * model's struct by value is a subclass of that model. As Flask-SQLAlchemy
 * gives a subclass a __tablename__ only when it declares a primary key
 * column, a subclass with a key column of its own (which references the
 * base's key) has its own table, joined to its base's (joined-table
 * inheritance); one without maps to its base's table, which takes its
 * columns (single-table inheritance).
 */

mg_table *mg_c_inherited(mg_c_builder *b, const mg_c_parsed *table_p)
{
	if (table_p->source->kind != MG_ANNOTATION_MODEL || b->s->nfields == 0)
		return NULL;
	const mg_c_field *f = &b->s->fields[0];
	if (f->type.kind != MG_C_RECORD || f->type.pointer || f->type.collection || !f->type.target)
		return NULL;
	mg_table *base = mg_name_index_get(b->model->structs, f->type.target);
	return base && base->kind == MG_TABLE_MODEL ? base : NULL;
}

bool mg_c_own_table(mg_c_builder *b, const mg_c_parsed *parsed, size_t n, const mg_c_parsed *table_p)
{
	if (mg_annotation_get(table_p->a, "tablename"))
		return true;
	for (size_t i = 0; i < n; i++)
		if (parsed[i].source->kind == MG_ANNOTATION_PRIMARY_KEY)
			return true;
	for (size_t i = 1; i < b->s->nfields; i++) {
		const mg_c_field *f = &b->s->fields[i];
		for (size_t k = 0; k < f->nannotations; k++) {
			const mg_c_annotation *a = &f->annotations[k];
			mg_c_parsed p;
			if (a->kind != MG_ANNOTATION_COLUMN && a->kind != MG_ANNOTATION_FOREIGN_KEY)
				continue;
			if (mg_c_parse_all(b->model, &p, a, 1) < 0) {
				b->failed = 1;
				return true;
			}
			bool key = false;
			if (mg_annotation_get_bool(&key, p.a, "primary_key") == 0 && key)
				return true;
		}
	}
	return false;
}

/* The polymorphic options of MG_MODEL, where they are kept. */
static void polymorphic_options(mg_c_builder *b, const mg_c_parsed *table_p, const char **on,
				mg_location *on_location, const char **identity)
{
	const mg_annotation_value *v = mg_annotation_get(table_p->a, "polymorphic_on");
	if (v) {
		*on = mg_c_copy(b, v->str);
		*on_location = mg_c_annotation_position(table_p->source, v->offset);
	}
	if ((v = mg_annotation_get(table_p->a, "polymorphic_identity")))
		*identity = mg_c_copy(b, v->str);
}

void mg_c_polymorphic(mg_c_builder *b, const mg_c_parsed *table_p)
{
	mg_table *t = b->table;
	polymorphic_options(b, table_p, &t->polymorphic_on, &t->polymorphic_on_location,
			    &t->polymorphic_identity);
}

int mg_c_add_subclass(mg_c_builder *b, mg_table *base, const mg_c_parsed *table_p, mg_error *err)
{
	mg_arena *arena = b->graph->arena;
	const mg_c_struct *s = b->s;
	const mg_table *other = mg_name_index_get(b->model->structs, s->tag);
	if (other) {
		mg_error_set(err, "%s:%u:%u: struct %s is defined twice: here and in the models of table \"%s\"",
			     table_p->source->location.file, table_p->source->location.line,
			     table_p->source->location.column, s->tag, other->name);
		return -1;
	}
	mg_subclass *sc = mg_arena_alloc(arena, sizeof(*sc));
	if (!sc)
		goto oom;
	*sc = (mg_subclass){
		.table = base,
		.name = mg_c_copy(b, s->tag),
		.inherits = mg_c_copy(b, s->fields[0].type.target),
		.c_definition = mg_c_copy(b, s->definition),
		.path = mg_arena_printf(arena, "%s.%s", base->path, s->tag),
		.location = table_p->source->location,
	};
	polymorphic_options(b, table_p, &sc->polymorphic_on, &sc->polymorphic_on_location,
			    &sc->polymorphic_identity);
	if (b->failed || !sc->path ||
	    MG_ARENA_PUSH(arena, base->subclasses, base->nsubclasses, base->subclasses_cap, sc) < 0 ||
	    mg_name_index_put(b->model->structs, sc->name, base) < 0 ||
	    (sc->c_definition && mg_name_index_put(b->model->definitions, sc->c_definition, base) < 0))
		goto oom;
	b->table = base;
	b->subclass = sc;
	return 0;
oom:
	mg_error_set(err, "out of memory while reading C models");
	return -1;
}

void mg_c_subclass_conflict(mg_c_builder *b, const char *name, mg_location location)
{
	mg_subclass *sc = b->subclass;
	mg_arena *arena = b->graph->arena;
	size_t n = sc->nconflicts, cap = n;
	const char *copy = mg_c_copy(b, name);
	mg_location *locations = mg_arena_alloc(arena, (n + 1) * sizeof(*locations));
	if (!copy || !locations || MG_ARENA_PUSH(arena, sc->conflicts, sc->nconflicts, cap, copy) < 0) {
		b->failed = 1;
		return;
	}
	if (n)
		memcpy(locations, sc->conflict_locations, n * sizeof(*locations));
	locations[n] = location;
	sc->conflict_locations = locations;
}
