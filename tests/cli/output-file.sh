#!/bin/sh
# Writing results with -o FILE: the file gets the permissions a new file
# gets under the umask (or keeps those of the file it replaces), nothing is
# left beside it, and a run that fails leaves the previous output intact.
#
# usage: output-file.sh MODELGRAPH
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
mkdir "$tmp/out"
cd "$tmp/out"

status=0
fail() {
	echo "output-file: $*"
	status=1
}

cat >schema.sql <<'EOF'
CREATE TABLE users (id INTEGER PRIMARY KEY);
CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id));
EOF

# run EXPECTED_RC ARG...
run() {
	want=$1
	shift
	rc=0
	"$modelgraph" "$@" >"$tmp/stdout" 2>"$tmp/stderr" || rc=$?
	if [ "$rc" -ne "$want" ]; then
		fail "modelgraph $*: exit status $rc, expected $want; standard error: $(cat "$tmp/stderr")"
	fi
}

# only_files NAME...: the directory holds schema.sql and exactly these files.
only_files() {
	printf '%s\n' schema.sql "$@" | LC_ALL=C sort -u >"$tmp/expected.files"
	ls -A | LC_ALL=C sort >"$tmp/actual.files"
	if ! cmp -s "$tmp/expected.files" "$tmp/actual.files"; then
		fail "unexpected files in the output directory (- expected, + actual):"
		diff -u "$tmp/expected.files" "$tmp/actual.files" || true
	fi
}

# A new file: mode from the umask, content equal to standard output.
umask 022
run 0 lint schema.sql
cp "$tmp/stdout" "$tmp/lint.expected"
run 0 lint -o findings.txt schema.sql
if [ -s "$tmp/stdout" ]; then
	fail "lint -o: standard output should be empty but is: $(cat "$tmp/stdout")"
fi
if ! cmp -s "$tmp/lint.expected" findings.txt; then
	fail "lint -o: the file differs from what standard output shows:"
	diff -u "$tmp/lint.expected" findings.txt || true
fi
mode=$(stat -c %a findings.txt)
if [ "$mode" != 644 ]; then
	fail "lint -o under umask 022: mode $mode, expected 644"
fi
only_files findings.txt

umask 077
run 0 dump -o graph.json schema.sql
mode=$(stat -c %a graph.json)
if [ "$mode" != 600 ]; then
	fail "dump -o under umask 077: mode $mode, expected 600"
fi
umask 022

# Replacing a file keeps its mode.
chmod 640 findings.txt
echo stale >findings.txt
run 0 lint --output=findings.txt schema.sql
mode=$(stat -c %a findings.txt)
if [ "$mode" != 640 ]; then
	fail "lint -o over a 640 file: mode $mode, expected 640"
fi
if grep -q stale findings.txt; then
	fail "lint -o did not replace the old content"
fi

# A run that fails leaves the previous output as it was.
cp findings.txt "$tmp/previous.txt"
cp graph.json "$tmp/previous.json"
run 2 lint -o findings.txt missing.sql
run 2 dump -o graph.json missing.sql
if ! cmp -s "$tmp/previous.txt" findings.txt; then
	fail "a failed lint changed its output file"
fi
if ! cmp -s "$tmp/previous.json" graph.json; then
	fail "a failed dump changed its output file"
fi
only_files findings.txt graph.json

# What is not a regular file is written through, never replaced: a pipe
# stays a pipe, /dev/null a device. A symbolic link to a file is refused
# (exit 2, one line): a link planted in a checkout must not send the report
# onto another file; the file it names is left as it was.
run 0 lint schema.sql
cp "$tmp/stdout" "$tmp/lint.expected"
echo stale >"$tmp/target.txt"
ln -s "$tmp/target.txt" link.txt
run 2 lint -o link.txt schema.sql
if [ ! -L link.txt ] || [ "$(cat "$tmp/target.txt")" != stale ]; then
	fail "lint -o onto a symbolic link changed the link or its file"
fi
if [ "$(wc -l <"$tmp/stderr")" -ne 1 ] || ! grep -q 'link.txt: is a symbolic link' "$tmp/stderr"; then
	fail "lint -o onto a symbolic link: expected one line saying so, got: $(cat "$tmp/stderr")"
fi

# Naming a source as the output would destroy it: exit 2 before any work,
# whatever the spelling of the path, and the source is left as it was.
cp schema.sql "$tmp/schema.before"
run 2 lint schema.sql -o ./schema.sql
run 2 lint schema.sql --write-baseline schema.sql
run 2 dump sql:schema.sql -o schema.sql
run 2 diagram schema.sql -o schema.sql --format dot
if ! cmp -s "$tmp/schema.before" schema.sql; then
	fail "an output naming the source changed the source"
fi
if ! grep -q -- '--output schema.sql: is the source schema.sql' "$tmp/stderr"; then
	fail "diagram -o naming its source: expected the message to name both, got: $(cat "$tmp/stderr")"
fi
mkfifo pipe
timeout 20 cat pipe >"$tmp/from-pipe" &
reader=$!
run 0 lint -o pipe schema.sql
if [ ! -p pipe ]; then
	fail "lint -o into a named pipe replaced the pipe"
fi
# Had nothing opened the pipe, the reader gives up after 20 seconds.
wait "$reader" || fail "lint -o into a named pipe: nothing was written into it"
if ! cmp -s "$tmp/lint.expected" "$tmp/from-pipe"; then
	fail "lint -o into a named pipe: the reader got something else:"
	diff -u "$tmp/lint.expected" "$tmp/from-pipe" || true
fi
rm -f pipe
if [ "$(id -u)" -ne 0 ]; then
	# Only unprivileged: if renaming over it came back, root would replace
	# the machine's /dev/null.
	run 0 lint -o /dev/null schema.sql
	if [ ! -c /dev/null ]; then
		fail "lint -o /dev/null replaced /dev/null"
	fi
fi
rm link.txt
only_files findings.txt graph.json

# A directory that does not exist: exit 2, one line naming the file, nothing
# created.
run 2 lint -o no-such-dir/findings.txt schema.sql
if [ "$(wc -l <"$tmp/stderr")" -ne 1 ] || ! grep -q -F 'no-such-dir/findings.txt' "$tmp/stderr"; then
	fail "lint -o into a missing directory: expected one line naming the file, got: $(cat "$tmp/stderr")"
fi
only_files findings.txt graph.json

# An empty file name (a variable left unset in a CI script): exit 2 before
# any work, one line saying the name is empty, nothing created.
for command in "lint -o" "lint --write-baseline" "dump -o" "diagram -o" "rules -o" "docs -o"; do
	option=${command#* }
	[ "$option" = -o ] && option=--output
	case $command in
	rules*) run 2 $command "" ;;
	*) run 2 $command "" schema.sql ;;
	esac
	case $command in
	docs*) needle="$option '': the directory name is empty" ;;
	*) needle="$option '': the file name is empty" ;;
	esac
	if [ "$(wc -l <"$tmp/stderr")" -ne 1 ] || ! grep -q -F -- "$needle" "$tmp/stderr"; then
		fail "$command '': expected one line saying \"$needle\", got: $(cat "$tmp/stderr")"
	fi
done
only_files findings.txt graph.json

if [ "$status" -eq 0 ]; then
	echo "output-file: ok"
fi
exit "$status"
