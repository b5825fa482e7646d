#!/bin/sh
# The folders stack as the data flows, and no include goes back up:
#
#   cli  ->  lib, include/modelgraph  ->  render  ->  analyzer/lint  ->
#   analyzer/resolve  ->  analyzer/read, analyzer/c  ->  analyzer/core  ->  util
#
# A file may include headers of its own folder and of folders below it, never
# above: the readers know nothing of lint, analyzer/ nothing of render/, and
# util/ nothing of the graph. Every include is written from the repository
# root ("analyzer/core/graph.h"), so the folder is in the path.
#
# usage: check-includes.sh SOURCE_DIR
set -eu
cd "$1"

rank() {
	case $1 in
	util) echo 0 ;;
	analyzer/core) echo 1 ;;
	analyzer/read | analyzer/c) echo 2 ;;
	analyzer/resolve) echo 3 ;;
	analyzer/lint) echo 4 ;;
	render) echo 5 ;;
	lib | include) echo 6 ;;
	cli) echo 7 ;;
	*) echo "" ;;
	esac
}

# The layer of a path: its first folder, or its first two under analyzer/.
layer() {
	case $1 in
	analyzer/*) echo "$1" | cut -d/ -f1-2 ;;
	*) echo "$1" | cut -d/ -f1 ;;
	esac
}

status=0
checked=0
for file in $(find util analyzer render lib include cli -name '*.[ch]' | sort); do
	from=$(layer "$file")
	from_rank=$(rank "$from")
	if [ -z "$from_rank" ]; then
		echo "$file: folder $from has no place in the layers; add it to tests/layers/check-includes.sh"
		status=1
		continue
	fi
	for target in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$file"); do
		checked=$((checked + 1))
		if [ ! -f "$target" ]; then
			echo "$file: includes \"$target\", which is not a path from the repository root"
			status=1
			continue
		fi
		to=$(layer "$target")
		to_rank=$(rank "$to")
		if [ -z "$to_rank" ] || [ "$to_rank" -gt "$from_rank" ]; then
			echo "$file: includes \"$target\": $from may not depend on $to (above it in the flow)"
			status=1
		fi
	done
done
[ "$checked" -gt 0 ] || { echo "no include was checked"; exit 1; }
[ "$status" -eq 0 ] && echo "layers: $checked includes follow the flow"
exit "$status"
