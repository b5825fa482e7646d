#!/bin/sh
# The MariaDB reader against the test server (mariadb-server.sh):
# - a schema of composite keys, actions, unique keys, a view and comments
#   reads as it was declared;
# - the password is taken from the URL or MYSQL_PWD; a wrong one, an unknown
#   database, a server that is not there exit 2 with one line on standard
#   error that never shows the password;
# - a user without rights on one table: MariaDB's information_schema shows
#   a user only what it may use, so that table is not read (written down
#   here, not hidden); a user with SELECT alone sees the foreign keys but not
#   their actions (REFERENTIAL_CONSTRAINTS needs one more privilege, such as
#   REFERENCES).
#
# usage: reader.sh MODELGRAPH SERVER_DIR
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
here=$(cd "$(dirname "$0")" && pwd)
. "$2/env"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset MYSQL_PWD
HOME=$tmp # no ~/.my.cnf but ours
export HOME

status=0
fail() {
	echo "mysql reader: $*"
	status=1
}
client() { mariadb --no-defaults --socket="$MG_MYSQL_SOCKET" -u root "$@"; }

password='Open-S3same-now'
wrong='Wr0ng-guess-pa55'
client <<EOF
DROP DATABASE IF EXISTS mg_empty;
CREATE DATABASE mg_empty;
DROP DATABASE IF EXISTS mg_shop;
CREATE DATABASE mg_shop;
USE mg_shop;
CREATE TABLE customer (
    id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email varchar(120) NOT NULL,
    region char(2) NOT NULL,
    UNIQUE KEY customer_email (email)
) COMMENT 'who buys';
CREATE TABLE product (
    sku varchar(20) NOT NULL,
    region char(2) NOT NULL,
    price decimal(10,2) COMMENT 'in cents',
    PRIMARY KEY (sku, region)
);
CREATE TABLE quote (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id int unsigned,
    sku varchar(20) NOT NULL,
    region char(2) NOT NULL,
    CONSTRAINT quote_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE SET NULL,
    CONSTRAINT quote_product FOREIGN KEY (sku, region) REFERENCES product (sku, region) ON UPDATE CASCADE
);
CREATE VIEW big_spenders AS SELECT id, email FROM customer;
DROP USER IF EXISTS mg_reader, mg_limited;
CREATE USER mg_reader IDENTIFIED BY '$password';
CREATE USER mg_limited IDENTIFIED BY '$password';
GRANT SELECT, REFERENCES ON mg_shop.* TO mg_reader;
GRANT SELECT ON mg_shop.customer TO mg_limited;
GRANT SELECT ON mg_shop.quote TO mg_limited;
EOF

socket="?socket=$MG_MYSQL_SOCKET"
run() {
	name=$1
	shift
	rc=0
	"$modelgraph" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || rc=$?
}
refused() {
	name=$1 text=$2
	shift 2
	run "$name" "$@"
	[ "$rc" -eq 2 ] || fail "$name: exit status $rc, expected 2"
	[ ! -s "$tmp/$name.out" ] || fail "$name: standard output is not empty"
	[ "$(wc -l <"$tmp/$name.err")" -eq 1 ] || fail "$name: expected one line, got: $(cat "$tmp/$name.err")"
	grep -qF -- "$text" "$tmp/$name.err" || fail "$name: \"$text\" not in: $(cat "$tmp/$name.err")"
	if grep -q -e "$password" -e "$wrong" -e 'S3same' -e 'Wr0ng' "$tmp/$name.err"; then
		fail "$name: the password appears in the message: $(cat "$tmp/$name.err")"
	fi
}

