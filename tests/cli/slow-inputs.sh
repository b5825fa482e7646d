#!/bin/sh
# Inputs made to be slow: every one must be read, or refused with a message
# naming the limit it is past, in time that grows with its size, never with
# its square. Each run gets a minute, far more than any needs (a few seconds
# at most, in a Debug build with sanitizers); before they were bounded, some
# took minutes.
#
# usage: slow-inputs.sh MODELGRAPH
set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 MODELGRAPH" >&2
	exit 2
fi
case $1 in
/*) modelgraph=$1 ;;
*) modelgraph=$PWD/$1 ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

status=0
fail() {
	echo "slow-inputs: $*"
	status=1
}

# run ARG...: runs modelgraph with ARG..., stopped after a minute (status
# 124); leaves $rc, out and err.
run() {
	rc=0
	timeout 60 "$modelgraph" "$@" >out 2>err || rc=$?
	if [ "$rc" -eq 124 ]; then
		echo "(modelgraph $* did not finish within 60 seconds)" >>err
	fi
}

# refused WHAT NEEDLE ARG...: `modelgraph ARG...` must exit 2 in time, with
# one line on standard error that contains NEEDLE.
refused() {
	what=$1 needle=$2
	shift 2
	run "$@"
	if [ "$rc" -ne 2 ]; then
		fail "$what: exit status $rc, expected 2; standard error: $(head -c 500 err)"
	elif [ "$(wc -l <err)" -ne 1 ]; then
		fail "$what: expected one line on standard error, got: $(head -c 500 err)"
	elif ! grep -q -F -e "$needle" err; then
		fail "$what: the message does not name \"$needle\": $(head -c 500 err)"
	fi
}

# nest N OPEN CLOSE [INNER]: N OPENs, INNER, N CLOSEs.
nest() {
	awk -v n="$1" -v open="$2" -v shut="$3" -v inner="${4-}" 'BEGIN {
		for (i = 0; i < n; i++) printf "%s", open
		printf "%s", inner
		for (i = 0; i < n; i++) printf "%s", shut
	}'
}

deep_yaml="lists and mappings nested deeper than a configuration may be; the limit is nesting-depth=256 levels; raise it with --limit nesting-depth=N"
echo "CREATE TABLE t (id INTEGER PRIMARY KEY);" >small.sql

# ---- nesting ------------------------------------------------------------------

# A configuration of deeply nested flow collections: libyaml's scanner takes
# time in the square of the depth (64 seconds for 100,000 levels), so the
# depth is counted before the document is built. The root mapping is the
# first level, so the 256th "[" is one too many; it starts at column 263.
{
	printf 'rules: '
	nest 100000 '[' ']'
	echo
} >deep-flow.yml
refused "a configuration nested 100,000 deep" "deep-flow.yml:1:263: $deep_yaml" \
	lint small.sql --config deep-flow.yml
{
	printf 'rules: '
	nest 100000 '{a: ' '}' x
	echo
} >deep-mapping.yml
refused "a configuration of mappings nested 100,000 deep" "deep-mapping.yml:1:1028: $deep_yaml" \
	lint small.sql --config deep-mapping.yml
{
	echo 'rules:'
	printf '  '
	nest 100000 '- ' '' x
	echo
} >deep-block.yml
refused "a configuration of block lists nested 100,000 deep" "deep-block.yml:2:513: $deep_yaml" \
	lint small.sql --config deep-block.yml
# Within a raised limit the configuration is read, and its mistake reported.
{
	printf 'rules: '
	nest 300 '[' ']'
	echo
} >deep-300.yml
refused "a configuration nested 300 deep with --limit nesting-depth=400" \
	'deep-300.yml:1:8: "rules" must be a mapping, not a list' \
	lint small.sql --config deep-300.yml --limit nesting-depth=400

# Graph JSON and baselines: jansson stops at 2048 levels on its own; the
# limit is checked before it descends.
deep_json="arrays and objects nested deeper than graph JSON may be; the limit is nesting-depth=256 levels; raise it with --limit nesting-depth=N"
nest 100000 '[' ']' >deep.json
refused "graph JSON nested 100,000 deep" "deep.json:1:257: $deep_json" lint deep.json
nest 100000 '{"a": ' '}' 1 >deep-objects.json
refused "graph JSON of objects nested 100,000 deep" "deep-objects.json:1:1537: $deep_json" \
	dump deep-objects.json
nest 300 '[' ']' >deep-300.json
refused "graph JSON nested 300 deep with --limit nesting-depth=300" \
	'deep-300.json: format: not a modelgraph graph' lint deep-300.json --limit nesting-depth=300

nest 100000 '[' ']' >deep-baseline.json
refused "a baseline nested 100,000 deep" \
	"deep-baseline.json:1:257: arrays and objects nested deeper than a baseline may be; the limit is nesting-depth=256" \
	lint small.sql --baseline deep-baseline.json

# ---- many keys ---------------------------------------------------------------

# Duplicate keys are looked for among all the keys of a mapping before its
# first unknown one is reported: 100,000 keys once took two minutes.
awk 'BEGIN { print "rules:"; for (i = 0; i < 100000; i++) printf "  r%d: off\n", i }' >many-rules.yml
refused "100,000 rules" 'many-rules.yml:2:3: unknown rule "r0"' lint small.sql --config many-rules.yml
awk 'BEGIN {
	print "ignore:"
	print "  - rule: table-isolated"
	for (i = 0; i < 100000; i++) printf "    k%d: x\n", i
	print "    k5: y"
}' >many-keys.yml
refused "an ignore entry of 100,001 keys" 'many-keys.yml:100003:5: duplicate key "k5"' \
	lint small.sql --config many-keys.yml

# 200,000 anchors, each named by an alias: libyaml's loader looks every
# anchor and alias up in a list (minutes); the document is built with a
# hash table of anchors instead.
awk 'BEGIN {
	print "x:"
	for (i = 0; i < 200000; i++) printf "  - &a%d v\n", i
	print "y:"
	for (i = 0; i < 200000; i++) printf "  - *a%d\n", i
}' >anchors.yml
refused "200,000 anchors and aliases" 'anchors.yml:1:1: unknown key "x"' lint small.sql --config anchors.yml

# ---- many ignores ------------------------------------------------------------

# 20,000 ignores against 19,000 findings (tables without a primary key):
# literal paths, patterns with a literal start or end, and a few with
# neither; 6,400 of them match nothing. Each ignore was matched against every
# finding: 80 seconds.
awk 'BEGIN {
	printf "{\"format\": \"modelgraph-graph\", \"version\": 1, \"tables\": ["
	for (i = 0; i < 19000; i++)
		printf "%s\n{\"name\": \"a_legacy_table_kept_for_old_reports_%05d\", \"columns\": [{\"name\": \"x\"}]}", i ? "," : "", i
	print "]}"
}' >many-tables.json
awk 'BEGIN {
	print "ignore:"
	r = "  - {rule: table-no-primary-key, reason: generated, path: "
	for (i = 0; i < 3000; i++) printf "%sa_legacy_table_kept_for_old_reports_%05d}\n", r, i
	for (j = 300; j < 900; j++) printf "%s\"a_legacy_table_kept_for_old_reports_%04d?\"}\n", r, j
	for (i = 9000; i < 19000; i++) printf "%s\"*_%05d\"}\n", r, i
	for (k = 0; k < 2000; k++) printf "%sother_%d}\n", r, k
	for (k = 0; k < 2000; k++) printf "%s\"other_%d_*\"}\n", r, k
	for (k = 0; k < 2300; k++) printf "%s\"*_other_%d\"}\n", r, k
	for (k = 0; k < 100; k++) printf "%s\"[b-k]*%d\"}\n", r, k
}' >many-ignores.yml
run lint many-tables.json --config many-ignores.yml --format json --fail-on never
if [ "$rc" -ne 0 ] || [ -s err ]; then
	fail "20,000 ignores: exit status $rc, expected 0; standard error: $(head -c 500 err)"
else
	left=$(grep -c '"rule": "table-no-primary-key"' out || true)
	unused=$(grep -c '"rule": "suppression-unused"' out || true)
	if [ "$left" -ne 0 ] || [ "$unused" -ne 6400 ]; then
		fail "20,000 ignores: $left findings left (expected 0), $unused unused ignores (expected 6400)"
	fi
fi

# ---- a baseline of many alike entries ---------------------------------------

# 20,000 alike findings (an ignore repeated, each unused) written as a
# baseline and applied: each finding looked through the entries before it,
# and looking up a key went through all the entries sharing it (8 minutes).
# Reworded messages (a newer modelgraph) fall back to rule and path.
echo '{"format": "modelgraph-graph", "version": 1, "tables": [{"name": "t", "columns": [{"name": "id"}], "primary_key": ["id"]}]}' >one.json
awk 'BEGIN {
	print "ignore:"
	for (i = 0; i < 20000; i++) print "  - {rule: table-no-primary-key, path: gone_table, reason: dropped long ago}"
}' >alike-ignores.yml
run lint one.json --config alike-ignores.yml --write-baseline alike.json
if [ "$rc" -ne 0 ] || ! grep -q -F "alike.json: 20000 findings written as the baseline" err; then
	fail "writing 20,000 alike findings as a baseline: exit status $rc; $(head -c 500 err)"
fi
sed 's/matches no finding/matched nothing/' alike.json >reworded.json
for baseline in alike.json reworded.json; do
	run lint one.json --config alike-ignores.yml --baseline "$baseline"
	if [ "$rc" -ne 0 ] || [ -s err ] || [ "$(cat out)" != "no findings" ]; then
		fail "20,000 alike findings against $baseline: exit status $rc; $(head -c 500 out err)"
	fi
done

# ---- many MG_ALLOWs ----------------------------------------------------------

# 4,000 tables, each with a foreign key whose missing index an MG_ALLOW on
# its column accepts (in graph JSON, as a C front-end would write it). Each
# finding tried every allow, and for each every table to find its foreign
# key: time in the cube of the size (6 seconds for 1,000 tables, hours for
# 4,000).
awk 'BEGIN {
	printf "{\"format\": \"modelgraph-graph\", \"version\": 1, \"tables\": ["
	printf "\n{\"name\": \"parent\", \"columns\": [{\"name\": \"id\"}], \"primary_key\": [\"id\"]}"
	for (i = 0; i < 4000; i++)
		printf ",\n{\"name\": \"t_%05d\", \"columns\": [{\"name\": \"id\"}, {\"name\": \"parent_id\"}], \"primary_key\": [\"id\"], \"foreign_keys\": [{\"name\": \"fk_parent\", \"columns\": [\"parent_id\"], \"ref_table\": \"parent\"}]}", i
	printf "], \"allows\": ["
	for (i = 0; i < 4000; i++)
		printf "%s\n{\"rule\": \"fk-missing-index\", \"path\": \"t_%05d.parent_id\", \"reason\": \"small\"}", i ? "," : "", i
	print "]}"
}' >many-allows.json
run lint many-allows.json --no-config
if [ "$rc" -ne 0 ] || [ -s err ] || [ "$(cat out)" != "no findings" ]; then
	fail "4,000 MG_ALLOWs: exit status $rc; $(head -c 500 out err)"
fi

if [ "$status" -eq 0 ]; then
	echo "slow-inputs: ok"
fi
exit "$status"
