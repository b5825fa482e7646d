#include "analyzer/c/c_model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/core/sql_type.h"
#include "analyzer/core/suggest.h"
#include "util/text.h"
#include "util/buf.h"

/*
 * Turns the description of one annotated struct into a table: its name and
 * kind (MG_MODEL or MG_TABLE), comment, and struct-level keys and indexes;
 * c_fields.c builds the columns, foreign keys and relationships. Mistakes in
 * the annotations become problems for the annotation-* rules and never stop
 * the reading; a table or model defined twice does.
 */

/* ---- shared helpers ---- */

const char *mg_c_copy(mg_c_builder *b, const char *s)
{
	if (!s)
		return NULL;
	const char *copy = mg_arena_strdup(b->graph->arena, s);
	if (!copy)
		b->failed = 1;
	return copy;
}

/* Whether the same problem was recorded at the same place: the field of a
 * mixin is read once for each model that embeds it, and its mistake is one
 * mistake, to fix once. */
static bool said_already(const mg_graph *g, const mg_annotation_problem *p)
{
	if (!p->location.file || !p->location.line)
		return false;
	for (size_t i = g->nannotation_problems; i-- > 0;) {
		const mg_annotation_problem *q = &g->annotation_problems[i];
		if (q->kind == p->kind && q->location.line == p->location.line &&
		    q->location.column == p->location.column && q->location.file &&
		    strcmp(q->location.file, p->location.file) == 0 && strcmp(q->message, p->message) == 0)
			return true;
	}
	return false;
}

void mg_c_problem(mg_c_builder *b, mg_annotation_problem_kind kind, mg_annotation_subject subject,
		  const char *path, const mg_c_annotation *at, size_t offset, size_t length,
		  mg_location fallback, const char *suggestion, const char *fmt, ...)
{
	mg_arena *arena = b->graph->arena;
	mg_buf message = MG_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	mg_buf_vprintf(&message, fmt, ap);
	va_end(ap);
	mg_annotation_problem p = {
		.kind = kind,
		.message = message.failed ? NULL : mg_arena_strdup(arena, message.data ? message.data : ""),
		.text = at && length ? mg_arena_strndup(arena, at->options + offset, length) : NULL,
		.suggestion = mg_arena_strdup(arena, suggestion),
		.subject = subject,
		.path = mg_arena_strdup(arena, path),
		.location = at ? mg_c_annotation_position(at, offset) : fallback,
	};
	if (p.message && said_already(b->graph, &p)) {
		mg_buf_free(&message);
		return;
	}
	if (!p.message || !p.path || (at && length && !p.text) || (suggestion && !p.suggestion) ||
	    MG_ARENA_PUSH(arena, b->graph->annotation_problems, b->graph->nannotation_problems,
			  b->graph->annotation_problems_cap, p) < 0)
		b->failed = 1;
	mg_buf_free(&message);
}

static mg_annotation_problem_kind problem_kind(mg_annotation_error_code code)
{
	switch (code) {
	case MG_ANNOTATION_ERROR_UNKNOWN_KEY:
		return MG_ANNOTATION_PROBLEM_UNKNOWN_OPTION;
	case MG_ANNOTATION_ERROR_INVALID_VALUE:
	case MG_ANNOTATION_ERROR_MISSING_VALUE:
		return MG_ANNOTATION_PROBLEM_INVALID_VALUE;
	case MG_ANNOTATION_ERROR_SYNTAX:
	case MG_ANNOTATION_ERROR_DUPLICATE_KEY:
	case MG_ANNOTATION_ERROR_MISSING_POSITIONAL:
	case MG_ANNOTATION_ERROR_UNEXPECTED_POSITIONAL:
		return MG_ANNOTATION_PROBLEM_SYNTAX;
	}
	return MG_ANNOTATION_PROBLEM_SYNTAX;
}

