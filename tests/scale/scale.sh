#!/bin/sh
# No step may grow faster than the schema. A 5,000-table database is dumped
# and its graph copied ten times over into 50,000 tables; lint, and lint
# against a baseline of every finding, run on both, and lint of a schema of
# lone tables with long names (each reported, each looked up among the
# others), within a memory ceiling and
# a time-out, and each cost at 50,000 tables must stay within SLACK times ten
# times its cost at 5,000 (linear growth is 10x, a quadratic step 100x). The
# bound is a ratio measured in the same run, so it holds on slow and loaded
# machines alike. (Not run in the sanitizer build, whose costs are not the
# product's.)
#
# usage: scale.sh MODELGRAPH SOURCE_DIR
set -eu
modelgraph=$1 root=$2
slack=2.5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

status=0
fail() {
	echo "scale: $*"
	status=1
}

sh "$root/bench/gen-sqlite-schema" 5000 | sqlite3 -bail small.db
"$modelgraph" dump small.db >small.json
/usr/bin/python3 "$root/tests/scale/replicate-graph.py" small.json 1 g5k.json
/usr/bin/python3 "$root/tests/scale/replicate-graph.py" small.json 10 g50k.json

# A schema of lone tables whose names PostgreSQL cuts to one (each copy's
# suffix falls past byte 63): every table is reported alone and too long,
# and each report names the first other table of its cut.
awk 'BEGIN {
	pad = sprintf("%60s", ""); gsub(/ /, "x", pad)
	for (i = 0; i < 5000; i++)
		printf "CREATE TABLE lone_%05d_%s (id INTEGER PRIMARY KEY, name TEXT);\n", i, pad
	print "CREATE TABLE linked (id INTEGER PRIMARY KEY, lone_id INTEGER REFERENCES lone_00000_" pad "(id));"
}' >lone.sql
"$modelgraph" dump lone.sql >lone.json
/usr/bin/python3 "$root/tests/scale/replicate-graph.py" lone.json 1 l5k.json
/usr/bin/python3 "$root/tests/scale/replicate-graph.py" lone.json 10 l50k.json
printf 'lint:\n  dialects: [postgresql]\n' >postgresql.yml

# cost ARG...: runs modelgraph ARG... and prints "seconds kilobytes".
cost() {
	rc=0
	(
		ulimit -v 4000000
		exec timeout 600 /usr/bin/time -f "%e %M" -o "$tmp/time" "$modelgraph" "$@" >"$tmp/out" 2>"$tmp/err"
	) || rc=$?
	if [ "$rc" -gt 1 ]; then
		echo "scale: modelgraph $*: exit status $rc: $(tail -n 3 "$tmp/err")" >&2
		echo "0 0"
		return
	fi
	tail -n 1 "$tmp/time"
}

check() {
	what=$1
	shift
	small=$(cost "$@")
	big_args=$(echo "$*" | sed 's/5k\.json/50k.json/g')
	# shellcheck disable=SC2086
	big=$(cost $big_args)
	[ "${small% *}" != 0 ] && [ "${big% *}" != 0 ] || { fail "$what: a run failed"; return; }
	echo "$what: 5,000 tables: ${small% *} s ${small#* } KB; 50,000 tables: ${big% *} s ${big#* } KB"
	awk -v s="${small% *}" -v b="${big% *}" -v k="$slack" 'BEGIN { exit !(b <= 10 * k * (s > 0.05 ? s : 0.05)) }' ||
		fail "$what: time grows faster than the schema (${small% *} s -> ${big% *} s for 10x the tables)"
	awk -v s="${small#* }" -v b="${big#* }" -v k="$slack" 'BEGIN { exit !(b <= 10 * k * s) }' ||
		fail "$what: memory grows faster than the schema (${small#* } KB -> ${big#* } KB for 10x the tables)"
}

check "lint" lint g5k.json --no-config --fail-on never
"$modelgraph" lint g5k.json --no-config --write-baseline base5k.json >/dev/null 2>&1 || true
"$modelgraph" lint g50k.json --no-config --write-baseline base50k.json >/dev/null 2>&1 || true
check "lint --baseline" lint g5k.json --no-config --fail-on never --baseline base5k.json
check "lint, lone tables cut to one name" lint l5k.json --config postgresql.yml --fail-on never

[ "$status" -eq 0 ] && echo "scale: every cost grows with the schema, none faster"
exit "$status"
