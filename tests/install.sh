#!/bin/sh
# install.sh COUNTS: make install into a temporary DESTDIR, then use the
# installed binary from another directory: it must find its presets, and
# man must find its pages. make uninstall must leave nothing behind.
set -u
counts=$1
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
stage="$tmp/stage"
prefix=/usr/local
n=0 pass=0 fail=0
ok() { n=$((n + 1)); pass=$((pass + 1)); echo "ok $n - $1"; }
no() {
	n=$((n + 1)); fail=$((fail + 1)); echo "not ok $n - $1"
	shift
	for l in "$@"; do printf '%s\n' "$l" | sed 's/^/#   /'; done
}

if make -s -C "$root" install DESTDIR="$stage" PREFIX="$prefix" >"$tmp/log" 2>&1; then
	ok "make install DESTDIR=... PREFIX=$prefix"
else
	no "make install" "$(tail -n 5 "$tmp/log")"
fi
bin="$stage$prefix/bin/isoflop"
mkdir -p "$tmp/elsewhere"
out=$(cd "$tmp/elsewhere" && HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" "$bin" optimum --law hoffmann2022-unrounded --compute 5.76e23 --format csv 2>&1)
if printf '%s\n' "$out" | grep -q '^hoffmann2022-unrounded,5.76e+23,4.03'; then
	ok "the installed binary finds its presets from another directory"
else
	no "installed binary and presets" "$out"
fi
models=$(cd "$tmp/elsewhere" && HOME="$tmp" "$bin" presets models --format csv | tail -n +2 | wc -l)
if [ "$models" -ge 20 ]; then ok "the installed presets list $models models"; else no "installed models" "$models"; fi
accelerators=$(cd "$tmp/elsewhere" && HOME="$tmp" "$bin" presets accelerators --format csv | tail -n +2 | wc -l)
if [ "$accelerators" -ge 6 ]; then ok "the installed presets list $accelerators accelerators"; else no "installed accelerators" "$accelerators"; fi
limits=$(cd "$tmp/elsewhere" && HOME="$tmp" "$bin" presets stocks --format csv | grep -c '^stock,villalobos2024,')$(cd "$tmp/elsewhere" && HOME="$tmp" "$bin" presets trends --format csv | grep -c '^trend,epoch2024,')
if [ "$limits" = 11 ]; then ok "the installed presets list the stock and the trend"; else no "installed stocks and trends" "$limits"; fi
page=$(MANPATH="$stage$prefix/share/man" man -w isoflop 2>&1)
if [ "$page" = "$stage$prefix/share/man/man1/isoflop.1" ]; then ok "man -w isoflop finds the installed page"; else no "man -w isoflop" "$page"; fi
page=$(MANPATH="$stage$prefix/share/man" man -w 5 isoflop-presets 2>&1)
if [ "$page" = "$stage$prefix/share/man/man5/isoflop-presets.5" ]; then ok "man -w 5 isoflop-presets finds the installed page"; else no "man -w 5 isoflop-presets" "$page"; fi
# each shell's completion where that shell looks for it under PREFIX
completions="$stage$prefix/share/bash-completion/completions/isoflop
$stage$prefix/share/zsh/site-functions/_isoflop
$stage$prefix/share/fish/vendor_completions.d/isoflop.fish"
for f in $completions; do
	if [ -s "$f" ] && grep -q -- '--law' "$f"; then ok "installed completion ${f#"$stage"}"; else no "completion ${f#"$stage"}" "missing or empty"; fi
done
if bash -n "$stage$prefix/share/bash-completion/completions/isoflop" 2>"$tmp/log"; then
	ok "the installed bash completion parses"
else
	no "bash -n on the installed completion" "$(cat "$tmp/log")"
fi
make -s -C "$root" uninstall DESTDIR="$stage" PREFIX="$prefix" >"$tmp/log" 2>&1
left=$(find "$stage" -type f | head -n 5)
if [ -z "$left" ]; then ok "make uninstall removes every installed file"; else no "uninstall left files" "$left"; fi
for f in $completions; do
	if [ ! -e "$f" ]; then ok "uninstall removed ${f#"$stage"}"; else no "uninstall left ${f#"$stage"}"; fi
done
echo "1..$n"
echo "# install: $pass passed, $fail failed"
echo "$pass $fail" >"$counts"
