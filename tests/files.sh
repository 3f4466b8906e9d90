#!/bin/sh
# files.sh: the files isoflop writes (fit --output, tour --dump) and its
# standard output. --force replaces a regular file or a symlink (the link,
# never its target) and nothing else; a planted symlink is never written
# through; a full disk (RLIMIT_FSIZE 0, so every write fails with EFBIG)
# leaves no empty, partial or temporary file and an old file as it was; a
# preset the loader would refuse is never written; a write error on standard
# output is one line and status 2. FIFOs, directories and symlinks are made
# in the scratch directory: never a real device.
. "$(dirname "$0")/lib.sh"

runs=tests/runs/besiroglu-sweeps.csv

# full CMD...: run with every file write failing (a full disk); stderr and
# status come back through a pipe, which the limit does not touch
full() {
	err=$( (
		ulimit -f 0
		trap '' XFSZ
		"$ISOFLOP" "$@" 2>&1 >/dev/null
		echo "rc=$?"
	))
	rc=$(printf '%s\n' "$err" | sed -n 's/^rc=//p')
	err=$(printf '%s\n' "$err" | grep -v '^rc=')
}

# leftovers DIR: any temporary file a write left there
leftovers() {
	find "$1" -name '*.XXXXXX' -o -name '*.tmp' -o -name '*.yaml.??????' -o -name 'step-*.txt.??????'
}

# --- fit --output and what is at its name ------------------------------------
mkdir "$tmp/w"
mkfifo "$tmp/w/fifo.yaml"
mkdir "$tmp/w/dir.yaml"
for force in "" --force; do
	# the FIFO is never opened (that would hang): run under timeout all the same
	err=$(timeout 60 "$ISOFLOP" fit "$runs" --output "$tmp/w/fifo.yaml" $force 2>&1 >/dev/null)
	rc=$?
	said_error "fit --output onto a FIFO ${force:-without --force}: refused" \
		"isoflop: $tmp/w/fifo.yaml is a FIFO, not a regular file: not replaced"
	if [ -p "$tmp/w/fifo.yaml" ]; then ok "the FIFO is still a FIFO"; else no "the FIFO was replaced" "$(ls -l "$tmp/w")"; fi
	run fit "$runs" --output "$tmp/w/dir.yaml" $force
	said_error "fit --output onto a directory ${force:-without --force}: named as a directory, not 'File exists'" \
		"isoflop: $tmp/w/dir.yaml is a directory, not a regular file: not replaced"
done
if python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$tmp/w/sock.yaml" 2>/dev/null; then
	run fit "$runs" --output "$tmp/w/sock.yaml" --force
	said_error "fit --output --force onto a socket: refused" \
		"isoflop: $tmp/w/sock.yaml is a socket, not a regular file: not replaced"
else
	ok "# SKIP no python3 to make a socket"
fi

# a symlink is replaced as a link: its target keeps its content
echo "the victim's own text" >"$tmp/w/victim"
ln -s victim "$tmp/w/link.yaml"
run fit "$runs" --output "$tmp/w/link.yaml"
said_error "fit --output onto a symlink without --force: it exists" \
	"isoflop: $tmp/w/link.yaml: File exists (--force overwrites)"
run fit "$runs" --output "$tmp/w/link.yaml" --force --format csv
if [ "$rc" = 0 ] && [ ! -L "$tmp/w/link.yaml" ] && grep -q '^family: additive' "$tmp/w/link.yaml" &&
	[ "$(cat "$tmp/w/victim")" = "the victim's own text" ]; then
	ok "fit --output --force replaces a symlink, not the file it points to"
else
	no "fit --output --force through a symlink" "exit $rc" "$err" "$(ls -l "$tmp/w")" "victim: $(cat "$tmp/w/victim")"
fi
# a symlink to a FIFO (as /dev/stderr is one to a device) is the FIFO's: never replaced
ln -s fifo.yaml "$tmp/w/to-fifo.yaml"
run fit "$runs" --output "$tmp/w/to-fifo.yaml" --force
said_error "fit --output --force onto a symlink to a FIFO: refused" \
	"isoflop: $tmp/w/to-fifo.yaml is a symlink to a FIFO, not a regular file: not replaced"
