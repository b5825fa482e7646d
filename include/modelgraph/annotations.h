#ifndef MODELGRAPH_ANNOTATIONS_H
#define MODELGRAPH_ANNOTATIONS_H

/*
 * modelgraph annotations: describe a data model with plain C structs.
 *
 * Include this header in the files that declare your models and annotate the
 * structs and their fields. modelgraph reads the annotations through libclang;
 * under clang each macro becomes __attribute__((annotate("mg:<kind>:<options>"))),
 * under any other compiler it expands to nothing, so annotated headers build
 * everywhere and cost nothing at run time.
 *
 * The option names are Flask-SQLAlchemy's:
 *
 *     #include <stdbool.h>
 *     #include <modelgraph/annotations.h>
 *
 *     struct User {
 *         int id                      MG_COLUMN(primary_key=true);
 *         char username[81]           MG_COLUMN(unique=true, nullable=false);
 *         struct Post **posts         MG_RELATIONSHIP(Post, backref=author, lazy=select);
 *         struct UserProfile *profile MG_RELATIONSHIP(UserProfile, uselist=false, backref=user);
 *     } MG_MODEL(tablename=users);
 *
 *     struct Post {
 *         int id                      MG_COLUMN(primary_key=true);
 *         int user_id                 MG_FOREIGN_KEY(users.id, nullable=false, ondelete=CASCADE);
 *     } MG_MODEL();
 *
 * WHERE THEY GO
 *
 *   - Struct-level macros go after the closing brace, before the semicolon:
 *         struct Tag { ... } MG_MODEL(tablename=tags) MG_UNIQUE(slug);
 *     Several may follow one another.
 *   - Field-level macros go after the declarator, before the semicolon:
 *         char name[65] MG_COLUMN(nullable=false);
 *   - MG_ALLOW goes on either, next to what it silences.
 *
 * OPTION SYNTAX
 *
 *   Options are separated by commas. Values that some macros require come
 *   first, without a name (MG_RELATIONSHIP's target, MG_FOREIGN_KEY's
 *   reference, MG_TABLE's name, the column lists); named options follow.
 *
 *     key=value        an option
 *     key              a true/false option set to true: MG_COLUMN(primary_key)
 *     true, false      booleans; 1, 0, True and False are accepted too
 *     users            an identifier: a model, table, column or relationship name
 *     users.id         a reference, table.column (or schema.table.column)
 *     "text"           a string, with C escapes (\" \\ \n \t); needed when the
 *                      value contains a comma: comment="name, as shown"
 *     [a.x, a.y]       a list; commas inside brackets, parentheses and strings
 *                      do not separate options: type=NUMERIC(10, 2)
 *     SET NULL         words separated by spaces are one value
 *
 *   Each macro turns its own arguments into a string without expanding them,
 *   so `true` stays `true` even after <stdbool.h>, and a macro of yours that is
 *   named like one of your tables does not rewrite the annotation. The usual
 *   rules for macro arguments still apply: parentheses must balance and a
 *   single quote (') must not appear outside a string.
 *
 *   Mistakes are reported by `modelgraph lint` with the position of the
 *   option and, for a misspelt name or value, the nearest valid one
 *   (annotation-syntax, annotation-unknown-option, annotation-invalid-value).
 */

/*
 * Each macro applies # to its own arguments in its own replacement list: the
 * operand of # is never macro-expanded, whereas arguments handed to a helper
 * macro would be expanded first (`true` would become `1`). Keep it that way.
 */
#if defined(__clang__)

/*
 * MG_MODEL(options...) - after a struct: the struct is a mapped model, a table
 * whose rows the application loads as this struct. Its plain scalar fields are
 * columns; their SQL type is inferred from the C type. Pointers to other
 * models must carry MG_RELATIONSHIP or MG_TRANSIENT.
 *
 *   tablename=IDENT   table name; default: the struct tag in snake_case
 *                     (struct UserProfile -> user_profile)
 *   schema=IDENT      database schema
 *   comment="TEXT"    table comment
 *   polymorphic_on=IDENT        inheritance: the column that tells the classes
 *                               of a hierarchy apart (on the base)
 *   polymorphic_identity=VALUE  inheritance: this class's value of that column
 *
 * A model whose first field is another model's struct (by value, not a
 * pointer) inherits from it: joined-table inheritance when it declares a
 * primary key column of its own (which references the base's key), else
 * single-table inheritance (its columns go to the base's table):
 *
 *     struct Engineer {
 *         struct Employee base;
 *         int id          MG_FOREIGN_KEY(employee.id, primary_key=true);
 *         char *language;
 *     } MG_MODEL(polymorphic_identity=engineer);
 */
