"""SQLAlchemy as the oracle for the relationship rules.

Reads the graph JSON of a C model (`modelgraph dump`), declares the same
models with SQLAlchemy's declarative API (tables, columns, keys, and every
declared relationship with its options), configures the mappers, and
prints what SQLAlchemy said, as one JSON
object: {"outcome": "ok" | "warning" | "error", "message": "..."}.

usage: sqlalchemy_oracle.py GRAPH.json
"""

import json
import re
import sys
import warnings

import sqlalchemy
from sqlalchemy import (Boolean, Column, Float, ForeignKey, ForeignKeyConstraint, Integer, LargeBinary,
                        Numeric, String, Table, Text, UniqueConstraint, DateTime)
from sqlalchemy.ext.associationproxy import association_proxy
from sqlalchemy.orm import backref, declarative_base, relationship
from sqlalchemy.orm.collections import attribute_mapped_collection, column_mapped_collection

TYPES = {
    "INTEGER": Integer, "BIGINT": Integer, "SMALLINT": Integer, "BOOLEAN": Boolean,
    "DOUBLE PRECISION": Float, "REAL": Float, "FLOAT": Float, "TEXT": Text,
    "BLOB": LargeBinary, "TIMESTAMP": DateTime,
}


def column_type(sql_type):
    sql_type = (sql_type or "").upper()
    if sql_type.startswith("VARCHAR"):
        return String
    if sql_type.startswith("NUMERIC") or sql_type.startswith("DECIMAL"):
        return Numeric
    return TYPES.get(sql_type, String)


def columns_and_constraints(table):
    """The table's columns (by attribute) and its other constraints, as
    SQLAlchemy objects: a one-column foreign key sits on its column."""
    pk = set(table["primary_key"])
    single_fk = {}
    constraints = []
    for fk in table["foreign_keys"]:
        if fk.get("implied"):
            continue
        targets = ["%s.%s" % (fk["ref_table"], col) for col in fk["ref_columns"]]
        if len(fk["columns"]) == 1:
            single_fk.setdefault(fk["columns"][0], []).append(
                ForeignKey(targets[0], name=fk["name"], ondelete=fk["on_delete"],
                           onupdate=fk["on_update"], use_alter=fk.get("use_alter", False)))
        else:
            constraints.append(ForeignKeyConstraint(fk["columns"], targets, name=fk["name"],
                                                    ondelete=fk["on_delete"],
                                                    onupdate=fk["on_update"],
                                                    use_alter=fk.get("use_alter", False)))
    columns = {}
    for c in table["columns"]:
        columns[c.get("attribute") or c["name"]] = Column(
            c["name"], column_type(c["sql_type"]), *single_fk.get(c["name"], []),
            primary_key=c["name"] in pk, nullable=c["nullable"] and c["name"] not in pk)
    for cols in table["unique"]:
        constraints.append(UniqueConstraint(*cols))
    return columns, constraints


def class_name(table):
    return table.get("struct") or table["name"]


def expression(text, tables, models, source):
    """A column named as written (Post.user_id, followers.follower_id, id) as
    an expression SQLAlchemy evaluates: Class.attr, or table.c.column."""
    parts = text.split(".")
    if len(parts) == 1:
        return "%s.%s" % (class_name(source), parts[0])
    owner, column = parts[-2], parts[-1]
    if owner in models:
        return "%s.%s" % (owner, column)
    for t in tables:
        if t["name"] == owner:
            if t["kind"] == "model":
                return "%s.%s" % (class_name(t), column)
            return "%s.c.%s" % (owner, column)
    return text


# The names a join condition may call or name besides columns: SQLAlchemy's
# string arguments resolve them.
JOIN_WORDS = {"and_", "or_", "not_", "foreign", "remote", "true", "false", "null", "True", "False",
              "None", "func", "cast", "sa", "sqlalchemy", "db"}
