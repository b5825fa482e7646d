#!/bin/sh
# The PostgreSQL reader against the test server (pg-server.sh):
# - inputs/features.sql (partitioned table, views, composite and deferrable
#   foreign keys, partial and expression indexes, comments, a second schema,
#   quoted names) dumps as features.expected.json;
# - --schema reads only the schemas named, and refuses one that is missing;
# - the catalog is read in the same, small number of statements whatever
#   the number of tables, never through information_schema;
# - a schema of 10,000 tables is read in the same statements, and timed;
# - a user without rights on one table reads the same graph (pg_catalog
#   describes every table to every user);
# - the password is taken from the URL, PGPASSWORD or a password file, and
#   a wrong one, an unknown database or a server that is not there exit 2
#   with one line on standard error that never shows the password.
#
# usage: reader.sh MODELGRAPH SERVER_DIR
#
# UPDATE_GOLDEN=1 rewrites features.expected.json from the dump.
set -eu
export LC_ALL=C

if [ $# -ne 2 ]; then
	echo "usage: $0 MODELGRAPH SERVER_DIR" >&2
	exit 2
fi
case $1 in
/*) modelgraph=$1 ;;
*) modelgraph=$PWD/$1 ;;
esac
server=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$server/env"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# No password but the ones given here: none from the caller's environment
# or home directory.
unset PGPASSWORD
PGPASSFILE=$tmp/no-such-file
export PGPASSFILE

status=0
fail() {
	echo "postgres reader: $*"
	status=1
}

psql_admin() {
	psql -X -q -v ON_ERROR_STOP=1 "$@" >"$tmp/psql.out" 2>&1 || {
		echo "postgres reader: set-up failed:"
		cat "$tmp/psql.out"
		exit 1
	}
}

db=mg_features
password='Sesame-0pen-s3same'
wrong='Wr0ng-guess-pa55'
psql_admin -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql_admin -d "$db" -f "$here/inputs/features.sql"
psql_admin -d postgres \
	-c "DROP ROLE IF EXISTS mg_reader" -c "DROP ROLE IF EXISTS mg_limited" \
	-c "CREATE ROLE mg_reader LOGIN PASSWORD '$password'" \
	-c "CREATE ROLE mg_limited LOGIN PASSWORD '$password'" \
	-c "ALTER ROLE mg_reader SET log_statement = 'all'"
psql_admin -d "$db" -c "GRANT USAGE ON SCHEMA app TO mg_limited" \
	-c "GRANT SELECT ON ALL TABLES IN SCHEMA public, app TO mg_limited" \
	-c "REVOKE ALL ON product FROM mg_limited"

# run NAME ARGS...: runs modelgraph, standard output and error into
# $tmp/NAME.out and .err, its exit status into rc.
run() {
	name=$1
	shift
	rc=0
	"$modelgraph" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || rc=$?
}

# refused NAME EXPECTED-TEXT ARGS...: exit 2, nothing on standard output,
# one line naming the problem, and no password in it.
refused() {
	name=$1 text=$2
	shift 2
	run "$name" "$@"
	[ "$rc" -eq 2 ] || fail "$name: exit status $rc, expected 2"
	[ ! -s "$tmp/$name.out" ] || fail "$name: standard output is not empty"
	[ "$(wc -l <"$tmp/$name.err")" -eq 1 ] || fail "$name: expected one line, got: $(cat "$tmp/$name.err")"
	grep -qF -- "$text" "$tmp/$name.err" || fail "$name: \"$text\" not in: $(cat "$tmp/$name.err")"
	if grep -q -e "$password" -e "$wrong" -e 'Sesame' -e 'Wr0ng' "$tmp/$name.err"; then
		fail "$name: the password appears in the message: $(cat "$tmp/$name.err")"
	fi
}

# ---- what is read -----------------------------------------------------------

# A server is its own dialect: "user" is reserved in PostgreSQL (not in
# SQLite, the default for scripts), so lint says so for a table of the
# server without any configuration.
psql_admin -d postgres -c "DROP DATABASE IF EXISTS mg_dialect" -c "CREATE DATABASE mg_dialect"
psql_admin -d mg_dialect -c 'CREATE TABLE "user" (id integer PRIMARY KEY)'
run dialect lint --no-config --fail-on never "postgresql:///mg_dialect"
grep -q 'table name "user" is a reserved word in PostgreSQL' "$tmp/dialect.out" ||
	fail "dialect: a PostgreSQL table named user is not reported as reserved in PostgreSQL: $(cat "$tmp/dialect.out" "$tmp/dialect.err")"


run features dump "postgresql:///$db"
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
	cp "$tmp/features.out" "$here/features.expected.json"
	echo "postgres reader: features.expected.json rewritten"
fi
[ "$rc" -eq 0 ] || fail "dump of $db: exit status $rc: $(cat "$tmp/features.err")"
if ! cmp -s "$here/features.expected.json" "$tmp/features.out"; then
	fail "dump of $db differs from features.expected.json (- expected, + actual):"
	diff -u "$here/features.expected.json" "$tmp/features.out" | head -60 || true
fi

run app dump "postgresql:///$db" --schema app
[ "$rc" -eq 0 ] || fail "--schema app: exit status $rc: $(cat "$tmp/app.err")"
tables=$(python3 "$here/graph-lines.py" "$tmp/app.out" | sed -n 's/^\(table\|view\) //p' | tr '\n' ',')
[ "$tables" = "app.Audit Log,app.event,app.event_counts," ] ||
	fail "--schema app: expected the tables of app only, got: $tables"
run both dump "postgresql:///$db" --schema app --schema public
cmp -s "$tmp/both.out" "$tmp/features.out" || fail "--schema app --schema public: not the whole database"
refused missing-schema 'no schema "nowhere" in the database' lint "postgresql:///$db" --schema app --schema nowhere
# A database or schema without tables is refused, as an empty SQLite file is.
psql_admin -d postgres -c "DROP DATABASE IF EXISTS mg_empty" -c "CREATE DATABASE mg_empty"
psql_admin -d "$db" -c "DROP SCHEMA IF EXISTS bare" -c "CREATE SCHEMA bare"
refused empty-database 'mg_empty: defines no tables: the database has no tables or views' lint "postgresql:///mg_empty"
refused empty-schema 'defines no tables: the schemas read have no tables or views' lint "postgresql:///$db" --schema bare

# ---- how it is read ---------------------------------------------------------

# mg_reader logs each statement it runs (log_statement = all): count them
# for the features database and for one with a single table.
psql_admin -d postgres -c "DROP DATABASE IF EXISTS mg_one" -c "CREATE DATABASE mg_one"
psql_admin -d mg_one -c "CREATE TABLE one (id int PRIMARY KEY)"
statements() {
	log=$server/server.log
	before=$(wc -l <"$log")
	run "$1" dump "postgresql://mg_reader:$password@/$2"
	[ "$rc" -eq 0 ] || fail "$1: exit status $rc: $(cat "$tmp/$1.err")"
	sleep 0.3 # the server writes its log from another process
	tail -n +"$((before + 1))" "$log" | grep -E 'LOG: +(statement|execute)' >"$tmp/$1.statements" || true
	if grep -qi 'information_schema\.' "$tmp/$1.statements"; then
		fail "$1: a statement reads information_schema"
	fi
}
statements log-many "$db"
statements log-one mg_one
many=$(wc -l <"$tmp/log-many.statements")
one=$(wc -l <"$tmp/log-one.statements")
[ "$many" -eq "$one" ] || fail "statements: $many for the features database, $one for one table"
[ "$many" -le 6 ] || fail "statements: $many, expected at most 6:$(cat "$tmp/log-many.statements")"
grep -q 'READ ONLY' "$tmp/log-many.statements" || fail "statements: no read-only transaction"

# A schema of 10,000 tables (plain ones: making them is what costs).
psql_admin -d postgres -c "DROP DATABASE IF EXISTS mg_big" -c "CREATE DATABASE mg_big"
psql_admin -d mg_big -c "DO \$\$ BEGIN FOR i IN 1..10000 LOOP
	EXECUTE format('CREATE TABLE t%s (id int NOT NULL, parent_id int)', i); END LOOP; END \$\$"
start=$(date +%s%N)
statements log-big mg_big
elapsed=$((($(date +%s%N) - start) / 1000000))
big=$(wc -l <"$tmp/log-big.statements")
[ "$big" -eq "$one" ] || fail "statements: $big for 10,000 tables, $one for one table"
tables=$(grep -c '"kind": "table"' "$tmp/log-big.out" || true)
[ "$tables" -eq 10000 ] || fail "10,000 tables: $tables read"
echo "postgres reader: 10,000 tables read in $elapsed ms, $big statements"
psql_admin -d postgres -c "DROP DATABASE mg_big"

# ---- who reads it -----------------------------------------------------------

export PGPASSWORD="$password"
run limited dump "postgresql://mg_limited@/$db"
unset PGPASSWORD
[ "$rc" -eq 0 ] || fail "a user without rights on product: exit status $rc: $(cat "$tmp/limited.err")"
sed 's|postgresql://mg_limited@/|postgresql:///|' "$tmp/limited.out" >"$tmp/limited.json"
cmp -s "$tmp/limited.json" "$tmp/features.out" ||
	fail "a user without rights on product does not read the same graph"

run url-password dump "postgresql://mg_reader:$password@/$db"
[ "$rc" -eq 0 ] || fail "password in the URL: exit status $rc: $(cat "$tmp/url-password.err")"
grep -q "$password" "$tmp/url-password.out" && fail "password in the URL: the dump shows it"
printf '*:*:*:mg_reader:%s\n' "$password" >"$tmp/pgpass"
chmod 600 "$tmp/pgpass"
PGPASSFILE=$tmp/pgpass
run pgpass dump "postgresql://mg_reader@/$db"
PGPASSFILE=$tmp/no-such-file
[ "$rc" -eq 0 ] || fail "password file: exit status $rc: $(cat "$tmp/pgpass.err")"

# ---- what cannot be read ----------------------------------------------------

refused wrong-password-url 'password authentication failed for user "mg_reader"' \
	lint "postgresql://mg_reader:$wrong@/$db"
refused wrong-password-encoded 'password authentication failed' \
	lint "postgresql://mg_reader:Wr0ng%2Dguess%2Dpa55@/$db"
refused wrong-password-query 'password authentication failed' \
	lint "postgresql://mg_reader@/$db?password=$wrong"
export PGPASSWORD="$wrong"
refused wrong-password-env 'password authentication failed' lint "postgresql://mg_reader@/$db"
unset PGPASSWORD
refused no-password 'no password supplied' lint "postgresql://mg_reader@/$db"
refused unknown-database 'database "no_such_db" does not exist' lint "postgresql:///no_such_db"
refused no-server 'cannot connect' lint "postgresql://mg_reader:$password@%2Fnonexistent%2Fsocket/$db"
refused bad-url 'cannot connect' lint "postgresql://mg_reader:$password@/$db?nonsense=1"

[ "$status" -eq 0 ] && echo "postgres reader: ok"
exit "$status"
