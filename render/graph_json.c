/* The graph as JSON: the document `modelgraph dump` writes and the JSON
 * reader (analyzer/read_json.c) reads. Tables, indexes, foreign keys and relationships come
 * sorted by name (resolve sorted them); columns keep their declared order. */

#include <string.h>

#include "analyzer/lint/lint.h"
#include "analyzer/core/join_condition.h"
#include "render/json_location.h"
#include "render/render.h"

static const char *source_kind_name(mg_source_kind kind)
{
	switch (kind) {
	case MG_SOURCE_SQLITE: return "sqlite";
	case MG_SOURCE_SQL: return "sql";
	case MG_SOURCE_C: return "c";
	case MG_SOURCE_JSON: return "json";
	case MG_SOURCE_POSTGRES: return "postgresql";
	case MG_SOURCE_MYSQL: return "mysql";
	}
	return "unknown";
}

static void write_tristate(mg_json *json, const char *key, mg_tristate value)
{
	mg_json_key(json, key);
	if (value == MG_UNSET)
		mg_json_null(json);
	else
		mg_json_bool(json, value == MG_TRUE);
}

static void write_strings(mg_json *json, const char *key, const char *const *strings, size_t n)
{
	mg_json_key(json, key);
	mg_json_begin_array(json);
	for (size_t i = 0; i < n; i++)
		mg_json_string(json, strings[i]);
	mg_json_end_array(json);
}

static void write_column_names(mg_json *json, const char *key, mg_column *const *columns, size_t n)
{
	mg_json_key(json, key);
	mg_json_begin_array(json);
	for (size_t i = 0; i < n; i++)
		mg_json_string(json, columns[i] ? columns[i]->name : NULL);
	mg_json_end_array(json);
}

static void write_column(mg_json *json, const mg_column *c)
{
	mg_json_begin_object(json);
	mg_json_member_string(json, "name", c->name);
	mg_json_member_string(json, "type", c->type);
	mg_json_member_string(json, "sql_type", c->sql_type);
	mg_json_member_bool(json, "nullable", c->nullable);
	mg_json_member_string(json, "default", c->default_value);
	mg_json_member_bool(json, "primary_key", c->pk_position > 0);
	mg_json_member_bool(json, "unique", c->unique);
	mg_json_member_bool(json, "autoincrement", c->autoincrement);
	mg_json_member_string(json, "comment", c->comment);
	mg_json_member_string(json, "client_default", c->client_default);
	mg_json_member_string(json, "attribute", c->attribute);
	mg_json_member_location(json, "location", c->location);
	if (c->subclass) /* only with single-table inheritance: other dumps stay as they were */
		mg_json_member_string(json, "subclass", c->subclass);
	mg_json_end_object(json);
}

static void write_foreign_key(mg_json *json, const mg_foreign_key *fk)
{
	mg_json_begin_object(json);
	mg_json_member_string(json, "name", fk->name);
	write_column_names(json, "columns", fk->columns, fk->ncolumns);
	mg_json_member_string(json, "ref_table", fk->parent_name);
	mg_json_key(json, "ref_columns");
	mg_json_begin_array(json);
	for (size_t i = 0; i < fk->ncolumns; i++) {
		const char *name = i < fk->nparent_columns ? fk->parent_column_names[i]
				   : fk->parent_columns && fk->parent_columns[i] ? fk->parent_columns[i]->name
										 : NULL;
		mg_json_string(json, name);
	}
	mg_json_end_array(json);
	mg_json_member_bool(json, "ref_columns_declared", fk->nparent_columns > 0);
	mg_json_member_string(json, "on_delete", mg_fk_action_name(fk->on_delete));
	mg_json_member_string(json, "on_update", mg_fk_action_name(fk->on_update));
	mg_json_member_bool(json, "unique", fk->unique);
	/* Only PostgreSQL has them: written when set, so other dumps stay as they were. */
	if (fk->deferrable)
		mg_json_member_bool(json, "deferrable", true);
	if (fk->initially_deferred)
		mg_json_member_bool(json, "initially_deferred", true);
	if (fk->use_alter) /* likewise: C models only */
		mg_json_member_bool(json, "use_alter", true);
	mg_json_member_bool(json, "implied", fk->implied);
	if (fk->implied)
		mg_json_member_string(json, "implied_reason", fk->implied_reason);
	mg_json_member_location(json, "location", fk->location);
	mg_json_end_object(json);
}

