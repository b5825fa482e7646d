#!/bin/sh
# Hostile names through every command and format: quotes, markup, paths,
# entities, line breaks, bytes that are not UTF-8, characters XML cannot
# carry, names that differ only by case (gen_inputs.py names), in a SQL
# script, the SQLite database it builds, its graph JSON and C models.
#
# usage: names.sh MODELGRAPH TESTDATA_DIR WORKDIR
set -eu
suite=hostile/names
. "$(dirname "$0")/common.sh"
hostile_setup "$@"

"$python" "$here/gen_inputs.py" names "$in"
make_db names.db names.sql
make_json names names.db
# The C models' graph JSON carries what C allows and SQL does not: doc
# comments, comment= strings.
make_json names-c names.h
snapshot_inputs

run_all_commands names.sql in/names.sql
run_all_commands names.db in/names.db
run_all_commands names.json in/names.json
run_all_commands names.h in/names.h
run_all_commands names-c.json in/names-c.json

# One diagram per table: file names made from hostile table names stay
# inside the output directory.
mkdir "$out/names.each-table"
mg "0 1" names.each-table diagram --each-table --format svg -o out/names.each-table/ in/names.db
expect_output svg "$out/names.each-table"

# Nothing written above may have left its directory: a table named
# "../../etc/passwd" must not become a path (every output stayed in $out,
# which inputs_untouched checks; inside it, no "etc" directory).
if [ -n "$(find "$out" -name etc)" ]; then
	fail "a table name became a path: $(find "$out" -name etc)"
fi

# Tables whose names differ only in ASCII case: every reader folds ASCII
# case, so each of these declares one table twice. Whatever a reader makes
# of them, it is a status of the allowed set, and one line when it is 2.
# (Names that differ in non-ASCII case, "été" and "Été", are two tables of
# names.sql, drawn and documented above.)
for source in case.sql case.h case.json; do
	mg "0 1 2" "$source" lint "in/$source"
	[ "$rc" -eq 2 ] || mg "0 1" "$source.docs" docs -o "out/$source.docs" "in/$source"
done
# Names JSON can spell but no C string holds: refused, one line.
mg 2 nul.json lint in/nul.json
mg 2 surrogate.json lint in/surrogate.json

hostile_finish
