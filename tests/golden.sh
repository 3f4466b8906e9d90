#!/bin/sh
# golden.sh [--update]: every case in tests/golden/cases must print exactly
# tests/golden/NAME.txt. With --update, write the files instead (make golden).
set -u
: "${ISOFLOP:?set ISOFLOP to the binary under test}"
cd "$(dirname "$0")/.." || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the shipped presets only, whatever the user running the tests has configured
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config"
unset NO_COLOR
n=0
while IFS='|' read -r name args; do
	case "$name" in '#'* | '') continue ;; esac
	name=$(echo "$name" | tr -d ' ')
	n=$((n + 1))
	# shellcheck disable=SC2086 # the arguments are plain words
	"$ISOFLOP" $args >"$tmp/got" 2>&1
	rc=$?
	if [ "${1:-}" = --update ]; then
		cp "$tmp/got" "tests/golden/$name.txt"
		echo "ok $n - wrote tests/golden/$name.txt"
	elif [ "$rc" != 0 ]; then
		echo "not ok $n - golden $name: exit $rc"
		sed 's/^/#   /' "$tmp/got" | head -n 5
	elif cmp -s "$tmp/got" "tests/golden/$name.txt"; then
		echo "ok $n - golden $name"
	else
		echo "not ok $n - golden $name differs (make golden rewrites it; review the diff)"
		diff "tests/golden/$name.txt" "$tmp/got" | sed 's/^/#   /' | head -n 20
	fi
done <tests/golden/cases
echo "1..$n"
