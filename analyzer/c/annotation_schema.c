#include "analyzer/c/annotation_schema.h"

#include <string.h>

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* Referential actions of ondelete/onupdate; canonical spelling first. */
static const char *const fk_actions[] = {
	"CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION", NULL,
};

/* SQLAlchemy's loader strategies (relationship lazy=). */
static const char *const lazy_strategies[] = {
	"select", "joined", "subquery", "selectin", "raise", "raise_on_sql",
	"noload", "dynamic", "write_only", "immediate", NULL,
};

/* The spellings SQLAlchemy still accepts from before the strategies had
 * names: lazy=True is "select", lazy=False "joined", lazy=None "noload". */
static const char *const lazy_legacy[] = {
	"true", "select", "false", "joined", "none", "noload", NULL,
};

/* SQLAlchemy's cascade rules (relationship cascade=). */
static const char *const cascade_rules[] = {
	"all", "save-update", "merge", "expunge", "delete", "delete-orphan",
	"refresh-expire", "none", NULL,
};

/* passive_deletes= besides true and false. */
static const char *const passive_deletes_values[] = { "all", NULL };

/* MG_COLUMN's options, which MG_FOREIGN_KEY shares. */
#define COLUMN_OPTIONS                                   \
	{ .key = "primary_key", .type = MG_OPT_BOOL },       \
	{ .key = "unique", .type = MG_OPT_BOOL },            \
	{ .key = "nullable", .type = MG_OPT_BOOL },          \
	{ .key = "index", .type = MG_OPT_BOOL },             \
	{ .key = "autoincrement", .type = MG_OPT_BOOL },     \
	{ .key = "default", .type = MG_OPT_LITERAL },        \
	{ .key = "server_default", .type = MG_OPT_LITERAL }, \
	{ .key = "name", .type = MG_OPT_IDENT },             \
	{ .key = "type", .type = MG_OPT_SQL_TYPE },          \
	{ .key = "comment", .type = MG_OPT_STRING }

static const mg_option_spec model_options[] = {
	{ .key = "tablename", .type = MG_OPT_IDENT },
	{ .key = "comment", .type = MG_OPT_STRING },
	{ .key = "schema", .type = MG_OPT_IDENT },
	/* Inheritance: the class's __mapper_args__. */
	{ .key = "polymorphic_on", .type = MG_OPT_IDENT },
	{ .key = "polymorphic_identity", .type = MG_OPT_STRING },
};

static const mg_option_spec table_options[] = {
	{ .key = "comment", .type = MG_OPT_STRING },
	{ .key = "schema", .type = MG_OPT_IDENT },
};

static const mg_option_spec column_options[] = {
	COLUMN_OPTIONS,
};

static const mg_option_spec foreign_key_options[] = {
	{ .key = "ondelete", .type = MG_OPT_ENUM, .values = fk_actions },
	{ .key = "onupdate", .type = MG_OPT_ENUM, .values = fk_actions },
	{ .key = "constraint_name", .type = MG_OPT_IDENT },
	{ .key = "use_alter", .type = MG_OPT_BOOL },
	COLUMN_OPTIONS,
};

/* ForeignKeyConstraint's: name= is the constraint's, there being no column. */
static const mg_option_spec foreign_key_constraint_options[] = {
	{ .key = "ondelete", .type = MG_OPT_ENUM, .values = fk_actions },
	{ .key = "onupdate", .type = MG_OPT_ENUM, .values = fk_actions },
	{ .key = "name", .type = MG_OPT_IDENT },
};

