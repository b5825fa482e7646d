#!/bin/sh
# The 2,000-table chain of chain.sh as C models, where each struct also
# declares a relationship to the previous one with a backref: declared
# relationships and their inverses 2,000 deep. Every command and format,
# and the graph JSON they dump read back.
#
# usage: chain-c.sh MODELGRAPH TESTDATA_DIR WORKDIR
set -eu
suite=hostile/chain-c
. "$(dirname "$0")/common.sh"
hostile_setup "$@"

"$python" "$here/gen_inputs.py" chain "$in"
rm "$in/chain.sql" # chain.sh
make_json chain-c chain.h
snapshot_inputs

# As in chain.sh: diagrams into a directory, PNG around one table, no HTML
# site of 2,000 diagrams.
DIAGRAM_TO_DIR=1
PNG_ARGS="--table t1000 --depth 3"
DOCS_HTML=0
run_all_commands chain.h in/chain.h
run_read_commands chain-c.json in/chain-c.json
mg "0 1" chain-c.deep-table diagram --table t1999 --depth 1000 --format mermaid in/chain.h
expect_output mermaid "$out/chain-c.deep-table.stdout"

hostile_finish
