#!/bin/sh
# notes.sh: --notes PATH, a tour's speaker notes for a second window. At
# each step shown the file holds that step's notes and the next caption,
# whole; a FIFO takes them while a reader has it open and never holds the
# explorer up when none has (every run here is under timeout); a terminal
# is cleared first, so that it shows one step's notes. The explorer runs in
# tmux (its own server, lib.sh) and keys step the tour.
. "$(dirname "$0")/lib.sh"
trap 'end_tmux; rm -rf "$tmp"' EXIT
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"

cat >"$tmp/t.yaml" <<'YAML'
id: notes-test
title: Notes test
steps:
  - caption: First step
    compute: 1e22
    notes: |
      Say hello.
      Then the map.
  - caption: Second step
    compute: 1e23
  - caption: |
      Third step
      on two lines
    compute: 1e24
    notes: Last words.
YAML

# want K: what the notes say at step K of the tour above
want() {
	case $1 in
	1) printf 'step 1 of 3: Notes test\n\nNOTES\nSay hello.\nThen the map.\n\nNEXT\nSecond step\n' ;;
	2) printf 'step 2 of 3: Notes test\n\nNOTES\n(none)\n\nNEXT\nThird step\non two lines\n' ;;
	3) printf 'step 3 of 3: Notes test\n\nNOTES\nLast words.\n\nNEXT: the end of the tour\n' ;;
	esac
}

# wait_file FILE K: poll until FILE holds step K's notes (20 s at most)
wait_file() {
	want "$2" >"$tmp/want"
	i=0
	while [ "$i" -lt 200 ]; do
		cmp -s "$1" "$tmp/want" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# wait_for REGEX [SESSION]: poll a session's screen until a line matches (20 s)
wait_for() {
	i=0
	while [ "$i" -lt 200 ]; do
		screen "${2:-e}" | grep -Eq -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# --- without a terminal: --dump shows step 1 and writes its notes -----------
run --tour "$tmp/t.yaml" --notes "$tmp/dump-notes.txt" --dump
want 1 >"$tmp/want"
if [ "$rc" = 0 ] && cmp -s "$tmp/dump-notes.txt" "$tmp/want"; then
	ok "--dump writes step 1's notes and step 2's caption"
else
	no "--dump notes" "exit $rc; $err" "$(cat "$tmp/dump-notes.txt" 2>&1)"
fi

# --- a FIFO with no reader: skipped, no hang --------------------------------
mkfifo "$tmp/fifo"
timeout 20 "$ISOFLOP" --tour "$tmp/t.yaml" --notes "$tmp/fifo" --dump >/dev/null 2>"$tmp/err"
rc=$?
if [ "$rc" = 0 ] && [ ! -s "$tmp/err" ]; then
	ok "a FIFO without a reader: the step goes by, no hang, no error"
else
	no "a FIFO without a reader" "exit $rc (124: hung)" "$(cat "$tmp/err")"
fi

# --- a FIFO with a reader: it gets the notes --------------------------------
# fd 3 holds the FIFO open for reading (read-write: the open does not wait)
exec 3<>"$tmp/fifo"
timeout 20 "$ISOFLOP" --tour "$tmp/t.yaml" --notes "$tmp/fifo" --dump >/dev/null 2>"$tmp/err"
rc=$?
timeout 1 cat <&3 >"$tmp/fifo-out" # nothing ends the read but the timeout
exec 3<&-
want 1 >"$tmp/want"
if [ "$rc" = 0 ] && cmp -s "$tmp/fifo-out" "$tmp/want"; then
	ok "a FIFO with a reader gets step 1's notes whole"
else
	no "a FIFO with a reader" "exit $rc" "got: $(cat "$tmp/fifo-out")"
fi

# --- paths that cannot take notes: one line, exit 2 -------------------------
expect_error "--notes on a directory" \
	"isoflop: --notes $tmp is a directory: --notes takes a file, a FIFO or a terminal such as /dev/pts/1" \
	--tour "$tmp/t.yaml" --notes "$tmp" --dump
expect_error "--notes in a directory that does not exist" \
	"isoflop: --notes $tmp/none/notes.txt: No such file or directory" \
	--tour "$tmp/t.yaml" --notes "$tmp/none/notes.txt" --dump
expect_error "--notes without a tour" \
	"isoflop: --notes writes a tour's speaker notes: give --tour ID|FILE too" \
	--notes "$tmp/x.txt" --dump

if ! command -v tmux >/dev/null 2>&1; then
	no "tmux is installed (make deps installs it)"
	echo "1..$n"
	exit 0
fi
T new-session -d -s keep 'sleep 3600' || no "tmux new-session for the session that holds the server up"

# play NOTES: the explorer on the test tour in session e, notes to NOTES
play() {
	note_panes
	T kill-session -t e 2>/dev/null
	T new-session -d -s e -x 80 -y 24 \
		"env TERM=xterm '$ISOFLOP' --tour '$tmp/t.yaml' --notes '$1'; echo EXIT=\$?; sleep 600"
}

# --- a file: rewritten whole at each step, forward and back -----------------
play "$tmp/notes.txt"
good=1
for k in 1 2 3; do
	[ "$k" = 1 ] || T send-keys -t e Space
	wait_file "$tmp/notes.txt" "$k" || {
		good=0
		no "file: step $k's notes" "$(cat "$tmp/notes.txt")"
	}
done
T send-keys -t e BSpace
wait_file "$tmp/notes.txt" 2 || {
	good=0
	no "file: back to step 2's notes" "$(cat "$tmp/notes.txt")"
}
[ "$good" = 1 ] && ok "file: each step's notes and next caption, forward and back"

# --- a FIFO without a reader never holds the explorer up --------------------
play "$tmp/fifo"
T send-keys -t e Space
T send-keys -t e Space
if wait_for 'Third step'; then
	ok "FIFO without a reader: the tour steps on"
else
	no "FIFO without a reader: the explorer is held up" "$(screen | tail -n 3)"
fi

# --- a terminal: cleared, so it shows only the current step's notes ---------
T new-session -d -s notes -x 80 -y 24 'sleep 600'
tty=$(T display -p -t notes '#{pane_tty}')
play "$tty"
wait_for '^Say hello\.' notes
T send-keys -t e Space
if wait_for '^NEXT$' notes && wait_for '^Third step$' notes && ! screen notes | grep -q 'Say hello'; then
	ok "terminal: step 2's notes alone after the step"
else
	no "terminal: the notes window" "$(screen notes)"
fi

echo "1..$n"
