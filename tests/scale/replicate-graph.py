#!/usr/bin/python3
"""Writes graph JSON holding COPIES copies of the tables of a dumped graph,
each copy's tables (and the foreign keys between them) renamed with a
suffix, so a schema of any size keeps the shape of the one dumped.

usage: replicate-graph.py GRAPH.json COPIES OUT.json
"""
import json
import sys


def rename(name, suffix):
    return None if name is None else name + suffix


def main():
    source, copies, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    graph = json.load(open(source))
    tables = graph["tables"]
    result = []
    for copy in range(copies):
        suffix = "_c%d" % copy
        for table in tables:
            t = json.loads(json.dumps(table))
            t["name"] = rename(t["name"], suffix)
            for fk in t.get("foreign_keys", []):
                fk["ref_table"] = rename(fk.get("ref_table"), suffix)
                if fk.get("name"):
                    fk["name"] = rename(fk["name"], suffix)
            for index in t.get("indexes", []):
                if index.get("name"):
                    index["name"] = rename(index["name"], suffix)
            for rel in t.get("relationships", []):
                rel["target"] = rename(rel.get("target"), suffix)
                rel["secondary"] = rename(rel.get("secondary"), suffix)
            result.append(t)
    graph["tables"] = result
    json.dump(graph, open(out, "w"))


main()