if [ -L "$tmp/w/to-fifo.yaml" ]; then ok "the symlink to the FIFO is still there"; else no "the symlink to a FIFO was replaced" "$(ls -l "$tmp/w")"; fi
# a file replaced keeps its permissions: a private preset stays private
run fit "$runs" --output "$tmp/w/private.yaml"
chmod 600 "$tmp/w/private.yaml"
run fit "$runs" --output "$tmp/w/private.yaml" --force --method isoflop
mode=$(stat -c %a "$tmp/w/private.yaml")
if [ "$rc" = 0 ] && [ "$mode" = 600 ] && grep -q '^family: frontier' "$tmp/w/private.yaml"; then
	ok "fit --output --force keeps the replaced file's mode (600)"
else
	no "the mode of a replaced file" "exit $rc, mode $mode" "$err"
fi
ln -s nowhere "$tmp/w/dangling.yaml"
run fit "$runs" --output "$tmp/w/dangling.yaml"
said_error "a dangling symlink exists too" "isoflop: $tmp/w/dangling.yaml: File exists (--force overwrites)"
if [ -z "$(leftovers "$tmp/w")" ]; then ok "no temporary files left beside them"; else no "temporary files left" "$(leftovers "$tmp/w")"; fi

# --- fit --output on a full disk ---------------------------------------------
mkdir "$tmp/f"
full fit "$runs" --output "$tmp/f/law.yaml"
said_error "fit --output on a full disk: one line" "isoflop: $tmp/f/law.yaml: File too large"
if [ -z "$(ls -A "$tmp/f")" ]; then ok "a full disk leaves no file, empty or temporary"; else no "files left on a full disk" "$(ls -lA "$tmp/f")"; fi
echo "old law" >"$tmp/f/law.yaml"
full fit "$runs" --output "$tmp/f/law.yaml" --force
said_error "fit --output --force on a full disk: one line" "isoflop: $tmp/f/law.yaml: File too large"
if [ "$(cat "$tmp/f/law.yaml")" = "old law" ] && [ "$(ls -A "$tmp/f")" = law.yaml ]; then
	ok "a full disk leaves the old file whole and nothing beside it"
else
	no "the old file on a full disk" "$(ls -lA "$tmp/f")" "$(head -c 200 "$tmp/f/law.yaml")"
fi

# --- a preset we cannot read is never written --------------------------------
printf 'params,tokens,loss\n1e8,1e10,3.1\n2e8,1e10,2.9\n4e8,1e10,2.8\n8e8,1e10,2.72\n1.6e9,1e10,2.68\n3.2e9,1e10,2.66\n' >"$tmp/oned.csv"
run fit "$tmp/oned.csv" --output "$tmp/oned.yaml"
said_error "runs at one token count: no preset, and why" \
	"isoflop: $tmp/oned.csv: every run has D = 10B: with B and beta unknown there is no law to write to $tmp/oned.yaml"
if [ ! -e "$tmp/oned.yaml" ] && [ -z "$(leftovers "$tmp")" ]; then ok "nothing written for them"; else no "a file for runs at one token count" "$(ls -l "$tmp")"; fi

# runs at one compute budget: refused before any fit (no L(N, D) along one iso-FLOP line), nothing written
grep -v '^#' tests/runs/besiroglu-sweeps.csv | head -n 13 >"$tmp/one-budget.csv"
run fit "$tmp/one-budget.csv" --output "$tmp/ob.yaml"
said_error "runs at one budget: no preset, and why, naming the file not written" \
	"isoflop: $tmp/one-budget.csv: the runs form one compute budget (C = 6e18 FLOPs): along it N and D move together, so A/N^alpha and B/D^beta cannot be told apart; add runs at another budget"
if [ ! -e "$tmp/ob.yaml" ]; then ok "nothing written for one budget"; else no "a file for runs at one budget"; fi