/* A join condition as written, with where it and each of its terms are:
 * only when given, so other dumps stay as they were. */
static void write_join(mg_json *json, const char *key, const mg_join_condition *cond)
{
	if (!cond)
		return;
	mg_json_key(json, key);
	mg_json_begin_object(json);
	mg_json_member_string(json, "text", cond->text);
	mg_json_member_location(json, "location", cond->location);
	mg_json_key(json, "term_locations");
	mg_json_begin_array(json);
	for (size_t i = 0; i < 2 * cond->ncomparisons; i++) {
		const mg_join_comparison *c = &cond->comparisons[i / 2];
		mg_location at = i % 2 ? c->right.location : c->left.location;
		mg_json_begin_object(json);
		mg_json_member_string(json, "file", at.file);
		if (at.line) {
			mg_json_member_uint(json, "line", at.line);
			mg_json_member_uint(json, "column", at.column);
		}
		mg_json_end_object(json);
	}
	mg_json_end_array(json);
	mg_json_end_object(json);
}

/* passive_deletes: true, false or "all". */
static void write_passive_deletes(mg_json *json, const char *value)
{
	if (!value)
		return;
	if (strcmp(value, "all") == 0)
		mg_json_member_string(json, "passive_deletes", value);
	else
		mg_json_member_bool(json, "passive_deletes", strcmp(value, "true") == 0);
}

/* The options added after the first format: written only when given, so the
 * dumps of models without them stay as they were. */
static void write_later_options(mg_json *json, const mg_relationship *r)
{
	write_passive_deletes(json, r->passive_deletes);
	if (r->post_update != MG_UNSET)
		write_tristate(json, "post_update", r->post_update);
	if (r->sync_backref != MG_UNSET)
		write_tristate(json, "sync_backref", r->sync_backref);
	if (r->collection_class)
		mg_json_member_string(json, "collection_class", r->collection_class);
	if (r->collection_key)
		mg_json_member_string(json, "collection_key", r->collection_key);
}

/* backref=backref(name, …): what the parentheses give, under the same keys
 * as a relationship's own; only those given. */
static void write_backref_options(mg_json *json, const mg_relationship *o)
{
	mg_json_key(json, "backref_options");
	mg_json_begin_object(json);
	if (o->uselist != MG_UNSET)
		write_tristate(json, "uselist", o->uselist);
	if (o->lazy)
		mg_json_member_string(json, "lazy", o->lazy);
	if (o->cascade)
		mg_json_member_string(json, "cascade", o->cascade);
	if (o->viewonly != MG_UNSET)
		write_tristate(json, "viewonly", o->viewonly);
	if (o->nforeign_keys)
		write_strings(json, "declared_foreign_keys", o->foreign_keys, o->nforeign_keys);
	if (o->nremote_side)
		write_strings(json, "remote_side", o->remote_side, o->nremote_side);
	if (o->noverlaps)
		write_strings(json, "overlaps", o->overlaps, o->noverlaps);
	if (o->order_by)
		mg_json_member_string(json, "order_by", o->order_by);
	if (o->single_parent != MG_UNSET)
		write_tristate(json, "single_parent", o->single_parent);
	write_later_options(json, o);
	mg_json_end_object(json);
}

static void write_relationship(mg_json *json, const mg_relationship *r)
{
	mg_json_begin_object(json);
	mg_json_member_string(json, "name", r->name);
	mg_json_member_string(json, "target", r->target_name);
	mg_json_member_string(json, "kind", mg_cardinality_name(r->kind));
	mg_json_member_string(json, "backref", r->backref);
	mg_json_member_string(json, "back_populates", r->back_populates);
	write_tristate(json, "uselist", r->uselist);
	mg_json_member_string(json, "secondary", r->secondary_name);
	mg_json_key(json, "foreign_keys");
	mg_json_begin_array(json);
	if (r->via)
		mg_json_string(json, r->via->path);
	mg_json_end_array(json);
	mg_json_member_string(json, "inverse", r->inverse ? r->inverse->name : NULL);
	mg_json_member_bool(json, "derived", r->derived);
	mg_json_member_bool(json, "from_backref", r->from_backref);
	mg_json_member_string(json, "lazy", r->lazy);
	mg_json_member_string(json, "cascade", r->cascade);
	write_tristate(json, "viewonly", r->viewonly);
	write_strings(json, "declared_foreign_keys", r->foreign_keys, r->nforeign_keys);
	write_strings(json, "remote_side", r->remote_side, r->nremote_side);
	write_strings(json, "overlaps", r->overlaps, r->noverlaps);
	mg_json_member_string(json, "order_by", r->order_by);
	write_tristate(json, "single_parent", r->single_parent);
	write_tristate(json, "c_collection", r->c_collection);
	mg_json_member_string(json, "c_target", r->c_target);
	write_later_options(json, r);
	if (r->c_field)
		mg_json_member_string(json, "c_field", r->c_field);
	if (r->backref_options && !r->from_backref)
		write_backref_options(json, r->backref_options);
	mg_json_member_location(json, "location", r->location);
	write_join(json, "primaryjoin", r->primaryjoin);
	write_join(json, "secondaryjoin", r->secondaryjoin);
	if (r->subclass) /* likewise */
		mg_json_member_string(json, "subclass", r->subclass);
	mg_json_end_object(json);
}

