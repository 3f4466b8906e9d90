#!/bin/sh
# e2e.sh [--update]: the explorer end to end in a real terminal emulator.
# tmux (its own server, started and killed here) runs the binary in a pty;
# keys go in with send-keys, the screen comes out with capture-pane. Checks
# that the readout moves as the formulas say, that resizing, quitting and
# SIGHUP leave a sane terminal, and that the screen is exactly the canvas
# (tests/golden/screen-*.txt; --update rewrites them, as make golden does).
. "$(dirname "$0")/lib.sh"
# the server and what runs in its panes end with the test, nothing else (lib.sh)
trap 'end_tmux; rm -rf "$tmp"' EXIT
# leaks are the unit tests' and valgrind's business; a killed explorer's are noise
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"
unset NO_COLOR

# wait_screen FILE: poll until the whole screen is FILE (20 s at most); a
# frame can reach the terminal in more than one write
wait_screen() {
	i=0
	while [ "$i" -lt 200 ]; do
		screen >"$tmp/screen"
		cmp -s "$tmp/screen" "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# wait_still: poll until two captures 0.5 s apart agree (the frame is whole)
wait_still() {
	screen >"$tmp/still"
	i=0
	while [ "$i" -lt 40 ]; do
		sleep 0.5
		screen >"$tmp/screen"
		cmp -s "$tmp/screen" "$tmp/still" && return 0
		cp "$tmp/screen" "$tmp/still"
		i=$((i + 1))
	done
	return 1
}

# wait_gone REGEX: poll until no line matches (20 s at most)
wait_gone() {
	i=0
	while [ "$i" -lt 200 ]; do
		screen | grep -Eq -- "$1" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# session W H COMMAND: session e, fresh, running COMMAND in a W x H pane.
# Session "keep" (below) holds the server up: killing its last session makes
# a tmux server exit, and a new-session racing that exit can fail ("server
# exited unexpectedly"), leaving every check of that session to fail.
session() {
	note_panes
	T kill-session -t e 2>/dev/null
	i=0
	until T new-session -d -s e -x "$1" -y "$2" "$3"; do
		i=$((i + 1))
		if [ "$i" -ge 5 ]; then
			no "tmux new-session (5 tries)"
			return 1
		fi
		sleep 0.2
	done
}

# start W H TERM [ARGS...]: a fresh explorer; when it ends, the pane shows the
# terminal's modes and then its exit status, so that a test that has seen
# EXIT= can read the modes too
start() {
	w=$1 h=$2 term=$3
	shift 3
	session "$w" "$h" \
		"echo \$\$ >'$tmp/pid'; env TERM=$term '$ISOFLOP' $*; rc=\$?; stty -a | tr '\n' ' '; echo; echo EXIT=\$rc; sleep 600"
}

if ! command -v tmux >/dev/null 2>&1; then
	no "tmux is installed (make deps installs it)"
	echo "1..$n"
	exit 0
fi
T new-session -d -s keep 'sleep 3600' || no "tmux new-session for the session that holds the server up"

# --- every TERM a talk may meet: start, draw, quit, terminal restored ------
for term in xterm xterm-256color screen tmux-256color linux vt100; do
	start 80 24 "$term"
	if wait_for 'Tab:slider' && T send-keys -t e q && wait_for '^EXIT=0' &&
		screen | grep -q ' icanon ' && screen | grep -q ' echo '; then
		ok "TERM=$term: draws, quits on q, terminal restored"
	else
		no "TERM=$term" "$(screen | tail -n 5)"
	fi
done

# a terminal without an alternate screen keeps the last frame: what the
# shell prints next starts below it, not over its key hints
start 80 24 vt100
if wait_for 'Tab:slider' && T send-keys -t e q && wait_for '^EXIT=0' && screen | grep -q 'q:quit *$'; then
	ok "TERM=vt100: after q the frame's last row is whole, the shell writes below it"
else
	no "TERM=vt100: the shell wrote over the frame" "$(screen | tail -n 6)"
fi

# TERM=dumb on a real terminal: one line that says why, status 2
start 80 24 dumb
if wait_for '^EXIT=2' && wait_for "^isoflop: the explorer cannot draw on TERM=dumb; for text output try: isoflop plo"; then
	ok "TERM=dumb: one-line error, exit 2"
else
	no "TERM=dumb" "$(screen | head -n 3)"
fi

# a TERM terminfo does not know: one line that names it, status 2, not
# ncurses' own message and status 1
start 80 24 unknown-xyz
if wait_for '^EXIT=2' && wait_for "^isoflop: unknown terminal type 'unknown-xyz' \\(no terminfo entry; try TERM=xterm" &&
	screen | sed -n 3p | grep -q '^speed ' && ! screen | grep -q 'Error opening terminal'; then
	ok "TERM=unknown-xyz: one-line error, exit 2"
else
	no "TERM=unknown-xyz" "$(screen | head -n 4)"
fi

# the difference map (d) of a law at the loader's edges (A = 1e18, alpha =
# 0.01: losses of 1e17) against another; E = 1e16, which once made the
# contour steps fall below a double's precision and the frame spin forever,
# is refused by the loader now (tests/hang.sh, tests/unit/test_contour.c)
sed -e 's/^id: .*/id: steep/' -e 's/^  A: .*/  A: 1e18/' -e 's/^  alpha: .*/  alpha: 0.01/' \
	presets/laws/hoffmann2022.yaml >"$tmp/steep.yaml"
start 80 24 xterm --preset "$tmp/steep.yaml" --law steep
if wait_for 'Tab:slider' && wait_for '^L = 7.79e17 ' && T send-keys -t e c &&
	wait_for 'compare with: Enter picks' && T send-keys -t e -l bes && T send-keys -t e Enter &&
	wait_for 'comparing with besiroglu2024' &&
	T send-keys -t e d && wait_for '^dL = ' && T send-keys -t e q && wait_for '^EXIT=0'; then
	ok "a law at the loader's edges: L = 7.79e17 in the readout, the d view draws, q quits"
else
	no "d view of a law at the loader's edges" "$(screen | tail -n 6)"
fi

# --- the readout follows the formulas ----------------------------------------
# C locked at Chinchilla's 6 * 70B * 1.4T; five steps of 1/20 decade on N
start 80 24 xterm
wait_for 'Tab:slider'
T send-keys -t e Right Right Right Right Right
n_want=$(awk 'BEGIN { printf "%.6e", 70e9 * 10 ^ 0.25 }')
d_want=$(awk -v n="$n_want" 'BEGIN { printf "%.6e", 6 * 70e9 * 1.4e12 / (6 * n) }')
if wait_for '^> N params .* 124B' && wait_for '^  D tokens .* 787B' &&
	wait_for '^  C FLOPs .* 5\.88e23 locked'; then
	ok "C locked: N x 10^0.25 = 124B, D = C/(6N) = 787B, C unchanged"
else
	no "C locked walk" "$(screen | tail -n 8)"
fi
want=$("$ISOFLOP" loss --params "$n_want" --tokens "$d_want" --format csv | awk -F, 'NR == 2 { printf "%.4f", $5 }')
if wait_for "^L = $want "; then ok "readout L = $want, as isoflop loss computes it"; else no "readout L" "want L = $want" "$(screen | grep '^L =')"; fi

# typing a value: D = 2T with C locked moves N to C/(6 * 2T) = 49B
T send-keys -t e Tab = 2 T Enter
if wait_for '^. D tokens .* 2T' && wait_for '^. N params .* 49B'; then
	ok "= 2T on D moves N to 49B"
else
	no "typed value" "$(screen | tail -n 8)"
fi
T send-keys -t e = a b c C-j
if wait_for "^D: .*'abc'"; then ok "a bad value (ended with Ctrl-J, a line feed) is reported in the status line"; else no "bad value" "$(screen | tail -n 2)"; fi

# snap to the optimum, then the help overlay opens and closes
T send-keys -t e o
if wait_for 'dL = \+0\.0000'; then ok "o: on the optimum, dL = 0"; else no "o snaps" "$(screen | grep 'dL')"; fi
T send-keys -t e '?'
if wait_for 'keys \((j k scroll, )?any (other )?key closes\)' && T send-keys -t e z && wait_gone 'key closes'; then
	ok "? opens the help, any key closes it"
else
	no "help overlay" "$(screen | head -n 5)"
fi

# c compares with a second law, picked by typing its id (hof: hoffmann2022;
# henighan2020-* come first under h), d maps where the two disagree
T send-keys -t e c h o f Enter
if wait_for 'comparing with hoffmann2022' && T send-keys -t e d && wait_for '^dL = besiroglu2024 - hoffmann2022: '; then
	ok "c then d: the difference map of two laws"
else
	no "compare and delta" "$(screen | head -n 2)" "$(screen | tail -n 1)"
fi
T send-keys -t e d

# resize below the minimum and back, then quit
T resize-window -t e -x 40 -y 10
if wait_for 'terminal too small \(need 40x12\)'; then ok "40x10: says the terminal is too small"; else no "too small" "$(screen)"; fi
T resize-window -t e -x 80 -y 24
if wait_for 'Tab:slider'; then ok "back to 80x24: redrawn"; else no "resize back" "$(screen)"; fi
T send-keys -t e Escape
if wait_for 'Esc closes dialogs; q quits'; then ok "Esc does not quit: it says q does"; else no "Esc hint" "$(screen | tail -n 3)"; fi
sleep 0.3 # Esc and q in one write would read as Alt-q
T send-keys -t e q
if wait_for '^EXIT=0' && screen | grep -q ' icanon '; then ok "q quits, terminal restored"; else no "q quits" "$(screen | tail -n 3)"; fi

# --- the mouse, as the terminal encodes a click (press, then release) ---------
# xterm's SGR encoding on the N bar, 1-based column 38 row 18: 25 of its 50
# steps, N = 10^(7 + 3) = 10B, and D = 5.88e23 / (6 x 10B) = 9.8T as C holds
start 80 24 xterm
if wait_for 'Tab:slider' && T send-keys -t e -l "$(printf '\033[<0;38;18M\033[<0;38;18m')" &&
	wait_for '^> N params .* 10B' && wait_for '^  D tokens .* 9\.8T' && wait_for '^  C FLOPs .* 5\.88e23 locked'; then
	ok "a click on the N bar sets N = 10B; C holds, D follows (xterm SGR)"
else
	no "mouse on a slider" "$(screen | tail -n 8)"
fi
T send-keys -t e q
# screen's X10 encoding (bytes 32 + button, column, row) on the map, cell (20, 12):
# its centre is 765M, 1.43B (test_app checks a cell centre's arithmetic)
start 80 24 screen
if wait_for 'Tab:slider' && T send-keys -t e -l "$(printf '\033[M 4,\033[M#4,')" &&
	wait_for '^> N params .* 765M' && wait_for '^  D tokens .* 1\.43B'; then
	ok "a click on the map moves the point to that cell (screen X10)"
else
	no "mouse on the map" "$(screen | tail -n 8)"
fi
T send-keys -t e q

# --- batch output on a terminal keeps to its width (no COLUMNS: the pty's) ----
session 80 24 "env -u COLUMNS '$ISOFLOP' presets laws; echo EXIT=\$?; sleep 600"
if wait_for '^EXIT=0' && wait_for '^hoffmann2022-unrounded  language +additive .*\.\.\.$'; then
	ok "presets on an 80-column terminal: long names cut with '...'"
else
	no "presets on a terminal" "$(screen)"
fi

# --unicode: axes in line drawing (capture-pane shows the VT100 letter, x, in a C locale)
start 80 24 xterm --unicode
if wait_for 'Tab:slider' && wait_for '^ {5}(│|x) ' && T send-keys -t e q && wait_for '^EXIT=0'; then
	ok "--unicode draws axes with line-drawing characters"
else
	no "--unicode" "$(screen | head -n 3)"
fi

# --- a tour for a talk, on a plain vt100 with no colour ------------------------
start 80 24 vt100 --tour chinchilla-story
if wait_for '^1/10 ' && wait_for "^ 2020, Kaplan et al"; then ok "tour: step 1 and its caption"; else no "tour start" "$(screen | tail -n 4)"; fi
T send-keys -t e Space Space
if wait_for '^3/10 ' && wait_for "^ Same compute, another split"; then ok "tour: Space steps forward"; else no "tour Space" "$(screen | tail -n 4)"; fi
T send-keys -t e BSpace
if wait_for '^2/10 '; then ok "tour: Backspace steps back"; else no "tour Backspace" "$(screen | tail -n 2)"; fi
T send-keys -t e g 6 Enter
if wait_for '^6/10 ' && wait_for "^ The data wall"; then ok "tour: g 6 Enter jumps to step 6"; else no "tour g" "$(screen | tail -n 4)"; fi
T send-keys -t e Space Space Space Space Space # past the last
if wait_for 'the last step: q quits'; then ok "tour: the last step says so"; else no "tour end" "$(screen | tail -n 2)"; fi
T send-keys -t e g 8 Enter # Snell et al.'s step: the M slider to detour with
wait_for '^8/10 '
T send-keys -t e Right
if wait_for 'detour from step 8: Enter returns, Space goes on' && wait_for '^> M larger .* x15\.7'; then ok "tour: an arrow makes a detour and says how to return"; else no "tour detour" "$(screen | tail -n 8)"; fi
T send-keys -t e = z Enter # an error message, then the double Esc of a startled speaker
T send-keys -t e Escape
sleep 0.3
T send-keys -t e Escape
if wait_for 'Esc stays: Enter returns to step 8, q quits'; then ok "tour: a double Esc after an error keeps the tour"; else no "tour double Esc" "$(screen | tail -n 3)"; fi
sleep 0.3
T send-keys -t e Enter
if wait_for '^8/10 ' && wait_for '^> M larger .* x14$'; then ok "tour: Enter returns to the step left"; else no "tour return" "$(screen | tail -n 8)"; fi
T send-keys -t e q
if wait_for 'quit the tour and isoflop\? y/n'; then ok "tour: q asks first"; else no "tour q asks" "$(screen | tail -n 2)"; fi
T send-keys -t e n
if wait_for '^8/10 '; then ok "tour: n goes on with the tour"; else no "tour q n" "$(screen | tail -n 2)"; fi
T send-keys -t e q y
if wait_for '^EXIT=0'; then ok "tour: q y quits"; else no "tour quit" "$(screen | tail -n 3)"; fi

# --- your runs through a pipe, then keys from the terminal ---------------------
session 80 24 \
	"cat tests/runs/besiroglu-sweeps.csv | env TERM=xterm '$ISOFLOP' --runs -; echo EXIT=\$?; sleep 600"
if wait_for 'x runs \(96\)' 90 && T send-keys -t e w && wait_for '> runs +Fit of -'; then
	ok "--runs -: reads the pipe, then the keys; the fit is in the law picker"
else
	no "--runs -" "$(screen | tail -n 6)"
fi
T send-keys -t e Escape
sleep 0.3 # Esc and q in one write would read as Alt-q
T send-keys -t e q
if wait_for '^EXIT=0'; then ok "--runs -: quits cleanly"; else no "--runs -: quits" "$(screen | tail -n 3)"; fi

# --- edit a law's coefficients, save it, find it next time -------------------
session 80 24 \
	"env TERM=xterm XDG_CONFIG_HOME='$tmp/config' '$ISOFLOP'; echo EXIT=\$?; sleep 600"
if wait_for 'Tab:slider' && T send-keys -t e e && wait_for '^> E +\[.*\] +1\.8172$' &&
	T send-keys -t e Right Right && wait_for '^> E +\[.*\] +1\.8662$' &&
	wait_for '^besiroglu2024\*: @ Chinchilla 70B, L = 2\.0229'; then
	ok "e: E moves in steps of 1/200 of its range and the loss follows (1.9739 + 0.049)"
else
	no "edit E" "$(screen | head -n 1)" "$(screen | tail -n 9)"
fi
T send-keys -t e s m y - l a w Enter
if wait_for "^saved as --law my-law: " && [ -f "$tmp/config/isoflop/laws/my-law.yaml" ] &&
	XDG_CONFIG_HOME="$tmp/config" "$ISOFLOP" loss --law my-law --params 70B --tokens 1.4T --format csv | grep -q '^my-law,.*,2\.02288'; then
	ok "s saves the edited law; the next run loads it"
else
	no "save" "$(screen | tail -n 1)"
fi
T send-keys -t e s m y - l a w Enter
if wait_for '^my-law not saved: File exists'; then ok "s never overwrites a saved law"; else no "save twice" "$(screen | tail -n 1)"; fi
T send-keys -t e q
wait_for '^EXIT=0' >/dev/null

# --- the SSH link drops: SIGHUP ----------------------------------------------
start 80 24 xterm-256color
wait_for 'Tab:slider'
pid=$(cat "$tmp/pid")
# the shell exec'd nothing: the explorer is its child
child=$(pgrep -P "$pid" -f isoflop | head -n 1)
kill -HUP "$child" 2>/dev/null
if wait_for '^EXIT=129' 10 && ! kill -0 "$child" 2>/dev/null && screen | grep -q ' icanon '; then
	ok "SIGHUP: exits at once (status 129), terminal restored"
else
	no "SIGHUP" "$(screen | tail -n 3)"
fi
start 80 24 xterm
wait_for 'Tab:slider'
child=$(pgrep -P "$(cat "$tmp/pid")" -f isoflop | head -n 1)
kill -TERM "$child" 2>/dev/null
if wait_for '^EXIT=143' 10; then ok "SIGTERM: exits, status 143"; else no "SIGTERM" "$(screen | tail -n 3)"; fi

# Ctrl-Z is curses' own: under a shell with job control the explorer stops
# with the shell's modes back (the shell prints them), and fg brings it back
# drawing and taking keys
session 80 24 "sh -c 'set -m; env TERM=xterm $ISOFLOP; echo STOPPED=\$?; stty -a | tr \"\\n\" \" \"; echo; fg; echo EXIT=\$?; sleep 600'"
# normal_screen_has RE: the shell's screen, under the explorer's alternate one
normal_screen_has() {
	i=0
	while [ "$i" -lt 200 ]; do
		T capture-pane -a -p -t e 2>/dev/null | grep -q -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
if wait_for 'Tab:slider' && T send-keys -t e C-z && normal_screen_has '^STOPPED=148' &&
	normal_screen_has ' icanon ' && wait_for 'Tab:slider' && T send-keys -t e Right &&
	wait_for '^> N params .* 78\.5B' && T send-keys -t e q && wait_for '^EXIT=0'; then
	ok "Ctrl-Z stops the explorer with the terminal restored; fg brings it back working"
else
	no "Ctrl-Z and fg" "$(screen | grep -v '^$' | tail -n 4)"
fi

# the terminal itself goes away (the SSH session closes): the explorer ends
start 80 24 xterm
wait_for 'Tab:slider'
child=$(pgrep -P "$(cat "$tmp/pid")" -f isoflop | head -n 1)
note_panes
T kill-session -t e
i=0
while kill -0 "$child" 2>/dev/null && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
if [ -n "$child" ] && ! kill -0 "$child" 2>/dev/null; then
	ok "a closed terminal ends the explorer"
else
	no "closed terminal" "explorer ${child:-not found} $(ps -o pid=,args= -p "${child:-0}")"
fi

# --- golden screens: what the terminal shows is the canvas -------------------
update=$([ "${1:-}" = --update ] && echo 1)
# golden FILE WHAT: the screen now against FILE (with --update, write it once still)
golden() {
	if [ "${update:-}" = 1 ]; then
		wait_still
		cp "$tmp/screen" "$1"
		ok "wrote $1"
	elif wait_screen "$1"; then
		ok "$2 matches $1"
	else
		no "$2 differs from $1 (make golden rewrites it)" "$(diff "$1" "$tmp/screen" | head -n 20)"
	fi
}
for size in 80x24 160x48 30x10; do
	start "${size%x*}" "${size#*x}" xterm
	wait_for 'Tab:slider|too small'
	golden "tests/golden/screen-$size.txt" "the screen at $size"
done
golden_view() { golden "tests/golden/view-$1-80x24.txt" "the $1 view at 80x24"; }
# the views reached by keys only: compare (c), difference (d), law editing (e);
# each key goes in once the screen shows the state before it
start 80 24 xterm
wait_for 'Tab:slider' && T send-keys -t e c &&
	wait_for 'compare with: Enter picks' && T send-keys -t e h o f Enter &&
	wait_for 'comparing with hoffmann2022'
golden_view compare
T send-keys -t e d && wait_for '^dL = '
golden_view delta
T send-keys -t e d && wait_gone '^dL = ' && T send-keys -t e e && wait_for 'editing besiroglu2024'
golden_view edit
T send-keys -t e q

# at a size --dump can draw, the terminal shows exactly the dumped canvas
"$ISOFLOP" --dump --width 80 --height 24 >"$tmp/dump"
start 80 24 xterm
wait_for 'Tab:slider'
if wait_screen "$tmp/dump"; then ok "the screen is exactly isoflop --dump"; else no "screen vs --dump" "$(diff "$tmp/dump" "$tmp/screen" | head -n 20)"; fi
echo "1..$n"