#define MG_MODEL(...) __attribute__((annotate("mg:model:" #__VA_ARGS__)))

/*
 * MG_FOREIGN_KEY_CONSTRAINT([a, b], [table.x, table.y], options...) - after a
 * struct: a foreign key over several columns, as SQLAlchemy's
 * ForeignKeyConstraint(["a", "b"], ["table.x", "table.y"]): column i
 * references reference i; the references name one table.
 *
 *   ondelete=ACTION   CASCADE, SET NULL, SET DEFAULT, RESTRICT or NO ACTION
 *   onupdate=ACTION   the same actions, on update of the referenced key
 *   name=IDENT        the constraint's name; default <table>_<a>_<b>_fkey
 */
#define MG_FOREIGN_KEY_CONSTRAINT(...) __attribute__((annotate("mg:foreign_key_constraint:" #__VA_ARGS__)))

/*
 * MG_MIXIN() - after a struct: not a model but a set of fields that models
 * embed by value (struct Timestamps ts;), as a declarative mixin: each model
 * that embeds it gets its columns, foreign keys and relationships.
 */
#define MG_MIXIN(...) __attribute__((annotate("mg:mixin:" #__VA_ARGS__)))

/*
 * MG_TABLE(name, options...) - after a struct: a plain table, not a mapped
 * model (typically an association table for a many-to-many relationship).
 *
 *   name              first value, required: the table name
 *   schema=IDENT      database schema
 *   comment="TEXT"    table comment
 */
#define MG_TABLE(...) __attribute__((annotate("mg:table:" #__VA_ARGS__)))

/*
 * MG_COLUMN(options...) - after a field: the field is a column (the default
 * for scalar fields in a model; use it to set options).
 *
 *   primary_key       part of the primary key             (true/false)
 *   unique            values are unique                   (true/false)
 *   nullable          NULL allowed; default true, false for primary keys
 *   index             the column has its own index        (true/false)
 *   autoincrement     values are generated                (true/false)
 *   default=VALUE     client-side default: 0, "text", NULL, an identifier
 *   server_default=VALUE  default in the DDL: "text", 0, CURRENT_TIMESTAMP
 *   name=IDENT        column name, when it differs from the field name
 *   type=SQLTYPE      SQL type instead of the one inferred from the C type:
 *                     type=VARCHAR(80), type=NUMERIC(10, 2), type="TEXT"
 *   comment="TEXT"    column comment
 */
#define MG_COLUMN(...) __attribute__((annotate("mg:column:" #__VA_ARGS__)))

/*
 * MG_FOREIGN_KEY(table.column, options...) - after a field: the field is a
 * column that references another table's column.
 *
 *   table.column      first value, required: the referenced (parent) column,
 *                     by table name, not struct tag; schema.table.column too
 *   ondelete=ACTION   CASCADE, SET NULL, SET DEFAULT, RESTRICT or NO ACTION
 *   onupdate=ACTION   the same actions, on update of the referenced key
 *   constraint_name=IDENT  name of the foreign key constraint
 *   use_alter           created by ALTER TABLE once the tables exist, to
 *                       break a cycle of foreign keys         (true/false)
 *   + every MG_COLUMN option (name= is the column name, as in MG_COLUMN)
 */
#define MG_FOREIGN_KEY(...) __attribute__((annotate("mg:foreign_key:" #__VA_ARGS__)))

