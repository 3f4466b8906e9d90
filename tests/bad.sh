#!/bin/sh
# bad.sh: every file in tests/bad/ must be refused with exactly the one-line
# message in its .expect file (FILE: prefix left out there), exit status 2,
# nothing on stdout, as `isoflop presets --preset FILE` does for a user.
# Also a file over 1 MiB, made here rather than kept in the repository.
set -u
: "${ISOFLOP:?set ISOFLOP to the binary under test}"
cd "$(dirname "$0")/.." || exit 1
n=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() { # name file expected-message
	n=$((n + 1))
	"$ISOFLOP" presets --preset "$2" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	want="$2:$3"
	got=$(cat "$tmp/err")
	if [ "$rc" = 2 ] && [ "$got" = "$want" ] && [ ! -s "$tmp/out" ]; then
		echo "ok $n - $1"
	else
		echo "not ok $n - $1"
		echo "#   exit $rc (want 2), stdout $(wc -c <"$tmp/out") bytes (want 0)"
		echo "#   got:  $got"
		echo "#   want: $want"
	fi
}

count=0
for f in tests/bad/*.yaml; do
	name=$(basename "$f" .yaml)
	check "$name" "$f" "$(cat "tests/bad/$name.expect")"
	count=$((count + 1))
done

# Tours: each file in tests/bad/tours/ is refused by `tour --dump` the same way.
check_tour() { # name file expected-message
	n=$((n + 1))
	rm -rf "$tmp/dump"
	"$ISOFLOP" tour --dump "$2" "$tmp/dump" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	got=$(cat "$tmp/err")
	if [ "$rc" = 2 ] && [ "$got" = "$2:$3" ] && [ ! -s "$tmp/out" ] && [ ! -e "$tmp/dump" ]; then
		echo "ok $n - tour $1"
	else
		echo "not ok $n - tour $1"
		echo "#   exit $rc (want 2); got: $got"
		echo "#   want: $2:$3"
	fi
}
for f in tests/bad/tours/*.yaml; do
	name=$(basename "$f" .yaml)
	check_tour "$name" "$f" "$(cat "tests/bad/tours/$name.expect")"
done

# a caption line is measured in characters, not bytes: 78 of two bytes fit
n=$((n + 1))
{
	printf 'id: test-tour\ntitle: Test tour\nsteps:\n  - caption: '
	i=0
	while [ $i -lt 78 ]; do printf '\303\251'; i=$((i + 1)); done
	printf '\n    compute: 1e22\n'
} >"$tmp/wide.yaml"
if "$ISOFLOP" tour --dump "$tmp/wide.yaml" "$tmp/wide" >/dev/null 2>"$tmp/err"; then
	echo "ok $n - a caption of 78 two-byte characters fits"
else
	echo "not ok $n - a caption of 78 two-byte characters: $(cat "$tmp/err")"
fi
# and drawn a cell a character: what follows 75 of them is still on the band
n=$((n + 1))
{
	printf 'id: test-tour\ntitle: Test tour\nsteps:\n  - caption: '
	i=0
	while [ $i -lt 75 ]; do printf '\303\251'; i=$((i + 1)); done
	printf 'END\n    compute: 1e22\n'
} >"$tmp/wide-end.yaml"
if "$ISOFLOP" tour --dump "$tmp/wide-end.yaml" "$tmp/wide-end" >/dev/null 2>"$tmp/err" &&
	grep -q '?END' "$tmp/wide-end/step-01.txt"; then
	echo "ok $n - a caption of 75 two-byte characters and END shows END"
else
	echo "not ok $n - a caption's end pushed off the band: $(cat "$tmp/err")"
	grep -F '???' "$tmp/wide-end/step-01.txt" 2>/dev/null | sed 's/^/#   /'
fi

# over 1 MiB: a valid preset padded with a comment
{ sed -n 1,7p tests/bad/bad-tag.yaml | sed 's/TMXL/TM/'; head -c 1100000 /dev/zero | tr '\0' '#'; echo; } >"$tmp/big.yaml"
check "over-1MiB" "$tmp/big.yaml" "1:1: file is larger than 1 MiB"

# a missing file
check "missing-file" "$tmp/nonexistent.yaml" "1:1: cannot open: No such file or directory"

# a directory is no preset file (it once said "read error")
check "directory" "$tmp" "1:1: is a directory, not a file"

# A FIFO named *.yaml in the config directory once hung every command (opening
# it waited for a writer): it is skipped and listed as broken, without blocking.
mkdir -p "$tmp/config/isoflop/laws"
mkfifo "$tmp/config/isoflop/laws/stuck.yaml"
n=$((n + 1))
XDG_CONFIG_HOME="$tmp/config" timeout 10 "$ISOFLOP" presets >"$tmp/out" 2>"$tmp/err"
rc=$?
want="broken: $tmp/config/isoflop/laws/stuck.yaml:1:1: is a FIFO, not a regular file"
if [ "$rc" = 0 ] && grep -qxF "$want" "$tmp/out"; then
	echo "ok $n - a FIFO in the config directory is skipped as broken"
else
	echo "not ok $n - a FIFO in the config directory: exit $rc (124: hung)"
	echo "#   want the line: $want"
	sed 's/^/#   got: /' "$tmp/out" "$tmp/err" | grep -i 'broken\|fifo' | head -n 3
fi
n=$((n + 1))
XDG_CONFIG_HOME="$tmp/config" timeout 10 "$ISOFLOP" loss --params 70B --tokens 1.4T >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" = 0 ] && grep -q 'stuck.yaml:1:1: is a FIFO' "$tmp/err"; then
	echo "ok $n - any command warns of the FIFO and goes on"
else
	echo "not ok $n - loss with a FIFO in the config directory: exit $rc (124: hung)"
fi

# a FIFO the user names is read as cat reads it: it waits for its writer
mkfifo "$tmp/named.yaml"
n=$((n + 1))
# (the writer gives up too: with no reader its open would wait for ever)
timeout 20 sh -c 'sleep 1 && cat presets/laws/hoffmann2022.yaml >"$1"' sh "$tmp/named.yaml" &
timeout 20 "$ISOFLOP" loss --preset "$tmp/named.yaml" --law hoffmann2022 --params 70B --tokens 1.4T \
	>"$tmp/out" 2>"$tmp/err"
rc=$?
wait
if [ "$rc" = 0 ] && grep -q '^hoffmann2022 ' "$tmp/out"; then
	echo "ok $n - --preset FIFO waits for its writer and reads the law"
else
	echo "not ok $n - --preset FIFO with a writer a second late: exit $rc"
	sed 's/^/#   /' "$tmp/err" | head -n 3
fi

n=$((n + 1))
if [ "$count" -ge 30 ]; then echo "ok $n - corpus has $count bad files (at least 30)"; else echo "not ok $n - corpus has only $count bad files"; fi
echo "1..$n"
