#!/bin/sh
# Shapes that walks over the graph get wrong (gen_inputs.py cycles, wide):
# foreign keys in a cycle a -> b -> c -> a, tables referencing themselves,
# two tables referencing each other through composite keys; a table of
# 3,000 columns (SQLite's limit is 2,000: a script with 3,000 is refused
# with one line, one with 2,000 is read). Every command and format.
#
# usage: shapes.sh MODELGRAPH TESTDATA_DIR WORKDIR
set -eu
suite=hostile/shapes
. "$(dirname "$0")/common.sh"
hostile_setup "$@"

"$python" "$here/gen_inputs.py" cycles "$in"
"$python" "$here/gen_inputs.py" wide "$in"
make_db cycles.db cycles.sql
make_json cycles cycles.db
make_db wide.db wide.sql
make_json wide-c wide.h
snapshot_inputs

run_all_commands cycles.sql in/cycles.sql
run_all_commands cycles.h in/cycles.h
run_read_commands cycles.db in/cycles.db
run_read_commands cycles.json in/cycles.json
# A cycle from every table, as far as --depth goes.
for table in a node p; do
	mg "0 1" "cycles.table-$table" diagram --table "$table" --depth 1000 --format svg in/cycles.sql
	expect_output svg "$out/cycles.table-$table.stdout"
done

run_all_commands wide.sql in/wide.sql
run_all_commands wide.h in/wide.h
run_read_commands wide.db in/wide.db
run_read_commands wide-c.json in/wide-c.json
mg 2 wide3000.sql lint in/wide3000.sql

hostile_finish
