#!/bin/sh
# PostgreSQL-dialect scripts, loaded into the throwaway server modelgraph
# starts for each:
# - detected by their content, or forced with --dialect;
# - an error names file:line:col of the failing statement, exit 2;
# - psql commands other than \connect are refused, and nothing a script
#   says can reach the server's files or run a program;
# - without the server's binaries: exit 2 naming the package to install and
#   the postgresql:// alternative;
# - after every run, even a failed one or one ended by Ctrl-C, nothing is
#   left: no directory in TMPDIR, no process.
#
# usage: ddl.sh MODELGRAPH
set -eu
export LC_ALL=C

label="ddl"
. "$(dirname "$0")/../throwaway-harness.sh"

cat >shop.sql <<'EOF'
-- A PostgreSQL schema: detected by its serial and its :: cast.
CREATE TABLE customer (
    id serial PRIMARY KEY,
    email text NOT NULL UNIQUE,
    created timestamptz NOT NULL DEFAULT now()::timestamptz
);
CREATE TABLE purchase (
    id bigserial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customer (id) ON DELETE CASCADE
);
CREATE INDEX purchase_customer ON purchase (customer_id);
INSERT INTO customer (email) VALUES ('someone@example.org');
COPY purchase (customer_id) FROM stdin;
1
\.
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.created := now(); -- a semicolon inside the body
    RETURN NEW;
END;
$$;
EOF
run shop lint shop.sql
[ "$rc" -eq 0 ] || fail "shop.sql: exit status $rc: $(cat shop.err)"
[ ! -s shop.err ] || fail "shop.sql: standard error: $(cat shop.err)"
run shop-dump dump shop.sql
grep -q '"kind": "sql"' shop-dump.out || fail "shop.sql: not read as a script"
grep -q '"on_delete": "CASCADE"' shop-dump.out || fail "shop.sql: the foreign key was not read"
grep -q '"sql_type": "TIMESTAMP WITH TIME ZONE"' shop-dump.out || fail "shop.sql: timestamptz not read"

# Objects keep the line and column of their declaration.
cat >located.sql <<'EOF'
CREATE TABLE public."Customer" (id serial PRIMARY KEY);

CREATE TABLE IF NOT EXISTS purchase (id bigserial PRIMARY KEY, customer_id integer NOT NULL);
ALTER TABLE purchase
    ADD CONSTRAINT purchase_customer FOREIGN KEY (customer_id) REFERENCES "Customer" (id);
EOF
run located lint located.sql
grep -q '^located.sql:5:9: note: foreign key "purchase_customer"' located.out ||
	fail "located.sql: the foreign key is not placed at 5:9: $(cat located.out)"
run located-dump dump located.sql
grep -q '"line": 3' located-dump.out || fail "located.sql: the table purchase is not placed at line 3"

# Forced: a script with nothing only PostgreSQL has.
printf 'CREATE TABLE plain (id integer PRIMARY KEY, name varchar(20));\n' >plain.sql
run plain-forced dump --dialect postgresql plain.sql
[ "$rc" -eq 0 ] || fail "--dialect postgresql: exit status $rc: $(cat plain-forced.err)"
grep -q '"type": "character varying(20)"' plain-forced.out || fail "--dialect postgresql: not read through PostgreSQL"
run plain dump plain.sql
grep -q '"type": "varchar(20)"' plain.out || fail "plain.sql: not read through SQLite"
refused sqlite-forced "shop.sql:" lint --dialect sqlite shop.sql

# Errors: file:line:col of the failing statement.
cat >syntax.sql <<'EOF'
CREATE SEQUENCE counter;

CREATE TABLE a (
    id integer PRIMARY KEY,
    n integer DEFAULT nextval('counter')
    name text
);
EOF
refused syntax 'syntax.sql:6:5: syntax error at or near "name"' lint syntax.sql
cat >unknown.sql <<'EOF'
CREATE TABLE a (id serial PRIMARY KEY);
CREATE TABLE b (id serial PRIMARY KEY, a_id integer REFERENCES missing (id));
EOF
refused unknown-table 'unknown.sql:2:1: relation "missing" does not exist' lint unknown.sql

# Nothing reaches the machine: psql's shell escape is refused, and the
# server's files and programs are a superuser's.
printf 'CREATE TABLE t (id serial);\n\\! touch %s/escaped\n' "$tmp" >shell.sql
refused shell 'shell.sql:2:1: psql command \! is refused' lint shell.sql
[ ! -e "$tmp/escaped" ] || fail "\\! ran a command"
printf "CREATE TABLE t (id serial);\nCOPY (SELECT 1) TO PROGRAM 'touch %s/programmed';\n" "$tmp" >program.sql
printf "CREATE TABLE t (id serial);\nSELECT pg_catalog.pg_read_file('/etc/passwd')::text;\n" >readfile.sql
run program lint program.sql # COPY is data: skipped, never run
[ ! -e "$tmp/programmed" ] || fail "COPY TO PROGRAM ran a command"
refused read-file 'readfile.sql:2:1: permission denied for function pg_read_file' lint readfile.sql

# Without the binaries.
mkdir empty-bin
MODELGRAPH_PG_BINDIR=$tmp/empty-bin
export MODELGRAPH_PG_BINDIR
refused no-binaries 'install the postgresql package' lint shop.sql
grep -qF 'postgresql://' no-binaries.err || fail "no binaries: the postgresql:// alternative is not named"
unset MODELGRAPH_PG_BINDIR

# Ctrl-C while initdb runs: what it made goes too.
"$modelgraph" lint shop.sql >early.out 2>early.err &
pid=$!
i=0
while [ $i -lt 600 ] && [ -z "$(ls -A scratch)" ]; do
	sleep 0.05
	i=$((i + 1))
done
kill -INT "$pid"
wait "$pid" || true
i=0
while [ $i -lt 200 ] && [ -n "$(ls -A scratch)" ]; do
	sleep 0.1
	i=$((i + 1))
done
sleep 1 # what might come back
left_behind "Ctrl-C during initdb"
if ps -eo args | grep -F "$tmp/scratch" | grep -v grep >/dev/null; then
	fail "Ctrl-C during initdb: a process is still running"
fi

# Ctrl-C while the script runs: the server and its directory go too.
printf 'CREATE TABLE t (id serial);\nSELECT pg_sleep(20);\n' >slow-postgresql.sql
"$modelgraph" lint slow-postgresql.sql >slow.out 2>slow.err &
pid=$!
i=0
# The postmaster (initdb's own postgres processes do not name a socket directory).
while [ $i -lt 600 ] && ! ps -eo args | grep -F "unix_socket_directories=$tmp/scratch" | grep -v grep | grep -q postgres; do
	sleep 0.1
	i=$((i + 1))
done
sleep 1 # into the script
kill -INT "$pid"
wait "$pid" || true
i=0
while [ $i -lt 200 ] && [ -n "$(ls -A scratch)" ]; do
	sleep 0.1
	i=$((i + 1))
done
left_behind "Ctrl-C"
if ps -eo args | grep -F "lint slow-postgresql.sql" | grep -v grep >/dev/null; then
	fail "Ctrl-C: a modelgraph process is still running"
fi

[ "$status" -eq 0 ] && echo "ddl: ok"
exit "$status"