static const mg_option_spec relationship_options[] = {
	{ .key = "backref", .type = MG_OPT_BACKREF },
	{ .key = "back_populates", .type = MG_OPT_IDENT },
	{ .key = "uselist", .type = MG_OPT_BOOL },
	{ .key = "secondary", .type = MG_OPT_IDENT },
	{ .key = "foreign_keys", .type = MG_OPT_REF_LIST },
	{ .key = "remote_side", .type = MG_OPT_NAME_LIST },
	{ .key = "cascade", .type = MG_OPT_CASCADE, .values = cascade_rules },
	{ .key = "lazy", .type = MG_OPT_ENUM, .values = lazy_strategies, .aliases = lazy_legacy },
	{ .key = "order_by", .type = MG_OPT_EXPR },
	{ .key = "viewonly", .type = MG_OPT_BOOL },
	{ .key = "overlaps", .type = MG_OPT_NAME_LIST },
	{ .key = "single_parent", .type = MG_OPT_BOOL },
	/* Join conditions: parsed by annotation_join.c into join_condition.h's grammar. */
	{ .key = "primaryjoin", .type = MG_OPT_STRING },
	{ .key = "secondaryjoin", .type = MG_OPT_STRING },
	{ .key = "passive_deletes", .type = MG_OPT_BOOL_OR, .values = passive_deletes_values },
	{ .key = "post_update", .type = MG_OPT_BOOL },
	{ .key = "sync_backref", .type = MG_OPT_BOOL },
	{ .key = "collection_class", .type = MG_OPT_COLLECTION },
	{ .key = "name", .type = MG_OPT_IDENT },
};

static const mg_option_spec index_options[] = {
	{ .key = "unique", .type = MG_OPT_BOOL },
};

static const mg_slot_spec table_slots[] = {
	{ .what = "table name", .type = MG_OPT_IDENT, .required = true },
};

static const mg_slot_spec foreign_key_slots[] = {
	{ .what = "reference", .type = MG_OPT_REF, .required = true },
};

static const mg_slot_spec relationship_slots[] = {
	{ .what = "target", .type = MG_OPT_IDENT, .required = true },
};

static const mg_slot_spec column_list_slots[] = {
	{ .what = "column", .type = MG_OPT_IDENT, .required = true, .repeats = true },
};

static const mg_slot_spec index_slots[] = {
	{ .what = "index name", .type = MG_OPT_IDENT, .required = true },
	{ .what = "column", .type = MG_OPT_IDENT, .required = true, .repeats = true },
};

static const mg_slot_spec association_proxy_slots[] = {
	{ .what = "relationship", .type = MG_OPT_IDENT, .required = true },
	{ .what = "attribute", .type = MG_OPT_IDENT, .required = true },
};

static const mg_slot_spec foreign_key_constraint_slots[] = {
	{ .what = "column list", .type = MG_OPT_NAME_LIST, .required = true },
	{ .what = "reference list", .type = MG_OPT_REF_LIST, .required = true },
};

static const mg_slot_spec allow_slots[] = {
	{ .what = "rule id", .type = MG_OPT_RULE_ID, .required = true },
	{ .what = "reason", .type = MG_OPT_REASON },
};

#define SLOTS(array) .slots = (array), .slot_count = COUNT(array)
#define OPTIONS(array) .options = (array), .option_count = COUNT(array)

/* The parser keeps a seen-flag per option in an array of this bound. */
_Static_assert(COUNT(foreign_key_options) <= MG_ANNOTATION_MAX_OPTIONS, "too many options");
_Static_assert(COUNT(relationship_options) <= MG_ANNOTATION_MAX_OPTIONS, "too many options");

