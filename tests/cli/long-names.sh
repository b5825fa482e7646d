#!/bin/sh
# Names longer than any buffer a reader, resolve or a rule might have kept
# them in: nothing may be cut. A cut name can look taken forever (a loop
# that never ends), collide with another (one baseline key for two
# findings), lose its location, or name no column at all.
#
# usage: long-names.sh MODELGRAPH
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
	echo "long-names: $*"
	status=1
}

# name CHAR COUNT: CHAR repeated COUNT times.
name() {
	printf "%$2s" "" | tr ' ' "$1"
}

# run ARG...: modelgraph ARG... with its output in $tmp/out, stopped after a
# minute; sets $rc.
run() {
	rc=0
	timeout 60 "$modelgraph" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
	if [ "$rc" -eq 124 ]; then
		fail "modelgraph $1 ... did not finish within 60 seconds"
	fi
}

# A table of 600 bytes referenced by two foreign keys of one table: the
# derived relationships are "<name>" and "<name>_2".
long=$(name x 600)
sqlite3 "$tmp/ln.db" "CREATE TABLE \"$long\"(id INTEGER PRIMARY KEY);
CREATE TABLE c(id INTEGER PRIMARY KEY, a INTEGER REFERENCES \"$long\"(id), b INTEGER REFERENCES \"$long\"(id));"
run dump "$tmp/ln.db"
[ "$rc" -eq 0 ] || fail "dump of two foreign keys to a 600-byte table: exit status $rc: $(cat "$tmp/err")"
for rel in "$long" "${long}_2" c_collection c_collection_2; do
	grep -q -F "\"name\": \"$rel\"" "$tmp/out" ||
		fail "dump of two foreign keys to a 600-byte table: no relationship \"$(printf %.20s "$rel")...\" ($(printf %s "$rel" | wc -c) bytes)"
done

# A table of 1100 bytes without a primary key: the finding names it whole,
# at its line and column.
long=$(name t 1100)
printf 'CREATE TABLE "%s" (x INTEGER);\n' "$long" >"$tmp/long.sql"
run lint --fail-on never "$tmp/long.sql"
grep -q -F "long.sql:1:14: warning: table \"$long\" has no primary key [table-no-primary-key]" "$tmp/out" ||
	fail "a 1100-byte table name: the finding does not name it whole at long.sql:1:14: $(cut -c 1-200 "$tmp/out")"

# Implied foreign keys are named "<child>_<column>_implied": two of a child
# of 505 bytes must keep their own names (and their own baseline keys).
child=$(name c 505)
cat >"$tmp/implied.sql" <<EOF2
CREATE TABLE longprefixalpha (id INTEGER PRIMARY KEY);
CREATE TABLE longprefixbeta (id INTEGER PRIMARY KEY);
CREATE TABLE "$child" (id INTEGER PRIMARY KEY, longprefixalpha_id INTEGER, longprefixbeta_id INTEGER);
EOF2
run dump "$tmp/implied.sql"
for column in longprefixalpha_id longprefixbeta_id; do
	grep -q -F "\"name\": \"${child}_${column}_implied\"" "$tmp/out" ||
		fail "implied foreign key of $column: not named \"<child>_${column}_implied\""
done

# A C model whose struct tag is 400 bytes: findings on its relationships
# name it whole ("<tag>.posts").
tag=$(name M 400)
cat >"$tmp/long.h" <<EOF2
#include <modelgraph/annotations.h>
struct Post;
struct $tag {
	int id MG_COLUMN(primary_key=true);
	struct Post **posts MG_RELATIONSHIP(Pots);
} MG_MODEL(tablename=users);
EOF2
run lint --fail-on never "$tmp/long.h"
grep -q -F "relationship \"$tag.posts\"" "$tmp/out" ||
	fail "a 400-byte struct tag: the finding on its relationship does not name it whole: $(cut -c 1-200 "$tmp/out")"

# Looking for .modelgraph.yml from 1400 directories down takes a relative
# path ("../../...") longer than the 4 KiB the CLI keeps for it: an error
# that says so, not a run without the configuration.
deep=$tmp/deep/$(printf 'a/%.0s' $(seq 1400))
mkdir -p "$deep"
printf 'rules:\n  table-no-primary-key: off\n' >"$tmp/deep/.modelgraph.yml"
printf 'CREATE TABLE t (x INTEGER);\n' >"$deep/s.sql"
rc=0
(cd "$deep" && timeout 60 "$modelgraph" lint s.sql) >"$tmp/out" 2>"$tmp/err" || rc=$?
if [ "$rc" -ne 2 ] || ! grep -q -F "modelgraph: error: cannot look for .modelgraph.yml in the parent directories: their relative path is longer than 4095 bytes; name the configuration with --config" "$tmp/err"; then
	fail "configuration beyond a 4 KiB relative path: exit status $rc, expected 2 with a message: $(cat "$tmp/err")"
fi

if [ "$status" -eq 0 ]; then
	echo "long-names: ok"
fi
exit "$status"
