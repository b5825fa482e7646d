#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/c/c_model.h"

/*
 * The fields of a table's struct. Each field is, by its annotations:
 *   MG_TRANSIENT                  nothing (not persisted)
 *   MG_RELATIONSHIP               a relationship (models only)
 *   MG_COLUMN, MG_FOREIGN_KEY     a column (plus a foreign key per MG_FOREIGN_KEY)
 *   none                          a column when its C type has an SQL type,
 *                                 else an unmapped field (for c-unmapped-pointer)
 * MG_ALLOW may go with any of them.
 */

/* The options MG_COLUMN and MG_FOREIGN_KEY share: given twice on one field,
 * the first counts. */
static const char *const column_keys[] = {
	"primary_key", "unique", "nullable", "index", "autoincrement",
	"default", "server_default", "name", "type", "comment",
};

typedef enum field_role { ROLE_NONE, ROLE_TRANSIENT, ROLE_RELATIONSHIP, ROLE_COLUMN } field_role;

typedef struct field_state {
	const mg_c_field *f;
	mg_c_parsed *parsed;
	size_t n;
	field_role role;
	const mg_c_parsed *relationship; /* the MG_RELATIONSHIP that counts */
	const mg_c_parsed *transient;
	const char *path;                /* "table.column" or "table.field"; see field_path */
	mg_annotation_subject subject;
} field_state;

static const mg_annotation_value *column_option(const field_state *fs, const char *key);

/* The field's object path, made when first needed: most fields never need it. */
static const char *field_path(mg_c_builder *b, field_state *fs)
{
	if (!fs->path) {
		const mg_annotation_value *name_v =
		    fs->role == ROLE_COLUMN ? column_option(fs, "name") : NULL;
		if (fs->role == ROLE_RELATIONSHIP && fs->relationship->a)
			name_v = mg_annotation_get(fs->relationship->a, "name");
		const char *name = name_v ? name_v->str : fs->f->name;
		size_t lt = strlen(b->table->path), ln = strlen(name);
		char *path = mg_arena_alloc(b->graph->arena, lt + ln + 2);
		if (!path) {
			b->failed = 1;
			return "";
		}
		memcpy(path, b->table->path, lt);
		path[lt] = '.';
		memcpy(path + lt + 1, name, ln + 1);
		fs->path = path;
	}
	return fs->path;
}

static bool is_column_kind(mg_annotation_kind kind)
{
	return kind == MG_ANNOTATION_COLUMN || kind == MG_ANNOTATION_FOREIGN_KEY;
}

/* The value of column option `key` from the first column annotation giving it. */
static const mg_annotation_value *column_option(const field_state *fs, const char *key)
{
	for (size_t i = 0; i < fs->n; i++)
		if (is_column_kind(fs->parsed[i].source->kind) && fs->parsed[i].a) {
			const mg_annotation_value *v = mg_annotation_get(fs->parsed[i].a, key);
			if (v)
				return v;
		}
	return NULL;
}

static bool column_bool(const field_state *fs, const char *key, bool otherwise)
{
	const mg_annotation_value *v = column_option(fs, key);
	return v && v->type == MG_VALUE_BOOL ? v->boolean : otherwise;
}

static field_role role_of(field_state *fs)
{
	bool column = false;
	for (size_t i = 0; i < fs->n; i++) {
		const mg_c_parsed *p = &fs->parsed[i];
		switch (p->source->kind) {
		case MG_ANNOTATION_TRANSIENT:
		case MG_ANNOTATION_ASSOCIATION_PROXY: /* an attribute, not mapped: transient too */
			if (!fs->transient)
				fs->transient = p;
			break;
		case MG_ANNOTATION_RELATIONSHIP:
			if (!fs->relationship)
				fs->relationship = p;
			break;
		case MG_ANNOTATION_COLUMN:
		case MG_ANNOTATION_FOREIGN_KEY:
			column = true;
			break;
		default:
			break;
		}
	}
	if (fs->transient)
		return ROLE_TRANSIENT;
	if (fs->relationship)
		return ROLE_RELATIONSHIP;
	if (column || fs->f->type.kind == MG_C_SCALAR)
		return ROLE_COLUMN;
	return ROLE_NONE;
}

