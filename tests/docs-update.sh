#!/bin/sh
# docs-update.sh: rewrite the output under every "$ isoflop ..." example in
# README.md and the man pages with what ISOFLOP prints today, in the same
# clean environment docs.sh checks with (escaped for mdoc in the man pages).
# Review the diff before committing: it is the point.
. "$(dirname "$0")/lib.sh"
for doc in README.md man/isoflop.1 man/isoflop-presets.5; do
	awk -v bin="$ISOFLOP" -v man="$(case $doc in *.[0-9]) echo 1 ;; *) echo 0 ;; esac)" '
	function run(cmd,   line) {
		cmd = bin " " cmd " 2>&1"
		while ((cmd | getline line) > 0) {
			if (man) {
				gsub(/\\/, "\\e", line)
				if (line ~ /^[.\047]/)
					line = "\\&" line
			}
			print line
		}
		close(cmd)
	}
	{
		if (man && /^\.Bd -literal/) { inblock = 1; skipping = 0; print; next }
		if (man && /^\.Ed/) { inblock = 0; skipping = 0; print; next }
		if (!man && /^```/) { inblock = !inblock; skipping = 0; print; next }
	}
	inblock && cont {
		print
		line = $0; sub(/^ +/, "", line)
		cmd = cmd " " line
		if (cmd ~ / \\e$/) { sub(/ \\e$/, "", cmd); next }
		cont = 0; run(cmd); skipping = 1; next
	}
	inblock && /^\$ isoflop / {
		print
		cmd = $0; sub(/^\$ isoflop /, "", cmd)
		if (man && cmd ~ / \\e$/) { sub(/ \\e$/, "", cmd); cont = 1; next }
		run(cmd); skipping = 1; next
	}
	inblock && /^\$ / { skipping = 0; print; next }
	skipping { next }
	{ print }
	' "$doc" >"$tmp/doc" && cp "$tmp/doc" "$doc"
done
