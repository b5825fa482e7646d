#!/bin/sh
# Runs one golden case of `modelgraph docs` and compares the whole site it
# writes, file by file and byte for byte, with the case's expected site.
#
# usage: run-docs.sh MODELGRAPH CASE_DIR CORPUS_DIR EXAMPLES_DIR TEMPLATES_DIR
#
# A case is a directory holding:
#   args          the arguments, one per line (as tests/golden/run-golden.sh
#                 reads them); the site is written with `-o site`
#   expected/     the exact site, but assets/: an HTML site's must be byte
#                 copies of TEMPLATES_DIR/assets/, so a stylesheet change does
#                 not rewrite every case
#   expected.out  the exact standard output (may be absent when empty)
#   expected.rc   the exit status (absent: 0)
# Inputs shared by cases live in tests/docs/inputs/ and are copied beside
# each case. @CORPUS@ and @EXAMPLES@ in args name the corpus and examples.
# The run also fails when files other than the site are left behind.
#
# UPDATE_GOLDEN=1 rewrites expected/ (and expected.out, expected.rc) from
# the actual results; review the diff before committing it.
set -eu

if [ $# -ne 5 ]; then
	echo "usage: $0 MODELGRAPH CASE_DIR CORPUS_DIR EXAMPLES_DIR TEMPLATES_DIR" >&2
	exit 2
fi
modelgraph=$1
case_dir=$(cd "$2" && pwd)
corpus_dir=$3
examples_dir=$4
templates_dir=$5
name=$(basename "$case_dir")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/case"
cp -R "$case_dir/../inputs/." "$work/case/"
ln -s "$corpus_dir" "$work/corpus"
ln -s "$examples_dir" "$work/examples"
(cd "$work/case" && ls -A) >"$work/files.before"

set --
while IFS= read -r line || [ -n "$line" ]; do
	line=$(printf '%s' "$line" | sed -e 's|@CORPUS@|../corpus|g' -e 's|@EXAMPLES@|../examples|g')
	set -- "$@" "$line"
done <"$case_dir/args"

rc=0
(cd "$work/case" && LC_ALL=C exec "$modelgraph" "$@") >"$work/stdout" 2>"$work/stderr" || rc=$?

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
	rm -rf "$case_dir/expected"
	if [ -d "$work/case/site" ]; then
		cp -R "$work/case/site" "$case_dir/expected"
		rm -rf "$case_dir/expected/assets"
	fi
	if [ -s "$work/stdout" ]; then cp "$work/stdout" "$case_dir/expected.out"; else rm -f "$case_dir/expected.out"; fi
	if [ "$rc" -ne 0 ]; then echo "$rc" >"$case_dir/expected.rc"; else rm -f "$case_dir/expected.rc"; fi
	echo "docs $name: expectations rewritten (exit status $rc)"
	exit 0
fi

status=0
fail() {
	echo "docs $name: $*"
	status=1
}

expected_rc=0
[ -f "$case_dir/expected.rc" ] && expected_rc=$(cat "$case_dir/expected.rc")
[ "$rc" -eq "$expected_rc" ] || fail "exit status $rc, expected $expected_rc"
if [ -s "$work/stderr" ]; then
	fail "standard error should be empty but is:"
	cat "$work/stderr"
fi
touch "$work/empty"
expected_out="$case_dir/expected.out"
[ -f "$expected_out" ] || expected_out="$work/empty"
if ! cmp -s "$expected_out" "$work/stdout"; then
	fail "standard output differs (- expected, + actual):"
	diff -u "$expected_out" "$work/stdout" || true
fi

site="$work/case/site"
if [ ! -d "$site" ]; then
	fail "no site was written"
else
	# An HTML site's assets are byte copies of the template folder's; a
	# Markdown site has none.
	if [ ! -f "$site/index.html" ]; then
		[ ! -e "$site/assets" ] || fail "a Markdown site has assets/"
	else
	for f in "$templates_dir"/assets/*; do
		cmp -s "$f" "$site/assets/$(basename "$f")" || fail "assets/$(basename "$f") is not a copy of $f"
	done
	(cd "$templates_dir/assets" && ls -A) >"$work/assets.expected"
	(cd "$site/assets" && ls -A) >"$work/assets.actual"
	cmp -s "$work/assets.expected" "$work/assets.actual" || fail "assets/ holds other files than the templates'"
	fi
	rm -rf "$site/assets"
	if ! diff -r -u "$case_dir/expected" "$site" >"$work/site.diff"; then
		fail "the site differs from expected/ (- expected, + actual):"
		cat "$work/site.diff"
	fi
fi

(cd "$work/case" && ls -A | grep -v -x site) >"$work/files.after" || true
if ! cmp -s "$work/files.before" "$work/files.after"; then
	fail "the run left files behind (- before, + after):"
	diff -u "$work/files.before" "$work/files.after" || true
fi

[ "$status" -eq 0 ] && echo "docs $name: ok"
exit "$status"
