#!/usr/bin/python3
"""Writes the hostile models of one set into a directory, as SQL scripts and
annotated C headers (the shell scripts build the SQLite databases from the
SQL with sqlite3, and graph JSON with `modelgraph dump`).

usage: gen_inputs.py SET DIR
  names   names with quotes, markup, paths, entities, line breaks, bytes
          that are not UTF-8, characters XML cannot carry, case-only twins
  long    a 100,000-character table and column name
  chain   2,000 tables, each referencing the previous one
  cycles  a -> b -> c -> a, self references, a pair referencing each other
  wide    a table of 3,000 columns (and one of SQLite's maximum, 2,000)
  empty   an empty script, an empty header

Everything is written as bytes: several names are not valid UTF-8 on
purpose.
"""
import os
import sys

# The names every reader is given. Each is data; none may come out as markup,
# as a second line of a report, or as a path outside the output directory.
HOSTILE = [
    b"quote'single",
    b'quote"double',
    b"back`tick",
    b"<script>alert(1)</script>",
    b'x" onmouseover="alert(1)',
    b"x' onmouseover='alert(1)",
    b"../../etc/passwd",
    b"&amp;",
    b"new\nline",
    b"tab\there",
    # A name that, printed raw, would forge a second finding line.
    b"forged\nnames.sql:1:1: error: forged finding [table-no-primary-key]",
    b"bad\xff\xfeutf8\xc3(",
    b"ctl\x01\x1b[31mred",
    b"nonchar\xef\xbf\xbe\xef\xbf\xbf",
    b"cr\rlf",
    b"| pipe ] bracket [ } brace { -- dash",
]

# SQLite folds ASCII case only: these differ by case and are two tables.
CASE_TWINS = [b"\xc3\xa9t\xc3\xa9", b"\xc3\x89t\xc3\xa9"]  # "été", "Été"


def sql_ident(name):
    return b'"' + name.replace(b'"', b'""') + b'"'


def sql_string(text):
    return b"'" + text.replace(b"'", b"''") + b"'"


def names_sql():
    out = [b"-- Hostile names: each table references the one before it."]
    previous = None
    for i, name in enumerate(HOSTILE):
        cols = [b"id INTEGER PRIMARY KEY" if i % 3 else b"id INTEGER"]
        cols.append(sql_ident(name + b"_col") + b" TEXT DEFAULT " + sql_string(name))
        if previous is not None:
            cols.append(sql_ident(previous + b"_id") + b" INTEGER REFERENCES " + sql_ident(previous) +
                        b" (id)")
        out.append(b"CREATE TABLE " + sql_ident(name) + b" (" + b", ".join(cols) + b");")
        previous = name
    for twin in CASE_TWINS:
        out.append(b"CREATE TABLE " + sql_ident(twin) + b" (id INTEGER PRIMARY KEY, " +
                   sql_ident(b"\xc3\x84") + b" TEXT, " + sql_ident(b"\xc3\xa4") + b" TEXT, " +
                   sql_ident(HOSTILE[3] + b"_id") + b" INTEGER REFERENCES " + sql_ident(HOSTILE[3]) +
                   b" (id));")
    out.append(b"CREATE INDEX " + sql_ident(b"<img src=x onerror=alert(1)>") + b" ON " +
               sql_ident(HOSTILE[3]) + b" (" + sql_ident(HOSTILE[3] + b"_col") + b");")
    out.append(b"CREATE VIEW " + sql_ident(b"view</title><script>alert(2)</script>") +
               b" AS SELECT * FROM " + sql_ident(HOSTILE[0]) + b";")
    return b"\n".join(out) + b"\n"


def c_comment_text(text):
    return text.replace(b"*/", b"* /")


