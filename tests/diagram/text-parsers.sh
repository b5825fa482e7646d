#!/bin/sh
# Mermaid and PlantUML output checked by the real parsers: Mermaid (the npm
# package locked in package-lock.json) in Debian's headless Chromium, and
# Debian's PlantUML (-checkonly). Every input, hostile names included, in
# several option combinations, must be accepted.
# usage: text-parsers.sh mermaid|plantuml MODELGRAPH CORPUS_DIR EXAMPLES_DIR BUILD_EXAMPLES_DIR
set -eu
language=$1 mg=$2 corpus=$3 examples=$4 built=$5
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case $language in
mermaid) ext=mmd ;;
plantuml) ext=puml ;;
*) echo "usage: $0 mermaid|plantuml ..." >&2; exit 2 ;;
esac

n=0
emit() { # NAME ARGS...
	name=$1
	shift
	"$mg" diagram "$@" --format "$language" >"$work/$name.$ext"
	n=$((n + 1))
}
emit seed "$built/seed.db"
emit c-seed "$examples/blog.h" "$examples/music.h" "$examples/profile.h" --edge-labels all
emit c-seed-collapsed "$examples/blog.h" "$examples/music.h" "$examples/profile.h" --collapse-association
emit chinook "$corpus/chinook/chinook.db" --edge-labels all --group-by prefix
emit chinook-track "$corpus/chinook/chinook.db" --table Track --depth 1 --columns related
emit sakila "$corpus/sakila/sakila.db" --columns keys --theme dark --group-by prefix
emit sakila-none "$corpus/sakila/sakila.db" --columns none --edge-labels columns --collapse-association
emit hostile "$here/hostile.sql" --edge-labels all
emit hostile-group "$here/hostile.sql" --group-by prefix --edge-labels columns --collapse-association
emit hostile-stubs "$here/hostile.sql" --table one --depth 0 --edge-labels all
emit golden-hostile "$here/../golden/inputs/hostile.sql" --edge-labels all
# 250 generated tables: over Mermaid's 50,000 characters with every column.
sh "$here/../../bench/gen-sqlite-schema" 250 | sqlite3 "$work/big.db"
emit big "$work/big.db" 2>"$work/big.err"
if [ "$language" = mermaid ]; then
	expected="modelgraph: note: Mermaid's default limit is 50000 characters: listed only key columns (--columns keys), 642 columns left out"
	[ "$(cat "$work/big.err")" = "$expected" ] || { echo "FAIL: big: the note is: $(cat "$work/big.err")"; exit 1; }
	[ "$(wc -c <"$work/big.mmd")" -le 50000 ] || { echo "FAIL: big: over 50,000 characters"; exit 1; }
fi

# The same as an overview and pages.
"$mg" diagram "$work/big.db" --format "$language" -o "$work/pages/" 2>/dev/null
mkdir "$work/large"
mv "$work/big.$ext" "$work/large/"
for f in "$work"/pages/*."$ext"; do
	cp "$f" "$work/large/page-$(basename "$f")"
	n=$((n + 1))
done

if [ "$language" = mermaid ]; then
	if [ ! -d "$here/node_modules/mermaid" ]; then
		echo "FAIL: tests/diagram/node_modules/mermaid is missing: run scripts/install-deps"
		exit 1
	fi
	node "$here/check-mermaid.mjs" "$work"/*.mmd
	for f in "$work"/large/*.mmd; do
		[ "$(wc -c <"$f")" -le 50000 ] || { echo "FAIL: $(basename "$f") is over 50,000 characters"; exit 1; }
	done
	node "$here/check-mermaid.mjs" --parse-only "$work"/large/*.mmd
else
	# -checkonly exits 0 only when every file parses.
	mv "$work"/large/*.puml "$work/"
	if ! plantuml -checkonly "$work"/*.puml >"$work/plantuml.log" 2>&1; then
		echo "FAIL: PlantUML refuses a diagram:"
		cat "$work/plantuml.log"
		for f in "$work"/*.puml; do
			plantuml -checkonly "$f" >/dev/null 2>&1 || { echo "--- $(basename "$f")"; cat "$f"; }
		done
		exit 1
	fi
fi
echo "ok: $n $language diagrams accepted by the $language parser"