/* MG_TRANSIENT and MG_ASSOCIATION_PROXY fields: attributes that map to nothing. */
static void write_transient_fields(mg_json *json, const mg_table *t)
{
	mg_json_key(json, "transient_fields");
	mg_json_begin_array(json);
	for (size_t i = 0; i < t->ntransient_fields; i++) {
		const mg_transient_field *f = t->transient_fields[i];
		mg_json_begin_object(json);
		mg_json_member_string(json, "name", f->name);
		if (f->proxy_relationship) {
			mg_json_key(json, "association_proxy");
			mg_json_begin_object(json);
			mg_json_member_string(json, "relationship", f->proxy_relationship);
			mg_json_member_string(json, "attribute", f->proxy_attribute);
			mg_json_end_object(json);
		}
		mg_json_member_string(json, "path", f->path);
		mg_json_member_location(json, "location", f->location);
		mg_json_end_object(json);
	}
	mg_json_end_array(json);
}

/* Inheritance, written only for the tables of a hierarchy. */
static void write_inheritance(mg_json *json, const mg_table *t)
{
	if (t->inherits) {
		mg_json_member_string(json, "inherits", t->inherits);
		mg_json_member_location(json, "inherits_location", t->inherits_location);
	}
	if (t->polymorphic_on) {
		mg_json_member_string(json, "polymorphic_on", t->polymorphic_on);
		mg_json_member_location(json, "polymorphic_on_location", t->polymorphic_on_location);
	}
	if (t->polymorphic_identity)
		mg_json_member_string(json, "polymorphic_identity", t->polymorphic_identity);
	if (!t->nsubclasses)
		return;
	mg_json_key(json, "subclasses");
	mg_json_begin_array(json);
	for (size_t i = 0; i < t->nsubclasses; i++) {
		const mg_subclass *sc = t->subclasses[i];
		mg_json_begin_object(json);
		mg_json_member_string(json, "struct", sc->name);
		mg_json_member_string(json, "inherits", sc->inherits);
		mg_json_member_string(json, "polymorphic_on", sc->polymorphic_on);
		mg_json_member_location(json, "polymorphic_on_location", sc->polymorphic_on_location);
		mg_json_member_string(json, "polymorphic_identity", sc->polymorphic_identity);
		mg_json_key(json, "conflicts");
		mg_json_begin_array(json);
		for (size_t k = 0; k < sc->nconflicts; k++) {
			mg_json_begin_object(json);
			mg_json_member_string(json, "name", sc->conflicts[k]);
			mg_json_member_location(json, "location", sc->conflict_locations[k]);
			mg_json_end_object(json);
		}
		mg_json_end_array(json);
		mg_json_member_location(json, "location", sc->location);
		mg_json_end_object(json);
	}
	mg_json_end_array(json);
}

