#!/bin/sh
# Empty models: an empty script, one of comments only, an empty header, one
# that declares no model, a 0-byte database, a database without tables, a
# graph JSON without tables. Through every command and format, each must
# end with 0, 1 or 2 (2 with one line on standard error), and what it wrote
# be valid. Which status each gets today is printed at the end.
#
# usage: empty.sh MODELGRAPH TESTDATA_DIR WORKDIR
set -eu
suite=hostile/empty
. "$(dirname "$0")/common.sh"
hostile_setup "$@"

"$python" "$here/gen_inputs.py" empty "$in"
printf -- '-- No tables here.\n/* Nor here. */\n' >"$in/comments.sql"
printf '#include <modelgraph/annotations.h>\n/* No model. */\nstruct plain { int x; };\n' >"$in/no-model.h"
: >"$in/empty.db"
sqlite3 "$in/no-tables.db" 'PRAGMA user_version = 1;'
printf '{"format": "modelgraph-graph", "version": 1, "tables": []}\n' >"$in/no-tables.json"
snapshot_inputs

for source in empty.sql comments.sql empty.h no-model.h empty.db no-tables.db no-tables.json; do
	run_all_commands "$source" "in/$source" "0 1 2"
done

# Per source, the statuses of its runs by command ("lint 2, dump 2, ...").
echo "$suite: exit status today, by source and command:"
awk '{
	n = split($2, part, ".")
	for (i = 1; i < n; i++)
		if (part[i] ~ /^(lint|dump|diagram|docs)$/)
			break
	source = part[1]
	for (j = 2; j < i; j++)
		source = source "." part[j]
	key = source " " part[i]
	if (!(key in seen)) {
		order[++count] = key
		seen[key] = $1
	} else if (index(" " seen[key] " ", " " $1 " ") == 0) {
		seen[key] = seen[key] "/" $1
	}
}
END {
	for (k = 1; k <= count; k++) {
		split(order[k], sc, " ")
		line[sc[1]] = line[sc[1]] (line[sc[1]] == "" ? "" : ", ") sc[2] " " seen[order[k]]
		if (!(sc[1] in listed)) {
			listed[sc[1]] = 1
			sources[++nsources] = sc[1]
		}
	}
	for (k = 1; k <= nsources; k++)
		printf "  %-16s %s\n", sources[k], line[sources[k]]
}' "$state/statuses"
hostile_finish
