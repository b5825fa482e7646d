#!/bin/sh
# The graphviz formats of `modelgraph diagram`, checked by real parsers:
# SVG parsed as XML with a node per table and an edge per foreign key, no
# markup from names; PNG and PDF by signature and size; DOT accepted by
# graphviz; the format picked from -o's extension; the same bytes whatever
# the order of the sources.
# usage: formats.sh MODELGRAPH CORPUS_DIR EXAMPLES_DIR BUILD_EXAMPLES_DIR
set -eu
mg=$1 corpus=$2 examples=$3 built=$4
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() {
	echo "FAIL: $*"
	status=1
}

xpath_count() { # FILE EXPR
	xmllint --xpath "count($2)" "$1" 2>/dev/null
}

# check_svg NAME DB: a node per table and view, an edge per foreign key, every name shown.
check_svg() {
	svg=$work/$1.svg
	"$mg" diagram "$2" -o "$svg" || { fail "$1: diagram failed"; return; }
	xmllint --noout "$svg" || { fail "$1: SVG is not XML"; return; }
	tables=$(sqlite3 "$2" "SELECT count(*) FROM sqlite_schema WHERE type IN ('table','view') AND name NOT LIKE 'sqlite_%'")
	fks=$(sqlite3 "$2" "SELECT count(*) FROM sqlite_schema m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND f.seq = 0")
	nodes=$(xpath_count "$svg" "//*[local-name()='g'][@class='node']")
	edges=$(xpath_count "$svg" "//*[local-name()='g'][@class='edge']")
	[ "$nodes" = "$tables" ] || fail "$1: $nodes nodes for $tables tables"
	[ "$edges" = "$fks" ] || fail "$1: $edges edges for $fks foreign keys"
	xmllint --xpath "//*[local-name()='text']/text()" "$svg" >"$work/$1.texts" 2>/dev/null
	sqlite3 "$2" "SELECT name FROM sqlite_schema WHERE type IN ('table','view') AND name NOT LIKE 'sqlite_%'" |
		while IFS= read -r name; do
			grep -qx -- "$name" "$work/$1.texts" || echo "$name"
		done >"$work/$1.missing"
	[ -s "$work/$1.missing" ] && fail "$1: tables not shown: $(tr '\n' ' ' <"$work/$1.missing")"
	echo "ok: $1 SVG: $nodes tables, $edges edges"
}

check_svg chinook "$corpus/chinook/chinook.db"
check_svg sakila "$corpus/sakila/sakila.db"
check_svg seed "$built/seed.db"

# Hostile names: XML that parses, no element from a name, DOT graphviz reads.
"$mg" diagram "$here/hostile.sql" --edge-labels all -o "$work/hostile.svg" || fail "hostile: SVG failed"
xmllint --noout "$work/hostile.svg" || fail "hostile: SVG is not XML"
[ "$(xpath_count "$work/hostile.svg" "//*[local-name()='script']")" = 0 ] || fail "hostile: a <script> element"
[ "$(xpath_count "$work/hostile.svg" "//*[local-name()='g'][@class='node']")" = 6 ] || fail "hostile: not 6 tables"
"$mg" diagram "$here/hostile.sql" --edge-labels all --format dot >"$work/hostile.dot" || fail "hostile: DOT failed"
dot -Tsvg "$work/hostile.dot" >/dev/null 2>"$work/dot.err" || fail "hostile: graphviz refuses the DOT: $(cat "$work/dot.err")"
[ -s "$work/dot.err" ] && fail "hostile: graphviz complains about the DOT: $(head -3 "$work/dot.err")"
echo "ok: hostile names"

# PNG and PDF: signature and a plausible size.
"$mg" diagram "$corpus/chinook/chinook.db" -o "$work/chinook.png" || fail "PNG failed"
[ "$(head -c 8 "$work/chinook.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "PNG signature"
[ "$(wc -c <"$work/chinook.png")" -gt 20000 ] || fail "PNG too small"
"$mg" diagram "$corpus/sakila/sakila.db" -o "$work/sakila.pdf" --theme dark || fail "PDF failed"
[ "$(head -c 5 "$work/sakila.pdf")" = "%PDF-" ] || fail "PDF signature"
[ "$(wc -c <"$work/sakila.pdf")" -gt 20000 ] || fail "PDF too small"
tail -c 32 "$work/sakila.pdf" | grep -q '%%EOF' || fail "PDF has no end"
echo "ok: PNG and PDF"

# The format follows -o's extension; --format only when the extension says nothing.
"$mg" diagram "$built/seed.db" -o "$work/seed.mmd" && head -1 "$work/seed.mmd" | grep -qx erDiagram || fail ".mmd is not Mermaid"
"$mg" diagram "$built/seed.db" -o "$work/seed.puml" && head -1 "$work/seed.puml" | grep -qx @startuml || fail ".puml is not PlantUML"
"$mg" diagram "$built/seed.db" -o "$work/seed.gv" && head -1 "$work/seed.gv" | grep -q '^digraph' || fail ".gv is not DOT"
"$mg" diagram "$built/seed.db" -o "$work/seed.out" --format plantuml && head -1 "$work/seed.out" | grep -qx @startuml ||
	fail "--format is not used for an unknown extension"
"$mg" diagram "$built/seed.db" >"$work/stdout.svg" && xmllint --noout "$work/stdout.svg" || fail "SVG on stdout"
echo "ok: format from the extension"

# Determinism: sources in two orders, every format, the same bytes.
for format in dot svg mermaid plantuml png pdf; do
	for order in 1 2; do
		if [ $order = 1 ]; then
			set -- "$examples/blog.h" "$examples/music.h" "$examples/profile.h" "$here/hostile.sql"
		else
			set -- "$here/hostile.sql" "$examples/profile.h" "$examples/music.h" "$examples/blog.h"
		fi
		"$mg" diagram "$@" --format "$format" --group-by file -o "$work/order$order.$format.out" ||
			fail "determinism: $format failed"
	done
	cmp -s "$work/order1.$format.out" "$work/order2.$format.out" || fail "determinism: $format differs with the order of sources"
done
grep -q "$work" "$work/order1.svg.out" && fail "determinism: an absolute path in the SVG"
echo "ok: same bytes whatever the order of sources"

exit $status
