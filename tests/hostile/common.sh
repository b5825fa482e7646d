# Sourced by the hostile-input tests (names.sh, shapes.sh, ...): running
# modelgraph under limits, and what every run must satisfy.
#
# A test script sets `suite` and calls `hostile_setup MODELGRAPH TESTDATA
# WORKDIR`; it writes its inputs into $in, calls `snapshot_inputs`, then
# `run_all_commands` (or `mg` directly) for each input, and ends with
# `hostile_finish`.
#
# Every run of modelgraph must:
#   - end within $time_limit seconds (timeout) and, in a build without
#     AddressSanitizer, within 2 GiB of address space (ulimit -v);
#   - not crash (a status of 128 or more) nor print a sanitizer report;
#   - exit with a status the caller allows: 0 or 1 for a readable input, 2
#     for one that cannot be read, with exactly one line on standard error
#     starting "modelgraph: error: ";
#   - otherwise print on standard error only lines of its own
#     ("modelgraph: ...": notes, never a library's raw message);
#   - leave every input byte for byte as it was, add nothing beside it, and
#     write only into its own output ($out/LABEL...).
# What it wrote is then checked for its format (check_outputs.py, xmllint,
# dot).

# Debian's python3 has python3-jsonschema; a python3 earlier on PATH may not.
python=/usr/bin/python3
[ -x "$python" ] || python=python3