run shop dump "mysql://mg_reader:$password@localhost/mg_shop$socket"
[ "$rc" -eq 0 ] || fail "mg_shop: exit status $rc: $(cat "$tmp/shop.err")"
python3 "$here/../postgres/graph-lines.py" "$tmp/shop.out" >"$tmp/shop.lines"
cat >"$tmp/shop.expected" <<'EOF'
column big_spenders.email VARCHAR(120)
column big_spenders.id INTEGER UNSIGNED
column customer.email VARCHAR(120) unique
column customer.id INTEGER UNSIGNED primary_key
column customer.region CHAR(2)
column product.price DECIMAL(10,2) nullable
column product.region CHAR(2) primary_key
column product.sku VARCHAR(20) primary_key
column quote.customer_id INTEGER UNSIGNED nullable
column quote.id BIGINT primary_key
column quote.region CHAR(2)
column quote.sku VARCHAR(20)
foreign-key quote (customer_id) -> customer (id) on-delete SET NULL
foreign-key quote (sku, region) -> product (sku, region) on-update CASCADE
index quote (customer_id)
index quote (sku, region)
primary-key customer (id)
primary-key product (sku, region)
primary-key quote (id)
relationship customer -> quote one-to-many
relationship product -> quote one-to-many
relationship quote -> customer many-to-one
relationship quote -> product many-to-one
table customer
table product
table quote
unique customer (email)
view big_spenders
EOF
diff "$tmp/shop.expected" "$tmp/shop.lines" >"$tmp/shop.diff" ||
	fail "mg_shop read otherwise than declared (- expected, + actual): $(cat "$tmp/shop.diff")"
grep -q '"comment": "who buys"' "$tmp/shop.out" || fail "mg_shop: the table comment was not read"
grep -q '"comment": "in cents"' "$tmp/shop.out" || fail "mg_shop: the column comment was not read"
grep -q '"autoincrement": true' "$tmp/shop.out" || fail "mg_shop: AUTO_INCREMENT was not read"
grep -q "$password" "$tmp/shop.out" && fail "mg_shop: the dump shows the password"

MYSQL_PWD=$password
export MYSQL_PWD
run env-password dump "mysql://mg_reader@localhost/mg_shop$socket"
[ "$rc" -eq 0 ] || fail "MYSQL_PWD: exit status $rc: $(cat "$tmp/env-password.err")"
run limited dump "mysql://mg_limited@localhost/mg_shop$socket"
unset MYSQL_PWD
[ "$rc" -eq 0 ] || fail "a user without rights on product: exit status $rc: $(cat "$tmp/limited.err")"
python3 "$here/../postgres/graph-lines.py" "$tmp/limited.out" >"$tmp/limited.lines"
grep -q '^table product$' "$tmp/limited.lines" && fail "a user without rights on product: product was read"
grep -q '^table quote$' "$tmp/limited.lines" || fail "a user without rights on product: quote was not read"
grep -qx 'foreign-key quote (customer_id) -> customer (id)' "$tmp/limited.lines" ||
	fail "a user with SELECT alone: the foreign key of quote was not read as expected: $(grep foreign "$tmp/limited.lines")"

refused wrong-password "Access denied for user 'mg_reader'" lint "mysql://mg_reader:$wrong@localhost/mg_shop$socket"
refused wrong-password-query "Access denied" lint "mysql://mg_reader@localhost/mg_shop$socket&password=$wrong"
refused unknown-database "Unknown database 'no_such_db'" lint "mysql://root@localhost/no_such_db$socket"
refused no-server "cannot connect" lint "mysql://mg_reader:$password@localhost/mg_shop?socket=/nonexistent/mysqld.sock"
refused no-database "names no database" lint "mysql://mg_reader:$password@localhost/$socket"
# A database without tables is refused, as an empty SQLite file is.
refused empty-database "mysql://root@localhost/mg_empty: defines no tables" lint "mysql://root@localhost/mg_empty$socket"
grep -qF "defines no tables: the database has no tables or views" "$tmp/empty-database.err" ||
	fail "empty-database: $(cat "$tmp/empty-database.err")"

[ "$status" -eq 0 ] && echo "mysql reader: ok"
exit "$status"
