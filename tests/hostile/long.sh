#!/bin/sh
# A 100,000-character table, column and relationship name (gen_inputs.py
# long), past the 65,536 bytes names may have (docs/limits.md): every
# command refuses it with one line naming the limit. With the limit raised,
# every command and format, as a SQL script and a C model, read from its
# SQLite database and graph JSON too: nothing may cut, overflow or take
# unbounded time or memory over it.
#
# usage: long.sh MODELGRAPH TESTDATA_DIR WORKDIR
set -eu
suite=hostile/long
. "$(dirname "$0")/common.sh"
hostile_setup "$@"

raised="--limit name-bytes=200000"
"$python" "$here/gen_inputs.py" long "$in"
make_db long.db long.sql
# shellcheck disable=SC2086
make_json long long.db $raised
snapshot_inputs

for source in long.sql long.h long.db long.json; do
	for command in lint dump diagram docs; do
		case $command in
		docs) mg 2 "$source.limit.$command" docs -o "out/$source.limit.docs" "in/$source" ;;
		*) mg 2 "$source.limit.$command" "$command" "in/$source" ;;
		esac
		grep -q "name-bytes" "$err" ||
			check_failed "$source.limit.$command/message" "the message does not name the limit: $(oneline "$err")"
	done
done

MG_ARGS=$raised
run_all_commands long.sql in/long.sql
run_all_commands long.h in/long.h
run_read_commands long.db in/long.db
run_read_commands long.json in/long.json

hostile_finish