NAME = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*""")


def join_column(text, tables, models, source):
    """A column of a join condition as SQLAlchemy evaluates it: Model.attr
    and table.c.column stay, table.column of a plain table becomes
    table.c.column (of a model's table, Model.attr), a bare name is an
    attribute of the declaring model."""
    parts = text.split(".")
    if parts[0] in JOIN_WORDS or parts[0] in models or (len(parts) == 3 and parts[1] == "c"):
        return text
    if len(parts) == 1:
        return "%s.%s" % (class_name(source), text)
    if len(parts) == 2:
        for t in tables:
            if t["name"] == parts[0]:
                if t["kind"] == "model":
                    for c in t["columns"]:
                        if c["name"] == parts[1]:
                            return "%s.%s" % (class_name(t), c.get("attribute") or c["name"])
                    return "%s.%s" % (class_name(t), parts[1])
                return "%s.c.%s" % (parts[0], parts[1])
    return text


def join_condition(text, tables, models, source):
    """A primaryjoin/secondaryjoin as written, its column names made ones
    SQLAlchemy's string evaluation finds."""
    def replace(m):
        word = m.group(0)
        if word[0] in "'\"":
            return word
        following = text[m.end():].lstrip()
        if following.startswith("("):
            return word
        return join_column(word, tables, models, source)
    return NAME.sub(replace, text)


def collection_class(r, tables, models, target):
    """collection_class as SQLAlchemy 1.4 spells it: list, set, or a keyed
    dict made by attribute_mapped_collection / column_mapped_collection."""
    kind, key = r["collection_class"], r.get("collection_key")
    if kind == "list":
        return list
    if kind == "set":
        return set
    if kind == "attribute_keyed_dict":
        return attribute_mapped_collection(key)
    # column_keyed_dict(Model.column): a column of the target's table (or the
    # named one), which exists once every class is declared; SQLAlchemy calls
    # the factory when it configures the mappers, after that.
    owner, _, column = key.rpartition(".")
    table = (table_named(tables, owner) if owner else None) or target
    return lambda: column_mapped_collection(DECLARED_TABLES[table["name"]].c[column])()


DECLARED_TABLES = {}


def later_kwargs(r, tables, models, target):
    """The options a relationship and backref(...) share past the first ones."""
    kw = {}
    if r.get("passive_deletes") is not None:
        kw["passive_deletes"] = r["passive_deletes"]
    if r.get("post_update") is not None:
        kw["post_update"] = r["post_update"]
    if r.get("sync_backref") is not None:
        kw["sync_backref"] = r["sync_backref"]
    if r.get("collection_class"):
        kw["collection_class"] = collection_class(r, tables, models, target)
    return kw


def backref_kwargs(o, tables, models, target):
    """backref(name, ...)'s options: `target` is the backref's own model."""
    kw = {}
    if o.get("uselist") is not None:
        kw["uselist"] = o["uselist"]
    if o.get("declared_foreign_keys"):
        kw["foreign_keys"] = "[%s]" % ", ".join(
            expression(f, tables, models, target) for f in o["declared_foreign_keys"])
    if o.get("remote_side"):
        kw["remote_side"] = "[%s]" % ", ".join(
            expression(f, tables, models, target) for f in o["remote_side"])
    for key in ("cascade", "lazy"):
        if o.get(key):
            kw[key] = o[key]
    if o.get("viewonly") is not None:
        kw["viewonly"] = o["viewonly"]
    if o.get("single_parent") is not None:
        kw["single_parent"] = o["single_parent"]
    if o.get("overlaps"):
        kw["overlaps"] = ",".join(x.split(".")[-1] for x in o["overlaps"])
    kw.update(later_kwargs(o, tables, models, target))
    return kw


def table_named(tables, name):
    for t in tables:
        if class_name(t) == name or t["name"] == name:
            return t
    return None


def relationship_kwargs(r, tables, models, source):
    kw = {}
    if r["backref"]:
        kw["backref"] = r["backref"]
        if r.get("backref_options"):
            kw["backref"] = backref(r["backref"], **backref_kwargs(r["backref_options"], tables,
                                                                    models, source))
    if r["back_populates"]:
        kw["back_populates"] = r["back_populates"]
    if r["uselist"] is not None:
        kw["uselist"] = r["uselist"]
    if r["secondary"]:
        kw["secondary"] = r["secondary"]
    kw.update(later_kwargs(r, tables, models, table_named(tables, r["target"])))
    if r["declared_foreign_keys"]:
        kw["foreign_keys"] = "[%s]" % ", ".join(
            expression(f, tables, models, source) for f in r["declared_foreign_keys"])
    if r["remote_side"]:
        kw["remote_side"] = "[%s]" % ", ".join(
            expression(f, tables, models, source) for f in r["remote_side"])
    if r["cascade"]:
        kw["cascade"] = r["cascade"]
    if r["lazy"]:
        kw["lazy"] = r["lazy"]
    if r["viewonly"]:
        kw["viewonly"] = True
    if r["overlaps"]:
        kw["overlaps"] = ",".join(o.split(".")[-1] for o in r["overlaps"])
    if r["single_parent"]:
        kw["single_parent"] = True
    for key in ("primaryjoin", "secondaryjoin"):
        if r.get(key):
            kw[key] = join_condition(r[key]["text"], tables, models, source)
    return kw


def mapper_args(cls):
    """__mapper_args__ of a table or a single-table subclass."""
    args = {}
    if cls.get("polymorphic_on"):
        args["polymorphic_on"] = cls["polymorphic_on"]
    if cls.get("polymorphic_identity") is not None:
        args["polymorphic_identity"] = cls["polymorphic_identity"]
    return args


def class_specs(tables):
    """Every mapped class as (name, base class name or None, attrs maker),
    bases first: models with tables, then single-table subclasses, whose
    columns and relationships the graph keeps on their table."""
    specs = []
    for t in tables:
        if t["kind"] != "model":
            continue
        specs.append((class_name(t), t.get("inherits"), t, None))
        for sc in t.get("subclasses") or []:
            specs.append((sc["struct"], sc["inherits"], t, sc))
    ordered, done = [], set()
    while specs:
        ready = [s for s in specs if not s[1] or s[1] in done
                 or s[1] not in {x[0] for x in specs} | done]
        if not ready:
            ready = specs[:1]
        for s in ready:
            ordered.append(s)
            done.add(s[0])
            specs.remove(s)
    return ordered


def declare(graph):
    """The declarative classes; the caller keeps them (SQLAlchemy's class
    registry holds them weakly)."""
    DECLARED_TABLES.clear()
    base = declarative_base()
    classes = {}
    tables = graph["tables"]
    models = {class_name(t) for t in tables if t["kind"] == "model"}
    for t in tables:
        models.update(sc["struct"] for sc in t.get("subclasses") or [])
    for t in tables:
        if t["kind"] not in ("model", "view"):
            columns, constraints = columns_and_constraints(t)
            DECLARED_TABLES[t["name"]] = Table(t["name"], base.metadata, *columns.values(),
                                               *constraints)
    for name, inherits, t, sc in class_specs(tables):
        owner = sc["struct"] if sc else None
        columns, constraints = columns_and_constraints(t)
        by_column = {c["name"]: c for c in t["columns"]}
        attrs = {a: col for a, col in columns.items()
                 if by_column.get(col.name, {}).get("subclass") == owner}
        if sc:
            for conflict in sc.get("conflicts") or []:
                existing = by_column.get(conflict["name"])
                attrs[conflict["name"]] = Column(
                    conflict["name"], column_type(existing["sql_type"] if existing else None))
        else:
            attrs["__tablename__"] = t["name"]
            if constraints:
                attrs["__table_args__"] = tuple(constraints)
        args = mapper_args(sc or t)
        if args:
            attrs["__mapper_args__"] = args
        for r in t["relationships"]:
            if r["derived"] or r["from_backref"] or r.get("subclass") != owner:
                continue
            attrs[r["name"]] = relationship(r["target"], **relationship_kwargs(r, tables, models, t))
        # MG_TRANSIENT: a plain attribute of the class; MG_ASSOCIATION_PROXY: a proxy
        for f in [] if sc else t.get("transient_fields", []):
            proxy = f.get("association_proxy")
            attrs.setdefault(f["name"], association_proxy(proxy["relationship"], proxy["attribute"])
                             if proxy else None)
        parent = classes.get(inherits, base) if inherits else base
        classes[name] = type(name, (parent,), attrs)
        if not sc:
            DECLARED_TABLES[t["name"]] = classes[name].__table__
    return base, list(classes.values())


def verdict(graph):
    """What SQLAlchemy says of the graph: {"outcome", "message"}. Each call
    declares on a registry of its own and configures only that one."""
    outcome, message = "ok", ""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            base, classes = declare(graph)
            base.registry.configure()
            del classes
        except Exception as e:  # SQLAlchemy's refusals come as several types
            outcome, message = "error", "%s: %s" % (type(e).__name__, e)
    warned = [w for w in caught if issubclass(w.category, sqlalchemy.exc.SAWarning)]
    if outcome == "ok" and warned:
        outcome, message = "warning", str(warned[0].message)
    return {"outcome": outcome, "message": message.splitlines()[0] if message else ""}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        graph = json.load(f)
    print(json.dumps(verdict(graph)))


if __name__ == "__main__":
    main()
