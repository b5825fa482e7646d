#!/bin/sh
# Inputs modelgraph cannot read, and inputs it must not change.
#
# Every unreadable input must make `modelgraph lint` exit 2 with nothing on
# standard output and exactly one line on standard error that names the
# input. No run may change, create or remove anything among the inputs:
# after every run the input directory is compared with a copy taken before
# the first (bytes, sizes, modification times, and no file added, such as a
# -journal, -wal or -shm beside a database).
#
# usage: bad-inputs.sh MODELGRAPH CORPUS_DIR
set -eu

if [ $# -ne 2 ]; then
	echo "usage: $0 MODELGRAPH CORPUS_DIR" >&2
	exit 2
fi
case $1 in
/*) modelgraph=$1 ;;
*) modelgraph=$PWD/$1 ;;
esac
corpus=$2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
in=$tmp/in
mkdir "$in" "$tmp/run"
cd "$in"

status=0
fail() {
	echo "bad-inputs: $*"
	status=1
}

# ---- the inputs -------------------------------------------------------------

echo "CREATE TABLE t (id INTEGER PRIMARY KEY);" >text.db

# A real database of many pages (40 tables, each with an index and rows), and
# its first 3000 bytes: less than one page, so the schema it starts cannot be
# read.
i=1
while [ $i -le 40 ]; do
	echo "CREATE TABLE t$i (id INTEGER PRIMARY KEY, name TEXT NOT NULL, parent INTEGER REFERENCES t$i (id));"
	echo "CREATE INDEX ix_t${i}_parent ON t$i (parent);"
	echo "INSERT INTO t$i (name) VALUES ('row one of t$i'), ('row two of t$i');"
	i=$((i + 1))
done >"$tmp/many.sql"
sqlite3 -bail many.db <"$tmp/many.sql"
head -c 3000 many.db >truncated.db

cat >syntax.sql <<'EOF'
CREATE TABLE a (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE b (
    id INTEGER PRIMARY KEY
    a_id INTEGER REFERENCES a (id)
);
EOF
syntax_line=8 # where "a_id" follows a missing comma

cat >no-tables.sql <<'EOF'
-- Nothing but a query and a comment.
SELECT 1;
EOF
: >empty.sql
printf 'CREATE TABLE a (id INTEGER PRIMARY KEY);\n\000\n' >binary.sql
: >empty.db
sqlite3 no-tables.db 'PRAGMA user_version = 7;'
# A schema edited by hand into one SQLite refuses to load.
sqlite3 edited.db 'CREATE TABLE t (a INT, b INT); PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = '"'"'CREATE TABLE t (a INT, a INT)'"'"' WHERE name = '"'"'t'"'"';'
mkdir directory directory.db
echo "just some notes" >notes.txt
printf 'struct Thing { int id; };\n' >model.h
: >empty.h
printf '{"format": "modelgraph-graph", "version": 1, "tables": []}\n' >no-tables.json
printf '{"format": \n' >broken.json
printf '{"format": "something-else", "version": 1}\n' >foreign.json
printf '{"format": "modelgraph-graph", "version": 9, "tables": []}\n' >future.json
printf '{"format": "modelgraph-graph", "version": 1, "tables": [{"name": "t", "columns": [{"name": 5}]}]}\n' >typed.json
printf '{"format": "modelgraph-graph", "version": 1, "tables": [{"name": "t", "columns": [{"name": "id"}], "primary_key": ["nope"]}]}\n' >bad-key.json
# A file named as a baseline by mistake: the message must not quote it.
printf 'API_TOKEN=hunter2\n' >secret.env
printf '{"format": "hunter2", "version": 1}\n' >secret.json
# Graph JSON as an editor on Windows may save it, with a byte order mark.
printf '\357\273\277{"format": "modelgraph-graph", "version": 1, "tables": [{"name": "t", "columns": [{"name": "id"}], "primary_key": ["id"]}]}\n' >bom.json

# Scripts that try to make files; they must not appear.
printf "CREATE TABLE a (id INTEGER PRIMARY KEY);\nATTACH DATABASE '%s' AS e;\nCREATE TABLE e.b (id INTEGER PRIMARY KEY);\n" \
	"$in/evil.db" >attach.sql
printf "CREATE TABLE a (id INTEGER PRIMARY KEY);\nVACUUM INTO '%s';\n" "$in/evil2.db" >vacuum-into.sql

# A script with a query that never ends (it changes nothing, so it need not
# run).
cat >endless-query.sql <<'EOF'
CREATE TABLE a (id INTEGER PRIMARY KEY);
WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n;
EOF

# Only schema statements run. Data statements are skipped unrun, even one
# that would never end; CREATE TABLE ... AS SELECT is refused; what runs has
# a budget of steps and of memory.
cat >endless-insert.sql <<'EOF'
CREATE TABLE t (id INTEGER PRIMARY KEY, x INTEGER);
INSERT INTO t (x) VALUES (1), (2);
INSERT INTO t (x) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c;
UPDATE t SET x = x + 1;
DELETE FROM t;
CREATE TABLE u (id INTEGER PRIMARY KEY, t_id INTEGER REFERENCES t (id));
EOF
cat >create-as-select.sql <<'EOF'
CREATE TABLE a (id INTEGER PRIMARY KEY);
  CREATE TABLE t AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x, randomblob(1000) FROM c;
EOF
# sqlite3's .dump declares a virtual table by writing sqlite_schema: such
# writes run, within the budgets; the virtual table is read as one (made
# afresh from its statement), and its shadow tables are left out.
cat >dump-virtual-table.sql <<'EOF'
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','ft','ft',0,'CREATE VIRTUAL TABLE ft USING fts5(x)');
CREATE TABLE IF NOT EXISTS 'ft_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO ft_data VALUES(1,X'');
CREATE TABLE a(id integer primary key autoincrement);
INSERT INTO a VALUES(3);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('a',3);
PRAGMA writable_schema=OFF;
COMMIT;
EOF
cat >endless-schema-write.sql <<'EOF'
CREATE TABLE a (id INTEGER PRIMARY KEY);
PRAGMA writable_schema = ON;
WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) UPDATE sqlite_schema SET name = name WHERE rowid IN (SELECT x FROM c);
EOF
cat >greedy-schema-write.sql <<'EOF'
CREATE TABLE a (id INTEGER PRIMARY KEY);
PRAGMA temp_store = FILE;
PRAGMA writable_schema = ON;
WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) UPDATE sqlite_schema SET name = name WHERE sql IN (SELECT randomblob(1000000) FROM c);
EOF

# Databases that must be read, and left exactly as they were.
cp "$corpus/chinook/chinook.db" chinook.db
sqlite3 wal.db 'PRAGMA journal_mode = WAL;
	CREATE TABLE a (id INTEGER PRIMARY KEY);
	CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id));' >/dev/null
if [ "$(od -An -tu1 -j18 -N2 wal.db | tr -s ' ')" != " 2 2" ]; then
	fail "wal.db is not in WAL mode; the test setup is wrong"
fi

# Only the inputs are here now; take the reference copy.
for leftover in many.db-journal wal.db-wal wal.db-shm; do
	if [ -e "$leftover" ]; then
		fail "setup left $leftover behind"
	fi
done
cp -Rp "$in" "$tmp/reference"
listing() {
	(cd "$1" && find . -exec stat -c '%n|%F|%s|%y' {} + | LC_ALL=C sort)
}
listing "$in" >"$tmp/listing.before"

# ---- checks -----------------------------------------------------------------

# run ARG...: runs modelgraph with ARG... and leaves $rc, $tmp/run/out and
# $tmp/run/err. A run that hangs is stopped after a minute (status 124).
run() {
	rc=0
	timeout 60 "$modelgraph" "$@" >"$tmp/run/out" 2>"$tmp/run/err" || rc=$?
	if [ "$rc" -eq 124 ]; then
		echo "(modelgraph $* did not finish within 60 seconds)" >>"$tmp/run/err"
	fi
}

# untouched WHAT: the inputs are as they were before the run. After a
# change, the changed state becomes the reference, so that one failure is
# reported once.
untouched() {
	changed=0
	listing "$in" >"$tmp/listing.after"
	if ! cmp -s "$tmp/listing.before" "$tmp/listing.after"; then
		fail "$1: the input directory changed (names, sizes or times; - before, + after):"
		diff -u "$tmp/listing.before" "$tmp/listing.after" || true
		changed=1
	fi
	if ! diff -r "$tmp/reference" "$in" >"$tmp/run/diff" 2>&1; then
		fail "$1: input contents changed:"
		cat "$tmp/run/diff"
		changed=1
	fi
	if [ "$changed" -eq 1 ]; then
		rm -rf "$tmp/reference"
		cp -Rp "$in" "$tmp/reference"
		mv "$tmp/listing.after" "$tmp/listing.before"
	fi
}

# refused WHAT NEEDLE ARG...: `modelgraph ARG...` must exit 2, print nothing
# on standard output and one line on standard error that contains NEEDLE.
refused() {
	what=$1 needle=$2
	shift 2
	run "$@"
	if [ "$rc" -ne 2 ]; then
		fail "$what: exit status $rc, expected 2"
	fi
	if [ -s "$tmp/run/out" ]; then
		fail "$what: standard output should be empty but is:"
		cat "$tmp/run/out"
	fi
	lines=$(wc -l <"$tmp/run/err")
	if [ "$lines" -ne 1 ] || [ "$(tail -c 1 "$tmp/run/err" | od -An -c | tr -d ' ')" != '\n' ]; then
		fail "$what: expected exactly one line on standard error, got $lines:"
		cat "$tmp/run/err"
	elif ! grep -q -F -e "$needle" "$tmp/run/err"; then
		fail "$what: the message does not name \"$needle\": $(cat "$tmp/run/err")"
	fi
	untouched "$what"
}

refused "missing file" missing.db lint missing.db
refused "text file named .db" text.db lint text.db
refused "a directory" directory lint directory
refused "a directory named .db" directory.db lint directory.db
refused "unknown extension, no SQLite header" notes.txt lint notes.txt
refused "empty (0 byte) database" empty.db lint empty.db
refused "database with no tables" no-tables.db lint no-tables.db
refused "script that creates no tables" no-tables.sql lint no-tables.sql
refused "graph JSON that does not parse" broken.json:2: lint broken.json
refused "JSON that is not a modelgraph graph" foreign.json lint foreign.json
refused "a graph JSON version this build does not read" "future.json: version" lint future.json
refused "graph JSON with a value of the wrong type" "typed.json: tables[0].columns[0].name" lint typed.json
refused "graph JSON with a primary key of no column" "bad-key.json: tables[0].primary_key[0]: names no column" lint bad-key.json
# A C model with no libclang to read it: the reader names the header.
MODELGRAPH_LIBCLANG=/nonexistent/libclang.so
export MODELGRAPH_LIBCLANG
refused "C model without libclang" model.h lint model.h
unset MODELGRAPH_LIBCLANG
# A source that defines no tables is refused, whatever its kind.
refused "header with no models" "model.h: defines no tables: no struct carries MG_TABLE or MG_MODEL" lint model.h
refused "empty header" "empty.h: defines no tables" lint empty.h
refused "graph JSON with no tables" "no-tables.json: defines no tables" lint no-tables.json
refused "database with no tables, the message" "no-tables.db: defines no tables" dump no-tables.db
refused "script with no tables, the message" "no-tables.sql: defines no tables" dump no-tables.sql
refused "empty script" empty.sql lint empty.sql
refused "script with NUL bytes" binary.sql lint binary.sql
refused "SQL text forced as a database" text.db lint sqlite:text.db
refused "database forced as SQL" chinook.db lint sql:chinook.db
refused "missing file for dump" missing.db dump missing.db
for secret in secret.env secret.json; do
	refused "$secret as a baseline" "$secret" lint many.db --baseline "$secret"
	if grep -q -e hunter2 -e API_TOKEN "$tmp/run/err"; then
		fail "$secret as a baseline: the message quotes the file: $(cat "$tmp/run/err")"
	fi
done

# The truncated database: SQLite itself must call it malformed, and so must
# the message.
if sqlite3 -readonly truncated.db 'SELECT count(*) FROM sqlite_schema;' >"$tmp/run/sqlite.out" 2>&1 ||
	! grep -q malformed "$tmp/run/sqlite.out"; then
	fail "truncated.db: sqlite3 does not report it malformed; pick another cut: $(cat "$tmp/run/sqlite.out")"
fi
untouched "sqlite3 on truncated.db"
refused "truncated database" truncated.db lint truncated.db
if ! grep -q malformed "$tmp/run/err"; then
	fail "truncated database: the message does not say malformed: $(cat "$tmp/run/err")"
fi

# A schema edited by hand into one SQLite refuses to load (a column named
# twice): read off the pages or not, the database is refused with
# SQLite's own word for it.
refused "hand-edited schema" "edited.db: cannot read the schema: malformed database schema (t) - duplicate column name: a" \
	lint edited.db

# A syntax error names file:line:col, with the line of the error.
refused "SQL syntax error" syntax.sql lint syntax.sql
if ! grep -q -E "^modelgraph: error: syntax\\.sql:$syntax_line:[0-9]+: " "$tmp/run/err"; then
	fail "SQL syntax error: expected syntax.sql:$syntax_line:COL in: $(cat "$tmp/run/err")"
fi

# A file name with a terminal escape and a newline still gives one line,
# the escape shown as \xNN (messages from readers turn line breaks into
# spaces).
hostile=$(printf 'no\033[31mne\nline.db')
refused "file name with control characters" 'no\x1b[31mne' lint "$hostile"
if grep -q "$(printf '\033')" "$tmp/run/err"; then
	fail "file name with control characters: the message holds a raw escape character"
fi

# Database servers: the message names the server but never the password.
# (A socket directory that does not exist: no connection leaves the machine.)
for url in postgresql://user:secret@%2Fnonexistent%2Fsocket/app \
	"postgresql:///app?host=/nonexistent/socket&password=secret"; do
	refused "URL $url" /app lint "$url"
	if grep -q secret "$tmp/run/err"; then
		fail "URL $url: the password appears in the message: $(cat "$tmp/run/err")"
	fi
done

# Scripts may not create files: ATTACH and VACUUM INTO are refused, at their
# line, and the files never appear.
refused "ATTACH DATABASE" "attach.sql:2:1: ATTACH DATABASE is refused: a script may not open other database files" \
	lint attach.sql
if [ -e evil.db ]; then
	fail "ATTACH DATABASE created $in/evil.db (exit status $rc)"
fi
refused "VACUUM INTO" "vacuum-into.sql:2:1: VACUUM INTO is refused: a script may not write files" \
	lint vacuum-into.sql
if [ -e evil2.db ]; then
	fail "VACUUM INTO created $in/evil2.db (exit status $rc)"
fi

refused "CREATE TABLE ... AS SELECT" \
	"create-as-select.sql:2:3: CREATE TABLE ... AS SELECT is refused: only schema statements are run" \
	lint create-as-select.sql
refused "a schema write that never ends" \
	"endless-schema-write.sql:3:1: the statement did not finish within the step budget; a schema statement needs far fewer: remove it or split the script; the limit is sql-statement-msteps=10 million steps; raise it with --limit sql-statement-msteps=N" \
	lint endless-schema-write.sql
refused "a schema write that takes ever more memory" \
	"greedy-schema-write.sql:4:1: the statement needed more memory than SQL scripts may use; a schema statement needs far less: remove it; the limit is sql-memory-mib=512 MiB" \
	lint greedy-schema-write.sql

# Limits (util/limits.def) are set with --limit; an input past one is refused
# with a message naming the limit, and a wrong --limit is a usage error.
refused "more statements than --limit sql-statements" \
	"syntax.sql:6:1: the script has more statements than a SQL script may; the limit is sql-statements=1 statements; raise it with --limit sql-statements=N" \
	lint syntax.sql --limit sql-statements=1
refused "a name longer than --limit name-bytes" \
	'is longer than names may be; the limit is name-bytes=2 bytes; raise it with --limit name-bytes=N' \
	lint many.db --limit name-bytes=2
refused "an unknown limit" \
	'--limit name-byte=2: unknown limit "name-byte"; the limits are input-mib,' \
	lint many.db --limit name-byte=2
refused "a limit that is not a number" \
	"--limit findings=lots: the value must be a positive whole number of findings" \
	lint many.db --limit findings=lots

# ---- inputs that are read -----------------------------------------------------

# read WHAT ARG...: `modelgraph ARG...` must exit 0 with output and no errors,
# and leave the inputs as they were.
read_ok() {
	what=$1
	shift
	run "$@"
	if [ "$rc" -ne 0 ]; then
		fail "$what: exit status $rc, expected 0; standard error: $(cat "$tmp/run/err")"
	fi
	if [ ! -s "$tmp/run/out" ]; then
		fail "$what: no output"
	fi
	if [ -s "$tmp/run/err" ]; then
		fail "$what: standard error should be empty but is: $(cat "$tmp/run/err")"
	fi
	untouched "$what"
}

read_ok "lint of a real database" lint --fail-on never chinook.db
read_ok "dump of a real database" dump chinook.db
read_ok "lint of a real database by absolute path" lint --fail-on never "$in/chinook.db"
read_ok "lint of a WAL-mode database" lint --fail-on never wal.db
read_ok "lint of a database of many pages" lint --fail-on never many.db
read_ok "dump of graph JSON that starts with a byte order mark" dump bom.json
read_ok "lint of a script with an endless query" lint --fail-on never endless-query.sql
read_ok "dump of a script with an endless INSERT" dump endless-insert.sql
grep -q -F '"name": "u"' "$tmp/run/out" || fail "endless-insert.sql: the table after the INSERT is missing from the dump"
read_ok "dump of sqlite3's .dump of a virtual table" dump dump-virtual-table.sql
for table in '"name": "ft"' '"virtual_module": "fts5"' '"name": "a"'; do
	grep -q -F "$table" "$tmp/run/out" || fail "dump-virtual-table.sql: $table is missing from the dump"
done
if grep -q -F '"name": "ft_data"' "$tmp/run/out"; then
	fail "dump-virtual-table.sql: the shadow table ft_data is in the dump"
fi
for side in chinook.db-journal chinook.db-wal chinook.db-shm wal.db-wal wal.db-shm many.db-journal; do
	if [ -e "$side" ]; then
		fail "$side was left beside the database"
	fi
done

if [ "$status" -eq 0 ]; then
	echo "bad-inputs: ok"
fi
exit "$status"