/* Annotations that do not fit the field's role, and the grammar's errors. */
static void field_problems(mg_c_builder *b, field_state *fs)
{
	const mg_c_parsed *first_column = NULL;
	bool seen_column = false;
	for (size_t i = 0; i < fs->n; i++) {
		const mg_c_parsed *p = &fs->parsed[i];
		const mg_c_annotation *a = p->source;
		const char *macro = mg_annotation_macro_name(a->kind);
		if (p->a && mg_annotation_error_count(p->a))
			mg_c_parse_problems(b, p, fs->subject, field_path(b, fs));
		switch (a->kind) {
		case MG_ANNOTATION_MODEL:
		case MG_ANNOTATION_TABLE:
		case MG_ANNOTATION_PRIMARY_KEY:
		case MG_ANNOTATION_UNIQUE:
		case MG_ANNOTATION_INDEX:
		case MG_ANNOTATION_MIXIN:
		case MG_ANNOTATION_FOREIGN_KEY_CONSTRAINT:
			mg_c_problem(b, MG_ANNOTATION_PROBLEM_SYNTAX, fs->subject, field_path(b, fs), NULL, 0, 0,
				     a->location, NULL,
				     "%s goes after a struct's closing brace, not after a field", macro);
			break;
		case MG_ANNOTATION_TRANSIENT:
		case MG_ANNOTATION_ASSOCIATION_PROXY:
			if (p != fs->transient && a->kind == fs->transient->source->kind)
				mg_c_problem(b, MG_ANNOTATION_PROBLEM_SYNTAX, fs->subject, field_path(b, fs), NULL, 0, 0,
					     a->location, NULL, "%s twice on field \"%s\"", macro, fs->f->name);
			else if (p != fs->transient)
				mg_c_problem(b, MG_ANNOTATION_PROBLEM_SYNTAX, fs->subject, field_path(b, fs), NULL, 0, 0,
					     a->location, NULL, "%s on field \"%s\", which %s already leaves unmapped",
					     macro, fs->f->name, mg_annotation_macro_name(fs->transient->source->kind));
			break;
		case MG_ANNOTATION_RELATIONSHIP:
		case MG_ANNOTATION_COLUMN:
		case MG_ANNOTATION_FOREIGN_KEY:
			if (fs->role == ROLE_TRANSIENT)
				mg_c_problem(b, MG_ANNOTATION_PROBLEM_SYNTAX, fs->subject, field_path(b, fs), NULL, 0, 0,
					     a->location, NULL,
					     "%s on field \"%s\", which %s leaves unmapped", macro,
					     fs->f->name, mg_annotation_macro_name(fs->transient->source->kind));
			else if (fs->role == ROLE_RELATIONSHIP && p != fs->relationship)
				mg_c_problem(b, MG_ANNOTATION_PROBLEM_SYNTAX, fs->subject, field_path(b, fs), NULL, 0, 0,
					     a->location, NULL,
					     "%s on field \"%s\", which MG_RELATIONSHIP already maps", macro,
					     fs->f->name);
			else if (a->kind == MG_ANNOTATION_COLUMN && seen_column)
				mg_c_problem(b, MG_ANNOTATION_PROBLEM_SYNTAX, fs->subject, field_path(b, fs), NULL, 0, 0,
					     a->location, NULL, "MG_COLUMN twice on field \"%s\"", fs->f->name);
			seen_column = seen_column || a->kind == MG_ANNOTATION_COLUMN;
			if (is_column_kind(a->kind) && fs->role == ROLE_COLUMN && p->a) {
				/* Column options already given by an earlier annotation. */
				for (size_t k = 0; first_column && k < mg_annotation_option_count(p->a); k++) {
					const mg_annotation_option *o = mg_annotation_option_at(p->a, k);
					bool shared = false;
					for (size_t c = 0; c < sizeof(column_keys) / sizeof(column_keys[0]); c++)
						shared = shared || strcmp(o->key, column_keys[c]) == 0;
					for (size_t j = 0; shared && j < i; j++)
						if (is_column_kind(fs->parsed[j].source->kind) && fs->parsed[j].a &&
						    mg_annotation_get(fs->parsed[j].a, o->key)) {
							mg_c_problem(b, MG_ANNOTATION_PROBLEM_SYNTAX, fs->subject, field_path(b, fs), a,
								     o->offset, o->length, a->location, NULL,
								     "option \"%s\" is already given by %s on this field; "
								     "the first one counts",
								     o->key,
								     mg_annotation_macro_name(fs->parsed[j].source->kind));
							break;
						}
				}
			}
			if (is_column_kind(a->kind) && !first_column)
				first_column = p;
			break;
		case MG_ANNOTATION_ALLOW:
			mg_c_add_allow(b, p, field_path(b, fs));
			break;
		case MG_ANNOTATION_UNKNOWN:
			mg_c_unknown_kind(b, a, fs->subject, field_path(b, fs));
			break;
		}
	}
}

