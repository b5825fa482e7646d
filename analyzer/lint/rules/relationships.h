#ifndef MG_RULES_RELATIONSHIPS_H
#define MG_RULES_RELATIONSHIPS_H

#include <stddef.h>

#include "analyzer/lint/lint.h"
#include "util/text.h"

/*
 * What the relationship rules (relationships_*.c) share: how messages name
 * models and relationships, and how findings about a relationship are made.
 * The facts themselves are resolve's (resolve_relationships.c).
 */

/* The name users wrote for a table's model: its struct tag, else the table name. */
const char *mg_rel_model_name(const mg_table *table);

/* "User.posts": the model's name and the attribute (see mg_rule_printf). */
const char *mg_rel_name(mg_rule_context *ctx, const mg_relationship *r);

/* "post"("user_id"): a foreign key's table and columns (see mg_rule_printf). */
const char *mg_rel_fk_text(mg_rule_context *ctx, const mg_foreign_key *fk);

/* True for a relationship a user declared: not derived from a database,
 * not made by resolve for a backref. */
bool mg_rel_is_declared(const mg_relationship *r);

/* Whether a cascade string ("all, delete-orphan") lists `rule` ("delete"),
 * in any case, with '-' or '_'. "all" is not expanded. */
bool mg_rel_cascade_has(const char *cascade, const char *rule);

/* Whether r's overlaps= names the relationship `name` (as "name" or
 * "Model.name"): SQLAlchemy's way of saying two relationships knowingly
 * share columns. */
bool mg_rel_overlaps_names(const mg_relationship *r, const char *name);

/* A self-referential relationship declared as one object (`T *` or
 * uselist=false) that SQLAlchemy makes one-to-many for want of remote_side:
 * rel-self-ref-needs-remote-side's case, which rules on its symptoms skip. */
bool mg_rel_lacks_remote_side(const mg_relationship *r);

/* The relationships a rule looks at, in graph order, until the context
 * fails: every one resolve did not derive from a database's foreign keys
 * (backrefs too, unless declared_only), or only those a user declared. */
typedef void (*mg_rel_check)(mg_rule_context *ctx, const mg_relationship *r);
void mg_rel_each(mg_rule_context *ctx, bool declared_only, mg_rel_check check);
void mg_rel_each_declared(mg_rule_context *ctx, mg_rel_check check);

/* Reports on a relationship, at its annotation. */
mg_finding *mg_report_relationship(mg_rule_context *ctx, const mg_relationship *r, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Sets the fix of a finding just reported (NULL is a no-op). */
void mg_rel_set_fix(mg_rule_context *ctx, mg_finding *finding, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Adds a related note pointing at relationship r: "\"Post.author\" is
 * declared here", or for a backref, where the relationship making it is. */
void mg_rel_related(mg_rule_context *ctx, const mg_relationship *r);

/* Adds a related note pointing at a table or column: "\"post\" is declared here". */
void mg_rel_related_table(mg_rule_context *ctx, const mg_table *t);
void mg_rel_related_column(mg_rule_context *ctx, const mg_column *c);

/* The model whose struct tag is `name` exactly, else the table named `name`; NULL when none. */
const mg_table *mg_rel_find_named(const mg_graph *graph, const char *name);

/* annotation-invalid-value's share for primaryjoin= and secondaryjoin=: each
 * column of a condition that names nothing, at its own position
 * (relationships_conditions.c). */
void mg_rel_check_join_columns(mg_rule_context *ctx);

#endif
