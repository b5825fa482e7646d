#!/bin/sh
# What `modelgraph docs` does to its output directory: --check guards a
# committed site; a site is replaced whole and only once the new one is
# complete; a directory it did not write is never replaced; the same input
# gives the same bytes; page names are safe and distinct ignoring case; every
# file is valid UTF-8.
# usage: output-dir.sh MODELGRAPH INPUTS_DIR CORPUS_DIR
set -eu
modelgraph=$1
inputs=$2
corpus=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
cp "$inputs/hostile.sql" "$inputs/hostile.h" .
chinook="$corpus/chinook/chinook.db"
failures=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}
# expect_error RC MESSAGE COMMAND...: the exit status and the one-line error.
expect_error() {
	want_rc=$1 want=$2
	shift 2
	rc=0
	"$@" >out.txt 2>err.txt || rc=$?
	[ "$rc" -eq "$want_rc" ] || fail "$*: exit status $rc, expected $want_rc"
	printf '%s\n' "$want" | cmp -s - err.txt || { fail "$*: stderr is not '$want':"; cat err.txt; }
}
no_leftovers() {
	left=$(ls -A | grep -E '\.(tmp|old)\.' || true)
	[ -z "$left" ] || fail "$1: left behind: $left"
}

# --check: 0 and silent on a fresh site.
"$modelgraph" docs "$chinook" -o site
"$modelgraph" docs "$chinook" -o site --check >out.txt 2>err.txt || fail "--check on a fresh site exits $?"
[ ! -s out.txt ] && [ ! -s err.txt ] || fail "--check on a fresh site printed something"

# --check: 1, naming each file that differs, is missing or is extra.
echo changed >>site/tables/album.html
rm site/tables/artist.html
echo extra >site/tables/stale.html
rc=0
"$modelgraph" docs "$chinook" -o site --check >out.txt 2>err.txt || rc=$?
[ "$rc" -eq 1 ] || fail "--check on a stale site exits $rc, expected 1"
sort out.txt >sorted.txt
cat >expected.txt <<'END'
3 files differ from what modelgraph docs would generate
site/tables/album.html: differs
site/tables/artist.html: missing
site/tables/stale.html: not generated
END
cmp -s expected.txt sorted.txt || { fail "--check output:"; diff -u expected.txt sorted.txt || true; }
[ ! -s err.txt ] || fail "--check printed errors: $(cat err.txt)"
# Another format or title is stale too.
rc=0
"$modelgraph" docs "$chinook" -o site --title Other --check >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 1 ] || fail "--check with another title exits $rc"
expect_error 2 "modelgraph: error: nowhere: no such directory to check" \
	"$modelgraph" docs "$chinook" -o nowhere --check

# Replacement: the stale site is replaced whole (the extra file goes).
"$modelgraph" docs "$chinook" -o site
[ ! -e site/tables/stale.html ] || fail "a file of the old site survived the replacement"
"$modelgraph" docs "$chinook" -o site --check >/dev/null || fail "the replaced site is stale"
no_leftovers "replacement"

# A failed run leaves the previous site as it was, and nothing beside it.
cp -R site before
mkdir broken
printf '{{#tables}}never closed\n' >broken/index.mustache
expect_error 2 "modelgraph: error: index:1: a section that is never closed" \
	"$modelgraph" docs "$chinook" -o site --templates broken
diff -r before site >/dev/null || fail "a failed run changed the previous site"
no_leftovers "failed run"
expect_error 2 "modelgraph: error: missing.db: no such file; check the path" "$modelgraph" docs missing.db -o site
diff -r before site >/dev/null || fail "an unreadable input changed the previous site"

# A directory modelgraph did not write is never replaced; a file is not a directory.
mkdir mine
echo precious >mine/notes.txt
expect_error 2 "modelgraph: error: mine: not empty and not written by modelgraph docs (it has no .modelgraph-docs); refusing to replace it" \
	"$modelgraph" docs "$chinook" -o mine
[ "$(cat mine/notes.txt)" = precious ] || fail "a foreign directory was touched"
echo x >plain
expect_error 2 "modelgraph: error: plain: exists and is not a directory" "$modelgraph" docs "$chinook" -o plain
mkdir empty
"$modelgraph" docs "$chinook" -o empty || fail "an empty directory was not filled"
[ -f empty/index.html ] || fail "no index.html in the empty directory"
no_leftovers "empty directory"

# Usage errors.
expect_error 2 'modelgraph: error: "modelgraph docs" needs -o DIR, the site'"'"'s directory' "$modelgraph" docs "$chinook"
expect_error 2 "modelgraph: error: --templates nothere: not a directory" \
	"$modelgraph" docs "$chinook" -o site --templates nothere