/* SQL text of a server default: strings quoted, the rest as written. */
static const char *sql_default(mg_c_builder *b, const mg_annotation_value *v)
{
	if (v->type != MG_VALUE_STRING)
		return mg_c_copy(b, v->raw);
	char *out = mg_arena_alloc(b->graph->arena, 2 * v->size + 3);
	if (!out) {
		b->failed = 1;
		return NULL;
	}
	size_t n = 0;
	out[n++] = '\'';
	for (size_t i = 0; i < v->size; i++) {
		if (v->str[i] == '\'')
			out[n++] = '\'';
		out[n++] = v->str[i];
	}
	out[n++] = '\'';
	out[n] = '\0';
	return out;
}

/* a, b, c and d one after the other, in the graph's arena; NULL when out of
 * memory. The names made for every column, key and index. */
static char *concat4(mg_c_builder *b, const char *a, const char *c1, const char *c2, const char *c3)
{
	const char *parts[] = {a, c1, c2, c3};
	size_t len[4], total = 1;
	for (size_t i = 0; i < 4; i++)
		total += len[i] = strlen(parts[i]);
	char *out = mg_arena_alloc(b->graph->arena, total);
	if (!out)
		return NULL;
	char *at = out;
	for (size_t i = 0; i < 4; i++) {
		memcpy(at, parts[i], len[i]);
		at += len[i];
	}
	*at = '\0';
	return out;
}

/* "<table>_<column>_fkey", numbered when the column has several. */
static char *foreign_key_name(mg_c_builder *b, const mg_column *c)
{
	char *name = concat4(b, b->table->name, "_", c->name, "_fkey");
	for (unsigned n = 1; name; n++) {
		bool taken = false;
		for (size_t i = 0; i < b->table->nforeign_keys && !taken; i++)
			taken = strcmp(b->table->foreign_keys[i]->name, name) == 0;
		if (!taken)
			return name;
		name = mg_arena_printf(b->graph->arena, "%s_%s_fkey%u", b->table->name, c->name, n);
	}
	b->failed = 1;
	return NULL;
}

static void foreign_keys(mg_c_builder *b, field_state *fs, mg_column *c)
{
	for (size_t i = 0; i < fs->n && !b->failed; i++) {
		const mg_c_parsed *p = &fs->parsed[i];
		if (p->source->kind != MG_ANNOTATION_FOREIGN_KEY || !p->a)
			continue;
		const mg_annotation_value *ref = mg_annotation_positional(p->a, 0);
		if (!ref)
			continue; /* its error is recorded */
		const char *name = mg_annotation_get_string(p->a, "constraint_name");
		mg_foreign_key *fk = mg_table_add_foreign_key(b->table, name ? name : foreign_key_name(b, c),
							      ref->ref.table);
		if (!fk || mg_foreign_key_add_column(fk, c, ref->ref.column) < 0) {
			b->failed = 1;
			return;
		}
		fk->on_delete = mg_fk_action_parse(mg_annotation_get_string(p->a, "ondelete"));
		fk->on_update = mg_fk_action_parse(mg_annotation_get_string(p->a, "onupdate"));
		bool use_alter = false;
		fk->use_alter = mg_annotation_get_bool(&use_alter, p->a, "use_alter") == 0 && use_alter;
		fk->location = p->source->location;
	}
}

/* The first column annotation, where problems about the whole column go. */
static const mg_c_annotation *column_annotation(const field_state *fs)
{
	for (size_t i = 0; i < fs->n; i++)
		if (is_column_kind(fs->parsed[i].source->kind))
			return fs->parsed[i].source;
	return NULL;
}