hostile_setup() {
	if [ $# -ne 3 ]; then
		echo "usage: $0 MODELGRAPH TESTDATA_DIR WORKDIR" >&2
		exit 2
	fi
	case $1 in
	/*) modelgraph=$1 ;;
	*) modelgraph=$PWD/$1 ;;
	esac
	testdata=$2
	work=$3
	here=$(cd "$(dirname "$0")" && pwd)
	sarif_schema=$testdata/sarif/sarif-schema-2.1.0.json
	junit_xsd=$testdata/junit/JUnit.xsd
	# The inputs are made here, in the build tree, at every run.
	rm -rf "$work"
	mkdir -p "$work/in" "$work/out" "$work/state"
	in=$work/in
	out=$work/out
	state=$work/state # the harness's own files
	# An explicit configuration, so that none found further up applies.
	printf 'lint:\n  dialects: [sqlite]\n' >"$work/.modelgraph.yml"
	status=0
	failures=0
	runs=0
	expected_failures=0
	# AddressSanitizer reserves terabytes of address space: no ulimit -v
	# under it. CMake says so (MG_HOSTILE_SANITIZED); the binary's imports
	# say so too, for a run by hand.
	sanitized=${MG_HOSTILE_SANITIZED:-0}
	if [ "$sanitized" = 0 ] && nm -D "$modelgraph" 2>/dev/null | grep -q ' __asan_init'; then
		sanitized=1
	fi
	if [ "$sanitized" = 1 ]; then
		time_limit=${MG_HOSTILE_TIMEOUT:-180}
	else
		time_limit=${MG_HOSTILE_TIMEOUT:-60}
	fi
	memory_limit_kb=2097152
	: >"$state/checks"
	started=$(date +%s)
}

# oneline FILE [BYTES]: the start of FILE on one line, for a message.
oneline() {
	head -c "${2:-600}" "$1" | tr '\n\r' '  '
}

fail() {
	echo "$suite: FAIL: $*"
	status=1
	failures=$((failures + 1))
}

# xfail_reason LABEL: why LABEL is an expected failure of this suite, from
# expected-failures.txt (lines "SUITE<tab>LABEL-GLOB<tab>reason"), or
# nothing.
xfail_reason() {
	while IFS='	' read -r xsuite pattern reason; do
		[ "$xsuite" = "$suite" ] || continue
		# shellcheck disable=SC2254
		case $1 in $pattern)
			echo "$reason"
			return
			;;
		esac
	done <"$here/expected-failures.txt"
}

# check_failed LABEL MESSAGE: a failed check, unless LABEL is an expected
# failure: then it is reported as XFAIL.
check_failed() {
	reason=$(xfail_reason "$1")
	if [ -n "$reason" ]; then
		echo "$suite: XFAIL $1: $2 (known: $reason)"
		expected_failures=$((expected_failures + 1))
		echo "$1" >>"$state/xfailed"
	else
		fail "$1: $2"
	fi
}

listing() {
	(cd "$1" && find . -exec stat -c '%n|%F|%s|%Y' {} + | LC_ALL=C sort)
}

# snapshot_inputs: the reference the inputs are compared with after each run.
snapshot_inputs() {
	(cd "$in" && find . -type f -exec sha256sum {} + | LC_ALL=C sort -k 2) >"$state/inputs.sha256"
	listing "$in" >"$state/inputs.listing"
	listing_outside_out >"$state/work.listing"
}

# The work directory but $out: the configuration and the inputs.
listing_outside_out() {
	(cd "$work" && find . -path ./out -prune -o -path ./state -prune -o -exec stat -c '%n|%F|%s|%Y' {} + |
		LC_ALL=C sort)
}

# inputs_untouched LABEL
inputs_untouched() {
	if ! (cd "$in" && sha256sum --quiet -c "$state/inputs.sha256") >"$state/sha.out" 2>&1; then
		fail "$1: an input changed: $(cat "$state/sha.out")"
		snapshot_inputs
	fi
	if ! listing "$in" | cmp -s - "$state/inputs.listing"; then
		fail "$1: the input directory changed (- before, + after):"
		listing "$in" | diff -u "$state/inputs.listing" - || true
		snapshot_inputs
	fi
	if ! listing_outside_out | cmp -s - "$state/work.listing"; then
		fail "$1: files changed outside the output directory (- before, + after):"
		listing_outside_out | diff -u "$state/work.listing" - || true
		snapshot_inputs
	fi
}

# mg ALLOWED LABEL ARG...: runs `modelgraph ARG...` in $work under the
# limits, standard output into $out/LABEL.stdout, standard error into
# $out/LABEL.stderr; ALLOWED is the list of exit statuses it may end with
# ("0 1", "2", "0 1 2"). Sets $rc.
mg() {
	allowed=$1 label=$2
	shift 2
	runs=$((runs + 1))
	rc=0
	run_start=$(date +%s.%N)
	(
		cd "$work" || exit 125
		if [ "$sanitized" != 1 ]; then
			# shellcheck disable=SC3045 # not POSIX, but dash and bash have it
			ulimit -v "$memory_limit_kb" || exit 125
		fi
		exec timeout -k 5 "$time_limit" "$modelgraph" "$@"
	) >"$out/$label.stdout" 2>"$out/$label.stderr" || rc=$?
	err=$out/$label.stderr
	echo "$rc $label" >>"$state/statuses"
	awk -v a="$(date +%s.%N)" -v b="$run_start" -v l="$label" 'BEGIN { printf "%6.2f %s\n", a - b, l }' >>"$state/times"
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		fail "$label: modelgraph $* did not finish within $time_limit s (status $rc)"
	elif [ "$rc" -ge 128 ]; then
		fail "$label: modelgraph $* crashed (status $rc): $(oneline "$err" 2000)"
	elif grep -a -q -E 'Sanitizer|runtime error:' "$err"; then
		fail "$label: a sanitizer report: $(oneline "$err" 4000)"
	fi
	case " $allowed " in
	*" $rc "*) ;;
	*) check_failed "$label/status" "modelgraph $*: exit status $rc, expected one of: $allowed; stderr: $(oneline "$err")" ;;
	esac
	if [ "$rc" -eq 2 ]; then
		if [ "$(wc -l <"$err")" -ne 1 ] || ! head -n 1 "$err" | grep -a -q '^modelgraph: error: ' ||
			[ "$(tail -c 1 "$err" | od -An -tx1 | tr -d ' ')" != 0a ]; then
			check_failed "$label/stderr" "exit 2 needs one line \"modelgraph: error: ...\" on stderr, got $(wc -l <"$err") lines: $(oneline "$err")"
		fi
	elif [ "$rc" -le 1 ] && grep -a -v -q '^modelgraph: ' "$err"; then
		grep -a -v '^modelgraph: ' "$err" >"$state/stray" || true
		check_failed "$label/stderr" "a line on stderr that is not modelgraph's own: $(oneline "$state/stray")"
	fi
	inputs_untouched "$label"
}

# files_of PATH EXT: PATH when it is a file, else its files named *.EXT.
files_of() {
	if [ -d "$1" ]; then
		find "$1" -name "*.$2" -type f | LC_ALL=C sort
	else
		echo "$1"
	fi
}

# expect_output KIND PATH: checked at the end by check_outputs.py (JSON,
# SARIF, sites, text) or now (xml, junit, svg, dot, png, pdf).
expect_output() {
	kind=$1 path=$2
	# GitHub annotations are empty when there is no finding.
	if [ ! -e "$path" ] || { [ -f "$path" ] && [ ! -s "$path" ] && [ "$kind" != github ]; }; then
		check_failed "${path#"$out"/}/exists" "$kind output $path is missing or empty"
		return
	fi
	case $kind in
	svg)
		for f in $(files_of "$path" svg); do
			xmllint --noout --nonet "$f" >"$state/xmllint.out" 2>&1 ||
				check_failed "${f#"$out"/}/xml" "SVG not well-formed: $(oneline "$state/xmllint.out")"
		done
		;;
	junit)
		xmllint --noout --nonet --schema "$junit_xsd" "$path" >"$state/xmllint.out" 2>&1 ||
			check_failed "${path#"$out"/}/junit" "JUnit does not validate: $(oneline "$state/xmllint.out")"
		;;
	dot)
		for f in $(files_of "$path" dot); do
			if ! timeout 60 dot -Tsvg "$f" >"$state/dot.svg" 2>"$state/dot.err"; then
				check_failed "${f#"$out"/}/dot" "dot -Tsvg refuses it: $(oneline "$state/dot.err")"
			elif grep -q -i -E '^(Error|Warning)' "$state/dot.err"; then
				check_failed "${f#"$out"/}/dot" "dot -Tsvg complains: $(oneline "$state/dot.err")"
			fi
		done
		;;
	png)
		for f in $(files_of "$path" png); do
			[ "$(head -c 8 "$f" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
				check_failed "${f#"$out"/}/png" "not a PNG"
		done
		;;
	pdf)
		for f in $(files_of "$path" pdf); do
			{ [ "$(oneline "$f" 5)" = "%PDF-" ] && tail -c 8 "$f" | grep -q '%%EOF'; } ||
				check_failed "${f#"$out"/}/pdf" "not a complete PDF"
		done
		;;
	*) echo "$kind:$path" >>"$state/checks" ;;
	esac
}

# run_all_commands NAME SOURCE [ALLOWED]: every command and format on one
# source, each output checked. ALLOWED: the statuses each run may end with
# (default "0 1"); with 2 allowed, outputs are checked only when it is not 2.
# Set DIAGRAM_TO_DIR=1 for models too large for one diagram, PNG_ARGS for
# options that keep the PNG small, MG_ARGS for options of every command
# (--limit ...).
# shellcheck disable=SC2086 # MG_ARGS and PNG_ARGS are lists of words
run_all_commands() {
	name=$1 source=$2 allowed=${3:-0 1}
	for format in text json sarif junit github; do
		mg "$allowed" "$name.lint.$format" lint ${MG_ARGS:-} --format "$format" "$source"
		[ "$rc" -le 1 ] || continue
		case $format in
		json) expect_output findings-json "$out/$name.lint.$format.stdout" ;;
		text) expect_output text "$out/$name.lint.$format.stdout" ;;
		*) expect_output "$format" "$out/$name.lint.$format.stdout" ;;
		esac
	done
	mg "$allowed" "$name.dump" dump ${MG_ARGS:-} "$source"
	[ "$rc" -le 1 ] && expect_output graph-json "$out/$name.dump.stdout"
	for format in svg png pdf dot mermaid plantuml; do
		label=$name.diagram.$format
		if [ "${DIAGRAM_TO_DIR:-0}" = 1 ] && [ "$format" != png ]; then
			mkdir "$out/$label"
			mg "$allowed" "$label" diagram ${MG_ARGS:-} --format "$format" -o "out/$label/" "$source"
			[ "$rc" -le 1 ] && expect_output "$format" "$out/$label"
			continue
		fi
		case $format in
		png | pdf)
			# shellcheck disable=SC2086
			mg "$allowed" "$label" diagram ${MG_ARGS:-} ${PNG_ARGS:-} --format "$format" -o "out/$label.$format" "$source"
			[ "$rc" -le 1 ] && expect_output "$format" "$out/$label.$format"
			;;
		*)
			mg "$allowed" "$label" diagram ${MG_ARGS:-} --format "$format" "$source"
			[ "$rc" -le 1 ] && expect_output "$format" "$out/$label.stdout"
			;;
		esac
	done
	if [ "${DOCS_HTML:-1}" = 1 ]; then
		mg "$allowed" "$name.docs.html" docs ${MG_ARGS:-} --generated-at test -o "out/$name.docs.html" "$source"
		[ "$rc" -le 1 ] && expect_output html-site "$out/$name.docs.html" && expect_output svg "$out/$name.docs.html"
	fi
	mg "$allowed" "$name.docs.markdown" docs ${MG_ARGS:-} --format markdown -o "out/$name.docs.markdown" "$source"
	[ "$rc" -le 1 ] && expect_output md-site "$out/$name.docs.markdown"
	return 0
}

# run_read_commands NAME SOURCE [ALLOWED]: what depends on the reader
# alone, for a source whose graph another source already took through
# every format: lint (JSON, SARIF) and dump. MG_ARGS as above.
# shellcheck disable=SC2086 # MG_ARGS is a list of words
run_read_commands() {
	name=$1 source=$2 allowed=${3:-0 1}
	mg "$allowed" "$name.lint.json" lint ${MG_ARGS:-} --format json "$source"
	[ "$rc" -le 1 ] && expect_output findings-json "$out/$name.lint.json.stdout"
	mg "$allowed" "$name.lint.sarif" lint ${MG_ARGS:-} --format sarif "$source"
	[ "$rc" -le 1 ] && expect_output sarif "$out/$name.lint.sarif.stdout"
	mg "$allowed" "$name.dump" dump ${MG_ARGS:-} "$source"
	[ "$rc" -le 1 ] && expect_output graph-json "$out/$name.dump.stdout"
	return 0
}

# make_json NAME SOURCE [ARG...]: a graph JSON input made by dumping
# SOURCE (with ARG...) into $in/NAME.json, before snapshot_inputs.
make_json() {
	json=$1 from=$2
	shift 2
	"$modelgraph" dump "$@" -o "$in/$json.json" "$in/$from" 2>"$state/dump.err" || {
		fail "dump of $from into $json.json failed: $(oneline "$state/dump.err")"
		return 1
	}
}

# make_db NAME.db NAME.sql: the SQL script run by sqlite3 into a database.
make_db() {
	sqlite3 -bail "$in/$1" <"$in/$2" >"$state/sqlite3.out" 2>&1 ||
		fail "sqlite3 could not build $1 from $2: $(oneline "$state/sqlite3.out")"
}

hostile_finish() {
	if [ -s "$state/checks" ]; then
		# shellcheck disable=SC2046
		"$python" "$here/check_outputs.py" "$sarif_schema" $(cat "$state/checks") >"$state/check_outputs.out" 2>&1 ||
			true
		while IFS= read -r line; do
			path=${line%%: *}
			check_failed "${path#"$out"/}/format" "${line#*: }"
		done <"$state/check_outputs.out"
	fi
	# An expected failure that no longer fails is stale: the list must say
	# what is broken today.
	touch "$state/xfailed"
	while IFS='	' read -r xsuite pattern reason; do
		[ "$xsuite" = "$suite" ] || continue
		matched=0
		while IFS= read -r label; do
			# shellcheck disable=SC2254
			case $label in $pattern) matched=1 ;; esac
		done <"$state/xfailed"
		[ "$matched" = 1 ] || fail "expected failure \"$pattern\" ($reason) no longer fails: remove it from expected-failures.txt"
	done <"$here/expected-failures.txt"
	echo "$suite: $runs runs, $failures failures, $expected_failures expected failures, $(($(date +%s) - started)) s"
	exit "$status"
}
