#ifndef MG_GRAPH_H
#define MG_GRAPH_H

#include <stdbool.h>
#include <stddef.h>

#include "analyzer/core/arena.h"

/*
 * The relationship graph: every reader fills one, resolve completes it, the
 * rules read it and the renderers print it.
 *
 * Vocabulary (SQLAlchemy's):
 *   - A foreign key lives on its CHILD table (the one holding the referencing
 *     columns) and points at its PARENT table (the referenced one). The child
 *     is a pointer; the parent is a *name*, resolved by mg_resolve(), so a
 *     foreign key to a table that does not exist is representable and lint
 *     can report it.
 *   - A relationship goes from its SOURCE table (where it is declared, or
 *     derived) to its TARGET table; its INVERSE is the relationship that
 *     walks the same join the other way.
 *
 * Every object has a stable PATH ("post", "post.user_id", "post.fk_user",
 * "user.posts") used by findings, baselines and the JSON dump, and a source
 * LOCATION: file:line:col for C and DDL, just the file for live databases.
 *
 * The graph owns all its memory through one arena: nothing here is freed
 * alone, mg_graph_free() releases everything.
 */

typedef struct mg_graph mg_graph;
typedef struct mg_table mg_table;
typedef struct mg_column mg_column;

/* Where an object was declared. line == 0: no position within the file. */
typedef struct mg_location {
	const char *file; /* input as named by the user; NULL when unknown */
	unsigned line;    /* 1-based; 0 when the source has no lines (databases) */
	unsigned column;  /* 1-based; 0 when unknown */
} mg_location;

/* Which kind of reader produced a source. */
typedef enum mg_source_kind {
	MG_SOURCE_SQLITE, /* a live SQLite database file */
	MG_SOURCE_SQL,    /* a DDL script, executed into an in-memory SQLite */
	MG_SOURCE_C,      /* annotated C models */
	MG_SOURCE_JSON,   /* modelgraph's own graph JSON */
	MG_SOURCE_POSTGRES, /* a live PostgreSQL database, or a PostgreSQL-dialect script
	                       loaded into a throwaway server */
	MG_SOURCE_MYSQL,    /* a live MariaDB or MySQL database */
} mg_source_kind;

typedef struct mg_source {
	const char *name;    /* as given on the command line */
	mg_source_kind kind;
} mg_source;

typedef enum mg_table_kind {
	MG_TABLE_MODEL,       /* a mapped class (C model) */
	MG_TABLE_PLAIN,       /* a plain table */
	MG_TABLE_ASSOCIATION, /* a plain table found to link two others (set by resolve) */
	MG_TABLE_VIEW,        /* a view: columns, no keys */
} mg_table_kind;

/* Broad type families, for comparing types across tables and dialects. */
typedef enum mg_type_family {
	MG_TYPE_UNKNOWN,
	MG_TYPE_INTEGER,
	MG_TYPE_REAL,
	MG_TYPE_NUMERIC,
	MG_TYPE_TEXT,
	MG_TYPE_BLOB,
	MG_TYPE_BOOLEAN,
	MG_TYPE_DATETIME,
} mg_type_family;

struct mg_column {
	/* What the rules test on every column first, together in one cache line:
	 * a lint pass walks every column of the graph. */
	mg_table *table;           /* owning table */
	const char *name;
	const char *sql_type;      /* normalised SQL type ("VARCHAR(80)", "BIGINT") */
	mg_type_family family;     /* family of sql_type */
	unsigned position;         /* 0-based position in the table */
	unsigned pk_position;      /* 1-based position in the primary key; 0 if not in it */
	bool nullable;             /* false when NOT NULL (or part of the primary key) */
	bool unique;               /* a single-column unique constraint or unique index covers it */
	bool autoincrement;        /* AUTOINCREMENT, or SQLite's INTEGER PRIMARY KEY rowid alias */
	const char *type;          /* declared type as written ("varchar(80)", "int64_t"); "" if none */
	const char *default_value; /* SQL text of the default; NULL when there is none */
	const char *path;          /* "table.column" */
	const char *comment;       /* description; NULL when none */
	const char *client_default; /* C: MG_COLUMN(default=), applied by the application and
	                               absent from the DDL, as written; NULL when none */
	const char *attribute;     /* C: the struct field, the model's attribute, when
	                              MG_COLUMN(name=) gives the column another name;
	                              NULL when the two are one name */
	mg_location location;
	const char *subclass;      /* single-table inheritance: the struct tag of the
	                              subclass that declares the column (the table's own
	                              class when NULL) */
};