void mg_c_parse_problems(mg_c_builder *b, const mg_c_parsed *p, mg_annotation_subject subject,
			 const char *path)
{
	if (!p->a || p->source->kind == MG_ANNOTATION_UNKNOWN)
		return; /* an unknown kind is reported once, as such */
	for (size_t i = 0; i < mg_annotation_error_count(p->a); i++) {
		const mg_annotation_error *e = mg_annotation_error_at(p->a, i);
		mg_c_problem(b, problem_kind(e->code), subject, path, p->source, e->offset, e->length,
			     p->source->location, e->suggestion, "%s", e->message);
	}
}

/*
 * Parsed annotations, direct-mapped by a hash of kind and text: a model's
 * usual annotations (primary_key=true, unique=true, nullable=false) are
 * written again on struct after struct and parsed once, while the slots
 * bound what the cache holds. An annotation pushed out is freed only once
 * the struct being added, which may hold it, is done (mg_c_model_add).
 */
#define PARSED_SLOTS 1024

static unsigned annotation_hash(mg_annotation_kind kind, const char *text)
{
	unsigned h = 2166136261u; /* FNV-1a */
	for (const char *p = text; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	return h ^ (unsigned)kind;
}

static const mg_annotation *parse_cached(mg_c_model *model, mg_annotation_kind kind, const char *text)
{
	unsigned hash = annotation_hash(kind, text);
	mg_c_cached_annotation *slot = &model->parsed[hash & (PARSED_SLOTS - 1)];
	if (slot->a && slot->hash == hash && slot->kind == kind && strcmp(mg_annotation_text(slot->a), text) == 0)
		return slot->a;
	mg_annotation *a = NULL;
	if ((slot->a && MG_ARENA_PUSH(model->graph->arena, model->retired, model->nretired,
				      model->retired_cap, slot->a) < 0) ||
	    mg_annotation_parse(&a, kind, text, strlen(text)) < 0)
		return NULL;
	*slot = (mg_c_cached_annotation){.hash = hash, .kind = kind, .a = a};
	return a;
}

static void free_retired(mg_c_model *model)
{
	for (size_t i = 0; i < model->nretired; i++)
		mg_annotation_free(model->retired[i]);
	model->nretired = 0;
}

int mg_c_parse_all(mg_c_model *model, mg_c_parsed *out, const mg_c_annotation *annotations, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		out[i].source = &annotations[i];
		if (!(out[i].a = parse_cached(model, annotations[i].kind, annotations[i].options)))
			return -1;
	}
	return 0;
}

void mg_c_free_all(mg_c_parsed *parsed)
{
	free(parsed);
}

void mg_c_add_allow(mg_c_builder *b, const mg_c_parsed *p, const char *path)
{
	const mg_annotation_value *rule = mg_annotation_positional(p->a, 0);
	const mg_annotation_value *reason = mg_annotation_positional(p->a, 1);
	if (!rule)
		return; /* its error is recorded */
	mg_allow allow = {
		.rule = mg_c_copy(b, rule->str),
		.reason = reason ? mg_c_copy(b, reason->str) : NULL,
		.path = mg_c_copy(b, path),
		.location = p->source->location,
	};
	if (!b->failed && MG_ARENA_PUSH(b->graph->arena, b->graph->allows, b->graph->nallows,
					b->graph->allows_cap, allow) < 0)
		b->failed = 1;
}

/* Interned per graph: a few SQL types repeat over thousands of columns. */
typedef struct sql_type_entry {
	const char *normalized;
	mg_type_family family;
} sql_type_entry;

const char *mg_c_sql_type(mg_c_builder *b, const char *text, mg_type_family *out_family)
{
	sql_type_entry *e = mg_name_index_get(b->model->sql_types, text);
	if (!e) {
		mg_arena *arena = b->graph->arena;
		const char *key = mg_arena_strdup(arena, text);
		e = mg_arena_alloc(arena, sizeof(*e));
		if (!key || !e || !(e->normalized = mg_sql_type_normalize(arena, text)) ||
		    mg_name_index_put(b->model->sql_types, key, e) < 0) {
			b->failed = 1;
			return NULL;
		}
		e->family = mg_sql_type_family(e->normalized);
	}
	*out_family = e->family;
	return e->normalized;
}

