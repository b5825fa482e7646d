#!/bin/sh
# Which .modelgraph.yml applies: found upward, but never above the
# repository root, and never one that others can change (a `fail-on: never`
# planted in a shared directory must not turn a failing run green).
#
# usage: config-trust.sh MODELGRAPH
set -eu
case $1 in
/*) modelgraph=$1 ;;
*) modelgraph=$PWD/$1 ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() {
	echo "config-trust: $*"
	status=1
}

mkdir -p "$tmp/shared/repo/src"
printf 'lint:\n  fail-on: never\n' >"$tmp/shared/.modelgraph.yml"
cat >"$tmp/shared/repo/src/errors.sql" <<'SQL'
CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES nowhere (id));
SQL

# run EXPECTED_RC ARG...: in the checkout's src folder.
run() {
	want=$1
	shift
	rc=0
	(cd "$tmp/shared/repo/src" && "$modelgraph" "$@") >"$tmp/out" 2>"$tmp/err" || rc=$?
	[ "$rc" -eq "$want" ] || fail "modelgraph $*: exit $rc, expected $want; stderr: $(cat "$tmp/err")"
}

# Without a repository boundary the file above is found and applies.
run 0 lint errors.sql
# Above the repository root it does not.
mkdir "$tmp/shared/repo/.git"
run 1 lint errors.sql
rmdir "$tmp/shared/repo/.git"

# A file its group or others may write is refused, loudly.
chmod 666 "$tmp/shared/.modelgraph.yml"
run 2 lint errors.sql
grep -q '^modelgraph: error: ../../.modelgraph.yml: not applied: others can change it' "$tmp/err" ||
	fail "an untrusted configuration: expected a message naming it, got: $(cat "$tmp/err")"
[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "the message is not one line: $(cat "$tmp/err")"
# Named with --config, it is the user's choice.
run 0 lint --config ../../.modelgraph.yml errors.sql

[ "$status" -eq 0 ] && echo "config-trust: ok"
exit "$status"
