#!/bin/sh
# What a C model includes is bounded (analyzer/c/include_guard.c): a file
# that is not a regular file (/dev/zero, a FIFO) or that is larger than the
# include-mib limit is refused, whether an #include line names it or
# compile_commands.json's -include does. Each run must exit 2 within seconds
# with one line on standard error naming the file (and, for an #include
# line, where it is), and leave the inputs as they were.
#
# Runs are limited to 2 GB of address space (a parse needs a few hundred MB)
# and 20 seconds, so that a regression fails here instead of exhausting the
# machine: /dev/zero used to take 12 GB in 30 seconds, a FIFO to block.
#
# usage: c-include-guard.sh MODELGRAPH
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
in=$tmp/in
mkdir "$in" "$tmp/run"
cd "$in"

status=0
fail() {
	echo "c-include-guard: $*"
	status=1
}

model='#include <modelgraph/annotations.h>
struct User { int id MG_COLUMN(primary_key); } MG_MODEL();
'
printf '#include "/dev/zero"\n%s' "$model" >dev-zero.h
printf '#include <modelgraph/annotations.h>\n\n  #include "fifo.h"\n%s' "$model" >includes-fifo.h
mkfifo fifo.h
# Another error before the #include: the message is at the #include all the same.
printf 'int broken = ;\n#include "fifo.h"\n%s' "$model" >error-then-fifo.h
# A sparse file of 3 MiB, past --limit include-mib=2.
dd if=/dev/zero of=big.h bs=1 count=0 seek=3145728 2>/dev/null
printf '#include "big.h"\n%s' "$model" >includes-big.h
printf '%s' "$model" >model.h
mkdir build
cat >build/compile_commands.json <<EOF
[{"directory": "$in", "file": "$in/model.c", "arguments": ["cc", "-include", "/dev/zero", "-c", "model.c"]}]
EOF
mkdir build-fifo
cat >build-fifo/compile_commands.json <<EOF
[{"directory": "$in", "file": "$in/model.c", "arguments": ["cc", "-include", "fifo.h", "-c", "model.c"]}]
EOF

# The inputs hold a FIFO, which cp and diff would block on: they are compared
# by listing and checksums of their regular files.
snapshot() {
	(cd "$in" && find . -exec stat -c '%n|%F|%s|%y' {} + | LC_ALL=C sort &&
		find . -type f -exec sha256sum {} + | LC_ALL=C sort)
}
# Address space for a run: 2 GB, unless the build cannot even start within
# that (AddressSanitizer reserves terabytes).
vmem=2000000
if ! sh -c 'ulimit -v "$1" && "$2" --version' sh "$vmem" "$modelgraph" >/dev/null 2>&1; then
	vmem=unlimited
fi

snapshot >"$tmp/before"

# refused WHAT NEEDLE ARG...
refused() {
	what=$1 needle=$2
	shift 2
	rc=0
	(
		ulimit -v "$vmem"
		exec timeout 20 "$modelgraph" "$@"
	) >"$tmp/run/out" 2>"$tmp/run/err" || rc=$?
	if [ "$rc" -ne 2 ]; then
		fail "$what: exit status $rc, expected 2 (124: it did not finish within 20 seconds)"
	fi
	if [ -s "$tmp/run/out" ]; then
		fail "$what: standard output should be empty but is: $(cat "$tmp/run/out")"
	fi
	lines=$(wc -l <"$tmp/run/err")
	if [ "$lines" -ne 1 ]; then
		fail "$what: expected exactly one line on standard error, got $lines:"
		cat "$tmp/run/err"
	elif ! grep -q -F -e "$needle" "$tmp/run/err"; then
		fail "$what: the message does not contain \"$needle\": $(cat "$tmp/run/err")"
	fi
	snapshot >"$tmp/after"
	if ! cmp -s "$tmp/before" "$tmp/after"; then
		fail "$what: the inputs changed:"
		diff -u "$tmp/before" "$tmp/after" || true
		mv "$tmp/after" "$tmp/before"
	fi
}

refused '#include "/dev/zero"' \
	'dev-zero.h:1:10: cannot include /dev/zero: it is a character device, not a regular file' \
	lint dev-zero.h
refused '#include of a FIFO' \
	'includes-fifo.h:3:12: cannot include ./fifo.h: it is a FIFO, not a regular file' \
	lint includes-fifo.h
refused '#include of a FIFO after another error' \
	'error-then-fifo.h:2:10: cannot include ./fifo.h: it is a FIFO' \
	lint error-then-fifo.h
refused '#include of a file past include-mib' \
	'includes-big.h:1:10: cannot include ./big.h: it is larger than an included file may be (3 MiB); the limit is include-mib=2 MiB; raise it with --limit include-mib=N' \
	lint --limit include-mib=2 includes-big.h
refused 'a model past include-mib' \
	'big.h: the file is larger than a file of a C model may be (3 MiB); the limit is include-mib=2 MiB' \
	lint --limit include-mib=2 big.h
refused '-include /dev/zero from compile_commands.json' \
	'model.h: cannot include /dev/zero (named by -include or -imacros in build/compile_commands.json): it is a character device, not a regular file' \
	lint -p build model.h
refused '-include of a FIFO from compile_commands.json' \
	'/fifo.h (named by -include or -imacros in build-fifo/compile_commands.json): it is a FIFO, not a regular file' \
	lint -p build-fifo model.h

if [ "$status" -eq 0 ]; then
	echo "c-include-guard: ok"
fi
exit "$status"