# runs whose fit underflows (E and A of 0): the loader's own reason, or the
# runs refused on reading; either way one line and no file
awk 'BEGIN { print "params,tokens,loss"; for (i = 0; i < 6; i++) printf "%g,%g,1e-300\n", 10^(6 + i), 1e10 * 2^i }' >"$tmp/tiny.csv"
run fit "$tmp/tiny.csv" --output "$tmp/tiny.yaml"
if [ "$rc" = 2 ] && [ "$(printf '%s\n' "$err" | wc -l)" = 1 ] && [ ! -e "$tmp/tiny.yaml" ]; then
	ok "a fit the loader would refuse is not written: $err"
else
	no "a fit the loader refuses" "exit $rc" "$err" "$(cat "$tmp/tiny.yaml" 2>/dev/null)"
fi

# every preset fit --output writes loads with --preset, whatever the method
mkdir "$tmp/rt"
{
	echo params,flops,loss
	awk '/^[0-9]/ && NR % 3 == 0' "$runs"
} >"$tmp/third.csv"
for case in "parametric $runs" "isoflop $runs" "parametric $tmp/third.csv" "isoflop $tmp/third.csv"; do
	method=${case%% *} file=${case#* }
	name="$method-$(basename "$file" .csv)"
	run fit "$file" --method "$method" --output "$tmp/rt/$name.yaml"
	if [ "$rc" != 0 ]; then
		# a fit that cannot be saved says so in one line and writes nothing
		if [ ! -e "$tmp/rt/$name.yaml" ] && [ "$(printf '%s\n' "$err" | wc -l)" = 1 ]; then ok "$name: not saved, and said why"; else no "$name" "exit $rc" "$err"; fi
		continue
	fi
	run presets --preset "$tmp/rt/$name.yaml"
	if [ "$rc" = 0 ] && [ -z "$err" ]; then ok "$name: the written preset loads back"; else no "$name: written but refused" "$err" "$(cat "$tmp/rt/$name.yaml")"; fi
done

# --- --output - and /dev/stdout -----------------------------------------------
run fit "$runs" --output -
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | sed -n 2p)" = "id: fit" ] && ! printf '%s\n' "$out" | grep -q '^method'; then
	ok "--output - writes the preset alone to standard output"
else
	no "--output -" "exit $rc" "$err" "$(printf '%s\n' "$out" | head -n 3)"
fi
printf '%s\n' "$out" >"$tmp/stdout.yaml"
run presets --preset "$tmp/stdout.yaml"
if [ "$rc" = 0 ]; then ok "and it loads"; else no "--output - does not load" "$err"; fi
run fit "$runs" --output /dev/stdout --method isoflop
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^family: frontier'; then ok "--output /dev/stdout is standard output, not a file to replace"; else no "--output /dev/stdout" "exit $rc" "$err"; fi
for name in /dev/fd/1 /proc/self/fd/1; do
	run fit "$runs" --output "$name" --force --method isoflop
	if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^family: frontier'; then ok "--output $name is standard output too"; else no "--output $name" "exit $rc" "$err"; fi
done
"$ISOFLOP" fit "$runs" --output - >/dev/full 2>"$tmp/err"
rc=$? err=$(cat "$tmp/err")
said_error "--output - to a full disk" "isoflop: standard output: No space left on device"

# --- standard output on a full disk -------------------------------------------
for args in --help --keys --version "presets" "loss --params 70B --tokens 1.4T" "fit $runs --method isoflop"; do
	# shellcheck disable=SC2086
	"$ISOFLOP" $args >/dev/full 2>"$tmp/err"
	rc=$? err=$(cat "$tmp/err")
	said_error "isoflop $args >/dev/full: exit 2, one line" "isoflop: standard output: No space left on device"
done