expect_error 2 "modelgraph: error: --source-url javascript:alert(1)/{path}: only http:// and https:// URLs (or relative ones) may be linked" \
	"$modelgraph" docs "$chinook" -o site --source-url 'javascript:alert(1)/{path}'
expect_error 2 'modelgraph: error: invalid value "pdf" for --format; expected one of: html, markdown' \
	"$modelgraph" docs "$chinook" -o site --format pdf

# The findings on the pages are lint's, with the same configuration.
printf 'rules:\n  index-redundant: off\n' >quiet.yml
"$modelgraph" docs "$chinook" -o quiet --config quiet.yml
[ ! -e quiet/rules/index-redundant.html ] || fail "--config did not turn index-redundant off"
grep -q '0 findings' quiet/index.html || fail "--config: the index still counts findings"
mkdir configured
printf 'rules:\n  index-redundant: error\n' >configured/.modelgraph.yml
(cd configured && "$modelgraph" docs "$chinook" -o site) || fail "docs with a .modelgraph.yml found upward"
grep -q 'badge error' configured/site/findings.html || fail "the .modelgraph.yml found upward was not used"
printf 'rules:\n  index-redundnt: off\n' >typo.yml
expect_error 2 'modelgraph: error: typo.yml:2:3: unknown rule "index-redundnt"; did you mean "index-redundant"?' \
	"$modelgraph" docs "$chinook" -o quiet --config typo.yml

# Templates from a directory replace the built-in ones, partials included.
mkdir custom
printf '<p>{{#tables}}[{{name}}]{{/tables}}</p>{{>footer}}' >custom/index.mustache
printf '<footer>{{{site.title}}}</footer>\n' >custom/footer.mustache
"$modelgraph" docs hostile.sql -o custom-site --templates custom --title '<i>x</i>'
grep -q '^<p>\[\.\./\.\./etc/passwd\]\[/abs/olute\]\[&lt;/script&gt;' custom-site/index.html ||
	fail "custom index template not used: $(head -c 200 custom-site/index.html)"
# {{{…}}} of text from the input or the command line is escaped all the same.
grep -q '<footer>&lt;i&gt;x&lt;/i&gt;</footer>$' custom-site/index.html || fail "raw interpolation of text was not escaped"

# Same input, same bytes; page names safe and distinct ignoring case; UTF-8.
for format in html markdown; do
	"$modelgraph" docs hostile.sql hostile.h -o "a-$format" --format "$format"
	"$modelgraph" docs hostile.sql hostile.h -o "b-$format" --format "$format"
	diff -r "a-$format" "b-$format" >/dev/null || fail "$format: two runs differ"
	names=$(cd "a-$format" && find . -type f | sed 's|^\./||' | sort)
	bad=$(printf '%s\n' "$names" | grep -v -E '^(\.modelgraph-docs|README\.md|[a-z0-9_./-]+)$' || true)
	[ -z "$bad" ] || fail "$format: unsafe file names: $bad"
	dups=$(printf '%s\n' "$names" | tr 'A-Z' 'a-z' | uniq -d)
	[ -z "$dups" ] || fail "$format: names that collide ignoring case: $dups"
	printf '%s\n' "$names" | grep -q '\.\.' && fail "$format: a name holds '..'"
	(cd "a-$format" && find . -type f -exec sh -c 'iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1 || echo "$1"' _ {} \;) >invalid.txt
	[ ! -s invalid.txt ] || fail "$format: not valid UTF-8: $(cat invalid.txt)"
	count=$(printf '%s\n' "$names" | grep -c '^tables/')
	[ "$count" -eq 11 ] || fail "$format: $count table pages for 11 tables"
done

# A progress line on standard error when it is a terminal (and only then:
# every run above checks that standard error stays empty).
if command -v script >/dev/null 2>&1; then
	"$inputs/../../../bench/gen-sqlite-schema" 60 | sqlite3 gen.db
	script -qec "'$modelgraph' docs gen.db -o gen-site" /dev/null >tty.txt </dev/null
	grep -q 'modelgraph: docs: 50/65 pages' tty.txt || fail "no progress line on a terminal: $(cat tty.txt)"
	grep -q 'modelgraph: docs: 65/65 pages' tty.txt || fail "no final progress line on a terminal"
fi

if [ "$failures" -ne 0 ]; then
	echo "$failures failure(s)"
	exit 1
fi
echo "docs output directory: ok"
