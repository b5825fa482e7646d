#!/bin/sh
# Installs the browser tests' npm packages, at the versions package-lock.json
# pins, into DIR (the build tree), unless that lock file is installed there
# already. The browser is Debian's chromium: nothing downloads one.
# usage: setup.sh DIR
set -eu
dir=$1
for tool in node npm chromium; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "browser tests: $tool is missing; scripts/install-deps installs it" >&2
		exit 1
	fi
done
cd "$dir"
if [ -f node_modules/.modelgraph-lock ] && cmp -s package-lock.json node_modules/.modelgraph-lock; then
	exit 0
fi
npm ci --no-audit --no-fund --ignore-scripts
cp package-lock.json node_modules/.modelgraph-lock
