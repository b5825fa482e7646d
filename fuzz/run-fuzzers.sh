#!/bin/sh
# Runs every libFuzzer target of a fuzzer build for a fixed time over its
# corpus (seed_corpus.py: the repository's test inputs, fuzz/seeds and
# fuzz/regressions), and fails on the first crash, leak, timeout or
# out-of-memory. The input that found it is left in
# BUILD_DIR/fuzz/crashes/TARGET/; once the bug is fixed it goes to
# fuzz/regressions/TARGET/ (docs/ci.md).
#
# usage: run-fuzzers.sh BUILD_DIR SECONDS_PER_TARGET [TARGET...]
set -eu

if [ $# -lt 2 ]; then
	echo "usage: $0 BUILD_DIR SECONDS_PER_TARGET [TARGET...]" >&2
	exit 2
fi
build=$(cd "$1" && pwd)
seconds=$2
shift 2
src=$(cd "$(dirname "$0")/.." && pwd)
python=/usr/bin/python3
[ -x "$python" ] || python=python3

if [ $# -eq 0 ]; then
	set -- fuzz_annotation_options fuzz_baseline fuzz_config fuzz_ddl_scan fuzz_ddl_table_scan \
		fuzz_graph_json fuzz_my_script fuzz_sql fuzz_sqlite_schema_rows fuzz_template
fi

# The corpus is made again at every run, so that libFuzzer's additions of
# an earlier run do not pile up.
"$python" "$src/fuzz/seed_corpus.py" "$src" "$build/modelgraph" "$build/fuzz/corpus"

status=0
for target in "$@"; do
	crashes=$build/fuzz/crashes/$target
	mkdir -p "$crashes"
	echo "=== $target: $seconds s"
	# -timeout: one input running this long is a hang; the SQL reader's own
	# budgets end a statement well before. -rss_limit_mb: above the SQL
	# reader's 512 MiB heap limit with AddressSanitizer's overhead.
	if ! "$build/fuzz/$target" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=3072 \
		-artifact_prefix="$crashes/" -print_final_stats=1 "$build/fuzz/corpus/$target" \
		>"$build/fuzz/$target.log" 2>&1; then
		tail -n 60 "$build/fuzz/$target.log"
		echo "=== $target FAILED: the input is in $crashes/ (full log: $build/fuzz/$target.log)"
		status=1
	else
		grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units)' "$build/fuzz/$target.log" || true
	fi
done
exit "$status"