/* Why an index exists, as SQLite's pragma_index_list reports it. */
typedef enum mg_index_origin {
	MG_INDEX_CREATED,     /* CREATE INDEX */
	MG_INDEX_UNIQUE,      /* a UNIQUE constraint */
	MG_INDEX_PRIMARY_KEY, /* the primary key */
} mg_index_origin;

typedef struct mg_index {
	mg_table *table;
	const char *name;       /* may be generated (sqlite_autoindex_…) */
	mg_column **columns;    /* NULL entry: an expression, not a column */
	size_t ncolumns;
	const char **collations; /* when the index names a collation (x COLLATE NOCASE):
	                           ncolumns entries, each the collation its key column
	                           sorts by; NULL when it names none (every key column
	                           sorts by its column's own collation) */
	bool unique;
	bool partial;           /* has a WHERE clause: covers only some rows */
	bool nulls_not_distinct; /* PostgreSQL's UNIQUE NULLS NOT DISTINCT: NULLs count as
	                           equal, so a nullable key column lets no duplicate in */
	mg_index_origin origin;
	const char *path;       /* "table.index" */
	mg_location location;
} mg_index;

/* A UNIQUE constraint (not the primary key). */
typedef struct mg_unique {
	mg_column **columns;
	size_t ncolumns;
	const char *name;       /* NULL when unnamed */
} mg_unique;

/* Referential actions; MG_ACTION_NONE when the declaration says nothing. */
typedef enum mg_fk_action {
	MG_ACTION_NONE,
	MG_ACTION_NO_ACTION,
	MG_ACTION_RESTRICT,
	MG_ACTION_CASCADE,
	MG_ACTION_SET_NULL,
	MG_ACTION_SET_DEFAULT,
} mg_fk_action;

typedef struct mg_foreign_key {
	mg_table *child;              /* table holding the referencing columns */
	const char *name;             /* constraint name, or a generated "<child>_<cols>_fkey" */
	mg_column **columns;          /* child columns, in declaration order */
	size_t ncolumns;
	const char *parent_name;      /* referenced table, as written */
	const char **parent_column_names; /* as written; nparent_columns == 0: the parent's primary key */
	size_t nparent_columns;
	mg_fk_action on_delete;
	mg_fk_action on_update;
	bool deferrable;              /* DEFERRABLE: may be checked at commit (PostgreSQL) */
	bool initially_deferred;      /* INITIALLY DEFERRED: checked at commit unless set otherwise */
	bool use_alter;               /* C: use_alter=: created by ALTER TABLE after the tables,
	                                 to break a cycle of foreign keys */
	bool implied;                 /* not declared: inferred from names by resolve */
	const char *implied_reason;   /* why it was inferred; NULL unless implied */
	/* Filled by mg_resolve(): */
	mg_table *parent;             /* NULL when the table does not exist */
	mg_column **parent_columns;   /* ncolumns entries; NULL (all) when unresolved,
	                                 an entry NULL when that column does not exist */
	bool unique;                  /* the child columns are a key of the child: one-to-one */
	const char *path;             /* "child.name" */
	mg_location location;
	bool virtual_join;            /* made by resolve for a join condition that no declared
	                                 foreign key matches; in no table's list */
} mg_foreign_key;

typedef enum mg_cardinality {
	MG_CARD_UNKNOWN,
	MG_CARD_ONE_TO_MANY,
	MG_CARD_MANY_TO_ONE,
	MG_CARD_ONE_TO_ONE,
	MG_CARD_MANY_TO_MANY,
} mg_cardinality;

/* A tri-state for options that may be left unsaid. */
typedef enum mg_tristate { MG_UNSET = -1, MG_FALSE = 0, MG_TRUE = 1 } mg_tristate;

/*
 * Whether resolve could derive a declared relationship's join from the
 * foreign keys, as SQLAlchemy does when the mappers are configured, and if
 * not, why. Derived relationships (databases) are always MG_JOIN_OK.
 */
