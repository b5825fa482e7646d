#!/bin/sh
# Runs one golden case of the command line and compares what it printed,
# byte for byte, with what the case expects.
#
# usage: run-golden.sh MODELGRAPH CASE_DIR CORPUS_DIR [EXAMPLES_DIR]
#
# A case is a directory holding:
#   args           the arguments, one per line: each line is exactly one
#                  argument (an empty line is an empty argument; no quoting)
#   expected.out   the exact standard output
#   expected.rc    the exit status
#   expected.err   the exact standard error; without it, standard error must
#                  be empty
#   expected.file  the exact content of out.txt, the file a case writes with
#                  `-o out.txt`; without it, no out.txt may appear
#   anything else  inputs (SQL scripts), named in args by their bare names
# Inputs several cases share live once in tests/golden/inputs/ and are
# copied beside each case's own files (a case's file of the same name wins).
#
# The case runs inside a temporary copy of its directory, so that the paths
# in the output are the relative names given in args and `-o` never writes
# into the source tree. Tokens in args name places outside the case through
# symbolic links beside the copy, so they too print the same everywhere:
#   @SRC@       ../src       the case directory itself
#   @CORPUS@    ../corpus    CORPUS_DIR, the real-world schemas
#   @EXAMPLES@  ../examples  EXAMPLES_DIR (default: the checkout's examples/)
# The run also fails when it leaves any file other than out.txt in the copy
# (temporary outputs, journals).
#
# To accept new behaviour, run with UPDATE_GOLDEN=1 in the environment: the
# expected.* files of the case are rewritten from the actual results
# (expected.err and expected.file are removed when there is nothing to
# expect). Review the diff before committing it.
#   UPDATE_GOLDEN=1 ctest --test-dir build -R golden/
set -eu

if [ $# -lt 3 ] || [ $# -gt 4 ]; then
	echo "usage: $0 MODELGRAPH CASE_DIR CORPUS_DIR [EXAMPLES_DIR]" >&2
	exit 2
fi

absolute() {
	case $1 in
	/*) printf '%s\n' "$1" ;;
	*) printf '%s/%s\n' "$PWD" "$1" ;;
	esac
}

modelgraph=$(absolute "$1")
case_dir=$(cd "$2" && pwd)
corpus_dir=$(absolute "$3")
examples_dir=$(absolute "${4:-$case_dir/../../../examples}")
name=$(basename "$case_dir")

if [ ! -f "$case_dir/args" ]; then
	echo "golden $name: $case_dir/args is missing" >&2
	exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/case"
if [ -d "$case_dir/../inputs" ]; then
	cp -R "$case_dir/../inputs/." "$work/case/"
fi
cp -R "$case_dir/." "$work/case/"
ln -s "$case_dir" "$work/src"
ln -s "$corpus_dir" "$work/corpus"
ln -s "$examples_dir" "$work/examples"
(cd "$work/case" && ls -A) >"$work/files.before"

# Replaces every TOKEN in STRING by VALUE: replace STRING TOKEN VALUE
replace() {
	rest=$1 done_part=
	while :; do
		case $rest in
		*"$2"*)
			done_part=$done_part${rest%%"$2"*}$3
			rest=${rest#*"$2"}
			;;
		*) break ;;
		esac
	done
	printf '%s' "$done_part$rest"
}

expand_tokens() {
	value=$(replace "$1" @SRC@ ../src)
	value=$(replace "$value" @CORPUS@ ../corpus)
	replace "$value" @EXAMPLES@ ../examples
}

# The arguments become the positional parameters, one line each.
set --
while IFS= read -r line || [ -n "$line" ]; do
	set -- "$@" "$(expand_tokens "$line")"
done <"$case_dir/args"

rc=0
(cd "$work/case" && LC_ALL=C exec "$modelgraph" "$@") >"$work/stdout" 2>"$work/stderr" || rc=$?
echo "$rc" >"$work/rc"

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
	cp "$work/stdout" "$case_dir/expected.out"
	cp "$work/rc" "$case_dir/expected.rc"
	if [ -s "$work/stderr" ]; then
		cp "$work/stderr" "$case_dir/expected.err"
	else
		rm -f "$case_dir/expected.err"
	fi
	if [ -f "$work/case/out.txt" ]; then
		cp "$work/case/out.txt" "$case_dir/expected.file"
	else
		rm -f "$case_dir/expected.file"
	fi
	echo "golden $name: expectations rewritten (exit status $rc)"
	exit 0
fi

status=0
fail() {
	echo "golden $name: $*"
	status=1
}

# compare WHAT EXPECTED ACTUAL
compare() {
	if [ ! -f "$2" ]; then
		fail "$(basename "$2") is missing; run with UPDATE_GOLDEN=1 to create it"
	elif ! cmp -s "$2" "$3"; then
		fail "$1 differs from $(basename "$2") (- expected, + actual):"
		diff -u "$2" "$3" || true
	fi
}

compare "exit status" "$case_dir/expected.rc" "$work/rc"
compare "standard output" "$case_dir/expected.out" "$work/stdout"
if [ -f "$case_dir/expected.err" ]; then
	compare "standard error" "$case_dir/expected.err" "$work/stderr"
elif [ -s "$work/stderr" ]; then
	fail "standard error should be empty but is:"
	cat "$work/stderr"
fi
if [ -f "$case_dir/expected.file" ]; then
	if [ -f "$work/case/out.txt" ]; then
		compare "out.txt" "$case_dir/expected.file" "$work/case/out.txt"
	else
		fail "out.txt was not written"
	fi
fi

(cd "$work/case" && ls -A) >"$work/files.after"
if [ -f "$case_dir/expected.file" ]; then
	grep -v -x 'out.txt' "$work/files.after" >"$work/files.left" || true
else
	cp "$work/files.after" "$work/files.left"
fi
if ! cmp -s "$work/files.before" "$work/files.left"; then
	fail "the run left files behind in the case directory (- before, + after):"
	diff -u "$work/files.before" "$work/files.left" || true
fi

if [ "$status" -eq 0 ]; then
	echo "golden $name: ok"
fi
exit "$status"
