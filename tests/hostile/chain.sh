#!/bin/sh
# 2,000 tables, each referencing the previous one (gen_inputs.py chain):
# nothing may recurse once per table (a stack overflow), take quadratic time
# or memory, or hang. Every command and format from a SQL script, read from
# its SQLite database and its graph JSON too; chain-c.sh does the same for C
# models.
#
# usage: chain.sh MODELGRAPH TESTDATA_DIR WORKDIR
set -eu
suite=hostile/chain
. "$(dirname "$0")/common.sh"
hostile_setup "$@"

"$python" "$here/gen_inputs.py" chain "$in"
rm "$in/chain.h" # chain-c.sh
make_db chain.db chain.sql
make_json chain chain.db
# The first 200 tables: the HTML site (below).
head -n 200 "$in/chain.sql" >"$in/chain200.sql"
snapshot_inputs

# More than one diagram holds: diagrams go to a directory (an overview and
# pages), except PNG, drawn around one table far down the chain (rendering
# 25 pages of bitmaps would take a minute and test nothing more).
DIAGRAM_TO_DIR=1
PNG_ARGS="--table t1000 --depth 3"
# The HTML site lays out one diagram per table, about 25 ms each: 2,000 take
# a minute alone. It is made for the first 200 below (the same reading,
# resolve and lint as the 2,000 of every other run).
DOCS_HTML=0
# Every format from the script; the database and the graph JSON make the
# same graph again, through their own readers.
run_all_commands chain.sql in/chain.sql
run_read_commands chain.db in/chain.db
run_read_commands chain.json in/chain.json
mg "0 1" chain200.docs.html docs -o out/chain200.docs.html in/chain200.sql
expect_output html-site "$out/chain200.docs.html"

# Neighbours 1,000 foreign keys away: the deepest walk --depth allows.
mg "0 1" chain.deep-table diagram --table t1999 --depth 1000 --format dot in/chain.db
expect_output dot "$out/chain.deep-table.stdout"
# Every table drawn at once (--full), no layout: DOT.
mg "0 1" chain.full diagram --full --format dot in/chain.sql

hostile_finish
