#ifndef MG_LINT_H
#define MG_LINT_H

#include <stdarg.h>
#include <stddef.h>

#include "analyzer/core/findings.h"
#include "util/buf.h"
#include "analyzer/core/graph.h"
#include "analyzer/core/name_index.h"
#include "analyzer/lint/reserved_words.h"

/* Which sources a rule applies to. */
enum {
	MG_RULE_SOURCE_C = 1 << 0,  /* annotated models, graph JSON with relationships */
	MG_RULE_SOURCE_DB = 1 << 1, /* any schema: databases, DDL, and C models too */
	MG_RULE_SOURCE_DIFF = 1 << 2, /* two schemas compared: `diff` runs these rules, and only these */
};
#define MG_RULE_SOURCE_ANY (MG_RULE_SOURCE_C | MG_RULE_SOURCE_DB)


/* What a project requires of its schema, for the policy rules (off until
 * .modelgraph.yml sets them; docs/configuration.md). */
typedef struct mg_lint_policy {
	const char *const *required_columns; /* table-missing-column: columns every table has */
	size_t nrequired_columns;
	unsigned allowed_on_delete;  /* fk-action-not-allowed: bits 1u << mg_fk_action; 0: any */
	unsigned allowed_on_update;
	size_t max_columns;          /* table-too-many-columns: 0: MG_POLICY_MAX_COLUMNS */
	size_t max_large_columns;    /* 0: MG_POLICY_MAX_LARGE_COLUMNS */
	const char *table_case;      /* name-casing: "snake_case", "camelCase", "PascalCase";
	                                NULL: any */
	const char *column_case;
	const char *table_number;    /* name-casing: "singular", "plural"; NULL: either */
} mg_lint_policy;

#define MG_POLICY_MAX_COLUMNS 30
#define MG_POLICY_MAX_LARGE_COLUMNS 5

typedef struct mg_lint_options {
	unsigned dialects;          /* name-reserved-word's own dialects (MG_DIALECT_* bits);
	                               0: those of each table (mg_rule_table_dialects) */
	unsigned target_dialects;   /* lint.dialects: where models and scripts will run
	                               (MG_DIALECT_* bits); 0: SQLite */
	mg_lint_policy policy;
	/* diff: the database the graph (the models) is compared with. Set, the
	 * drift rules run and no other; NULL (lint), every rule but those. */
	const mg_graph *against;
	/* Per-rule severity overrides, by rule id; NULL-terminated ids. */
	const char *const *override_ids;
	const mg_severity *override_severities;
	size_t noverrides;
} mg_lint_options;

typedef struct mg_rule_context mg_rule_context;

/*
 * One rule: everything users read about it, and its check. The catalog
 * (rules/catalog.def) lists every rule once; `rules`, `explain`, the docs
 * and SARIF's rule list are all generated from these descriptors.
 */
typedef struct mg_rule {
	const char *id;             /* kebab-case, stable */
	mg_severity severity;       /* default */
	unsigned sources;           /* MG_RULE_SOURCE_* */
	const char *summary;        /* one line */
	const char *rationale;      /* why it matters */
	const char *without_orm;    /* what it means to a C application that writes its own SQL,
	                               for rules whose rationale speaks of SQLAlchemy; NULL:
	                               the rationale says it for everyone */
	const char *bad_sql;        /* an example in SQL that fires; NULL for rules on C only */
	const char *good_sql;       /* the same model, fixed */
	const char *bad_c;          /* an example in annotated C that fires; NULL when none yet */
	const char *good_c;         /* the same model, fixed */
	const char *bad_config;     /* an example .modelgraph.yml, for rules about configuration */
	const char *good_config;
	const char *example_config; /* the .modelgraph.yml the SQL and C examples run with
	                               (lint: {dialects: [postgresql]}); NULL: none */
	const char *fix;            /* what to do, in one line */
	const char *fix_c;          /* the same for a finding on C models, in the terms of the
	                               annotations (MG_FOREIGN_KEY(…, index=true)); NULL when
	                               `fix` already says it for C */
	/* Appends the rule's findings over a resolved graph. NULL for rules whose
	 * findings come from elsewhere (suppressions are judged after lint). */
	void (*check)(mg_rule_context *ctx);
} mg_rule;

/* What a check sees. */
struct mg_rule_context {
	const mg_graph *graph;
	const mg_rule *rule;
	const mg_lint_options *options;
	mg_severity severity;       /* after overrides */
	mg_findings *findings;
	int failed;                 /* set when an allocation failed */
};

/* The catalog, in id order. */
const mg_rule *const *mg_rules_all(size_t *out_count);
/* The catalog's rules by id, each to 1 + its place in mg_rules_all(): for
 * reporters that look up the rule of every finding. NULL when out of
 * memory; free with mg_name_index_free. */
mg_name_index *mg_rule_places_new(void);
const mg_rule *mg_rule_find(const char *id);

/* The catalog's id nearest to a mistyped `id`, for a did-you-mean; NULL
 * when none is near. */
const char *mg_rule_nearest(const char *id);

/* Whether the command `options` describe runs `rule_id`: lint runs every
 * rule but the drift rules, diff only those. True for an id not in the
 * catalog. */
bool mg_rule_in_command(const char *rule_id, const mg_lint_options *options);

/*
 * Runs every enabled rule over a resolved graph, appending to `findings`,
 * then sorts them. Returns 0, or -1 when out of memory.
 */
int mg_lint(const mg_graph *graph, const mg_lint_options *options, mg_findings *findings);

/*
 * Reports a finding of the running rule. The message is printf-formatted.
 * Returns the finding for mg_findings_add_related, or NULL on failure.
 */
mg_finding *mg_report(mg_rule_context *ctx, mg_object_kind object, const char *path,
		      mg_location location, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Shorthands for the objects rules report on most. */
mg_finding *mg_report_table(mg_rule_context *ctx, const mg_table *table, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
mg_finding *mg_report_column(mg_rule_context *ctx, const mg_column *column, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
mg_finding *mg_report_fk(mg_rule_context *ctx, const mg_foreign_key *fk, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Adds a related location to the last report of this context. */
void mg_report_related(mg_rule_context *ctx, mg_object_kind object, const char *path,
		       mg_location location, const char *message);

/*
 * Text for a message, printf-formatted at whatever length the names need,
 * in memory the findings own. When out of memory the run fails
 * (ctx->failed) and the text is "".
 */
const char *mg_rule_printf(mg_rule_context *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The text gathered in `buf`, likewise in memory the findings own; frees
 * the buffer. */
const char *mg_rule_take(mg_rule_context *ctx, mg_buf *buf);

#endif