/* ---- the model across inputs ---- */

int mg_c_model_init(mg_c_model *model, mg_graph *graph)
{
	*model = (mg_c_model){
		.graph = graph,
		.definitions = mg_name_index_new(false),
		.structs = mg_name_index_new(false),
		.sql_types = mg_name_index_new(false),
		.parsed = calloc(PARSED_SLOTS, sizeof(*model->parsed)),
	};
	if (!model->definitions || !model->structs || !model->sql_types || !model->parsed)
		return -1;
	for (size_t i = 0; i < graph->ntables; i++) {
		mg_table *t = graph->tables[i];
		if (t->c_definition && mg_name_index_put(model->definitions, t->c_definition, t) < 0)
			return -1;
		if (t->struct_name && mg_name_index_put(model->structs, t->struct_name, t) < 0)
			return -1;
		for (size_t k = 0; k < t->nsubclasses; k++) {
			const mg_subclass *sc = t->subclasses[k];
			if ((sc->name && mg_name_index_put(model->structs, sc->name, t) < 0) ||
			    (sc->c_definition && mg_name_index_put(model->definitions, sc->c_definition, t) < 0))
				return -1;
		}
	}
	return 0;
}

void mg_c_model_free(mg_c_model *model)
{
	mg_name_index_free(model->definitions);
	mg_name_index_free(model->structs);
	mg_name_index_free(model->sql_types);
	for (size_t i = 0; model->parsed && i < PARSED_SLOTS; i++)
		mg_annotation_free(model->parsed[i].a);
	free(model->parsed);
	free_retired(model);
	*model = (mg_c_model){0};
}

/* ---- one struct ---- */

static const char *place(mg_arena *arena, const mg_table *t)
{
	const mg_location *l = &t->location;
	const char *text = l->file && l->line ? mg_arena_printf(arena, "%s:%u:%u", l->file, l->line, l->column)
					      : t->graph->sources[t->source_index].name;
	return text ? text : "another place";
}

/*
 * -1 with `err` set when `name` or the struct's tag is taken by another C
 * definition. Tables of other sources do not count: a database read beside
 * the models describes the same tables, it does not redefine them.
 */
static int check_defined_once(mg_c_builder *b, const char *name, mg_location here, mg_error *err)
{
	const mg_table *other = mg_graph_find_table(b->graph, name);
	const char *tag = b->s->tag;
	if (other && other->c_definition) {
		mg_error_set(err, "%s:%u:%u: table \"%s\" is defined twice: here%s%s and at %s%s%s",
			     here.file, here.line, here.column, name, tag ? " by struct " : "",
			     tag ? tag : "", place(b->graph->arena, other),
			     other->struct_name ? " by struct " : "",
			     other->struct_name ? other->struct_name : "");
		return -1;
	}
	other = tag ? mg_name_index_get(b->model->structs, tag) : NULL;
	if (other) {
		mg_error_set(err, "%s:%u:%u: struct %s is defined twice: here and at %s", here.file,
			     here.line, here.column, tag, place(b->graph->arena, other));
		return -1;
	}
	return 0;
}

/* The first MG_MODEL or MG_TABLE; NULL when none. */
static const mg_c_parsed *table_annotation(const mg_c_parsed *parsed, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (parsed[i].source->kind == MG_ANNOTATION_MODEL ||
		    parsed[i].source->kind == MG_ANNOTATION_TABLE)
			return &parsed[i];
	return NULL;
}

/*
 * Whether a problem about a struct that makes no table was recorded at
 * `where` already: such a struct has no table to remember it by, so a header
 * read through several inputs would say it again.
 */
