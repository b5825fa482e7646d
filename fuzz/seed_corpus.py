#!/usr/bin/python3
"""Builds the starting corpus of each fuzz target from the repository's
test inputs, at run time (nothing generated is committed):

  fuzz_sql, fuzz_ddl_scan    SQL scripts: lint cases, examples, golden and diagram inputs
  fuzz_ddl_table_scan        their CREATE TABLE statements, one by one
  fuzz_sqlite_schema_rows    some of those scripts as SQLite databases of 512-byte pages
  fuzz_graph_json            `modelgraph dump` of some of those scripts and of the example models
  fuzz_my_script             the corpus's MySQL-dialect scripts, and the golden scripts ddl writes for MySQL
  fuzz_baseline              `modelgraph lint --write-baseline` of some of those scripts
  fuzz_config                every .yml configuration under tests/
  fuzz_annotation_options    the arguments of every MG_* macro of the C cases and examples,
                             behind the byte that selects the macro (see fuzz_annotation_options.c)
  fuzz_template              the built-in templates and the mustache spec's templates

plus each target's committed seeds (fuzz/seeds/TARGET) and crash
regressions (fuzz/regressions/TARGET).

usage: seed_corpus.py SOURCE_DIR MODELGRAPH OUT_DIR
"""
import glob
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys

# Large inputs slow every libFuzzer iteration down: seeds stay small.
MAX_SEED = 32 * 1024

# mg_annotation_kind, in order (analyzer/c/annotation_options.h).
KINDS = ["UNKNOWN", "MODEL", "TABLE", "COLUMN", "FOREIGN_KEY", "RELATIONSHIP", "PRIMARY_KEY",
         "UNIQUE", "INDEX", "TRANSIENT", "ALLOW", "ASSOCIATION_PROXY", "MIXIN", "FOREIGN_KEY_CONSTRAINT"]
# The target takes the kind as its first byte modulo len(KINDS): a byte of
# that residue 0 and the printable ones after it.
KIND_BASE = "F"
assert ord(KIND_BASE) % len(KINDS) == 0


def add(out, target, data, name=None):
    if len(data) > MAX_SEED:
        return
    directory = os.path.join(out, target)
    os.makedirs(directory, exist_ok=True)
    name = name or hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def macro_arguments(text):
    """(KIND, arguments) of each MG_KIND(...) in C text, parentheses balanced."""
    for match in re.finditer(r"\bMG_([A-Z_]+)\(", text):
        kind = match.group(1)
        if kind not in KINDS:
            continue
        depth, i = 1, match.end()
        while i < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        if depth == 0:
            yield kind, text[match.end():i - 1]


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: seed_corpus.py SOURCE_DIR MODELGRAPH OUT_DIR")
    src, modelgraph, out = sys.argv[1:]
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)

    scripts = sorted(glob.glob(os.path.join(src, "tests/lint/cases/*.sql")) +
                     glob.glob(os.path.join(src, "examples/*.sql")) +
                     glob.glob(os.path.join(src, "tests/golden/inputs/*.sql")) +
                     glob.glob(os.path.join(src, "tests/diagram/*.sql")))
    for path in scripts:
        add(out, "fuzz_sql", read(path))
        add(out, "fuzz_ddl_scan", read(path))
    # Every CREATE INDEX statement alone, too: the scanner's oracle compares
    # those with SQLite.
    for path in scripts:
        for statement in re.findall(rb"CREATE\s+(?:UNIQUE\s+)?INDEX[^;]*", read(path), re.I):
            add(out, "fuzz_ddl_scan", statement)
    # And every CREATE TABLE alone: the table scanner's oracle compares
    # those with SQLite's pragmas.
    for path in scripts:
        for statement in re.findall(rb"CREATE\s+TABLE[^;]*", read(path), re.I):
            add(out, "fuzz_ddl_table_scan", statement)

    # Small pages: a tree of several levels and overflow chains in few bytes.
    for path in scripts[::3]:
        db = sqlite3.connect(":memory:")
        try:
            db.execute("PRAGMA page_size = 512")
            db.executescript(read(path).decode("utf-8", "replace"))
            add(out, "fuzz_sqlite_schema_rows", db.serialize())
        except sqlite3.Error:
            pass
        db.close()

    for path in sorted(glob.glob(os.path.join(src, "tests/data/corpus/*/*mysql*.sql")) +
                       glob.glob(os.path.join(src, "tests/data/corpus/*/*MySql*.sql")) +
                       glob.glob(os.path.join(src, "tests/golden/ddl-*-mysql/expected.out"))):
        add(out, "fuzz_my_script", read(path))

    models = sorted(glob.glob(os.path.join(src, "examples/*.h")))
    for path in scripts[::4] + models:
        dump = subprocess.run([modelgraph, "dump", path], capture_output=True)
        if dump.returncode == 0:
            add(out, "fuzz_graph_json", dump.stdout)
    for path in scripts[::4]:
        baseline = os.path.join(out, "baseline.tmp")
        subprocess.run([modelgraph, "lint", "--no-config", "--fail-on", "never", "--write-baseline", baseline,
                        path], capture_output=True)
        if os.path.exists(baseline):
            add(out, "fuzz_baseline", read(baseline))
            os.remove(baseline)

    for path in sorted(glob.glob(os.path.join(src, "tests/**/*.yml"), recursive=True)):
        add(out, "fuzz_config", read(path))

    for path in sorted(glob.glob(os.path.join(src, "tests/c/cases/*.h")) + models):
        for kind, arguments in macro_arguments(read(path).decode("utf-8", "replace")):
            add(out, "fuzz_annotation_options", chr(ord(KIND_BASE) + KINDS.index(kind)).encode() +
                arguments.encode())

    for path in sorted(glob.glob(os.path.join(src, "templates/*/*.mustache"))):
        add(out, "fuzz_template", read(path))
    for path in sorted(glob.glob(os.path.join(src, "tests/data/mustache-spec/*.json"))):
        for test in json.loads(read(path)).get("tests", []):
            add(out, "fuzz_template", test["template"].encode())

    for kind in ("seeds", "regressions"):
        for directory in glob.glob(os.path.join(src, "fuzz", kind, "*")):
            for path in glob.glob(os.path.join(directory, "*")):
                add(out, os.path.basename(directory), read(path))

    for target in sorted(os.listdir(out)):
        print("%s: %d seeds" % (target, len(os.listdir(os.path.join(out, target)))))


if __name__ == "__main__":
    main()
