#!/bin/sh
# docs.sh: README.md never lies. Every "$ isoflop ..." line in a fenced block
# is run, and its output must be exactly the lines that follow it, up to the
# next "$ " line or the end of the block.
set -u
: "${ISOFLOP:?set ISOFLOP to the binary under test}"
cd "$(dirname "$0")/.." || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config"
n=0

# split README into one file per example: cmd.N holds the command, want.N the output
awk -v dir="$tmp" '
	/^```/ { inblock = !inblock; cur = ""; next }
	inblock && /^\$ isoflop / { k++; cur = k; sub(/^\$ isoflop /, ""); print > (dir "/cmd." k); printf "" > (dir "/want." k); next }
	inblock && /^\$ / { cur = ""; next }
	inblock && cur != "" { print > (dir "/want." cur) }
' README.md

for cmd in "$tmp"/cmd.*; do
	[ -e "$cmd" ] || break
	k=${cmd##*.}
	n=$((n + 1))
	args=$(cat "$cmd")
	# the README's commands are plain words: no quotes or globs to interpret
	# shellcheck disable=SC2086
	"$ISOFLOP" $args >"$tmp/got" 2>&1
	if cmp -s "$tmp/got" "$tmp/want.$k"; then
		echo "ok $n - README: isoflop $args"
	else
		echo "not ok $n - README: isoflop $args"
		diff "$tmp/want.$k" "$tmp/got" | sed 's/^/#   /' | head -n 20
	fi
done
echo "1..$n"