static bool reported_at(const mg_c_builder *b, mg_location where, const char *path)
{
	for (size_t i = 0; i < b->graph->nannotation_problems; i++) {
		const mg_annotation_problem *p = &b->graph->annotation_problems[i];
		if (p->location.line == where.line && p->location.column == where.column &&
		    p->location.file && where.file && strcmp(p->location.file, where.file) == 0 &&
		    strcmp(p->path, path) == 0)
			return true;
	}
	return false;
}

/* An annotated struct that is not a table: said once, even when read twice. */
static void not_a_table(mg_c_builder *b)
{
	const mg_c_struct *s = b->s;
	const mg_c_annotation *first = s->nannotations ? &s->annotations[0] : NULL;
	for (size_t i = 0; !first && i < s->nfields; i++)
		if (s->fields[i].nannotations)
			first = &s->fields[i].annotations[0];
	const char *name = s->tag ? s->tag : "(anonymous)";
	if (reported_at(b, first->location, name))
		return;
	mg_c_problem(b, MG_ANNOTATION_PROBLEM_SYNTAX, MG_SUBJECT_TABLE, name, NULL, 0, 0,
		     first->location, NULL,
		     "struct %s has modelgraph annotations but neither MG_MODEL nor MG_TABLE; it is not read",
		     name);
}

static const char *const kind_names[] = {
	"model", "table", "column", "foreign_key", "relationship",
	"primary_key", "unique", "index", "transient", "allow", "mixin",
	"foreign_key_constraint",
};

void mg_c_unknown_kind(mg_c_builder *b, const mg_c_annotation *a, mg_annotation_subject subject,
		       const char *path)
{
	const char *near = mg_suggest_nearest(a->kind_name, strlen(a->kind_name), kind_names,
					      sizeof(kind_names) / sizeof(kind_names[0]));
	char suggestion[64];
	if (near) {
		snprintf(suggestion, sizeof(suggestion), "mg:%s", near);
		mg_c_problem(b, MG_ANNOTATION_PROBLEM_SYNTAX, subject, path, NULL, 0, 0, a->location,
			     suggestion, "unknown annotation \"mg:%s\"; did you mean \"%s\"?", a->kind_name,
			     suggestion);
	} else {
		mg_c_problem(b, MG_ANNOTATION_PROBLEM_SYNTAX, subject, path, NULL, 0, 0, a->location, NULL,
			     "unknown annotation \"mg:%s\"", a->kind_name);
	}
	if (!b->failed) {
		mg_annotation_problem *p = &b->graph->annotation_problems[b->graph->nannotation_problems - 1];
		if (!(p->text = mg_arena_printf(b->graph->arena, "mg:%s", a->kind_name)))
			b->failed = 1;
	}
}

/* The column named `name` in a struct-level column list: by column name,
 * else by field name (when name= renamed it); NULL when none. */
static mg_column *listed_column(mg_c_builder *b, const char *name)
{
	mg_column *c = mg_table_find_column(b->table, name);
	for (size_t i = 0; !c && i < b->s->nfields; i++)
		if (strcmp(b->s->fields[i].name, name) == 0)
			c = b->field_columns[i];
	return c;
}

mg_column *mg_c_listed_column(mg_c_builder *b, const char *name)
{
	return listed_column(b, name);
}

/* The columns named by positional values first..count of an annotation;
 * unknown names are problems. Returns how many were found, in *out (in the
 * graph's arena; NULL and b->failed when out of memory). */
