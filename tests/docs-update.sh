#!/bin/sh
# docs-update.sh: rewrite the output under every "$ isoflop ..." example in
# README.md with what ISOFLOP prints today, in the same clean environment
# docs.sh checks with. Review the diff before committing: it is the point.
set -u
: "${ISOFLOP:?set ISOFLOP to the binary under test}"
cd "$(dirname "$0")/.." || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config"
awk -v bin="$ISOFLOP" '
	/^```/ { inblock = !inblock; skipping = 0; print; next }
	inblock && /^\$ isoflop / {
		print
		cmd = $0; sub(/^\$ isoflop /, "", cmd)
		cmd = bin " " cmd " 2>&1"
		while ((cmd | getline line) > 0) print line
		close(cmd)
		skipping = 1; next
	}
	inblock && /^\$ / { skipping = 0; print; next }
	skipping { next }
	{ print }
' README.md >"$tmp/README.md" && cp "$tmp/README.md" README.md
