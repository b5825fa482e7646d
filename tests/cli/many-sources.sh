#!/bin/sh
# Any number of sources: a shell glob over a models directory easily names
# more files than a fixed-size table of arguments holds. 150 scripts, each a
# table referencing the one before, must read as one graph.
#
# usage: many-sources.sh MODELGRAPH
set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 MODELGRAPH" >&2
	exit 2
fi
modelgraph=$1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0
fail() {
	echo "many-sources: $*"
	status=1
}

count=150
echo "CREATE TABLE t1 (id INTEGER PRIMARY KEY);" >"$tmp/s1.sql"
i=2
while [ $i -le $count ]; do
	cat >"$tmp/s$i.sql" <<EOF2
CREATE TABLE t$i (id INTEGER PRIMARY KEY, t$((i - 1))_id INTEGER NOT NULL REFERENCES t$((i - 1)) (id));
CREATE INDEX ix_t${i}_t$((i - 1))_id ON t$i (t$((i - 1))_id);
EOF2
	i=$((i + 1))
done

# The names in a fixed order (s1 ... s150), as positional parameters.
set --
i=1
while [ $i -le $count ]; do
	set -- "$@" "$tmp/s$i.sql"
	i=$((i + 1))
done

rc=0
"$modelgraph" lint "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
if [ "$rc" -ne 0 ] || [ -s "$tmp/err" ] || [ "$(cat "$tmp/out")" != "no findings" ]; then
	fail "lint of $count sources: exit status $rc, expected 0 and \"no findings\"; got:"
	cat "$tmp/out" "$tmp/err"
fi

rc=0
"$modelgraph" dump "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
sources=$(grep -c '"kind": "sql"' "$tmp/out" || true)
tables=$(grep -c '"kind": "table"' "$tmp/out" || true)
if [ "$rc" -ne 0 ] || [ -s "$tmp/err" ] || [ "$sources" -ne $count ] || [ "$tables" -ne $count ]; then
	fail "dump of $count sources: exit status $rc, $sources sources and $tables tables, expected 0, $count and $count:"
	head -c 2000 "$tmp/err"
fi

if [ "$status" -eq 0 ]; then
	echo "many-sources: ok"
fi
exit "$status"