static size_t column_list(mg_c_builder *b, const mg_c_parsed *p, size_t first, mg_column ***out_columns)
{
	size_t n = 0;
	size_t count = mg_annotation_positional_count(p->a);
	mg_column **out = mg_arena_alloc(b->graph->arena, (count + 1) * sizeof(*out));
	*out_columns = out;
	if (!out) {
		b->failed = 1;
		return 0;
	}
	for (size_t i = first; i < count; i++) {
		const mg_annotation_value *v = mg_annotation_positional(p->a, i);
		if (!v)
			continue;
		mg_column *c = listed_column(b, v->str);
		if (c) {
			out[n++] = c;
			continue;
		}
		const char **names = mg_arena_alloc(b->graph->arena, (b->table->ncolumns + 1) * sizeof(*names));
		size_t nnames = 0;
		if (!names) {
			b->failed = 1;
			return n;
		}
		for (size_t k = 0; k < b->table->ncolumns; k++)
			names[nnames++] = b->table->columns[k]->name;
		const char *near = mg_suggest_nearest(v->str, strlen(v->str), names, nnames);
		if (near)
			mg_c_problem(b, MG_ANNOTATION_PROBLEM_INVALID_VALUE, MG_SUBJECT_TABLE, b->table->path,
				     p->source, v->offset, v->length, p->source->location, near,
				     "no column \"%s\" in table \"%s\"; did you mean \"%s\"?", v->str,
				     b->table->name, near);
		else
			mg_c_problem(b, MG_ANNOTATION_PROBLEM_INVALID_VALUE, MG_SUBJECT_TABLE, b->table->path,
				     p->source, v->offset, v->length, p->source->location, NULL,
				     "no column \"%s\" in table \"%s\"", v->str, b->table->name);
	}
	return n;
}

void mg_c_add_primary_key(mg_c_builder *b, mg_column *c)
{
	for (size_t i = 0; i < b->table->npk; i++)
		if (b->table->primary_key[i] == c)
			return;
	if (mg_table_add_primary_key_column(b->table, c) < 0)
		b->failed = 1;
}

static void add_unique(mg_c_builder *b, mg_column **columns, size_t n, const char *index_name,
		       mg_index_origin origin, mg_location location)
{
	mg_table *t = b->table;
	mg_unique *u = mg_table_add_unique(t, NULL);
	mg_index *ix = mg_table_add_index(t, index_name, true, origin);
	if (!u || !ix) {
		b->failed = 1;
		return;
	}
	ix->location = location;
	for (size_t i = 0; i < n; i++)
		if (mg_unique_add_column(t, u, columns[i]) < 0 || mg_index_add_column(ix, columns[i]) < 0)
			b->failed = 1;
	if (n == 1)
		columns[0]->unique = true;
}

/* "<table>_<a>_<b>_key", PostgreSQL's name for a unique constraint. */
char *mg_c_constraint_name(mg_c_builder *b, mg_column *const *columns, size_t n, const char *suffix)
{
	size_t len = strlen(b->table->name) + strlen(suffix) + 1;
	for (size_t i = 0; i < n; i++)
		len += strlen(columns[i]->name) + 1;
	char *name = mg_arena_alloc(b->graph->arena, len);
	if (!name) {
		b->failed = 1;
		return NULL;
	}
	strcpy(name, b->table->name);
	for (size_t i = 0; i < n; i++) {
		strcat(name, "_");
		strcat(name, columns[i]->name);
	}
	strcat(name, suffix);
	return name;
}