typedef enum mg_join_status {
	MG_JOIN_OK,               /* via (and secondary_via) found */
	MG_JOIN_NO_TARGET,        /* the target names no model: rel-target-unknown */
	MG_JOIN_NO_SECONDARY,     /* `secondary` names no table: rel-secondary-unknown */
	MG_JOIN_NO_FOREIGN_KEY,   /* no foreign key links source and target (or none that
	                             foreign_keys= names): SQLAlchemy's NoForeignKeysError */
	MG_JOIN_SECONDARY_NO_FK,  /* the secondary has no foreign key to the source or
	                             to the target (NoForeignKeysError): assoc-missing-fk */
	MG_JOIN_AMBIGUOUS,        /* several foreign keys qualify and foreign_keys= does not
	                             pick one: AmbiguousForeignKeysError */
	/* With primaryjoin= or secondaryjoin= (join_condition.h): */
	MG_JOIN_OPAQUE,           /* a condition beyond the grammar: kept as text, the join
	                             unknown (rel-join-opaque) */
	MG_JOIN_UNKNOWN_COLUMN,   /* a column of a condition names nothing
	                             (annotation-invalid-value) */
	MG_JOIN_NO_FOREIGN_COLUMNS, /* no column of a condition is foreign: not marked
	                             foreign(), not in foreign_keys=, no foreign key
	                             (rel-join-no-foreign-columns) */
	MG_JOIN_FOREIGN_ELSEWHERE, /* the foreign columns pair only with columns outside
	                             the join's tables (rel-join-column-elsewhere) */
	MG_JOIN_NO_SECONDARY_FOR_JOIN, /* secondaryjoin= without secondary=
	                             (rel-secondaryjoin-without-secondary) */
	MG_JOIN_NO_DIRECTION,     /* foreign columns on both sides, none remote or all
	                             remote: SQLAlchemy cannot tell the direction
	                             (rel-join-no-foreign-columns) */
} mg_join_status;