static void write_table(mg_json *json, const mg_table *t)
{
	mg_json_begin_object(json);
	mg_json_member_string(json, "name", t->name);
	mg_json_member_string(json, "schema", t->schema);
	mg_json_member_string(json, "kind", mg_table_kind_name(t->kind));
	mg_json_member_string(json, "comment", t->comment);
	mg_json_member_string(json, "struct", t->struct_name);
	mg_json_member_uint(json, "source", t->source_index);
	if (t->without_rowid) /* only when true: older dumps stay as they were */
		mg_json_member_bool(json, "without_rowid", true);
	if (t->virtual_module) /* likewise */
		mg_json_member_string(json, "virtual_module", t->virtual_module);
	mg_json_member_location(json, "location", t->location);
	write_inheritance(json, t);

	mg_json_key(json, "columns");
	mg_json_begin_array(json);
	for (size_t i = 0; i < t->ncolumns; i++)
		write_column(json, t->columns[i]);
	mg_json_end_array(json);

	write_column_names(json, "primary_key", t->primary_key, t->npk);

	mg_json_key(json, "unique");
	mg_json_begin_array(json);
	for (size_t i = 0; i < t->nuniques; i++) {
		mg_json_begin_array(json);
		for (size_t j = 0; j < t->uniques[i].ncolumns; j++)
			mg_json_string(json, t->uniques[i].columns[j]->name);
		mg_json_end_array(json);
	}
	mg_json_end_array(json);
	mg_json_key(json, "unique_names");
	mg_json_begin_array(json);
	for (size_t i = 0; i < t->nuniques; i++)
		mg_json_string(json, t->uniques[i].name);
	mg_json_end_array(json);

	mg_json_key(json, "indexes");
	mg_json_begin_array(json);
	for (size_t i = 0; i < t->nindexes; i++) {
		const mg_index *index = t->indexes[i];
		mg_json_begin_object(json);
		mg_json_member_string(json, "name", index->name);
		write_column_names(json, "columns", index->columns, index->ncolumns);
		mg_json_member_bool(json, "unique", index->unique);
		mg_json_member_bool(json, "partial", index->partial);
		/* Written only when the index says them, so other dumps stay as they were. */
		if (index->nulls_not_distinct)
			mg_json_member_bool(json, "nulls_not_distinct", true);
		if (index->collations) {
			mg_json_key(json, "collations");
			mg_json_begin_array(json);
			for (size_t k = 0; k < index->ncolumns; k++)
				if (index->collations[k])
					mg_json_string(json, index->collations[k]);
				else
					mg_json_null(json);
			mg_json_end_array(json);
		}
		mg_json_member_string(json, "origin", index->origin == MG_INDEX_PRIMARY_KEY ? "primary_key"
						      : index->origin == MG_INDEX_UNIQUE    ? "unique"
											   : "created");
		mg_json_member_location(json, "location", index->location);
		mg_json_end_object(json);
	}
	mg_json_end_array(json);

	mg_json_key(json, "foreign_keys");
	mg_json_begin_array(json);
	for (size_t i = 0; i < t->nforeign_keys; i++)
		write_foreign_key(json, t->foreign_keys[i]);
	mg_json_end_array(json);

	mg_json_key(json, "relationships");
	mg_json_begin_array(json);
	for (size_t i = 0; i < t->nrelationships; i++)
		write_relationship(json, t->relationships[i]);
	mg_json_end_array(json);

	mg_json_key(json, "unmapped_fields");
	mg_json_begin_array(json);
	for (size_t i = 0; i < t->nunmapped_fields; i++) {
		const mg_unmapped_field *u = t->unmapped_fields[i];
		mg_json_begin_object(json);
		mg_json_member_string(json, "name", u->name);
		mg_json_member_string(json, "c_type", u->c_type);
		mg_json_member_string(json, "target", u->target);
		write_tristate(json, "collection", u->collection);
		mg_json_member_bool(json, "pointer", u->pointer);
		mg_json_member_string(json, "path", u->path);
		mg_json_member_location(json, "location", u->location);
		mg_json_end_object(json);
	}
	mg_json_end_array(json);
	if (t->ntransient_fields) /* only when there are: other dumps stay as they were */
		write_transient_fields(json, t);
	mg_json_end_object(json);
}

/* Whether the schema declares its relationships (C models do, even none),
 * so that reading the dump back derives none from foreign keys. */
static bool declares_relationships(const mg_graph *graph)
{
	if (graph->declares_relationships)
		return true;
	for (size_t i = 0; i < graph->nsources; i++)
		if (graph->sources[i].kind == MG_SOURCE_C)
			return true;
	for (size_t i = 0; i < graph->ntables; i++)
		for (size_t j = 0; j < graph->tables[i]->nrelationships; j++)
			if (!graph->tables[i]->relationships[j]->derived)
				return true;
	return false;
}

