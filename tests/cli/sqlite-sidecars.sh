#!/bin/sh
# A database is read without creating, changing or removing any file beside
# it, whatever state its writer left (analyzer/read/input_file.c), and what
# is read is what the database holds, commits only in its -wal file
# included:
#
#   wal-clean      WAL mode, no -wal file (a writer closed cleanly)
#   wal-live       WAL mode, -wal and -shm: the tables exist only in the -wal
#   wal-no-shm     the same without the -shm
#   wal-crashed    a writer that died after its commits, without closing
#   wal-fifo       a FIFO where the -wal file should be: refused
#   journal-hot    a rollback journal left by a writer that died in its
#                  transaction: refused, saying what to do
#   journal-clean  a rollback-journal database, nothing beside it
#
# Each database lives in a directory of its own; after each run its listing
# (names, types, sizes, times) and the SHA-256 of every regular file must be
# as before, and no private copy may be left in $TMPDIR.
#
# usage: sqlite-sidecars.sh MODELGRAPH
set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 MODELGRAPH" >&2
	exit 2
fi
case $1 in
/*) modelgraph=$1 ;;
*) modelgraph=$PWD/$1 ;;
esac
python=/usr/bin/python3
[ -x "$python" ] || python=python3

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/run" "$tmp/scratch" "$tmp/tmpdir"
TMPDIR=$tmp/tmpdir
export TMPDIR

status=0
fail() {
	echo "sqlite-sidecars: $*"
	status=1
}

# crashed_writer DB MODE SQL...: runs the statements (each committed) in a
# process that then dies without closing the database, as a crash would.
crashed_writer() {
	"$python" - "$@" <<'EOF'
import os, sqlite3, sys
db, mode, statements = sys.argv[1], sys.argv[2], sys.argv[3:]
c = sqlite3.connect(db, isolation_level=None)
if mode == "wal":
    c.execute("PRAGMA journal_mode = WAL")
    c.execute("PRAGMA wal_autocheckpoint = 0")
for s in statements:
    c.execute(s)
if mode == "journal-in-transaction":
    # A transaction bigger than the page cache spills into the database
    # file, so the journal is needed to undo it.
    c.execute("PRAGMA cache_size = 1")
    c.execute("BEGIN")
    c.execute("CREATE TABLE unfinished (id INTEGER PRIMARY KEY, pad TEXT)")
    for i in range(3000):
        c.execute("INSERT INTO unfinished (pad) VALUES (?)", ("x" * 100,))
os._exit(0)
EOF
}

schema='CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES author (id));
CREATE INDEX ix_book_author_id ON book (author_id);'

mkdir "$tmp/wal-clean"
sqlite3 "$tmp/wal-clean/app.db" "PRAGMA journal_mode = WAL;" "$schema" >/dev/null

mkdir "$tmp/wal-live"
sqlite3 "$tmp/wal-live/app.db" ".dbconfig no_ckpt_on_close on" "PRAGMA journal_mode = WAL;" \
	"$schema" >/dev/null

mkdir "$tmp/wal-no-shm"
cp "$tmp/wal-live/app.db" "$tmp/wal-live/app.db-wal" "$tmp/wal-no-shm/"

mkdir "$tmp/wal-crashed"
crashed_writer "$tmp/wal-crashed/app.db" wal \
	"CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL)" \
	"CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES author (id))" \
	"CREATE INDEX ix_book_author_id ON book (author_id)"

mkdir "$tmp/wal-fifo"
cp "$tmp/wal-clean/app.db" "$tmp/wal-fifo/"
mkfifo "$tmp/wal-fifo/app.db-wal"

mkdir "$tmp/journal-hot"
crashed_writer "$tmp/journal-hot/app.db" journal-in-transaction \
	"CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL)" \
	"CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES author (id))" \
	"CREATE INDEX ix_book_author_id ON book (author_id)"

mkdir "$tmp/journal-clean"
sqlite3 "$tmp/journal-clean/app.db" "$schema"

# The setup must be what it says: checked on copies, since any SQLite
# connection to the originals (sqlite3's read-only ones too) writes beside them.
expect_files() {
	actual=$(cd "$tmp/$1" && ls | tr '\n' ' ')
	[ "$actual" = "$2" ] || fail "setup of $1: expected files $2, found $actual"
}
expect_files wal-clean "app.db "
expect_files wal-live "app.db app.db-shm app.db-wal "
expect_files wal-no-shm "app.db app.db-wal "
expect_files wal-crashed "app.db app.db-shm app.db-wal "
expect_files journal-hot "app.db app.db-journal "
expect_files journal-clean "app.db "
for case in wal-live wal-crashed; do
	rm -rf "$tmp/scratch/$case"
	cp -R "$tmp/$case" "$tmp/scratch/$case"
	tables=$(sqlite3 "file:$tmp/scratch/$case/app.db?immutable=1" \
		"SELECT count(*) FROM sqlite_schema WHERE type = 'table'")
	[ "$tables" = 0 ] || fail "setup of $case: the tables should be only in the -wal, the database file has $tables"
done

# Address space for a run: 2 GB, unless the build cannot even start within
# that (AddressSanitizer reserves terabytes).
vmem=2000000
if ! sh -c 'ulimit -v "$1" && "$2" --version' sh "$vmem" "$modelgraph" >/dev/null 2>&1; then
	vmem=unlimited
fi

snapshot() {
	(cd "$1" && find . -exec stat -c '%n|%F|%s|%y' {} + | LC_ALL=C sort &&
		find . -type f -exec sha256sum {} + | LC_ALL=C sort)
}

# run CASE ARG...: modelgraph ARG... in the case's directory, limited in
# time and memory; leaves $rc, $tmp/run/out and $tmp/run/err, and checks
# that the directory and $TMPDIR are as they were.
run() {
	case=$1
	shift
	snapshot "$tmp/$case" >"$tmp/run/before"
	rc=0
	(
		cd "$tmp/$case"
		ulimit -v "$vmem"
		exec timeout 20 "$modelgraph" "$@"
	) >"$tmp/run/out" 2>"$tmp/run/err" || rc=$?
	snapshot "$tmp/$case" >"$tmp/run/after"
	if ! cmp -s "$tmp/run/before" "$tmp/run/after"; then
		fail "$case: the files beside the database changed (- before, + after):"
		diff -u "$tmp/run/before" "$tmp/run/after" || true
	fi
	if [ -n "$(ls -A "$TMPDIR")" ]; then
		fail "$case: left in \$TMPDIR: $(ls -A "$TMPDIR")"
		rm -rf "${TMPDIR:?}"/*
	fi
}

# read_back CASE: the tables, columns, foreign keys and indexes modelgraph
# reads must be those of the schema.
expected='author: id name | pk id
book: id author_id | pk id | fk author_id -> author | index ix_book_author_id'
read_back() {
	run "$1" dump app.db
	if [ "$rc" -ne 0 ] || [ -s "$tmp/run/err" ]; then
		fail "$1: exit status $rc, expected 0: $(cat "$tmp/run/err")"
		return
	fi
	got=$("$python" -c '
import json, sys
g = json.load(open(sys.argv[1]))
for t in g["tables"]:
    line = "%s: %s | pk %s" % (t["name"], " ".join(c["name"] for c in t["columns"]), " ".join(t["primary_key"]))
    for fk in t["foreign_keys"]:
        line += " | fk %s -> %s" % (" ".join(fk["columns"]), fk["ref_table"])
    for ix in t["indexes"]:
        line += " | index %s" % ix["name"]
    print(line)
' "$tmp/run/out" 2>&1) || true
	if [ "$got" != "$expected" ]; then
		fail "$1: read
$got
expected
$expected"
	fi
}

# refused CASE NEEDLE: exit 2, one line on standard error containing NEEDLE.
refused() {
	run "$1" lint app.db
	if [ "$rc" -ne 2 ]; then
		fail "$1: exit status $rc, expected 2: $(cat "$tmp/run/err")"
	elif [ "$(wc -l <"$tmp/run/err")" -ne 1 ] || ! grep -q -F -e "$2" "$tmp/run/err"; then
		fail "$1: expected one line containing \"$2\", got: $(cat "$tmp/run/err")"
	fi
}

read_back wal-clean
read_back wal-live
read_back wal-no-shm
read_back wal-crashed
read_back journal-clean
refused wal-fifo "app.db: app.db-wal beside it is not a regular file"
refused journal-hot "app.db: a writer crashed and left app.db-journal"

# Twice in a row, and lint as well as dump: nothing accumulates.
read_back wal-crashed
run wal-live lint --fail-on never app.db
[ "$rc" -eq 0 ] || fail "wal-live: lint exited $rc: $(cat "$tmp/run/err")"

if [ "$status" -eq 0 ]; then
	echo "sqlite-sidecars: ok"
fi
exit "$status"