typedef struct mg_relationship {
	/* What most checks test first, together in one cache line: resolve and
	 * the relationship rules walk every relationship of the graph, each
	 * several times. */
	mg_table *source;             /* table that declares (or is given) the attribute */
	const char *name;             /* attribute name */
	mg_table *target;             /* filled by mg_resolve() */
	struct mg_relationship *inverse; /* filled by mg_resolve() */
	const char *backref;          /* NULL when absent */
	const char *back_populates;   /* NULL when absent */
	bool derived;                 /* made by resolve from foreign keys, not declared */
	bool from_backref;            /* made by resolve for the backref= of `inverse`, as
	                                 SQLAlchemy adds it to the target; its location is
	                                 that of the declaring annotation */
	mg_join_status join;          /* filled by mg_resolve(): see below */
	mg_cardinality direction;     /* likewise */
	mg_tristate collection;       /* likewise */

	const char *target_name;      /* target table/model, as written */
	const char *secondary_name;   /* association table, as written; NULL when absent */
	mg_tristate uselist;
	/* As declared by MG_RELATIONSHIP (C) and kept for resolve and the rules;
	   NULL, 0 or MG_UNSET when not given: */
	mg_tristate viewonly;
	const char **foreign_keys;    /* foreign_keys=[Post.author_id]: columns as written */
	size_t nforeign_keys;
	const char **remote_side;     /* remote_side=[id]: columns as written */
	size_t nremote_side;
	const char **overlaps;        /* overlaps=[a, b]: relationship names as written */
	size_t noverlaps;
	const char *cascade;          /* cascade rules, canonical: "all, delete-orphan" */
	const char *lazy;             /* loader strategy, canonical: "select", "dynamic" */
	const char *order_by;         /* ordering expression as written: "Post.created desc" */
	mg_tristate c_collection;     /* C: the field is `T **`, `T *[N]` or `T[N]` (TRUE) or
	                                 `T *` (FALSE); UNSET when not a pointer to a struct,
	                                 or not from C */
	mg_tristate single_parent;    /* single_parent=: allows delete-orphan on the many side */
	const char *c_target;         /* C: the struct tag the field points to, which may
	                                 differ from target_name; NULL when none */
	/* Filled by mg_resolve() (target and inverse are above): */
	mg_table *secondary;
	mg_foreign_key *via;          /* the foreign key the join follows (source side
	                                 of `secondary` for many-to-many) */
	mg_cardinality kind;
	const char *path;             /* "source.name" */
	mg_location location;
	/* Also filled by mg_resolve(), for graphs that declare relationships
	   (resolve_relationships.c says how):
	     join        MG_JOIN_OK, or why via could not be found
	     direction   SQLAlchemy's direction: ONE_TO_MANY (foreign key on the target),
	                 MANY_TO_ONE (on the source) or MANY_TO_MANY; UNKNOWN without a
	                 join. kind refines it: one-to-one comes from uselist
	     collection  uselist as SQLAlchemy settles it: as given, else true unless
	                 the direction is many-to-one; UNSET when neither is known */
	mg_foreign_key *secondary_via; /* many-to-many: the secondary's foreign key to the
	                                 target (via is the one to the source); else NULL */
	mg_foreign_key **join_candidates; /* MG_JOIN_AMBIGUOUS: the foreign keys the join
	                                 could follow (the far table's first, each table's
	                                 in name order); else NULL */
	size_t njoin_candidates;
	mg_column **foreign_key_columns; /* nforeign_keys entries: the column each of
	                                 foreign_keys names; an entry NULL when it names none */
	mg_column **remote_side_columns; /* nremote_side entries, likewise for remote_side */
	struct mg_relationship *candidate_inverse; /* declared, unlinked, and walking the
	                                 same join the other way: what rel-unlinked-inverse
	                                 reports; symmetric; NULL when none */
	/* primaryjoin= and secondaryjoin= as written and parsed (join_condition.h);
	   NULL when not given. A backref gets its inverse's, swapped for a
	   many-to-many. When a condition joins columns no declared foreign key
	   links (a "virtual" foreign key), resolve makes via (or secondary_via) a
	   foreign key of its own, in no table's list, with `virtual_join` set. */
	struct mg_join_condition *primaryjoin;
	struct mg_join_condition *secondaryjoin;

	/* The options of relationship() past the join, as declared (C, graph JSON);
	   NULL or MG_UNSET when not given: */
	struct mg_relationship *backref_options; /* backref=backref(name, …): what the
	                                 parentheses give the backref, as a relationship
	                                 of no table (mg_relationship_options_new); its
	                                 options only are set. NULL for backref=name */
	const char *passive_deletes;  /* "true", "false" or "all" */
	mg_tristate post_update;
	mg_tristate sync_backref;
	const char *collection_class; /* "list", "set", "attribute_keyed_dict",
	                                 "column_keyed_dict" (the older *_mapped_collection
	                                 spellings made these) */
	const char *collection_key;   /* what a keyed collection keys by, as written:
	                                 "Model.column" or an attribute name; else NULL */
	const char *c_field;          /* C: the struct field, when MG_RELATIONSHIP(name=)
	                                 gives the attribute another name; else NULL */
	const char *subclass;         /* single-table inheritance: the subclass (struct tag)
	                                 that declares it, on its table's class; NULL when
	                                 the table's own class does */
} mg_relationship;

/* An empty relationship of no table, with every option unset: what
 * backref(…) gives. NULL when out of memory. */
mg_relationship *mg_relationship_options_new(mg_graph *graph);

/*
 * A class of single-table inheritance: a model without a table of its own,
 * whose columns and relationships go to the table of the class it inherits
 * from (they carry its struct tag as `subclass`).
 */
typedef struct mg_subclass {
	mg_table *table;              /* the table it maps to: the root's of its hierarchy */
	const char *name;             /* its struct tag */
	const char *inherits;         /* the struct tag of the class it inherits from */
	const char *polymorphic_on;   /* MG_MODEL(polymorphic_on=); NULL when not given */
	const char *polymorphic_identity; /* MG_MODEL(polymorphic_identity=); NULL when not given */
	const char **conflicts;       /* columns it declares that the table has already:
	                                 SQLAlchemy refuses them (inherit-column-conflict) */
	mg_location *conflict_locations;
	size_t nconflicts;
	const char *c_definition;     /* where its struct is defined, as for tables */
	const char *path;             /* "table.Subclass" */
	mg_location location;         /* of its MG_MODEL */
	mg_location polymorphic_on_location;
} mg_subclass;

