#!/bin/sh
# Every findings format is valid against its specification, on a database,
# a DDL script, one with hostile names, and annotated C models, and for diff: SARIF against the official 2.1.0
# JSON schema (python3-jsonschema), JUnit against Jenkins' JUnit.xsd
# (xmllint), JSON parses, GitHub annotations are one command per line.
# usage: check-formats.sh MODELGRAPH SHARED_TESTDATA_DIR
set -eu
modelgraph=$1
testdata=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check-formats: $*" >&2; exit 1; }

# Debian's python3 has the validator; a python3 earlier on PATH may not.
python=/usr/bin/python3
[ -x "$python" ] || python=python3

cat > "$work/hostile.sql" <<'SQL'
CREATE TABLE "<script>alert(1)</script>" (id INTEGER PRIMARY KEY, "quote""d" TEXT DEFAULT 'NULL');
CREATE TABLE "line
break" (id INTEGER PRIMARY KEY, "<script>alert(1)</script>_id" INTEGER, "a&b" TEXT, "tab	x" TEXT);
CREATE TABLE "caf%20é" (id INTEGER PRIMARY KEY, user_id TEXT REFERENCES nowhere (id));
SQL
# Names with characters XML 1.0 cannot carry (U+FFFE, U+FFFF, C0 controls)
# and a carriage return.
printf 'CREATE TABLE "non\357\277\276char\357\277\277" (x TEXT);\nCREATE TABLE "bell\007esc\033[31m\rcr" (y TEXT);\n' \
	>>"$work/hostile.sql"

cat > "$work/models.h" <<'H'
#include <modelgraph/annotations.h>
struct User {
    int id MG_COLUMN(primary_key=true);
} MG_MODEL(tablename=user);
struct Post {
    int id MG_COLUMN(primary_key=true);
    int user_id MG_FOREIGN_KEY(user.id, ondelete=SET NULL, nullable=false);
    struct User *author MG_RELATIONSHIP(User, backred=posts);
} MG_MODEL();
H

# validate NAME COMMAND SOURCE...: each format of the command's findings.
validate() {
  name=$1
  shift
  "$modelgraph" "$@" --format sarif --fail-on never > "$work/out.sarif" || fail "$name: sarif run failed"
  "$python" - "$testdata/sarif/sarif-schema-2.1.0.json" "$work/out.sarif" <<'PY' || fail "$name: SARIF does not validate"
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
document = json.load(open(sys.argv[2]))
jsonschema.validate(document, schema)
results = document["runs"][0]["results"]
rules = document["runs"][0]["tool"]["driver"]["rules"]
assert results, "no results"
for r in results:
    assert rules[r["ruleIndex"]]["id"] == r["ruleId"], r["ruleId"]
PY

  "$modelgraph" "$@" --format junit --fail-on never > "$work/out.xml" || fail "$name: junit run failed"
  xmllint --noout --schema "$testdata/junit/JUnit.xsd" "$work/out.xml" 2> "$work/xmllint.err" ||
    { cat "$work/xmllint.err" >&2; fail "$name: JUnit does not validate"; }

  "$modelgraph" "$@" --format json --fail-on never > "$work/out.json" || fail "$name: json run failed"
  "$python" -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['format']=='modelgraph-findings' and d['findings']" "$work/out.json" ||
    fail "$name: JSON findings do not parse"

  "$modelgraph" "$@" --format github --fail-on never > "$work/out.txt" || fail "$name: github run failed"
  if grep -v -E '^::(error|warning|notice) file=[^,:]*(,line=[0-9]+,col=[0-9]+)?,title=[a-z-]+::' "$work/out.txt" >&2; then
    fail "$name: a line above is not a workflow command"
  fi
}

for source in "$testdata/corpus/sakila/sakila.db" "$testdata/corpus/sakila/sqlite-sakila-schema.sql" \
              "$work/hostile.sql" "$work/models.h"; do
  validate "$(basename "$source")" lint "$source"
done
# diff: findings on both sides, each pointing at the other; a database with
# hostile names on one side, and a database file on the other.
validate "diff models.h hostile.sql" diff "$work/models.h" "$work/hostile.sql"
validate "diff hostile.sql sakila.db" diff "$work/hostile.sql" "$testdata/corpus/sakila/sakila.db"

# Hostile names stay data: no raw markup in XML, no raw newline in a command.
grep -q '<script>' "$work/out.xml" && fail "unescaped markup in JUnit output"
"$modelgraph" lint "$work/hostile.sql" --format junit --fail-on never | grep -q '&lt;script&gt;' ||
  fail "escaped name missing from JUnit output"
echo "check-formats: all formats valid"