static const char *problem_kind_name(mg_annotation_problem_kind kind)
{
	switch (kind) {
	case MG_ANNOTATION_PROBLEM_SYNTAX: return "syntax";
	case MG_ANNOTATION_PROBLEM_UNKNOWN_OPTION: return "unknown_option";
	case MG_ANNOTATION_PROBLEM_INVALID_VALUE: return "invalid_value";
	}
	return "syntax";
}

static const char *subject_name(mg_annotation_subject subject)
{
	switch (subject) {
	case MG_SUBJECT_TABLE: return "table";
	case MG_SUBJECT_COLUMN: return "column";
	case MG_SUBJECT_RELATIONSHIP: return "relationship";
	}
	return "table";
}

/* What C models record besides tables: mistakes in annotations, and
 * MG_ALLOW suppressions, in reading order. */
static void write_annotations(mg_json *json, const mg_graph *graph)
{
	mg_json_key(json, "annotation_problems");
	mg_json_begin_array(json);
	for (size_t i = 0; i < graph->nannotation_problems; i++) {
		const mg_annotation_problem *p = &graph->annotation_problems[i];
		mg_json_begin_object(json);
		mg_json_member_string(json, "kind", problem_kind_name(p->kind));
		mg_json_member_string(json, "message", p->message);
		mg_json_member_string(json, "text", p->text);
		mg_json_member_string(json, "suggestion", p->suggestion);
		mg_json_member_string(json, "subject", subject_name(p->subject));
		mg_json_member_string(json, "path", p->path);
		mg_json_member_location(json, "location", p->location);
		mg_json_end_object(json);
	}
	mg_json_end_array(json);
	mg_json_key(json, "allows");
	mg_json_begin_array(json);
	for (size_t i = 0; i < graph->nallows; i++) {
		const mg_allow *a = &graph->allows[i];
		mg_json_begin_object(json);
		mg_json_member_string(json, "rule", a->rule);
		mg_json_member_string(json, "reason", a->reason);
		mg_json_member_string(json, "path", a->path);
		mg_json_member_location(json, "location", a->location);
		mg_json_end_object(json);
	}
	mg_json_end_array(json);
}

/* What the readers left out of the tables: objects they could not read,
 * and tables a later source defined again. */
static void write_left_out(mg_json *json, const mg_graph *graph)
{
	mg_json_key(json, "unreadable");
	mg_json_begin_array(json);
	for (size_t i = 0; i < graph->nunreadable; i++) {
		const mg_unreadable *u = &graph->unreadable[i];
		mg_json_begin_object(json);
		mg_json_member_string(json, "name", u->name);
		mg_json_member_string(json, "kind", u->kind);
		mg_json_member_string(json, "reason", u->reason);
		mg_json_member_location(json, "location", u->location);
		mg_json_end_object(json);
	}
	mg_json_end_array(json);
	mg_json_key(json, "duplicates");
	mg_json_begin_array(json);
	for (size_t i = 0; i < graph->nduplicates; i++) {
		const mg_duplicate_table *d = &graph->duplicates[i];
		mg_json_begin_object(json);
		mg_json_member_string(json, "name", d->name);
		mg_json_member_location(json, "kept", d->kept);
		mg_json_member_location(json, "dropped", d->dropped);
		mg_json_end_object(json);
	}
	mg_json_end_array(json);
}

void mg_render_graph_json(const mg_graph *graph, mg_buf *out)
{
	mg_json json;
	mg_json_init(&json, out);
	mg_json_begin_object(&json);
	mg_json_member_string(&json, "format", "modelgraph-graph");
	mg_json_member_uint(&json, "version", 1);
	mg_json_key(&json, "sources");
	mg_json_begin_array(&json);
	for (size_t i = 0; i < graph->nsources; i++) {
		mg_json_begin_object(&json);
		mg_json_member_string(&json, "name", graph->sources[i].name);
		mg_json_member_string(&json, "kind", source_kind_name(graph->sources[i].kind));
		mg_json_end_object(&json);
	}
	mg_json_end_array(&json);
	mg_json_member_bool(&json, "declares_relationships", declares_relationships(graph));
	mg_json_key(&json, "tables");
	mg_json_begin_array(&json);
	for (size_t i = 0; i < graph->ntables; i++)
		write_table(&json, graph->tables[i]);
	mg_json_end_array(&json);
	write_annotations(&json, graph);
	write_left_out(&json, graph);
	mg_json_end_object(&json);
}