/* Indexed by mg_annotation_kind. */
static const mg_kind_spec kinds[] = {
	[MG_ANNOTATION_UNKNOWN] = { .kind = MG_ANNOTATION_UNKNOWN, .name = "?", .macro = "annotation" },
	[MG_ANNOTATION_MODEL] = { .kind = MG_ANNOTATION_MODEL, .name = "model", .macro = "MG_MODEL",
	                          OPTIONS(model_options) },
	[MG_ANNOTATION_TABLE] = { .kind = MG_ANNOTATION_TABLE, .name = "table", .macro = "MG_TABLE",
	                          SLOTS(table_slots), OPTIONS(table_options) },
	[MG_ANNOTATION_COLUMN] = { .kind = MG_ANNOTATION_COLUMN, .name = "column", .macro = "MG_COLUMN",
	                           OPTIONS(column_options) },
	[MG_ANNOTATION_FOREIGN_KEY] = { .kind = MG_ANNOTATION_FOREIGN_KEY, .name = "foreign_key",
	                                .macro = "MG_FOREIGN_KEY", SLOTS(foreign_key_slots),
	                                OPTIONS(foreign_key_options) },
	[MG_ANNOTATION_RELATIONSHIP] = { .kind = MG_ANNOTATION_RELATIONSHIP, .name = "relationship",
	                                 .macro = "MG_RELATIONSHIP", SLOTS(relationship_slots),
	                                 OPTIONS(relationship_options) },
	[MG_ANNOTATION_PRIMARY_KEY] = { .kind = MG_ANNOTATION_PRIMARY_KEY, .name = "primary_key",
	                                .macro = "MG_PRIMARY_KEY", SLOTS(column_list_slots) },
	[MG_ANNOTATION_UNIQUE] = { .kind = MG_ANNOTATION_UNIQUE, .name = "unique", .macro = "MG_UNIQUE",
	                           SLOTS(column_list_slots) },
	[MG_ANNOTATION_INDEX] = { .kind = MG_ANNOTATION_INDEX, .name = "index", .macro = "MG_INDEX",
	                          SLOTS(index_slots), OPTIONS(index_options) },
	[MG_ANNOTATION_TRANSIENT] = { .kind = MG_ANNOTATION_TRANSIENT, .name = "transient",
	                              .macro = "MG_TRANSIENT" },
	[MG_ANNOTATION_ALLOW] = { .kind = MG_ANNOTATION_ALLOW, .name = "allow", .macro = "MG_ALLOW",
	                          SLOTS(allow_slots) },
	[MG_ANNOTATION_ASSOCIATION_PROXY] = { .kind = MG_ANNOTATION_ASSOCIATION_PROXY,
	                                      .name = "association_proxy",
	                                      .macro = "MG_ASSOCIATION_PROXY",
	                                      SLOTS(association_proxy_slots) },
	[MG_ANNOTATION_MIXIN] = { .kind = MG_ANNOTATION_MIXIN, .name = "mixin", .macro = "MG_MIXIN" },
	[MG_ANNOTATION_FOREIGN_KEY_CONSTRAINT] = { .kind = MG_ANNOTATION_FOREIGN_KEY_CONSTRAINT,
	                                           .name = "foreign_key_constraint",
	                                           .macro = "MG_FOREIGN_KEY_CONSTRAINT",
	                                           SLOTS(foreign_key_constraint_slots),
	                                           OPTIONS(foreign_key_constraint_options) },
};

const mg_kind_spec *mg_annotation_schema_get(mg_annotation_kind kind)
{
	if ((size_t)kind >= COUNT(kinds))
		kind = MG_ANNOTATION_UNKNOWN;
	return &kinds[kind];
}

mg_annotation_kind mg_annotation_schema_find_kind(const char *name, size_t len)
{
	for (size_t i = 1; i < COUNT(kinds); i++) {
		if (strlen(kinds[i].name) == len && memcmp(kinds[i].name, name, len) == 0)
			return kinds[i].kind;
	}
	return MG_ANNOTATION_UNKNOWN;
}

const mg_option_spec *mg_annotation_schema_find_option(size_t *out_index, const mg_kind_spec *spec,
                                                       const char *key, size_t len)
{
	for (size_t i = 0; i < spec->option_count; i++) {
		const char *candidate = spec->options[i].key;
		if (strlen(candidate) == len && memcmp(candidate, key, len) == 0) {
			*out_index = i;
			return &spec->options[i];
		}
	}
	return NULL;
}

/* backref(name, …): SQLAlchemy passes its options on to the relationship()
 * it makes, with the secondary of the declaring one and back_populates set to
 * it; giving either, or a backref of the backref, is a TypeError there. */
static const char *const backref_refused[] = { "backref", "back_populates", "secondary", "name",
                                                NULL };

static const mg_slot_spec backref_slots[] = {
	{ .what = "name", .type = MG_OPT_IDENT, .required = true },
};

static const mg_kind_spec backref_spec = {
	.kind = MG_ANNOTATION_RELATIONSHIP, .name = "backref", .macro = "backref()",
	SLOTS(backref_slots), OPTIONS(relationship_options), .refused = backref_refused,
};

const mg_kind_spec *mg_annotation_schema_backref(void)
{
	return &backref_spec;
}

bool mg_annotation_schema_refuses(const mg_kind_spec *spec, const char *key)
{
	for (size_t i = 0; spec->refused && spec->refused[i]; i++)
		if (strcmp(spec->refused[i], key) == 0)
			return true;
	return false;
}
