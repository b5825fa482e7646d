#!/bin/sh
# The graph JSON reader reads back what dump writes: for real schemas and
# the C examples, dumping the dump gives the same tables, and linting the
# dump gives byte for byte the findings of linting the original (locations
# keep the original files).
# usage: json-roundtrip.sh MODELGRAPH CORPUS_DIR EXAMPLES_DIR
set -eu
modelgraph=$1
corpus=$2
examples=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python=/usr/bin/python3
[ -x "$python" ] || python=python3
failures=0

check() {
  name=$1
  shift
  "$modelgraph" dump "$@" > "$work/first.json"
  "$modelgraph" dump "$work/first.json" > "$work/second.json"
  if ! "$python" -c 'import json, sys
a, b = (json.load(open(p))["tables"] for p in sys.argv[1:3])
sys.exit(a != b)' "$work/first.json" "$work/second.json"; then
    echo "json-roundtrip: $name: the dump of the dump differs:"
    diff "$work/first.json" "$work/second.json" | head -20
    failures=$((failures + 1))
  fi
  "$modelgraph" lint --fail-on never "$@" > "$work/original.txt"
  "$modelgraph" lint --fail-on never "$work/first.json" > "$work/from-json.txt"
  if ! cmp -s "$work/original.txt" "$work/from-json.txt"; then
    echo "json-roundtrip: $name: lint of the dump differs from lint of the original:"
    diff "$work/original.txt" "$work/from-json.txt" | head -20
    failures=$((failures + 1))
  fi
}

for db in "$corpus"/*/*.db; do
  check "$(basename "$db")" "$db"
done
check "northwind create.sql" "$corpus/northwind/create.sql"
check "the C examples" "$examples/blog.h" "$examples/music.h" "$examples/profile.h"
[ "$failures" -eq 0 ] || exit 1
echo "json-roundtrip: ok"
