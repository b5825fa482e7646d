#!/bin/sh
# docs/limits.md lists every limit of util/limits.def, with its default and
# unit, and nothing else.
#
# usage: limits-doc.sh SOURCE_DIR
set -eu
root=$1
status=0
rows=$(sed -n 's/^MG_LIMIT([A-Z_]*, "\([a-z-]*\)", \([0-9]*\), "\([^"]*\)",.*/\1|\2|\3/p' "$root/util/limits.def")
[ -n "$rows" ] || { echo "limits doc: no MG_LIMIT rows in util/limits.def"; exit 1; }
for row in $(echo "$rows" | tr ' ' '_'); do
	name=${row%%|*} rest=${row#*|}
	default=${rest%%|*} unit=$(echo "${rest#*|}" | tr '_' ' ')
	grep -q "^| \`$name\` | $default | $unit |" "$root/docs/limits.md" ||
		{ echo "limits doc: \"$name\" ($default $unit) is not listed as such in docs/limits.md"; status=1; }
done
for name in $(sed -n 's/^| `\([a-z-]*\)` |.*/\1/p' "$root/docs/limits.md"); do
	echo "$rows" | grep -q "^$name|" ||
		{ echo "limits doc: docs/limits.md lists \"$name\", which util/limits.def does not"; status=1; }
done
[ "$status" -eq 0 ] && echo "limits doc: in step with util/limits.def"
exit "$status"