/* MG_PRIMARY_KEY, MG_UNIQUE, MG_INDEX: after the columns exist. */
static void struct_keys(mg_c_builder *b, const mg_c_parsed *parsed, size_t n)
{
	mg_column **columns = NULL;
	for (size_t i = 0; i < n && !b->failed; i++) {
		const mg_c_parsed *p = &parsed[i];
		size_t count;
		switch (p->source->kind) {
		case MG_ANNOTATION_PRIMARY_KEY:
			count = column_list(b, p, 0, &columns);
			for (size_t k = 0; k < count; k++)
				mg_c_add_primary_key(b, columns[k]);
			break;
		case MG_ANNOTATION_UNIQUE:
			count = column_list(b, p, 0, &columns);
			if (count) {
				char *name = mg_c_constraint_name(b, columns, count, "_key");
				if (name)
					add_unique(b, columns, count, name, MG_INDEX_UNIQUE, p->source->location);
			}
			break;
		case MG_ANNOTATION_INDEX: {
			const mg_annotation_value *name = mg_annotation_positional(p->a, 0);
			bool unique = false;
			mg_annotation_get_bool(&unique, p->a, "unique");
			count = column_list(b, p, 1, &columns);
			if (!name || !count)
				break;
			if (unique) {
				add_unique(b, columns, count, name->str, MG_INDEX_CREATED, p->source->location);
				break;
			}
			mg_index *ix = mg_table_add_index(b->table, name->str, false, MG_INDEX_CREATED);
			if (!ix) {
				b->failed = 1;
				break;
			}
			ix->location = p->source->location;
			for (size_t k = 0; k < count; k++)
				if (mg_index_add_column(ix, columns[k]) < 0)
					b->failed = 1;
			break;
		}
		case MG_ANNOTATION_FOREIGN_KEY_CONSTRAINT:
			mg_c_foreign_key_constraint(b, p);
			break;
		default:
			break;
		}
	}
}

/* Struct-level annotations other than the table's own. */
static void struct_annotations(mg_c_builder *b, const mg_c_parsed *parsed, size_t n,
			       const mg_c_parsed *table_p)
{
	const char *path = b->table->path;
	for (size_t i = 0; i < n; i++) {
		const mg_c_parsed *p = &parsed[i];
		const mg_c_annotation *a = p->source;
		mg_c_parse_problems(b, p, MG_SUBJECT_TABLE, path);
		switch (a->kind) {
		case MG_ANNOTATION_MODEL:
		case MG_ANNOTATION_TABLE:
			if (p != table_p)
				mg_c_problem(b, MG_ANNOTATION_PROBLEM_SYNTAX, MG_SUBJECT_TABLE, path, NULL, 0, 0,
					     a->location, NULL,
					     "a second %s on struct %s; the first one, %s at %u:%u, counts",
					     mg_annotation_macro_name(a->kind), b->s->tag ? b->s->tag : "(anonymous)",
					     mg_annotation_macro_name(table_p->source->kind),
					     table_p->source->location.line, table_p->source->location.column);
			break;
		case MG_ANNOTATION_COLUMN:
		case MG_ANNOTATION_FOREIGN_KEY:
		case MG_ANNOTATION_RELATIONSHIP:
		case MG_ANNOTATION_TRANSIENT:
		case MG_ANNOTATION_ASSOCIATION_PROXY:
			mg_c_problem(b, MG_ANNOTATION_PROBLEM_SYNTAX, MG_SUBJECT_TABLE, path, NULL, 0, 0,
				     a->location, NULL, "%s goes after a field, not after a struct",
				     mg_annotation_macro_name(a->kind));
			break;
		case MG_ANNOTATION_ALLOW:
			mg_c_add_allow(b, p, path);
			break;
		case MG_ANNOTATION_UNKNOWN:
			mg_c_unknown_kind(b, a, MG_SUBJECT_TABLE, path);
			break;
		case MG_ANNOTATION_MIXIN:
			mg_c_problem(b, MG_ANNOTATION_PROBLEM_SYNTAX, MG_SUBJECT_TABLE, path, NULL, 0, 0,
				     a->location, NULL,
				     "MG_MIXIN on struct %s, which %s maps; a mixin is embedded in models, "
				     "it is not one: remove one of the two",
				     b->s->tag ? b->s->tag : "(anonymous)",
				     mg_annotation_macro_name(table_p->source->kind));
			break;
		default:
			break;
		}
	}
}

/* Whether the struct is a mixin (MG_MIXIN) and nothing else: the walk puts
 * its fields into the models that embed it, and it is no table itself. */