static void build_column(mg_c_builder *b, field_state *fs, size_t field_index)
{
	const mg_c_field *f = fs->f;
	mg_table *t = b->table;
	const mg_annotation_value *name_v = column_option(fs, "name");
	const char *name = name_v ? name_v->str : f->name;
	mg_column *other = mg_table_find_column(t, name);
	if (other && b->subclass) {
		/* SQLAlchemy refuses it; inherit-column-conflict says so. */
		mg_c_subclass_conflict(b, name, f->location);
		return;
	}
	if (other) {
		const mg_c_annotation *at = column_annotation(fs);
		mg_c_problem(b, MG_ANNOTATION_PROBLEM_INVALID_VALUE, fs->subject, field_path(b, fs),
			     name_v ? at : NULL, name_v ? name_v->offset : 0, name_v ? name_v->length : 0,
			     f->location, NULL,
			     "column \"%s\" of field \"%s\" is already defined in table \"%s\"; the field is skipped",
			     name, f->name, t->name);
		return;
	}
	mg_column *c = mg_table_add_column(t, name, f->c_type);
	if (!c) {
		b->failed = 1;
		return;
	}
	b->field_columns[field_index] = c;
	c->location = f->location;
	c->subclass = b->subclass ? b->subclass->name : NULL;
	if (name_v && strcmp(name_v->str, f->name) != 0)
		c->attribute = mg_c_copy(b, f->name);

	const mg_annotation_value *type_v = column_option(fs, "type");
	if (type_v) {
		c->sql_type = mg_c_sql_type(b, type_v->str, &c->family);
	} else if (f->type.kind == MG_C_SCALAR) {
		c->sql_type = mg_c_sql_type(b, f->type.sql_type, &c->family);
		c->family = f->type.family; /* an enum's name says nothing of its family */
	} else {
		const mg_c_annotation *at = column_annotation(fs);
		mg_c_problem(b, MG_ANNOTATION_PROBLEM_INVALID_VALUE, fs->subject, field_path(b, fs), NULL, 0, 0,
			     at ? at->location : f->location, NULL,
			     "field \"%s\" has C type \"%s\", which has no SQL type; give one with type=",
			     f->name, f->c_type);
		c->sql_type = "";
		c->family = MG_TYPE_UNKNOWN;
	}

	const mg_annotation_value *comment = column_option(fs, "comment");
	c->comment = mg_c_copy(b, comment ? comment->str : f->comment);
	c->nullable = column_bool(fs, "nullable", true);
	const mg_annotation_value *v = column_option(fs, "server_default");
	if (v)
		c->default_value = sql_default(b, v);
	if ((v = column_option(fs, "default")))
		c->client_default = mg_c_copy(b, v->raw);
	if ((v = column_option(fs, "autoincrement")) && v->type == MG_VALUE_BOOL) {
		c->autoincrement = v->boolean;
		b->autoincrement_given[c->position] = true;
	}
	if (column_bool(fs, "primary_key", false))
		mg_c_add_primary_key(b, c);

	bool unique = column_bool(fs, "unique", false);
	if (column_bool(fs, "index", false)) {
		/* SQLAlchemy's index=True: "ix_<table>_<column>", unique with unique=True. */
		char *ix_name = concat4(b, "ix_", t->name, "_", c->name);
		mg_index *ix = ix_name ? mg_table_add_index(t, ix_name, unique, MG_INDEX_CREATED) : NULL;
		if (!ix || mg_index_add_column(ix, c) < 0) {
			b->failed = 1;
			return;
		}
		ix->location = c->location;
		if (unique) {
			mg_unique *u = mg_table_add_unique(t, NULL);
			if (!u || mg_unique_add_column(t, u, c) < 0)
				b->failed = 1;
			c->unique = true;
		}
	} else if (unique) {
		/* A UNIQUE constraint, and the index every database builds for it. */
		char *key_name = concat4(b, t->name, "_", c->name, "_key");
		mg_index *ix = key_name ? mg_table_add_index(t, key_name, true, MG_INDEX_UNIQUE) : NULL;
		mg_unique *u = mg_table_add_unique(t, NULL);
		if (!ix || !u || mg_index_add_column(ix, c) < 0 || mg_unique_add_column(t, u, c) < 0) {
			b->failed = 1;
			return;
		}
		ix->location = c->location;
		c->unique = true;
	}
	foreign_keys(b, fs, c);
}

