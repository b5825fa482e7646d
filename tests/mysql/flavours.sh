#!/bin/sh
# Loads the MySQL flavour of a corpus schema into the test server
# (mariadb-server.sh) and checks that modelgraph reads the same graph from it
# as from the SQLite flavour, up to the differences written down: the types
# of ../postgres/flavours/type-equivalences.txt and flavours/<NAME>.differences
# ("- " only SQLite's flavour has it, "+ " only MySQL's), each group with why.
# The graphs are compared as ../postgres/graph-lines.py writes them.
#
# usage: flavours.sh MODELGRAPH SERVER_DIR CORPUS_DIR NAME MYSQL_SQL SQLITE_DB [DATABASE] [--fold-names]
#   SERVER_DIR  the test server (mariadb-server.sh); "-": read MYSQL_SQL itself,
#               through the throwaway server modelgraph starts for it
#   DATABASE    the database MYSQL_SQL creates and uses itself, if it does
#               (default: one made for it, "flavour_NAME")
#
# UPDATE_GOLDEN=1 rewrites <NAME>.differences from what is found (its comment
# lines are kept); review every line against both schema files.
set -eu
export LC_ALL=C

if [ $# -lt 6 ]; then
	echo "usage: $0 MODELGRAPH SERVER_DIR CORPUS_DIR NAME MYSQL_SQL SQLITE_DB [DATABASE] [--fold-names]" >&2
	exit 2
fi
modelgraph=$1 server=$2 corpus=$3 name=$4 my_sql=$5 sqlite_db=$6
database=${7:-flavour_$name}
fold=${8:-}
here=$(cd "$(dirname "$0")" && pwd)
expected=$here/flavours/$name.differences
types=$here/../postgres/flavours/type-equivalences.txt
lines=$here/../postgres/graph-lines.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ "$server" = - ]; then
	source=$corpus/$my_sql
else
	. "$server/env"
	source="mysql://root@localhost/$database?socket=$MG_MYSQL_SOCKET"
	client() { mariadb --no-defaults --socket="$MG_MYSQL_SOCKET" -u root "$@"; }
	if [ "$database" = "flavour_$name" ]; then
		client -e "DROP DATABASE IF EXISTS \`$database\`; CREATE DATABASE \`$database\`"
		target=$database
	else
		target=""
	fi
	client $target <"$corpus/$my_sql" >"$tmp/load.out" 2>&1 || {
		echo "flavours $name: $my_sql does not load:"
		cat "$tmp/load.out"
		exit 1
	}
fi

"$modelgraph" dump "$source" >"$tmp/my.json" 2>"$tmp/my.err" || {
	echo "flavours $name: modelgraph dump $source failed:"
	cat "$tmp/my.err"
	exit 1
}
"$modelgraph" dump "$corpus/$sqlite_db" >"$tmp/sqlite.json"
python3 "$lines" $fold "$tmp/my.json" "$types" >"$tmp/my.lines"
python3 "$lines" $fold "$tmp/sqlite.json" "$types" >"$tmp/sqlite.lines"
{
	comm -23 "$tmp/sqlite.lines" "$tmp/my.lines" | sed 's/^/- /'
	comm -13 "$tmp/sqlite.lines" "$tmp/my.lines" | sed 's/^/+ /'
} | sort -k2 -k1,1 >"$tmp/actual"

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
	{
		[ -f "$expected" ] && grep '^#' "$expected" || true
		cat "$tmp/actual"
	} >"$tmp/new"
	cp "$tmp/new" "$expected"
	echo "flavours $name: $expected rewritten ($(wc -l <"$tmp/actual") differences)"
	exit 0
fi

grep -v -e '^#' -e '^$' "$expected" 2>/dev/null | sort -k2 -k1,1 >"$tmp/expected" || true
if ! cmp -s "$tmp/expected" "$tmp/actual"; then
	echo "flavours $name: the graphs differ otherwise than $(basename "$expected") says"
	echo "(lines: - only in SQLite's flavour, + only in MySQL's; diff: expected → actual)"
	diff "$tmp/expected" "$tmp/actual" || true
	exit 1
fi
echo "flavours $name: same graph up to $(wc -l <"$tmp/actual") documented differences"