static bool only_mixin(const mg_c_struct *s)
{
	bool mixin = false;
	for (size_t i = 0; i < s->nannotations; i++) {
		if (s->annotations[i].kind == MG_ANNOTATION_MODEL || s->annotations[i].kind == MG_ANNOTATION_TABLE)
			return false;
		mixin = mixin || s->annotations[i].kind == MG_ANNOTATION_MIXIN;
	}
	return mixin;
}

/* The struct-level annotations of a mixin: its fields are read in the
 * models, its own mistakes here. Keys and indexes name a table's columns,
 * so they go on the models. */
static void mixin_annotations(mg_c_builder *b, const mg_c_parsed *parsed, size_t n)
{
	const char *path = b->s->tag ? b->s->tag : "(anonymous)";
	for (size_t i = 0; i < n; i++) {
		const mg_c_annotation *a = parsed[i].source;
		if (reported_at(b, a->location, path))
			continue;
		mg_c_parse_problems(b, &parsed[i], MG_SUBJECT_TABLE, path);
		if (a->kind == MG_ANNOTATION_MIXIN)
			continue;
		if (a->kind == MG_ANNOTATION_UNKNOWN)
			mg_c_unknown_kind(b, a, MG_SUBJECT_TABLE, path);
		else
			mg_c_problem(b, MG_ANNOTATION_PROBLEM_SYNTAX, MG_SUBJECT_TABLE, path, NULL, 0, 0, a->location,
				     NULL, "%s on mixin %s; put it on the models that embed the mixin",
				     mg_annotation_macro_name(a->kind), path);
	}
}

/* SQLAlchemy's autoincrement="auto": a lone integer primary key column that
 * is not also a foreign key, unless autoincrement=false said otherwise. */
static void auto_increment(mg_c_builder *b)
{
	mg_table *t = b->table;
	if (t->npk != 1 || t->primary_key[0]->family != MG_TYPE_INTEGER)
		return;
	mg_column *c = t->primary_key[0];
	if (b->autoincrement_given[c->position])
		return;
	for (size_t i = 0; i < t->nforeign_keys; i++)
		for (size_t k = 0; k < t->foreign_keys[i]->ncolumns; k++)
			if (t->foreign_keys[i]->columns[k] == c)
				return;
	c->autoincrement = true;
}

/* The table name MG_MODEL or MG_TABLE gives, else the default; NULL when there is none. */
static const char *table_name(mg_c_builder *b, const mg_c_parsed *table_p)
{
	const char *explicit_name = NULL;
	if (table_p->source->kind == MG_ANNOTATION_MODEL) {
		explicit_name = mg_annotation_get_string(table_p->a, "tablename");
	} else {
		const mg_annotation_value *v = mg_annotation_positional(table_p->a, 0);
		explicit_name = v ? v->str : NULL;
	}
	if (explicit_name)
		return explicit_name;
	if (!b->s->tag)
		return NULL;
	const char *name = mg_c_snake_case(b->graph->arena, b->s->tag);
	if (!name)
		b->failed = 1;
	return name;
}

static int oom(mg_error *err)
{
	mg_error_set(err, "out of memory while reading C models");
	return -1;
}