def names_h():
    """C names are identifiers, so the hostile text rides where C allows any
    bytes: doc comments, comment= and server_default= strings, and
    annotation values that are wrong (their findings quote them)."""
    out = [b"#include <modelgraph/annotations.h>", b""]
    hostile_blob = b" ".join(HOSTILE).replace(b"\n", b" ").replace(b"\r", b" ")
    for i, name in enumerate(HOSTILE):
        text = name.replace(b"\\", b"\\\\").replace(b'"', b'\\"').replace(b"\n", b"\\n")
        text = text.replace(b"\t", b"\\t").replace(b"\r", b"\\r")
        out.append(b"/** " + c_comment_text(name) + b" */")
        out.append(b"struct T%d {" % i)
        out.append(b"\tint id MG_COLUMN(primary_key=true);")
        out.append(b'\tchar *note MG_COLUMN(comment="' + text + b'", server_default="' + text + b'");')
        if i:
            out.append(b"\tint t%d_id MG_FOREIGN_KEY(t%d.id);" % (i - 1, i - 1))
            out.append(b"\tstruct T%d *up MG_RELATIONSHIP(T%d, backref=\"" % (i - 1, i - 1) + text + b'");')
        out.append(b'\tint bad MG_COLUMN(onmouseover="' + text + b'");')
        out.append(b"} MG_MODEL(tablename=t%d, comment=\"" % i + text + b'");')
        out.append(b"")
    # UTF-8 identifiers: tables "café" and "cafÉ" differ only by case.
    out.append(b"/** " + c_comment_text(hostile_blob) + b" */")
    out.append(b"struct caf\xc3\xa9 { int id MG_COLUMN(primary_key=true); } MG_MODEL();")
    out.append(b"struct caf\xc3\x89 { int id MG_COLUMN(primary_key=true); int caf\xc3\xa9_id "
               b"MG_FOREIGN_KEY(caf\xc3\xa9.id); } MG_MODEL();")
    return b"\n".join(out) + b"\n"


def case_h():
    """Two models whose tables differ only by ASCII case."""
    return (b"#include <modelgraph/annotations.h>\n"
            b"struct A { int id MG_COLUMN(primary_key=true); } MG_MODEL(tablename=users);\n"
            b"struct B { int id MG_COLUMN(primary_key=true); int a MG_FOREIGN_KEY(users.id); }"
            b" MG_MODEL(tablename=Users);\n")


def case_json():
    """The same in graph JSON, which could carry both."""
    return (b'{"format": "modelgraph-graph", "version": 1, "tables": [\n'
            b' {"name": "users", "columns": [{"name": "id"}], "primary_key": ["id"]},\n'
            b' {"name": "Users", "columns": [{"name": "id"}, {"name": "ID"}], "primary_key": ["id"]}\n'
            b']}\n')


def nul_json():
    """A NUL inside a name: C strings would cut it."""
    return (b'{"format": "modelgraph-graph", "version": 1, "tables": [\n'
            b' {"name": "a\\u0000b", "columns": [{"name": "id"}]}, {"name": "a", "columns": [{"name": "id"}]}\n'
            b']}\n')


def surrogate_json():
    """A lone surrogate: no UTF-8 encodes it."""
    return (b'{"format": "modelgraph-graph", "version": 1, "tables": [\n'
            b' {"name": "a\\ud800b", "columns": [{"name": "id"}]}\n'
            b']}\n')


def case_sql():
    return (b"CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
            b"CREATE TABLE Users (id INTEGER PRIMARY KEY, a INTEGER REFERENCES users (id));\n")


LONG = 100000


def long_sql():
    table = b"t" * LONG
    column = b"c" * LONG
    return (b"CREATE TABLE " + sql_ident(table) + b" (id INTEGER PRIMARY KEY, " + sql_ident(column) +
            b" TEXT);\n"
            b"CREATE TABLE child (id INTEGER PRIMARY KEY, " + sql_ident(column) + b" INTEGER REFERENCES " +
            sql_ident(table) + b" (id));\n")


def long_h():
    tag = b"T" * LONG
    field = b"f" * LONG
    return (b"#include <modelgraph/annotations.h>\n"
            b"struct " + tag + b" { int id MG_COLUMN(primary_key=true); int " + field + b"; } MG_MODEL();\n"
            b"struct Child { int id MG_COLUMN(primary_key=true);\n"
            b"\tint parent_id MG_FOREIGN_KEY(" + tag.lower() + b".id);\n"
            b"\tstruct " + tag + b" *parent MG_RELATIONSHIP(" + tag + b", backref=" + field + b");\n"
            b"} MG_MODEL();\n")


CHAIN = 2000


def chain_sql():
    out = [b"CREATE TABLE t0 (id INTEGER PRIMARY KEY);"]
    for i in range(1, CHAIN):
        out.append(b"CREATE TABLE t%d (id INTEGER PRIMARY KEY, prev_id INTEGER REFERENCES t%d (id));" % (i, i - 1))
    return b"\n".join(out) + b"\n"


def chain_h():
    """Foreign keys and declared relationships (with backrefs) down the chain."""
    out = [b"#include <modelgraph/annotations.h>",
           b"struct T0 { int id MG_COLUMN(primary_key=true); } MG_MODEL(tablename=t0);"]
    for i in range(1, CHAIN):
        out.append(b"struct T%d { int id MG_COLUMN(primary_key=true); int prev_id MG_FOREIGN_KEY(t%d.id, index=true);"
                   b" struct T%d *prev MG_RELATIONSHIP(T%d, backref=next); } MG_MODEL(tablename=t%d);"
                   % (i, i - 1, i - 1, i - 1, i))
    return b"\n".join(out) + b"\n"


