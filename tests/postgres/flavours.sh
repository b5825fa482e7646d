#!/bin/sh
# Loads the PostgreSQL flavour of a corpus schema into the test server and
# checks that modelgraph reads the same graph from it as from the SQLite
# flavour, up to the differences written down in flavours/: the types of
# type-equivalences.txt, and <NAME>.differences, the facts only one flavour
# has ("- " SQLite's, "+ " PostgreSQL's), each group with why.
#
# usage: flavours.sh MODELGRAPH SERVER_DIR CORPUS_DIR NAME PG_SQL SQLITE_DB [DATABASE] [--fold-names]
#   SERVER_DIR         the test server (pg-server.sh); "-": read PG_SQL itself,
#                      through the throwaway server modelgraph starts for it
#   PG_SQL, SQLITE_DB  relative to CORPUS_DIR
#   DATABASE           the database PG_SQL creates and connects to itself, if it does
#                      (default: one made for it, "flavour_NAME")
#
# UPDATE_GOLDEN=1 rewrites <NAME>.differences from what is found (its comment
# lines are kept); review every line against both schema files.
set -eu
export LC_ALL=C

if [ $# -lt 6 ]; then
	echo "usage: $0 MODELGRAPH SERVER_DIR CORPUS_DIR NAME PG_SQL SQLITE_DB [DATABASE] [--fold-names]" >&2
	exit 2
fi
modelgraph=$1 server=$2 corpus=$3 name=$4 pg_sql=$5 sqlite_db=$6
database=${7:-flavour_$name}
fold=${8:-}
here=$(cd "$(dirname "$0")" && pwd)
expected=$here/flavours/$name.differences
types=$here/flavours/type-equivalences.txt

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ "$server" = - ]; then
	source=$corpus/$pg_sql
elif [ "$database" = "flavour_$name" ]; then
	. "$server/env"
	source=postgresql:///$database
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$database\"" -c "CREATE DATABASE \"$database\"" >/dev/null
	psql -X -q -d "$database" -v ON_ERROR_STOP=1 -f "$corpus/$pg_sql" >"$tmp/load.out" 2>&1 || {
		echo "flavours $name: $pg_sql does not load:"
		cat "$tmp/load.out"
		exit 1
	}
else
	. "$server/env"
	source=postgresql:///$database
	psql -X -q -d postgres -v ON_ERROR_STOP=1 -f "$corpus/$pg_sql" >"$tmp/load.out" 2>&1 || {
		echo "flavours $name: $pg_sql does not load:"
		cat "$tmp/load.out"
		exit 1
	}
fi

"$modelgraph" dump "$source" >"$tmp/pg.json" 2>"$tmp/pg.err" || {
	echo "flavours $name: modelgraph dump $source failed:"
	cat "$tmp/pg.err"
	exit 1
}
"$modelgraph" dump "$corpus/$sqlite_db" >"$tmp/sqlite.json"
python3 "$here/graph-lines.py" $fold "$tmp/pg.json" "$types" >"$tmp/pg.lines"
python3 "$here/graph-lines.py" $fold "$tmp/sqlite.json" "$types" >"$tmp/sqlite.lines"
{
	comm -23 "$tmp/sqlite.lines" "$tmp/pg.lines" | sed 's/^/- /'
	comm -13 "$tmp/sqlite.lines" "$tmp/pg.lines" | sed 's/^/+ /'
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
	echo "(lines: - only in SQLite's flavour, + only in PostgreSQL's; diff: expected → actual)"
	diff "$tmp/expected" "$tmp/actual" || true
	exit 1
fi
echo "flavours $name: same graph up to $(wc -l <"$tmp/actual") documented differences"