/*
 * MG_RELATIONSHIP(Target, options...) - after a pointer field: the field is
 * a relationship to another model. `struct Target *` holds one object,
 * `struct Target **` or an array holds a collection.
 *
 *   Target              first value, required: the target model's struct tag
 *   backref=IDENT       also create the inverse relationship, with this name,
 *                       on the target; backref=backref(IDENT, options...)
 *                       gives it options of its own (lazy, uselist, cascade,
 *                       remote_side, order_by, passive_deletes, ...)
 *   back_populates=IDENT  the name of the inverse relationship declared on the
 *                       target (which must name this one back)
 *   uselist             false makes a one-to-many a one-to-one  (true/false)
 *   secondary=IDENT     association table of a many-to-many relationship
 *   foreign_keys=REFS   the foreign key columns to join on, when ambiguous:
 *                       foreign_keys=[Post.author_id]
 *   remote_side=REFS    for a self-referential relationship, the columns on
 *                       the remote side: remote_side=[id]
 *   cascade="TEXT"      cascade rules: "all, delete-orphan", save-update, ...
 *   lazy=STRATEGY       select, joined, subquery, selectin, raise,
 *                       raise_on_sql, noload, dynamic, write_only, immediate
 *   order_by=EXPR       ordering of a collection: order_by=Post.created desc
 *   viewonly            read-only relationship                (true/false)
 *   overlaps=NAMES      relationships known to write the same columns:
 *                       overlaps=[parent, children] or overlaps="parent,children"
 *   single_parent       an object has one parent at a time through this
 *                       relationship: allows cascade delete-orphan on a
 *                       many-to-one or many-to-many           (true/false)
 *   passive_deletes     leave the children's rows to the database's ON
 *                       DELETE                           (true/false or all)
 *   post_update         write this link with a second UPDATE, to break a
 *                       cycle of rows pointing at each other (true/false)
 *   sync_backref        keep the inverse attribute in step in memory
 *                                                         (true/false)
 *   collection_class=C  list, set, attribute_keyed_dict("name") or
 *                       column_keyed_dict(Model.column): a dict keyed by it
 *   name=IDENT          the attribute name, when the field cannot be called
 *                       so in C (a field case_ for the attribute case)
 */
#define MG_RELATIONSHIP(...) __attribute__((annotate("mg:relationship:" #__VA_ARGS__)))

/*
 * MG_PRIMARY_KEY(a, b, ...) - after a struct: a composite primary key over the
 * named columns (for one column, MG_COLUMN(primary_key) on the field is
 * enough).
 */
#define MG_PRIMARY_KEY(...) __attribute__((annotate("mg:primary_key:" #__VA_ARGS__)))

/*
 * MG_UNIQUE(a, b, ...) - after a struct: a unique constraint over the named
 * columns.
 */
#define MG_UNIQUE(...) __attribute__((annotate("mg:unique:" #__VA_ARGS__)))

/*
 * MG_INDEX(name, a, b, ..., options) - after a struct: an index called `name`
 * over the named columns.
 *
 *   unique              a unique index                        (true/false)
 */
#define MG_INDEX(...) __attribute__((annotate("mg:index:" #__VA_ARGS__)))

/*
 * MG_TRANSIENT - after a field: the field is not persisted. Use it on
 * pointers to other models that are not relationships, and on any field
 * that is not a column. Takes no arguments.
 */
#define MG_TRANSIENT __attribute__((annotate("mg:transient:")))

/*
 * MG_ASSOCIATION_PROXY(relationship, attribute) - after a field: the field is
 * SQLAlchemy's association_proxy("relationship", "attribute"), the attribute
 * of the objects the model's relationship holds, seen through it:
 *     tags = association_proxy("post_tags", "tag")
 * is MG_ASSOCIATION_PROXY(post_tags, tag). Not persisted, like MG_TRANSIENT.
 */
#define MG_ASSOCIATION_PROXY(...) __attribute__((annotate("mg:association_proxy:" #__VA_ARGS__)))

/*
 * MG_ALLOW(rule-id, "reason") - after a struct or a field: silence one lint
 * rule for it, e.g. MG_ALLOW(fk-missing-index, "table holds ten rows").
 * The reason is required: a suppression without one, or one that silences
 * nothing, is itself reported. `modelgraph rules` lists the rule ids.
 */
#define MG_ALLOW(...) __attribute__((annotate("mg:allow:" #__VA_ARGS__)))

#else /* not clang: the annotations vanish */

#define MG_MODEL(...)
#define MG_MIXIN(...)
#define MG_FOREIGN_KEY_CONSTRAINT(...)
#define MG_TABLE(...)
#define MG_COLUMN(...)
#define MG_FOREIGN_KEY(...)
#define MG_RELATIONSHIP(...)
#define MG_PRIMARY_KEY(...)
#define MG_UNIQUE(...)
#define MG_INDEX(...)
#define MG_TRANSIENT
#define MG_ASSOCIATION_PROXY(...)
#define MG_ALLOW(...)

#endif

#endif
