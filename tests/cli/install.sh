#!/bin/sh
# `cmake --install` gives a working tool: the installed binary lints the
# bundled examples from its prefix, its header compiles, its man page and
# bash completion are where man and bash look for them.
#
# usage: install.sh CMAKE BUILD_DIR EXAMPLES_DIR
set -eu
cmake=$1 build=$2 examples=$3
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
status=0
fail() {
	echo "install: $*"
	status=1
}

"$cmake" --install "$build" --prefix "$prefix" >"$prefix.log" 2>&1 || {
	cat "$prefix.log"
	rm -f "$prefix.log"
	fail "cmake --install failed"
	exit 1
}
rm -f "$prefix.log"

bin=$prefix/bin/modelgraph
[ -x "$bin" ] || fail "no executable bin/modelgraph"
"$bin" --version | grep -q '^modelgraph [0-9]' || fail "the installed binary does not run"

# The examples, from a folder outside the source tree.
work=$prefix/work
mkdir -p "$work"
cp "$examples"/*.h "$examples"/seed.sql "$work"/
(cd "$work" && "$bin" lint blog.h music.h profile.h) >"$work/seed.out" ||
	fail "lint of the seed's models failed: $(cat "$work/seed.out")"
grep -qx 'no findings' "$work/seed.out" || fail "the seed's models should lint clean"
rc=0
(cd "$work" && "$bin" lint mistakes.h) >"$work/mistakes.out" || rc=$?
[ "$rc" -eq 1 ] || fail "lint of mistakes.h exited $rc, expected 1"
grep -q 'did you mean "backref"' "$work/mistakes.out" || fail "mistakes.h: the misspelt backref is not found"
(cd "$work" && "$bin" lint seed.sql) >/dev/null || fail "lint of seed.sql failed"

header=$prefix/include/modelgraph/annotations.h
[ -f "$header" ] || fail "no include/modelgraph/annotations.h"
[ ! -e "$prefix/include/modelgraph/modelgraph.h" ] || fail "the internal API header was installed"
for cc in gcc clang; do
	command -v "$cc" >/dev/null || continue
	"$cc" -std=c11 -pedantic -Wall -Werror -fsyntax-only -I "$prefix/include" "$work/blog.h" ||
		fail "$cc cannot compile blog.h against the installed header"
done

page=$prefix/share/man/man1/modelgraph.1
[ -f "$page" ] || fail "no share/man/man1/modelgraph.1"
MANPATH=$prefix/share/man man -w modelgraph >/dev/null 2>&1 || fail "man does not find the page under the prefix"

completion=$prefix/share/bash-completion/completions/modelgraph
[ -f "$completion" ] || fail "no share/bash-completion/completions/modelgraph"
got=$(PATH=$prefix/bin:$PATH bash -c '. "$1"; COMP_WORDS=(modelgraph li); COMP_CWORD=1; _modelgraph; echo "${COMPREPLY[*]}"' sh "$completion")
[ "$got" = lint ] || fail "completing \"modelgraph li\" gave \"$got\", expected \"lint\""

[ "$status" -eq 0 ] && echo "install: the installed tool works from $prefix"
exit "$status"
