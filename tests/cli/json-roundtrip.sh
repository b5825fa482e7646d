#!/bin/sh
# The graph JSON is lossless: for every C lint case (tests/c/cases), every
# corpus schema (tests/corpus/inputs.txt) and the C examples, linting the
# dump gives byte for byte the findings of linting the original, in text and
# in JSON (messages, locations, related locations, fixes), and dumping the
# dump gives the same document (sources aside).
# usage: json-roundtrip.sh MODELGRAPH CORPUS_DIR EXAMPLES_DIR C_CASES_DIR CORPUS_INPUTS
set -eu
if [ $# -ne 5 ]; then
  echo "usage: $0 MODELGRAPH CORPUS_DIR EXAMPLES_DIR C_CASES_DIR CORPUS_INPUTS" >&2
  exit 2
fi
modelgraph=$1
corpus=$2
examples=$3
cases=$4
inputs=$5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python=/usr/bin/python3
[ -x "$python" ] || python=python3
failures=0
checked=0

# check NAME DIR SOURCE...: the sources, named relative to DIR, where they
# are read from so that locations are the same relative names.
check() {
  name=$1 dir=$2
  shift 2
  checked=$((checked + 1))
  if ! (cd "$dir" && "$modelgraph" dump "$@") >"$work/first.json" 2>"$work/err"; then
    echo "json-roundtrip: $name: dump failed: $(cat "$work/err")"
    failures=$((failures + 1))
    return
  fi
  if ! "$modelgraph" dump "$work/first.json" >"$work/second.json" 2>"$work/err"; then
    echo "json-roundtrip: $name: the dump cannot be read back: $(cat "$work/err")"
    failures=$((failures + 1))
    return
  fi
  if ! "$python" -c 'import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
a.pop("sources"); b.pop("sources")
sys.exit(a != b)' "$work/first.json" "$work/second.json"; then
    echo "json-roundtrip: $name: the dump of the dump differs:"
    diff "$work/first.json" "$work/second.json" | head -20
    failures=$((failures + 1))
  fi
  for format in text json; do
    (cd "$dir" && "$modelgraph" lint --fail-on never --format "$format" "$@") >"$work/original.$format" 2>&1 || true
    (cd "$dir" && "$modelgraph" lint --fail-on never --format "$format" "$work/first.json") >"$work/from-json.$format" 2>&1 || true
    if ! cmp -s "$work/original.$format" "$work/from-json.$format"; then
      echo "json-roundtrip: $name: lint --format $format of the dump differs from that of the original (< original, > dump):"
      diff "$work/original.$format" "$work/from-json.$format" | head -20
      failures=$((failures + 1))
    fi
  done
}

while IFS= read -r input; do
  [ -n "$input" ] || continue
  check "corpus $input" "$corpus/$(dirname "$input")" "$(basename "$input")"
done <"$inputs"
for header in "$cases"/*.h; do
  check "C case $(basename "$header")" "$cases" "$(basename "$header")"
done
check "the C examples" "$examples" blog.h music.h profile.h
# SQLite's virtual tables keep their mark through the dump: lint skips them
# in both.
for script in "$cases"/../../lint/cases/*.virtual*.sql; do
  check "SQL case $(basename "$script")" "$(dirname "$script")" "$(basename "$script")"
done
[ "$checked" -gt 0 ] || { echo "json-roundtrip: nothing was checked"; exit 1; }
[ "$failures" -eq 0 ] || exit 1
echo "json-roundtrip: ok ($checked inputs)"