struct mg_table {
	mg_graph *graph;
	const char *name;
	const char *schema;           /* NULL: the default schema */
	mg_table_kind kind;
	const char *comment;          /* NULL when none */
	size_t source_index;          /* which mg_source it came from */
	bool without_rowid;           /* SQLite: WITHOUT ROWID, so no column is the rowid */
	const char *virtual_module;   /* SQLite: a virtual table's module ("fts5", "rtree"),
	                                 which keeps its rows itself: it has no primary key
	                                 or foreign keys to declare; NULL for other tables */
	mg_column **columns;          /* in declaration order */
	size_t ncolumns, columns_cap;
	mg_column **primary_key;      /* in key order; npk == 0: none declared */
	size_t npk, pk_cap;
	mg_unique *uniques;
	size_t nuniques, uniques_cap;
	mg_index **indexes;           /* sorted by name after resolve */
	size_t nindexes, indexes_cap;
	mg_foreign_key **foreign_keys; /* declared ones first, then implied ones */
	size_t nforeign_keys, foreign_keys_cap;
	mg_relationship **relationships; /* sorted by name after resolve */
	size_t nrelationships, relationships_cap;
	/* C models: */
	const char *struct_name;      /* the struct tag (or typedef name of an anonymous
	                                 struct): what MG_RELATIONSHIP targets name; NULL
	                                 for other sources */
	const char *c_definition;     /* where the struct is defined, as "device:inode:offset":
	                                 a header read through several inputs is one
	                                 definition; NULL for other sources */
	struct mg_unmapped_field **unmapped_fields; /* fields that are neither columns,
	                                 relationships nor MG_TRANSIENT, in field order */
	size_t nunmapped_fields, unmapped_fields_cap;
	struct mg_transient_field **transient_fields; /* C: fields that are class attributes
	                                 but not mapped (MG_TRANSIENT, MG_ASSOCIATION_PROXY),
	                                 in field order */
	size_t ntransient_fields, transient_fields_cap;
	/* Inheritance (C models): */
	const char *inherits;         /* joined-table inheritance: the struct tag of the class
	                                 whose struct is embedded as the first field; NULL
	                                 when none */
	mg_location inherits_location; /* of that embedded field */
	const char *polymorphic_on;   /* MG_MODEL(polymorphic_on=) as written; NULL when none */
	mg_location polymorphic_on_location;
	const char *polymorphic_identity; /* MG_MODEL(polymorphic_identity=); NULL when none */
	mg_subclass **subclasses;     /* single-table subclasses mapped to this table */
	size_t nsubclasses, subclasses_cap;
	/* Filled by mg_resolve(): */
	mg_table *inherits_table;     /* the table of the class `inherits` names (a
	                                 single-table class's is its root's); NULL when none */
	mg_join_status inherit_join;  /* MG_JOIN_OK: inherit_fk is the join to it; NO_TARGET,
	                                 NO_FOREIGN_KEY or AMBIGUOUS as for relationships */
	mg_foreign_key *inherit_fk;   /* the foreign key of the inheritance join: the one
	                                 between the two tables, or when several, the one
	                                 over the primary key; NULL when none */
	mg_foreign_key **referenced_by; /* foreign keys whose parent is this table */
	size_t nreferenced_by, referenced_by_cap;
	const char *path;             /* the table name, schema-qualified when it has one */
	mg_location location;
};

/*
 * A field of a C model that maps to nothing: not a column (its C type has no
 * SQL type), not a relationship, not MG_TRANSIENT. A pointer to another model
 * here is what c-unmapped-pointer reports; whether `target` is a model is
 * only known once every input is read.
 */
typedef struct mg_unmapped_field {
	mg_table *table;
	const char *name;             /* the field name */
	const char *c_type;           /* its C type as clang spells it: "struct Post *" */
	const char *target;           /* struct tag it points to (or holds); NULL when none */
	mg_tristate collection;       /* `T **`/array: TRUE, `T *`: FALSE; UNSET without target */
	bool pointer;                 /* reached through a pointer, not embedded */
	const char *path;             /* "table.field" */
	mg_location location;
} mg_unmapped_field;

/*
 * A field of a C model that is an attribute of the class but no column or
 * relationship: MG_TRANSIENT (a plain attribute, a property), or
 * MG_ASSOCIATION_PROXY(relationship, attribute), SQLAlchemy's
 * association_proxy("relationship", "attribute"). A backref of the same
 * name replaces it, and a proxy names what must exist: rules check both.
 */