# --- tour --dump -------------------------------------------------------------
# a symlink planted at the old temporary name is never written through
mkdir "$tmp/t"
"$ISOFLOP" tour --dump chinchilla-story "$tmp/t" >/dev/null 2>&1
echo "the victim's own text" >"$tmp/victim"
ln -s "$tmp/victim" "$tmp/t/step-01.txt.tmp"
run tour --dump chinchilla-story "$tmp/t" --force
if [ "$rc" = 0 ] && [ "$(cat "$tmp/victim")" = "the victim's own text" ] && grep -q '^1/10 ' "$tmp/t/step-01.txt"; then
	ok "tour --dump --force never writes through a planted symlink"
else
	no "tour --dump --force wrote through a symlink" "exit $rc" "$err" "victim: $(head -c 200 "$tmp/victim")"
fi
rm "$tmp/t/step-01.txt.tmp"
# a symlink at a frame's own name is replaced as a link; its target keeps its text
echo "the second victim's text" >"$tmp/victim2"
rm "$tmp/t/step-02.txt"
ln -s "$tmp/victim2" "$tmp/t/step-02.txt"
run tour --dump chinchilla-story "$tmp/t" --force
if [ "$rc" = 0 ] && [ ! -L "$tmp/t/step-02.txt" ] && grep -q '^2/10 ' "$tmp/t/step-02.txt" &&
	[ "$(cat "$tmp/victim2")" = "the second victim's text" ]; then
	ok "tour --dump --force replaces a frame's symlink, not the file it points to"
else
	no "tour --dump --force and a symlink at a frame's name" "exit $rc" "$err" "$(ls -l "$tmp/t")"
fi
mv "$tmp/t/step-03.txt" "$tmp/t/old-03.txt"
mkfifo "$tmp/t/step-03.txt"
cp "$tmp/t/step-01.txt" "$tmp/step-01.before"
err=$(timeout 60 "$ISOFLOP" tour --dump chinchilla-story "$tmp/t" --force 2>&1 >/dev/null)
rc=$?
said_error "tour --dump --force onto a FIFO: refused" "isoflop: $tmp/t/step-03.txt is a FIFO, not a regular file: not replaced"
if [ -p "$tmp/t/step-03.txt" ] && cmp -s "$tmp/step-01.before" "$tmp/t/step-01.txt"; then ok "nothing replaced, before or after it"; else no "tour --dump replaced files" "$(ls -l "$tmp/t")"; fi
rm "$tmp/t/step-03.txt"
mv "$tmp/t/old-03.txt" "$tmp/t/step-03.txt"
mkdir -p "$tmp/d/step-03.txt"
run tour --dump chinchilla-story "$tmp/d"
said_error "tour --dump onto a directory: named as a directory, not 'exists'" "isoflop: $tmp/d/step-03.txt is a directory, not a regular file: not replaced"
if [ "$(ls -A "$tmp/d")" = step-03.txt ]; then ok "and no frame written before it"; else no "frames written before the refusal" "$(ls -A "$tmp/d")"; fi

# a full disk: no frames, no temporaries, the old frames as they were
full tour --dump chinchilla-story "$tmp/new"
said_error "tour --dump on a full disk: one line" "isoflop: $tmp/new/step-01.txt: File too large"
if [ ! -e "$tmp/new" ]; then ok "a full disk leaves no directory of empty frames"; else no "tour --dump on a full disk left" "$(ls -lA "$tmp/new")"; fi
mkdir "$tmp/empty"
full tour --dump chinchilla-story "$tmp/empty"
if [ "$rc" = 2 ] && [ -z "$(ls -A "$tmp/empty")" ]; then ok "nor files in a directory that was there"; else no "tour --dump on a full disk left" "exit $rc" "$(ls -lA "$tmp/empty")"; fi
# (names and contents, not the directory's own mtime, which the temporaries move)
frames() { (cd "$tmp/t" && ls -A && cat -- *); }
before=$(frames | cksum)
full tour --dump chinchilla-story "$tmp/t" --force
after=$(frames | cksum)
if [ "$rc" = 2 ] && [ "$before" = "$after" ]; then ok "tour --dump --force on a full disk leaves the old frames whole"; else no "tour --dump --force on a full disk" "exit $rc" "$err" "$(ls -lA "$tmp/t")"; fi

echo "1..$n"
