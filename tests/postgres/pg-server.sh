#!/bin/sh
# The PostgreSQL server the tests read: a cluster of its own under DIR (in
# the build tree), reachable only through a Unix socket in DIR/socket (no
# TCP: listen_addresses is empty), fsync off. CTest starts it as a fixture
# before the tests that need it and stops it after them, also when they fail.
#
# usage: pg-server.sh start DIR    initdb (when DIR/data is missing), start, wait until ready
#        pg-server.sh stop DIR     stop it, and leave nothing running
#
# After start, DIR/env holds the settings for libpq (PGHOST, PGPORT, PGUSER)
# that the tests source; the superuser "postgres" connects without a
# password, every other role needs its password (scram-sha-256).
#
# initdb and postgres refuse to run as root: as root, the server runs as
# the unprivileged user "nobody" (through setpriv), owning DIR/data and
# DIR/socket only.
set -eu

if [ $# -ne 2 ]; then
	echo "usage: $0 start|stop DIR" >&2
	exit 2
fi
action=$1
mkdir -p "$2"
dir=$(cd "$2" && pwd)
data=$dir/data
socket=$dir/socket
log=$dir/server.log

# Debian keeps the server binaries out of PATH, under /usr/lib/postgresql/N/bin.
bindir=""
if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
	bindir=$(pg_config --bindir)
fi
if [ -z "$bindir" ]; then
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
		if [ -x "$d/initdb" ]; then
			bindir=$d
			break
		fi
	done
fi
if [ -z "$bindir" ]; then
	echo "pg-server: initdb not found; install the postgresql package (scripts/install-deps)" >&2
	exit 1
fi

as_server() {
	if [ "$(id -u)" -eq 0 ]; then
		setpriv --reuid=nobody --regid=nogroup --clear-groups --reset-env -- "$@"
	else
		"$@"
	fi
}

stop() {
	[ -f "$data/postmaster.pid" ] || return 0
	as_server "$bindir/pg_ctl" -D "$data" -m fast -w -t 30 stop >>"$log" 2>&1 && return 0
	# It did not stop in time: end the postmaster this fixture started, by its pid.
	pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill -QUIT "$pid" 2>/dev/null || true
		sleep 1
		kill -KILL "$pid" 2>/dev/null || true
	fi
	rm -f "$data/postmaster.pid"
}

case $action in
start)
	stop # a server a killed run left behind
	if [ ! -f "$data/PG_VERSION" ]; then
		rm -rf "$data" "$socket"
		mkdir -p "$data" "$socket"
		[ "$(id -u)" -ne 0 ] || chown nobody:nogroup "$data" "$socket"
		chmod 700 "$data" "$socket"
		if ! as_server "$bindir/initdb" -D "$data" -U postgres --auth-local=scram-sha-256 \
			--auth-host=reject -E UTF8 --locale=C.UTF-8 --no-sync >"$log" 2>&1; then
			echo "pg-server: initdb failed:" >&2
			tail -n 20 "$log" >&2
			exit 1
		fi
		# The superuser connects without a password, through the socket only.
		{
			echo "local all postgres trust"
			echo "local all all scram-sha-256"
		} >"$data/pg_hba.conf"
	fi
	# The server writes its log itself: the file must be the server user's.
	: >>"$log"
	[ "$(id -u)" -ne 0 ] || chown nobody:nogroup "$log"
	if ! as_server "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 60 \
		-o "-c listen_addresses='' -k $socket -p 5432 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_locks_per_transaction=1024" \
		start >/dev/null 2>&1; then
		echo "pg-server: the server did not start:" >&2
		tail -n 20 "$log" >&2
		exit 1
	fi
	{
		echo "PGHOST=$socket"
		echo "PGPORT=5432"
		echo "PGUSER=postgres"
		echo "export PGHOST PGPORT PGUSER"
	} >"$dir/env"
	;;
stop)
	stop
	;;
*)
	echo "usage: $0 start|stop DIR" >&2
	exit 2
	;;
esac