typedef struct mg_transient_field {
	mg_table *table;
	const char *name;             /* the field name: the attribute */
	const char *proxy_relationship; /* MG_ASSOCIATION_PROXY: the relationship of the
	                                 model it goes through; NULL for MG_TRANSIENT */
	const char *proxy_attribute;  /* MG_ASSOCIATION_PROXY: the attribute of that
	                                 relationship's target; NULL for MG_TRANSIENT */
	const char *path;             /* "table.field" */
	mg_location location;         /* the field; for a proxy, its annotation */
} mg_transient_field;

/* Which rule reports an annotation problem. */
typedef enum mg_annotation_problem_kind {
	MG_ANNOTATION_PROBLEM_SYNTAX,         /* annotation-syntax: malformed text, a missing or
	                                         extra positional value, a repeated option, a
	                                         macro in the wrong place */
	MG_ANNOTATION_PROBLEM_UNKNOWN_OPTION, /* annotation-unknown-option */
	MG_ANNOTATION_PROBLEM_INVALID_VALUE,  /* annotation-invalid-value: a value of the wrong
	                                         type, missing, or naming no column */
} mg_annotation_problem_kind;

/* What an annotation problem is about; reporters name the object. */
typedef enum mg_annotation_subject {
	MG_SUBJECT_TABLE,             /* a struct-level annotation: path "table" (or the tag) */
	MG_SUBJECT_COLUMN,            /* a field that is (or was meant as) a column */
	MG_SUBJECT_RELATIONSHIP,      /* an MG_RELATIONSHIP field */
} mg_annotation_subject;

/*
 * A mistake in an annotation of a C model. The reader records it and goes
 * on (a wrong option is left out, its default applies); the annotation-*
 * rules report it, so it is a finding, not an unreadable input.
 */
typedef struct mg_annotation_problem {
	mg_annotation_problem_kind kind;
	const char *message;          /* one line, impersonal, no final period */
	const char *text;             /* the offending text as written; NULL for missing text */
	const char *suggestion;       /* nearest valid spelling; NULL when none */
	mg_annotation_subject subject;
	const char *path;             /* "table" or "table.field" */
	mg_location location;         /* of the offending text (see read_c.h) */
} mg_annotation_problem;

/* MG_ALLOW(rule, "reason") on a C struct or field: a suppression, applied by lint. */
typedef struct mg_allow {
	const char *rule;             /* rule id as written */
	const char *reason;           /* NULL when not given */
	const char *path;             /* "table" or "table.field" */
	mg_location location;
} mg_allow;

/*
 * A schema object a reader found but could not read: a view over a column
 * that was dropped since, a virtual table whose module is not loaded. It is
 * left out of the graph, the rest is read, and lint reports it
 * (schema-object-unreadable).
 */
/*
 * A table that a later source defines again (two databases, a header and a
 * script): the first definition is kept, the later one is left out, and lint
 * reports it (table-defined-twice).
 */
typedef struct mg_duplicate_table {
	const char *name;
	mg_location kept;             /* the definition in the graph */
	mg_location dropped;          /* the one left out */
} mg_duplicate_table;

typedef struct mg_unreadable {
	const char *name;             /* the object's name, its path too */
	const char *kind;             /* "view", "virtual table", "table" */
	const char *reason;           /* the database's message, one line */
	mg_location location;
} mg_unreadable;

struct mg_graph {
	mg_arena *arena;
	mg_source *sources;
	size_t nsources, sources_cap;
	mg_table **tables;            /* sorted by name after resolve */
	size_t ntables, tables_cap;
	bool case_insensitive;        /* table and column names compare ignoring ASCII case,
	                                 as SQL does; true for every source, C models too
	                                 (their tables end up in SQL); struct tags are C
	                                 names and always compare exactly */
	bool resolved;
	bool declares_relationships;  /* a reader says the schema declares its relationships
	                                 (graph JSON of C models), even when it declares none:
	                                 resolve derives none from foreign keys */
	struct mg_name_index *table_index; /* name -> table lookup; see graph.c */
	mg_annotation_problem *annotation_problems; /* C: in reading order */
	size_t nannotation_problems, annotation_problems_cap;
	mg_allow *allows;             /* C: MG_ALLOW annotations, in reading order */
	size_t nallows, allows_cap;
	mg_unreadable *unreadable;    /* databases: objects left out, in reading order */
	size_t nunreadable, unreadable_cap;
	mg_duplicate_table *duplicates; /* tables defined again by a later source */
	size_t nduplicates, duplicates_cap;
	struct mg_name_index *type_index;  /* declared type -> its normal form; see graph.c */
};

