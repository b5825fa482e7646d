#!/bin/sh
# Lints one real-world schema of the corpus (tests/data/corpus) and compares the findings,
# byte for byte, with the reviewed expectation pinned beside this script
# (REVIEW.md says why each finding is right).
#
# usage: run-corpus.sh MODELGRAPH CORPUS_DIR INPUT EXPECTED
#   INPUT     the schema, relative to CORPUS_DIR (sakila/sakila.db)
#   EXPECTED  the file holding the expected standard output
#
# The lint runs with --fail-on never from inside INPUT's folder, so paths in
# the findings are bare file names; it must exit 0 and print nothing on
# standard error.
#
# After a deliberate change of the rules or readers, UPDATE_GOLDEN=1 rewrites
# EXPECTED from the actual output; review every changed finding against the
# schema (and REVIEW.md) before committing it.
set -eu

if [ $# -ne 4 ]; then
	echo "usage: $0 MODELGRAPH CORPUS_DIR INPUT EXPECTED" >&2
	exit 2
fi
case $1 in
/*) modelgraph=$1 ;;
*) modelgraph=$PWD/$1 ;;
esac
corpus=$2 input=$3
case $4 in
/*) expected=$4 ;;
*) expected=$PWD/$4 ;;
esac

if [ ! -f "$corpus/$input" ]; then
	echo "corpus $input: $corpus/$input is missing; build the mg_test_data target (tests/data)" >&2
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

rc=0
(cd "$corpus/$(dirname "$input")" &&
	LC_ALL=C exec "$modelgraph" lint --fail-on never "$(basename "$input")") \
	>"$tmp/out" 2>"$tmp/err" || rc=$?

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
	cp "$tmp/out" "$expected"
	echo "corpus $input: $expected rewritten (exit status $rc)"
	cat "$tmp/err"
	exit 0
fi

status=0
fail() {
	echo "corpus $input: $*"
	status=1
}
if [ "$rc" -ne 0 ]; then
	fail "exit status $rc, expected 0 (--fail-on never)"
fi
if [ -s "$tmp/err" ]; then
	fail "standard error should be empty but is:"
	cat "$tmp/err"
fi
if [ ! -f "$expected" ]; then
	fail "$expected is missing; run with UPDATE_GOLDEN=1 to create it, then review it"
elif ! cmp -s "$expected" "$tmp/out"; then
	fail "findings differ from $(basename "$expected") (- expected, + actual):"
	diff -u "$expected" "$tmp/out" || true
fi
if [ "$status" -eq 0 ]; then
	echo "corpus $input: ok"
fi
exit "$status"
