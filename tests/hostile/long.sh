#!/bin/sh
# A 100,000-character table, column and relationship name (gen_inputs.py
# long) through every command and format, as a SQL script and a C model,
# read from its SQLite database and graph JSON too: nothing may cut,
# overflow or take unbounded time or memory over it.
#
# usage: long.sh MODELGRAPH TESTDATA_DIR WORKDIR
set -eu
suite=hostile/long
. "$(dirname "$0")/common.sh"
hostile_setup "$@"

"$python" "$here/gen_inputs.py" long "$in"
make_db long.db long.sql
make_json long long.db
snapshot_inputs

run_all_commands long.sql in/long.sql
run_read_commands long.db in/long.db
run_read_commands long.json in/long.json
run_all_commands long.h in/long.h

hostile_finish