int mg_c_model_add(mg_c_model *model, const mg_c_struct *s, mg_error *err)
{
	mg_c_builder b = {.model = model, .graph = model->graph, .s = s};
	mg_c_parsed *parsed = NULL;
	int result = -1;

	if (s->definition && mg_name_index_get(model->definitions, s->definition))
		return 0; /* read already, through an earlier input */
	parsed = calloc(s->nannotations + 1, sizeof(*parsed));
	if (!parsed || mg_c_parse_all(model, parsed, s->annotations, s->nannotations) < 0)
		goto oom;
	if (only_mixin(s)) {
		mixin_annotations(&b, parsed, s->nannotations);
		result = b.failed ? oom(err) : 0;
		goto cleanup;
	}
	const mg_c_parsed *table_p = table_annotation(parsed, s->nannotations);
	if (!table_p) {
		not_a_table(&b);
		result = b.failed ? oom(err) : 0;
		goto cleanup;
	}
	const char *name = table_name(&b, table_p);
	if (b.failed)
		goto oom;
	if (!name) {
		if (reported_at(&b, table_p->source->location, "(anonymous)")) {
			result = 0;
			goto cleanup;
		}
		mg_c_parse_problems(&b, table_p, MG_SUBJECT_TABLE, "(anonymous)");
		mg_c_problem(&b, MG_ANNOTATION_PROBLEM_SYNTAX, MG_SUBJECT_TABLE, "(anonymous)", NULL, 0, 0,
			     table_p->source->location, NULL,
			     "an anonymous struct needs a table name: MG_MODEL(tablename=...) or MG_TABLE(name)");
		result = b.failed ? oom(err) : 0;
		goto cleanup;
	}
	mg_table *base = mg_c_inherited(&b, table_p);
	if (base) {
		b.first_field = 1;
		if (!mg_c_own_table(&b, parsed, s->nannotations, table_p)) {
			/* Single-table inheritance: no table of its own. */
			if (b.failed)
				goto oom;
			if (mg_c_add_subclass(&b, base, table_p, err) < 0)
				goto cleanup;
			struct_annotations(&b, parsed, s->nannotations, table_p);
			b.field_columns = calloc(s->nfields + 1, sizeof(*b.field_columns));
			b.autoincrement_given = calloc(base->ncolumns + s->nfields + 1, sizeof(*b.autoincrement_given));
			if (!b.field_columns || !b.autoincrement_given)
				goto oom;
			mg_c_build_fields(&b);
			struct_keys(&b, parsed, s->nannotations);
			if (b.failed)
				goto oom;
			result = 0;
			goto cleanup;
		}
	}
	if (check_defined_once(&b, name, table_p->source->location, err) < 0)
		goto cleanup;

	mg_table_kind kind = table_p->source->kind == MG_ANNOTATION_MODEL ? MG_TABLE_MODEL : MG_TABLE_PLAIN;
	mg_table *t = b.table = mg_graph_add_table(b.graph, name, kind);
	if (!t)
		goto oom;
	const char *schema = mg_annotation_get_string(table_p->a, "schema");
	if (schema) {
		t->schema = mg_c_copy(&b, schema);
		t->path = mg_arena_printf(b.graph->arena, "%s.%s", schema, t->name);
		if (!t->path)
			goto oom;
	}
	t->location = table_p->source->location;
	const char *comment = mg_annotation_get_string(table_p->a, "comment");
	t->comment = mg_c_copy(&b, comment ? comment : s->comment);
	t->struct_name = mg_c_copy(&b, s->tag);
	t->c_definition = mg_c_copy(&b, s->definition);
	if (base) {
		t->inherits = mg_c_copy(&b, s->fields[0].type.target);
		t->inherits_location = s->fields[0].location;
	}
	if (kind == MG_TABLE_MODEL)
		mg_c_polymorphic(&b, table_p);
	if (b.failed || (t->c_definition && mg_name_index_put(model->definitions, t->c_definition, t) < 0) ||
	    (t->struct_name && mg_name_index_put(model->structs, t->struct_name, t) < 0))
		goto oom;

	struct_annotations(&b, parsed, s->nannotations, table_p);
	b.field_columns = calloc(s->nfields + 1, sizeof(*b.field_columns));
	b.autoincrement_given = calloc(s->nfields + 1, sizeof(*b.autoincrement_given));
	if (!b.field_columns || !b.autoincrement_given)
		goto oom;
	mg_c_build_fields(&b);
	struct_keys(&b, parsed, s->nannotations);
	auto_increment(&b);
	if (b.failed)
		goto oom;
	result = 0;
	goto cleanup;
oom:
	result = oom(err);
cleanup:
	free(b.field_columns);
	free(b.autoincrement_given);
	mg_c_free_all(parsed);
	free_retired(model);
	return result;
}
