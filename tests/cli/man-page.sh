#!/bin/sh
# The man page is in step with --help: every command and every long option
# that --help shows is documented in docs/man/modelgraph.1, every option the
# page documents exists, and groff formats the page without a warning.
#
# usage: man-page.sh MODELGRAPH MANPAGE
set -eu
modelgraph=$1 page=$2
status=0
fail() {
	echo "man page: $*"
	status=1
}

# Options as the page writes them: \-\-name -> --name.
page_options=$(sed 's/\\-/-/g' "$page" | grep -o -- '--[a-z][a-z-]*' | sort -u)
help_options=""
commands=$("$modelgraph" --help | sed -n '/^commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] || fail "modelgraph --help lists no commands"
for command in $commands; do
	grep -q "^\.SS $command\$" "$page" || fail "command \"$command\" has no section (.SS $command)"
	options=$("$modelgraph" "$command" --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
	help_options="$help_options $options"
	for option in $options; do
		echo "$page_options" | grep -qx -- "$option" ||
			fail "\"$command $option\" is in --help but not in the page"
	done
done
help_options="$help_options --help --version"
for option in $page_options; do
	echo "$help_options" | tr ' ' '\n' | grep -qx -- "$option" ||
		fail "the page documents \"$option\", which no command has"
done

warnings=$(groff -man -ww -z "$page" 2>&1) || fail "groff failed"
[ -z "$warnings" ] || fail "groff warns: $warnings"
[ "$status" -eq 0 ] && echo "man page: in step with --help"
exit "$status"
