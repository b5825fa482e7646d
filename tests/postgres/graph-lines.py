#!/usr/bin/env python3
"""The parts of a graph (modelgraph dump) that must not depend on which
database held the schema, one fact a line, sorted, so two flavours of one
schema compare with diff.

usage: graph-lines.py [--fold-names] DUMP.json [TYPES]

--fold-names writes every name in lower case without underscores, for a
schema whose flavours spell names differently (InvoiceLine, invoice_line).

Left out, because the engines name or spell them differently by design:
names of indexes, unique constraints and foreign keys (SQLite keeps none
for constraints), locations, sources, comments, defaults' spelling, and the
indexes behind primary keys and UNIQUE constraints (SQLite makes none for
an INTEGER PRIMARY KEY), and the unique mark of a primary-key column. A
UNIQUE constraint and a full unique index over the same columns are written
as one line, "unique". Types are written as the dump's sql_type, mapped
through TYPES when it is given (lines "SQL_TYPE CANONICAL", see
flavours/type-equivalences.txt).
"""
import json
import sys


def load_types(path):
    types = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                sql_type, _, canonical = line.rpartition(" ")
                types[sql_type.strip()] = canonical
    return types


def map_type(types, sql_type):
    if sql_type in types:
        return types[sql_type]
    base, paren, args = sql_type.partition("(")
    if paren and base in types:
        return types[base] + paren + args
    return sql_type


def main():
    args = sys.argv[1:]
    fold = bool(args) and args[0] == "--fold-names"
    if fold:
        args = args[1:]
    graph = json.load(open(args[0], encoding="utf-8"))
    types = load_types(args[1]) if len(args) > 1 else {}

    def n(name):
        return name.lower().replace("_", "") if fold and name else name
    lines = []
    for t in graph["tables"]:
        name = n(t["name"])
        kind = "view" if t["kind"] == "view" else "table"
        lines.append(f"{kind} {name}")
        for c in t["columns"]:
            sql_type = map_type(types, c["sql_type"]) or "<none>"
            # A primary key is unique: SQLite also marks a one-column key
            # that is not INTEGER unique, PostgreSQL never does.
            flags = [f for f in ("nullable", "primary_key", "unique")
                     if c[f] and not (f == "unique" and c["primary_key"])]
            lines.append(f"column {name}.{n(c['name'])} {sql_type} {' '.join(flags)}".rstrip())
        if t["primary_key"]:
            lines.append(f"primary-key {name} ({', '.join(map(n, t['primary_key']))})")
        # A UNIQUE constraint and a full unique index are one fact, a key:
        # MySQL cannot tell them apart, and the flavours write either.
        keys = set()
        for u in t["unique"]:
            keys.add(f"unique {name} ({', '.join(sorted(map(n, u)))})")
        for i in t["indexes"]:
            if i["origin"] == "primary_key":
                continue
            if i["unique"] and not i["partial"] and None not in i["columns"]:
                keys.add(f"unique {name} ({', '.join(sorted(map(n, i['columns'])))})")
                continue
            if i["origin"] != "created":
                continue
            cols = ", ".join(n(c) if c is not None else "<expression>" for c in i["columns"])
            marks = [m for m in ("unique", "partial") if i[m]]
            lines.append(f"index {name} ({cols}) {' '.join(marks)}".rstrip())
        lines.extend(keys)
        for fk in t["foreign_keys"]:
            if fk["implied"]:
                continue
            actions = []
            if fk["on_delete"]:
                actions.append(f"on-delete {fk['on_delete']}")
            if fk["on_update"]:
                actions.append(f"on-update {fk['on_update']}")
            ref_columns = ", ".join(map(n, fk["ref_columns"] or []))
            lines.append(
                f"foreign-key {name} ({', '.join(map(n, fk['columns']))}) -> {n(fk['ref_table'])} ({ref_columns}) "
                f"{' '.join(actions)}".rstrip())
        for r in t["relationships"]:
            lines.append(f"relationship {name} -> {n(r['target'])} {r['kind']}")
    for line in sorted(lines):
        print(line)


if __name__ == "__main__":
    main()
