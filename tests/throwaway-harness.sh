# Sourced by tests/postgres/ddl.sh and tests/mysql/ddl.sh: what both need to
# run modelgraph on scripts it loads into a throwaway server, and to check
# that nothing of that server outlives a run.
#
# Before sourcing: `label` (the prefix of failure lines) and the script's
# arguments (MODELGRAPH). Afterwards the current directory is a private
# temporary one, TMPDIR its "scratch" folder (where the servers go), and
# `status` is 1 once any check failed.

if [ $# -ne 1 ]; then
	echo "usage: $0 MODELGRAPH" >&2
	exit 2
fi
case $1 in
/*) modelgraph=$1 ;;
*) modelgraph=$PWD/$1 ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
mkdir scratch
# The server user ("nobody" when the tests run as root) must reach TMPDIR.
chmod 755 "$tmp" scratch
TMPDIR=$tmp/scratch
export TMPDIR

status=0
fail() {
	echo "$label: $*"
	status=1
}

# Nothing of a throwaway server may outlive a run.
left_behind() {
	if [ -n "$(ls -A scratch)" ]; then
		fail "$1: left in TMPDIR: $(ls -A scratch)"
		rm -rf scratch/*
	fi
	if ps -eo args | grep -F "$tmp/scratch" | grep -v grep >/dev/null; then
		fail "$1: a server process is still running: $(ps -eo pid,args | grep -F "$tmp/scratch" | grep -v grep)"
	fi
}

# run NAME ARGS...: modelgraph ARGS, output in NAME.out and NAME.err, exit
# status in rc; then the leftovers check.
run() {
	name=$1
	shift
	rc=0
	"$modelgraph" "$@" >"$name.out" 2>"$name.err" || rc=$?
	left_behind "$name"
}

# refused NAME TEXT ARGS...: exit 2 with one line on stderr holding TEXT.
refused() {
	name=$1 text=$2
	shift 2
	run "$name" "$@"
	[ "$rc" -eq 2 ] || fail "$name: exit status $rc, expected 2"
	[ "$(wc -l <"$name.err")" -eq 1 ] || fail "$name: expected one line, got: $(cat "$name.err")"
	grep -qF -- "$text" "$name.err" || fail "$name: \"$text\" not in: $(cat "$name.err")"
}