/* A new empty graph, or NULL when out of memory. Free with mg_graph_free. */
mg_graph *mg_graph_new(void);

/* Releases the graph and everything in it; NULL is a no-op. */
void mg_graph_free(mg_graph *graph);

/* Records an input; returns its index, or (size_t)-1 when out of memory. */
size_t mg_graph_add_source(mg_graph *graph, const char *name, mg_source_kind kind);

/*
 * Constructors. Each copies its strings into the graph and returns the new
 * object, or NULL when out of memory. Names are not checked for clashes
 * here: readers check, mg_graph_check() verifies.
 */
mg_table *mg_graph_add_table(mg_graph *graph, const char *name, mg_table_kind kind);
/* Makes room for `n` columns in all, so that a reader that knows the count
 * adds them without growing the array (each growth leaves the old one in the
 * arena); 0, or -1 when out of memory. */
int mg_table_reserve_columns(mg_table *table, size_t n);
mg_column *mg_table_add_column(mg_table *table, const char *name, const char *declared_type);
mg_index *mg_table_add_index(mg_table *table, const char *name, bool unique, mg_index_origin origin);
int mg_index_add_column(mg_index *index, mg_column *column);
/* Records the collation of key column `i` (< ncolumns); 0 or -1. */
int mg_index_set_collation(mg_index *index, size_t i, const char *collation);
mg_unique *mg_table_add_unique(mg_table *table, const char *name);
int mg_unique_add_column(mg_table *table, mg_unique *unique, mg_column *column);
int mg_table_add_primary_key_column(mg_table *table, mg_column *column);
mg_foreign_key *mg_table_add_foreign_key(mg_table *table, const char *name, const char *parent_name);
int mg_foreign_key_add_column(mg_foreign_key *fk, mg_column *child, const char *parent_column);
mg_relationship *mg_table_add_relationship(mg_table *table, const char *name, const char *target_name);
/* Takes the tables for which `drop` says true back out of the graph (before
 * resolve, with nothing referring to them yet); their memory stays in the
 * arena. One pass and one rebuild of the name index, so call it once for a
 * whole repair. 0, or -1 when out of memory. */
int mg_graph_drop_tables(mg_graph *graph, bool (*drop)(const mg_table *table, void *payload),
			 void *payload);
/* Records an object the reader left out; 0, or -1 when out of memory. */
int mg_graph_add_unreadable(mg_graph *graph, const char *name, const char *kind, const char *reason,
			    mg_location location);

/* Lookups honour graph->case_insensitive. NULL when not found. */
mg_table *mg_graph_find_table(const mg_graph *graph, const char *name);
mg_column *mg_table_find_column(const mg_table *table, const char *name);
mg_relationship *mg_table_find_relationship(const mg_table *table, const char *name);

/* The relationship named exactly `name` (an attribute name: case counts),
 * the first of that name; NULL when none. Once the graph is resolved,
 * relationships are sorted by name and this is a binary search. */
mg_relationship *mg_table_relationship_named(const mg_table *table, const char *name);

/* Compares two names the way the graph does. */
int mg_graph_name_cmp(const mg_graph *graph, const char *a, const char *b);

/* True when the columns (in any order) are exactly the primary key, or a
 * unique constraint, or the columns of a full (not partial) unique index. */
bool mg_table_is_key(const mg_table *table, mg_column *const *columns, size_t ncolumns);

/*
 * Verifies the graph's invariants: back-links, unique names, paths, and
 * after resolve, resolved references. Returns NULL when they hold, else a
 * description of the first violation (static storage). Debug builds run it
 * after every reader and after resolve.
 */
const char *mg_graph_check(const mg_graph *graph);

/* Stable names for enums, as used in JSON and messages. */
const char *mg_table_kind_name(mg_table_kind kind);
const char *mg_fk_action_name(mg_fk_action action); /* "CASCADE", "SET NULL", …; NULL for NONE */
const char *mg_cardinality_name(mg_cardinality kind); /* "one-to-many", … */
const char *mg_type_family_name(mg_type_family family);

/* Parses an SQL referential action ("set null", "CASCADE"); MG_ACTION_NONE when unknown. */
mg_fk_action mg_fk_action_parse(const char *text);

#endif
