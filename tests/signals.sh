#!/bin/sh
# signals.sh: the explorer in a pseudo-terminal (tests/vterm/vterm_screen.c)
# meets every signal whose default action ends a process, idle and in the
# middle of a frame: it must die of that very signal (the exit status a
# shell reports stays honest) and leave the terminal as it found it: off the
# alternate screen, cursor shown, mouse reporting off, icanon and echo on.
# And an Esc right before a resize loses neither.
. "$(dirname "$0")/lib.sh"
: "${VTERM_SCREEN:?set VTERM_SCREEN to build/vterm_screen}"
# leaks are the unit tests' and valgrind's business; a killed explorer's are noise
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"
g=tests/golden

# check NAME VTERM_SCREEN-ARGS...
check() {
	name=$1
	shift
	if out=$("$VTERM_SCREEN" "$@" 2>&1); then
		ok "$name"
	else
		no "$name" "$(printf '%s\n' "$out" | grep -v '^$' | head -n 12)"
	fi
}

# idle: waiting for a key in poll(); the main loop ends curses itself
for sig in QUIT USR1 USR2 PIPE ALRM VTALRM PROF XCPU XFSZ HUP INT TERM; do
	check "SIG$sig while idle: dies of it, terminal restored" \
		-s "$sig" "$ISOFLOP" 80 24 screen "$g/screen-80x24.txt"
done

# busy: stuck writing a 400x120 frame into a pty nobody reads, which is more
# than the pty holds; the handler itself restores the terminal
for sig in QUIT USR1 PIPE ALRM TERM; do
	check "SIG$sig mid-frame: dies of it, terminal restored" -b -s "$sig" "$ISOFLOP" 400 120 screen
done

# Esc (closing the compare picker) with a resize landing while curses waits
# to see whether more of an escape sequence follows: both take effect
# (a wait of 2 s, not 100 ms, so that a loaded machine cannot miss it)
esc=$(printf '\033')
export ESCDELAY=2000
check "Esc then a resize: the picker closes and the frame is redrawn at 160x48" \
	"$ISOFLOP" 80 24 screen "$g/screen-80x24.txt" "c$esc@160x48" "$g/screen-160x48.txt"
unset ESCDELAY

# the checks can fail: a program that dies leaving the alternate screen on,
# the cursor hidden and the tty raw is caught
printf '#!/bin/sh\nstty raw -echo\nprintf "\\033[?1049h\\033[?25lhello"\nwhile :; do sleep 0.1; done\n' >"$tmp/rude"
chmod +x "$tmp/rude"
one_line_screen hello >"$tmp/hello.txt"
out=$("$VTERM_SCREEN" -s QUIT "$tmp/rude" 80 24 screen "$tmp/hello.txt" 2>&1)
if printf '%s\n' "$out" | grep -q 'left on the alternate screen' &&
	printf '%s\n' "$out" | grep -q 'left with the cursor hidden' &&
	printf '%s\n' "$out" | grep -q 'without icanon or echo'; then
	ok "a program that leaves the terminal broken fails the check, saying how"
else
	no "a rude program" "$out"
fi
echo "1..$n"