/* The items of a list option, copied into the graph. */
static const char **list_option(mg_c_builder *b, const mg_annotation *a, const char *key, size_t *out_n)
{
	size_t n = 0;
	const mg_annotation_value *items = mg_annotation_get_list(&n, a, key);
	*out_n = 0;
	if (!items)
		return NULL;
	const char **out = mg_arena_alloc(b->graph->arena, n * sizeof(*out));
	if (!out) {
		b->failed = 1;
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		out[i] = mg_c_copy(b, items[i].raw);
	*out_n = n;
	return out;
}

static mg_tristate tristate(const mg_annotation *a, const char *key)
{
	bool value;
	return mg_annotation_get_bool(&value, a, key) < 0 ? MG_UNSET : value ? MG_TRUE : MG_FALSE;
}

/* The value of option `prefix``key` of `a`: "backref." reads what backref(…) gave. */
static const mg_annotation_value *prefixed(const mg_annotation *a, const char *prefix, const char *key)
{
	if (!*prefix) /* a relationship's own option: every relationship asks, so no copy */
		return mg_annotation_get(a, key);
	char full[64];
	snprintf(full, sizeof full, "%s%s", prefix, key);
	return mg_annotation_get(a, full);
}

static mg_tristate prefixed_tristate(const mg_annotation *a, const char *prefix, const char *key)
{
	const mg_annotation_value *v = prefixed(a, prefix, key);
	return !v || v->type != MG_VALUE_BOOL ? MG_UNSET : v->boolean ? MG_TRUE : MG_FALSE;
}

static const char *prefixed_string(mg_c_builder *b, const mg_annotation *a, const char *prefix,
				   const char *key)
{
	const mg_annotation_value *v = prefixed(a, prefix, key);
	return v && v->type != MG_VALUE_LIST ? mg_c_copy(b, v->str) : NULL;
}

/* passive_deletes, post_update, sync_backref and collection_class, given
 * directly (prefix "") or inside backref(…) (prefix "backref."). */
static void build_later_options(mg_c_builder *b, mg_relationship *r, const mg_annotation *a,
				const char *prefix)
{
	r->passive_deletes = prefixed_string(b, a, prefix, "passive_deletes");
	r->post_update = prefixed_tristate(a, prefix, "post_update");
	r->sync_backref = prefixed_tristate(a, prefix, "sync_backref");
	const mg_annotation_value *cc = prefixed(a, prefix, "collection_class");
	if (cc) {
		r->collection_class = mg_c_copy(b, cc->str);
		if (cc->count == 1)
			r->collection_key = mg_c_copy(b, cc->items[0].str);
	}
}

/* The items of list option `prefix``key`, copied into the graph. */
static const char **prefixed_list(mg_c_builder *b, const mg_annotation *a, const char *prefix,
				  const char *key, size_t *out_n)
{
	char full[64];
	snprintf(full, sizeof full, "%s%s", prefix, key);
	return list_option(b, a, full, out_n);
}

/* backref=backref(name, …): the options the parentheses give the backref. */
static void build_backref_options(mg_c_builder *b, mg_relationship *r, const mg_annotation *a)
{
	static const char prefix[] = "backref.";
	bool any = false;
	for (size_t i = 0; i < mg_annotation_option_count(a) && !any; i++)
		any = strncmp(mg_annotation_option_at(a, i)->key, prefix, sizeof prefix - 1) == 0;
	if (!any)
		return; /* backref=name, or backref(name) which says no more */
	mg_relationship *o = mg_relationship_options_new(b->graph);
	if (!o) {
		b->failed = 1;
		return;
	}
	o->uselist = prefixed_tristate(a, prefix, "uselist");
	o->viewonly = prefixed_tristate(a, prefix, "viewonly");
	o->single_parent = prefixed_tristate(a, prefix, "single_parent");
	o->cascade = prefixed_string(b, a, prefix, "cascade");
	o->lazy = prefixed_string(b, a, prefix, "lazy");
	const mg_annotation_value *order_by = prefixed(a, prefix, "order_by");
	o->order_by = order_by ? mg_c_copy(b, order_by->raw) : NULL;
	o->foreign_keys = prefixed_list(b, a, prefix, "foreign_keys", &o->nforeign_keys);
	o->remote_side = prefixed_list(b, a, prefix, "remote_side", &o->nremote_side);
	o->overlaps = prefixed_list(b, a, prefix, "overlaps", &o->noverlaps);
	build_later_options(b, o, a, prefix);
	r->backref_options = o;
}

/* MG_RELATIONSHIP(name=): true, with the problem reported at the name, when
 * the model has that attribute already, another field's or a relationship's:
 * in the class the later would silently replace the earlier. */
static bool renamed_clash(mg_c_builder *b, field_state *fs, const char *name)
{
	const char *other = NULL;
	for (size_t i = 0; i < b->s->nfields && !other; i++)
		if (&b->s->fields[i] != fs->f && strcmp(b->s->fields[i].name, name) == 0)
			other = b->s->fields[i].name;
	for (size_t i = 0; i < b->table->nrelationships && !other; i++)
		if (strcmp(b->table->relationships[i]->name, name) == 0)
			other = b->table->relationships[i]->c_field;
	if (!other)
		return false;
	const mg_annotation_value *v = mg_annotation_get(fs->relationship->a, "name");
	mg_c_problem(b, MG_ANNOTATION_PROBLEM_INVALID_VALUE, fs->subject, field_path(b, fs),
		     fs->relationship->source, v->offset, v->length, fs->relationship->source->location, NULL,
		     "attribute \"%s\" of field \"%s\" is already the attribute of field \"%s\"; the "
		     "relationship is skipped",
		     name, fs->f->name, other ? other : name);
	return true;
}

static void build_relationship(mg_c_builder *b, field_state *fs)
{
	const mg_c_field *f = fs->f;
	const mg_c_parsed *p = fs->relationship;
	const mg_annotation *a = p->a;
	if (!a)
		return;
	if (b->table->kind != MG_TABLE_MODEL) {
		mg_c_problem(b, MG_ANNOTATION_PROBLEM_SYNTAX, fs->subject, field_path(b, fs), NULL, 0, 0,
			     p->source->location, NULL,
			     "MG_RELATIONSHIP on field \"%s\" of a plain table; relationships belong to "
			     "models (MG_MODEL)",
			     f->name);
		return;
	}
	bool points_to_struct = f->type.kind == MG_C_RECORD && (f->type.pointer || f->type.collection);
	if (!points_to_struct)
		mg_c_problem(b, MG_ANNOTATION_PROBLEM_SYNTAX, fs->subject, field_path(b, fs), NULL, 0, 0,
			     p->source->location, NULL,
			     "MG_RELATIONSHIP on field \"%s\" of C type \"%s\"; a relationship is a "
			     "pointer: struct T * for one object, struct T ** or an array for many",
			     f->name, f->c_type);
	const mg_annotation_value *target_v = mg_annotation_positional(a, 0);
	const char *target = target_v ? target_v->str : f->type.target;
	if (!target)
		return; /* no target anywhere; the missing one is reported */
	const char *attribute = mg_annotation_get_string(a, "name");
	if (attribute && strcmp(attribute, f->name) != 0 && renamed_clash(b, fs, attribute))
		return;
	mg_relationship *r = mg_table_add_relationship(b->table, attribute ? attribute : f->name, target);
	if (!r) {
		b->failed = 1;
		return;
	}
	if (attribute && strcmp(attribute, f->name) != 0)
		r->c_field = mg_c_copy(b, f->name);
	r->location = p->source->location;
	r->subclass = b->subclass ? b->subclass->name : NULL;
	r->backref = mg_c_copy(b, mg_annotation_get_string(a, "backref"));
	r->back_populates = mg_c_copy(b, mg_annotation_get_string(a, "back_populates"));
	r->secondary_name = mg_c_copy(b, mg_annotation_get_string(a, "secondary"));
	r->uselist = tristate(a, "uselist");
	r->viewonly = tristate(a, "viewonly");
	r->single_parent = tristate(a, "single_parent");
	r->cascade = mg_c_copy(b, mg_annotation_get_string(a, "cascade"));
	r->lazy = mg_c_copy(b, mg_annotation_get_string(a, "lazy"));
	const mg_annotation_value *order_by = mg_annotation_get(a, "order_by");
	r->order_by = order_by ? mg_c_copy(b, order_by->raw) : NULL;
	r->foreign_keys = list_option(b, a, "foreign_keys", &r->nforeign_keys);
	r->remote_side = list_option(b, a, "remote_side", &r->nremote_side);
	r->overlaps = list_option(b, a, "overlaps", &r->noverlaps);
	r->c_collection = points_to_struct ? (f->type.collection ? MG_TRUE : MG_FALSE) : MG_UNSET;
	r->c_target = mg_c_copy(b, f->type.target);
	r->primaryjoin = mg_c_join_option(b, p, "primaryjoin");
	r->secondaryjoin = mg_c_join_option(b, p, "secondaryjoin");
	build_later_options(b, r, a, "");
	if (r->backref)
		build_backref_options(b, r, a);
}

static void build_unmapped(mg_c_builder *b, field_state *fs)
{
	const mg_c_field *f = fs->f;
	mg_arena *arena = b->graph->arena;
	mg_unmapped_field *u = mg_arena_alloc(arena, sizeof(*u));
	if (!u) {
		b->failed = 1;
		return;
	}
	bool record = f->type.kind == MG_C_RECORD;
	*u = (mg_unmapped_field){
		.table = b->table,
		.name = mg_c_copy(b, f->name),
		.c_type = mg_c_copy(b, f->c_type),
		.target = record ? mg_c_copy(b, f->type.target) : NULL,
		.collection = !record ? MG_UNSET : f->type.collection ? MG_TRUE : MG_FALSE,
		.pointer = record && f->type.pointer,
		.path = field_path(b, fs),
		.location = f->location,
	};
	if (b->failed || MG_ARENA_PUSH(arena, b->table->unmapped_fields, b->table->nunmapped_fields,
				       b->table->unmapped_fields_cap, u) < 0)
		b->failed = 1;
}

/* MG_TRANSIENT or MG_ASSOCIATION_PROXY: an attribute of the class that maps
 * to nothing, kept for the rules on names and proxies. */
static void build_transient(mg_c_builder *b, field_state *fs)
{
	const mg_c_parsed *p = fs->transient;
	mg_arena *arena = b->graph->arena;
	if (!*fs->f->name)
		return;
	mg_transient_field *t = mg_arena_alloc(arena, sizeof(*t));
	if (!t) {
		b->failed = 1;
		return;
	}
	*t = (mg_transient_field){
		.table = b->table,
		.name = mg_c_copy(b, fs->f->name),
		.path = field_path(b, fs),
		.location = fs->f->location,
	};
	if (p->source->kind == MG_ANNOTATION_ASSOCIATION_PROXY && p->a) {
		const mg_annotation_value *rel = mg_annotation_positional(p->a, 0);
		const mg_annotation_value *attr = mg_annotation_positional(p->a, 1);
		if (rel && attr) { /* else its error is recorded: a plain attribute then */
			t->proxy_relationship = mg_c_copy(b, rel->str);
			t->proxy_attribute = mg_c_copy(b, attr->str);
			t->location = p->source->location;
		}
	}
	if (b->failed || MG_ARENA_PUSH(arena, b->table->transient_fields, b->table->ntransient_fields,
				       b->table->transient_fields_cap, t) < 0)
		b->failed = 1;
}

static void build_field(mg_c_builder *b, size_t index)
{
	const mg_c_field *f = &b->s->fields[index];
	field_state fs = {.f = f, .n = f->nannotations};
	mg_c_parsed few[4]; /* most fields have no more annotations than that */
	if (!*f->name && !f->nannotations)
		return; /* an anonymous member: nothing to name a column after */
	fs.parsed = f->nannotations <= 4 ? few : calloc(f->nannotations, sizeof(*fs.parsed));
	if (!fs.parsed || mg_c_parse_all(b->model, fs.parsed, f->annotations, f->nannotations) < 0) {
		b->failed = 1;
		goto cleanup;
	}
	fs.role = role_of(&fs);
	fs.subject = fs.role == ROLE_RELATIONSHIP ? MG_SUBJECT_RELATIONSHIP : MG_SUBJECT_COLUMN;
	field_problems(b, &fs);
	switch (fs.role) {
	case ROLE_COLUMN:
		build_column(b, &fs, index);
		break;
	case ROLE_RELATIONSHIP:
		build_relationship(b, &fs);
		break;
	case ROLE_NONE:
		build_unmapped(b, &fs);
		break;
	case ROLE_TRANSIENT:
		build_transient(b, &fs);
		break;
	}
cleanup:
	if (fs.parsed != few)
		mg_c_free_all(fs.parsed);
}

void mg_c_build_fields(mg_c_builder *b)
{
	/* An embedded base (inheritance) is no field of the model. */
	for (size_t i = b->first_field; i < b->s->nfields && !b->failed; i++)
		build_field(b, i);
}