def cycles_sql():
    return b"""-- a -> b -> c -> a, a table referencing itself twice, a pair referencing
-- each other through a composite key, and a cycle through a view's table.
CREATE TABLE a (id INTEGER PRIMARY KEY, c_id INTEGER REFERENCES c (id));
CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id));
CREATE TABLE c (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b (id));
CREATE TABLE node (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES node (id),
                   twin_id INTEGER REFERENCES node (id));
CREATE TABLE p (x INTEGER, y INTEGER, qx INTEGER, qy INTEGER, PRIMARY KEY (x, y),
                FOREIGN KEY (qx, qy) REFERENCES q (x, y));
CREATE TABLE q (x INTEGER, y INTEGER, px INTEGER, py INTEGER, PRIMARY KEY (x, y),
                FOREIGN KEY (px, py) REFERENCES p (x, y));
CREATE TABLE link (a_id INTEGER REFERENCES a (id), node_id INTEGER REFERENCES node (id),
                   PRIMARY KEY (a_id, node_id));
"""


def cycles_h():
    return b"""#include <modelgraph/annotations.h>
struct A; struct B; struct C; struct Node;
struct A { int id MG_COLUMN(primary_key=true); int c_id MG_FOREIGN_KEY(c.id);
	struct C *c MG_RELATIONSHIP(C, back_populates=as); struct B **bs MG_RELATIONSHIP(B, back_populates=a);
} MG_MODEL(tablename=a);
struct B { int id MG_COLUMN(primary_key=true); int a_id MG_FOREIGN_KEY(a.id);
	struct A *a MG_RELATIONSHIP(A, back_populates=bs); struct C **cs MG_RELATIONSHIP(C, back_populates=b);
} MG_MODEL(tablename=b);
struct C { int id MG_COLUMN(primary_key=true); int b_id MG_FOREIGN_KEY(b.id);
	struct B *b MG_RELATIONSHIP(B, back_populates=cs); struct A **as MG_RELATIONSHIP(A, back_populates=c);
} MG_MODEL(tablename=c);
struct Node { int id MG_COLUMN(primary_key=true);
	int parent_id MG_FOREIGN_KEY(node.id);
	struct Node *parent MG_RELATIONSHIP(Node, remote_side=[id], backref=children);
	struct Node **friends MG_RELATIONSHIP(Node, secondary=node_link);
} MG_MODEL(tablename=node);
struct NodeLink { int left_id MG_FOREIGN_KEY(node.id); int right_id MG_FOREIGN_KEY(node.id);
} MG_TABLE(node_link) MG_PRIMARY_KEY(left_id, right_id);
"""


def wide_sql(columns):
    cols = b", ".join(b"c%d TEXT" % i for i in range(columns - 1))
    return (b"CREATE TABLE w (id INTEGER PRIMARY KEY, " + cols + b");\n"
            b"CREATE TABLE v (id INTEGER PRIMARY KEY, w_id INTEGER REFERENCES w (id));\n")


def wide_h(columns):
    fields = b"\n".join(b"\tint c%d;" % i for i in range(columns - 1))
    return (b"#include <modelgraph/annotations.h>\n"
            b"struct W {\n\tint id MG_COLUMN(primary_key=true);\n" + fields + b"\n} MG_MODEL(tablename=w);\n"
            b"struct V { int id MG_COLUMN(primary_key=true); int w_id MG_FOREIGN_KEY(w.id); } MG_MODEL(tablename=v);\n")


SETS = {
    "names": {"names.sql": names_sql, "names.h": names_h, "case.sql": case_sql, "case.h": case_h,
              "case.json": case_json, "nul.json": nul_json, "surrogate.json": surrogate_json},
    "long": {"long.sql": long_sql, "long.h": long_h},
    "chain": {"chain.sql": chain_sql, "chain.h": chain_h},
    "cycles": {"cycles.sql": cycles_sql, "cycles.h": cycles_h},
    # SQLite refuses more than 2,000 columns: the 3,000-column script is a
    # refusal, the C model of 3,000 is read.
    "wide": {"wide.sql": lambda: wide_sql(2000), "wide3000.sql": lambda: wide_sql(3000),
             "wide.h": lambda: wide_h(3000)},
    "empty": {"empty.sql": lambda: b"", "empty.h": lambda: b""},
}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in SETS:
        sys.exit("usage: gen_inputs.py {%s} DIR" % "|".join(SETS))
    for name, make in SETS[sys.argv[1]].items():
        with open(os.path.join(sys.argv[2], name), "wb") as f:
            f.write(make())


if __name__ == "__main__":
    main()
