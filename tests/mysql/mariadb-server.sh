#!/bin/sh
# The MariaDB server the tests read: a data directory of its own under DIR
# (in the build tree), reachable only through the Unix socket DIR/socket/mysqld.sock
# (no TCP: --skip-networking), no option file read, durability off. CTest
# starts it as a fixture before the tests that need it and stops it after
# them, also when they fail.
#
# usage: mariadb-server.sh start DIR    install the data directory (when missing), start, wait until ready
#        mariadb-server.sh stop DIR     stop it, and leave nothing running
#
# After start, DIR/env holds MG_MYSQL_SOCKET, the socket's path, for the
# tests to source. The server's root connects through the socket without a
# password (unix_socket authentication, as the OS user running the tests:
# root, or the user itself); other accounts need their password.
#
# As root the server runs as the unprivileged user "nobody" (--user).
set -eu

if [ $# -ne 2 ]; then
	echo "usage: $0 start|stop DIR" >&2
	exit 2
fi
action=$1
mkdir -p "$2"
dir=$(cd "$2" && pwd)
data=$dir/data
run=$dir/socket
socket=$run/mysqld.sock
pidfile=$run/mysqld.pid
log=$dir/server.log

for program in mariadbd mariadb-install-db mariadb-admin; do
	if ! command -v "$program" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$program" ]; then
		echo "mariadb-server: $program not found; install mariadb-server (scripts/install-deps)" >&2
		exit 1
	fi
done
mariadbd=$(command -v mariadbd || echo /usr/sbin/mariadbd)

user_option=""
if [ "$(id -u)" -eq 0 ]; then
	user_option="--user=nobody"
fi

stop() {
	[ -f "$pidfile" ] || return 0
	pid=$(cat "$pidfile" 2>/dev/null || true)
	[ -n "$pid" ] || return 0
	# The server this fixture started, by its pid.
	kill -TERM "$pid" 2>/dev/null || true
	i=0
	while kill -0 "$pid" 2>/dev/null && [ $i -lt 300 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -KILL "$pid" 2>/dev/null || true
	rm -f "$pidfile"
}

case $action in
start)
	stop
	mkdir -p "$run"
	if [ ! -d "$data/mysql" ]; then
		rm -rf "$data"
		mkdir -p "$data"
		if [ -n "$user_option" ]; then
			chown nobody:nogroup "$data" "$run"
		fi
		if ! mariadb-install-db --no-defaults --datadir="$data" $user_option --skip-test-db \
			--auth-root-authentication-method=socket --auth-root-socket-user="$(id -un)" >"$log" 2>&1; then
			echo "mariadb-server: mariadb-install-db failed:" >&2
			tail -n 20 "$log" >&2
			exit 1
		fi
	fi
	[ -z "$user_option" ] || chown nobody:nogroup "$run"
	: >>"$log"
	[ -z "$user_option" ] || chown nobody:nogroup "$log"
	"$mariadbd" --no-defaults --datadir="$data" $user_option --socket="$socket" --pid-file="$pidfile" \
		--skip-networking --log-error="$log" --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
		--skip-log-bin --innodb-buffer-pool-size=64M --innodb-log-file-size=16M --sync-frm=0 \
		>/dev/null 2>&1 &
	i=0
	until mariadb-admin --no-defaults --socket="$socket" -u root ping >/dev/null 2>&1; do
		i=$((i + 1))
		if [ $i -gt 600 ]; then
			echo "mariadb-server: the server did not start:" >&2
			tail -n 20 "$log" >&2
			stop
			exit 1
		fi
		sleep 0.1
	done
	echo "MG_MYSQL_SOCKET=$socket" >"$dir/env"
	;;
stop)
	stop
	;;
*)
	echo "usage: $0 start|stop DIR" >&2
	exit 2
	;;
esac
