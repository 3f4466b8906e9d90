#!/bin/sh
# golden.sh [--update]: every case in tests/golden/cases must print exactly
# tests/golden/NAME.txt. With --update, write the files instead (make golden).
# the shipped presets only, whatever the user running the tests has configured (lib.sh)
. "$(dirname "$0")/lib.sh"
unset NO_COLOR
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
