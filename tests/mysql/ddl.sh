#!/bin/sh
# MySQL-dialect scripts, loaded into the throwaway MariaDB server modelgraph
# starts for each:
# - detected by their content (ENGINE=, AUTO_INCREMENT, DELIMITER, …), or
#   forced with --dialect mysql; a SQLite script with backquoted names stays
#   SQLite's;
# - DELIMITER, triggers, DEFINER= views load; INSERTs and procedures are
#   skipped; a USE'd database is the one read; objects keep their line;
# - an error names file:line:col of the failing statement, exit 2;
# - client commands (source, \!) are refused, and nothing a script says
#   reaches files outside the server's own empty directory;
# - without the server's binary: exit 2 naming the package to install and
#   the mysql:// alternative;
# - after every run, even a failed one or one ended by a signal, nothing is
#   left: no directory in TMPDIR, no process.
#
# usage: ddl.sh MODELGRAPH
set -eu
export LC_ALL=C

label="mysql ddl"
. "$(dirname "$0")/../throwaway-harness.sh"
HOME=$tmp # no ~/.my.cnf
export HOME

cat >shop.sql <<'EOF'
-- A MySQL schema: detected by its ENGINE= and AUTO_INCREMENT.
/*!40101 SET NAMES utf8mb4 */;
CREATE DATABASE IF NOT EXISTS shop;
USE shop;
CREATE TABLE `customer` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `email` varchar(120) NOT NULL,
  `active` tinyint(1) NOT NULL DEFAULT 1 COMMENT 'may sign in',
  PRIMARY KEY (`id`),
  UNIQUE KEY `customer_email` (`email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='who buys';

CREATE TABLE purchase (
  id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id int unsigned NOT NULL,
  CONSTRAINT purchase_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE
) ENGINE=InnoDB;
CREATE INDEX purchase_by_customer ON purchase (customer_id);
INSERT INTO customer (email) VALUES ('someone@example.org');
DELIMITER ;;
CREATE TRIGGER touch BEFORE INSERT ON purchase FOR EACH ROW BEGIN
  SET NEW.id = NEW.id; -- a semicolon inside the body
END;;
CREATE DEFINER=`root`@`localhost` PROCEDURE count_them() BEGIN SELECT COUNT(*) FROM purchase; END;;
DELIMITER ;
CREATE DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW big AS SELECT id, email FROM customer;
CALL count_them();
EOF
run shop lint shop.sql
[ "$rc" -eq 0 ] || fail "shop.sql: exit status $rc: $(cat shop.err)"
[ ! -s shop.err ] || fail "shop.sql: standard error: $(cat shop.err)"
run shop-dump dump shop.sql
grep -q '"kind": "sql"' shop-dump.out || fail "shop.sql: not read as a script"
grep -q '"on_delete": "CASCADE"' shop-dump.out || fail "shop.sql: the foreign key was not read"
grep -q '"type": "tinyint(1)"' shop-dump.out || fail "shop.sql: not read through MariaDB"
grep -q '"comment": "who buys"' shop-dump.out || fail "shop.sql: the table's comment was not read"
grep -q '"name": "big"' shop-dump.out || fail "shop.sql: the view was not read"
# The table customer is declared at line 5, column 14; the index at 18.
grep -q '"line": 5' shop-dump.out || fail "shop.sql: the table customer is not placed at line 5"
grep -q '"line": 18' shop-dump.out || fail "shop.sql: the index is not placed at line 18"

# Forced: a script with nothing only MySQL has.
printf 'CREATE TABLE plain (id integer PRIMARY KEY, name varchar(20));\n' >plain.sql
run plain-forced dump --dialect mysql plain.sql
[ "$rc" -eq 0 ] || fail "--dialect mysql: exit status $rc: $(cat plain-forced.err)"
grep -q '"type": "int(11)"' plain-forced.out || fail "--dialect mysql: not read through MariaDB"
run plain dump plain.sql
grep -q '"type": "INTEGER"' plain.out || fail "plain.sql: not read through SQLite"
# SQLite takes backquoted names too: they alone make no MySQL script.
printf 'CREATE TABLE `quoted` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `name` TEXT);\n' >sqlite-quoted.sql
run sqlite-quoted dump sqlite-quoted.sql
[ "$rc" -eq 0 ] || fail "sqlite-quoted.sql: exit status $rc: $(cat sqlite-quoted.err)"
grep -q '"type": "INTEGER"' sqlite-quoted.out || fail "sqlite-quoted.sql: not read through SQLite"
refused sqlite-forced "shop.sql:" lint --dialect sqlite shop.sql

# Errors: file:line:col of the failing statement.
cat >syntax.sql <<'EOF'
CREATE TABLE a (id int PRIMARY KEY) ENGINE=InnoDB;

CREATE TABLE b (
    id int PRIMARY KEY,
    name varchar(20) NOT NUL
) ENGINE=InnoDB;
EOF
refused syntax "syntax.sql:5:26: syntax error near 'NUL'" lint syntax.sql
cat >unknown.sql <<'EOF'
CREATE TABLE a (id int PRIMARY KEY) ENGINE=InnoDB;
CREATE TABLE b (a_id int, FOREIGN KEY (a_id) REFERENCES missing (id)) ENGINE=InnoDB;
EOF
refused unknown-table 'unknown.sql:2:1: Can'"'"'t create table `script`.`b`' lint unknown.sql
printf 'CREATE TABLE a (id int) ENGINE=InnoDB;\n' >empty-db.sql
printf 'CREATE DATABASE other;\nUSE other;\n' >>empty-db.sql
refused empty-db 'defines no tables' lint empty-db.sql

# Nothing reaches the machine: the client's shell escape and source are
# refused, and the server's files are an empty directory of its own.
printf 'CREATE TABLE t (id int) ENGINE=InnoDB;\n\\! touch %s/escaped\n' "$tmp" >shell.sql
refused shell 'shell.sql:2:1: client command \! is refused' lint shell.sql
[ ! -e "$tmp/escaped" ] || fail "\\! ran a command"
printf 'CREATE TABLE t (id int) ENGINE=InnoDB;\nsource /etc/passwd\n' >source.sql
refused source 'source.sql:2:1: client command source is refused' lint source.sql
printf "CREATE TABLE t (id int) ENGINE=InnoDB;\nSELECT 1 INTO OUTFILE '%s/written';\n" "$tmp" >outfile.sql
refused outfile 'outfile.sql:2:1: The MariaDB server is running with the --secure-file-priv option' lint outfile.sql
[ ! -e "$tmp/written" ] || fail "INTO OUTFILE wrote a file"
printf "CREATE TABLE t (id int) ENGINE=InnoDB;\nLOAD DATA LOCAL INFILE '/etc/passwd' INTO TABLE t;\n" >local.sql
run local lint local.sql # LOAD is data: skipped, never run
[ "$rc" -eq 0 ] || fail "local.sql: exit status $rc: $(cat local.err)"

# Without the binary.
MODELGRAPH_MARIADBD=$tmp/no-such-mariadbd
export MODELGRAPH_MARIADBD
refused no-binary 'install the mariadb-server package' lint shop.sql
grep -qF 'mysql://' no-binary.err || fail "no binary: the mysql:// alternative is not named"
unset MODELGRAPH_MARIADBD

# Ended by a signal while the script runs: the server and its directory go
# too. (A background job of a script ignores SIGINT, Ctrl-C's signal;
# SIGTERM ends modelgraph the same way.) The script's name is its own: the
# PostgreSQL test may run beside this one and looks for its process by name.
printf 'CREATE TABLE t (id int) ENGINE=InnoDB;\nDO SLEEP(20);\n' >slow-mariadb.sql
"$modelgraph" lint slow-mariadb.sql >slow.out 2>slow.err &
pid=$!
i=0
while [ $i -lt 600 ] && ! ps -eo args | grep -F "$tmp/scratch" | grep -v grep | grep -q -- --datadir; do
	sleep 0.1
	i=$((i + 1))
done
sleep 1 # into the script
kill -TERM "$pid"
wait "$pid" || true
i=0
while [ $i -lt 200 ] && [ -n "$(ls -A scratch)" ]; do
	sleep 0.1
	i=$((i + 1))
done
left_behind "a signal"
i=0 # the watcher ends just after it removed the directory
while [ $i -lt 200 ] && ps -eo args | grep -F "lint slow-mariadb.sql" | grep -v grep >/dev/null; do
	sleep 0.1
	i=$((i + 1))
done
if ps -eo args | grep -F "lint slow-mariadb.sql" | grep -v grep >/dev/null; then
	fail "a signal: a modelgraph process is still running"
fi
[ ! -s slow.out ] || fail "a signal: modelgraph ran to the end: $(cat slow.out)"

[ "$status" -eq 0 ] && echo "mysql ddl: ok"
exit "$status"
