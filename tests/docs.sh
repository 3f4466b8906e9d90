#!/bin/sh
# docs.sh: the docs never lie. Every "$ isoflop ..." example in README.md (in
# a fenced block) and in the man pages (in a .Bd -literal block) is run, and
# its output must be exactly the lines that follow it, up to the next "$ "
# line or the end of the block.
. "$(dirname "$0")/lib.sh"

for doc in README.md man/isoflop.1 man/isoflop-presets.5; do
	rm -f "$tmp"/cmd.* "$tmp"/want.*
	awk -v dir="$tmp" -f tests/docs-extract.awk "$doc"
	for cmd in "$tmp"/cmd.*; do
		[ -e "$cmd" ] || break
		k=${cmd##*.}
		n=$((n + 1))
		args=$(cat "$cmd")
		# the examples' commands are plain words: no quotes or globs to interpret
		# shellcheck disable=SC2086
		"$ISOFLOP" $args >"$tmp/got" 2>&1
		if cmp -s "$tmp/got" "$tmp/want.$k"; then
			echo "ok $n - $doc: isoflop $args"
		else
			echo "not ok $n - $doc: isoflop $args (tests/docs-update.sh rewrites it)"
			diff "$tmp/want.$k" "$tmp/got" | sed 's/^/#   /' | head -n 20
		fi
	done
done
echo "1..$n"
