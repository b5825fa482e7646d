#!/bin/sh
# Large schemas: above the budget a whole-schema diagram is refused with a
# message naming -o DIR and --full; -o DIR writes an overview and pages in
# which every table appears exactly once; --each-table writes one diagram
# per table; a layout past --layout-timeout is retried, then given up, and
# never hangs.
# usage: pages.sh MODELGRAPH GEN_SQLITE_SCHEMA CORPUS_DIR
set -eu
mg=$1 gen=$2 corpus=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() {
	echo "FAIL: $*"
	status=1
}

sh "$gen" 600 | sqlite3 "$work/big.db"

rc=0
"$mg" diagram "$work/big.db" -o "$work/big.svg" 2>"$work/err" || rc=$?
[ "$rc" = 2 ] || fail "over the budget: exit $rc, not 2"
grep -qx 'modelgraph: error: 600 tables are more than one readable diagram holds (250): give -o DIR for an overview and one page per cluster, or --full to draw them all at once' "$work/err" ||
	fail "over the budget: message: $(cat "$work/err")"
[ -e "$work/big.svg" ] && fail "over the budget: a file was written"
echo "ok: over the budget, a message naming -o DIR and --full"

# Pages as Mermaid (no layout, quick): every table on exactly one page.
"$mg" diagram "$work/big.db" --format mermaid -o "$work/pages/" 2>"$work/err" || fail "pages: failed: $(cat "$work/err")"
grep -q '^modelgraph: note: 600 tables: wrote an overview and [0-9]* pages' "$work/err" || fail "pages: no note on stderr"
[ -f "$work/pages/overview.mmd" ] && [ -f "$work/pages/index.md" ] || fail "pages: no overview or index"
for f in "$work"/pages/*.mmd; do
	[ "$(basename "$f")" = overview.mmd ] && continue
	sed -n 's/^    \(t[0-9][0-9]*\) {$/\1/p' "$f"
done | sort >"$work/drawn"
sqlite3 "$work/big.db" "SELECT name FROM sqlite_schema WHERE type = 'table'" | sort >"$work/tables"
cmp -s "$work/drawn" "$work/tables" || fail "pages: tables not drawn exactly once: $(diff "$work/tables" "$work/drawn" | head -5)"
pages=$(ls "$work"/pages/*.mmd | grep -vc overview.mmd)
[ "$(grep -c '^- \[' "$work/pages/index.md")" = $((pages + 1)) ] || fail "pages: index.md does not list every page"
echo "ok: $pages pages, every table exactly once"

# The same as SVG: every file XML, the overview links to the pages.
"$mg" diagram "$work/big.db" -o "$work/svg/" 2>/dev/null || fail "SVG pages failed"
for f in "$work"/svg/*.svg; do
	xmllint --noout "$f" || fail "$(basename "$f") is not XML"
done
grep -q 'xlink:href="t0-1.svg"' "$work/svg/overview.svg" || fail "the overview does not link to its pages"
echo "ok: SVG pages and overview"

# One diagram per table.
"$mg" diagram "$corpus/chinook/chinook.db" --each-table --depth 1 -o "$work/each/" || fail "--each-table failed"
[ "$(ls "$work"/each/*.svg | wc -l)" = 11 ] || fail "--each-table: not 11 diagrams"
grep -q '<title>Album</title>' "$work/each/Track.svg" || fail "--each-table: Track's diagram lacks its neighbour Album"
echo "ok: one diagram per table"

# A layout that cannot finish in time: retries, then an error, never a hang.
rc=0
"$mg" diagram "$corpus/sakila/sakila.db" --layout-timeout 0.001 -o "$work/slow.svg" 2>"$work/err" || rc=$?
[ "$rc" = 2 ] || fail "layout timeout: exit $rc, not 2"
[ "$(grep -c '^modelgraph: note: layout took longer than 0.001 s' "$work/err")" = 3 ] || fail "layout timeout: not 3 retries: $(cat "$work/err")"
tail -1 "$work/err" | grep -q '^modelgraph: error: no layout finished within 0.001 s' || fail "layout timeout: last line: $(tail -1 "$work/err")"
echo "ok: layout timeout retries then stops"
exit $status
